from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import DeclarativeBase, relationship


class Base(DeclarativeBase):
    pass


class OrderRecord(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, nullable=False, index=True)
    status = Column(String(16), nullable=False)
    total = Column(Integer, nullable=False)
    created_at = Column(DateTime, nullable=False, server_default=func.now())
    items = relationship("OrderItemRecord", back_populates="order")


class OrderItemRecord(Base):
    __tablename__ = "order_items"
    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("orders.id"), nullable=False)
    product_id = Column(Integer, nullable=False)
    quantity = Column(Integer, nullable=False)
    unit_price = Column(Integer, nullable=False)
    order = relationship("OrderRecord", back_populates="items")


class StockRecord(Base):
    __tablename__ = "stock"
    product_id = Column(Integer, primary_key=True)
    available = Column(Integer, nullable=False)
    unit_price = Column(Integer, nullable=False)
