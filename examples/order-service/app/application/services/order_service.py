from sqlalchemy.orm import Session

from app.application.services.pricing_service import PricingService
from app.domain.events import OrderCreatedEvent
from app.domain.models.order import Order
from app.domain.repositories import InventoryRepository, OrderRepository
from app.infrastructure.external.payment_gateway import PaymentError, PaymentService
from app.infrastructure.persistence.inventory_repository import SqlInventoryRepository
from app.infrastructure.persistence.order_repository import SqlOrderRepository
from app.infrastructure.tasks.email import send_order_confirmation_email


class OutOfStockError(Exception):
    pass


class OrderService:
    """Orchestrates the "create an order and pay" flow; the rules themselves live in Order."""

    def __init__(self, inventory_repo: InventoryRepository, order_repo: OrderRepository, pricing_service: PricingService, payment_service: PaymentService):
        self.inventory_repo = inventory_repo
        self.order_repo = order_repo
        self.pricing_service = pricing_service
        self.payment_service = payment_service

    @classmethod
    def for_session(cls, db: Session) -> "OrderService":
        inventory = SqlInventoryRepository(db)
        return cls(inventory, SqlOrderRepository(db), PricingService(inventory.catalogue()), PaymentService())

    def create_order(self, user_id: int, lines: list[tuple[int, int]], payment_token: str) -> Order:
        for product_id, quantity in lines:
            if not self.inventory_repo.has_stock(product_id, quantity):
                raise OutOfStockError(f"product {product_id} is out of stock")
        items = self.pricing_service.price_items(lines)
        order = Order.create(user_id=user_id, items=items)
        self.order_repo.save(order)
        try:
            self.payment_service.charge(payment_token, order.total)
        except PaymentError:
            order.mark_failed()
            self.order_repo.save(order)
            raise
        order.mark_paid()
        self.inventory_repo.reserve(lines)
        order.confirm()
        self.order_repo.save(order)
        send_order_confirmation_email.delay(order.id, user_id)
        OrderCreatedEvent(order_id=order.id, user_id=user_id, total=order.total).publish()
        return order

    def get_order(self, user_id: int, order_id: int) -> Order | None:
        order = self.order_repo.get(order_id)
        return order if order is not None and order.user_id == user_id else None

    def cancel_order(self, user_id: int, order_id: int) -> Order:
        order = self.order_repo.get(order_id)
        if order is None or order.user_id != user_id:
            raise LookupError(order_id)
        order.cancel()
        self.order_repo.save(order)
        return order
