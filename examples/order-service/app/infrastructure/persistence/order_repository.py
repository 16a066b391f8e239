from sqlalchemy.orm import Session

from app.domain.models.order import Order, OrderItem, OrderStatus
from app.domain.repositories import OrderRepository
from app.infrastructure.persistence.tables import OrderItemRecord, OrderRecord


class SqlOrderRepository(OrderRepository):
    def __init__(self, session: Session):
        self.session = session

    def get(self, order_id: int) -> Order | None:
        record = self.session.get(OrderRecord, order_id)
        if record is None:
            return None
        items = [OrderItem(item.product_id, item.quantity, item.unit_price) for item in record.items]
        return Order(user_id=record.user_id, items=items, status=OrderStatus(record.status), id=record.id)

    def save(self, order: Order) -> None:
        record = self.session.get(OrderRecord, order.id) if order.id else None
        if record is None:
            record = OrderRecord(user_id=order.user_id, status=order.status.value, total=order.total)
            record.items = [OrderItemRecord(product_id=i.product_id, quantity=i.quantity, unit_price=i.unit_price) for i in order.items]
            self.session.add(record)
        record.status = order.status.value
        self.session.commit()
        order.id = record.id
