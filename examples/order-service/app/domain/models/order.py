from dataclasses import dataclass, field
from enum import Enum


class OrderStatus(Enum):
    PENDING = "pending"
    PAID = "paid"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    FAILED = "failed"


class InvalidOrderError(ValueError):
    pass


@dataclass
class OrderItem:
    product_id: int
    quantity: int
    unit_price: int

    def __post_init__(self):
        if self.quantity <= 0:
            raise InvalidOrderError("quantity must be positive")
        if self.unit_price < 0:
            raise InvalidOrderError("price must not be negative")


@dataclass
class Order:
    user_id: int
    items: list[OrderItem]
    status: OrderStatus = OrderStatus.PENDING
    id: int | None = None
    events: list = field(default_factory=list)

    @classmethod
    def create(cls, user_id: int, items: list[OrderItem]) -> "Order":
        if not items:
            raise InvalidOrderError("an order needs at least one item")
        return cls(user_id=user_id, items=items)

    @property
    def total(self) -> int:
        return sum(item.unit_price * item.quantity for item in self.items)

    def mark_paid(self) -> None:
        if self.status is not OrderStatus.PENDING:
            raise InvalidOrderError("only pending orders can be paid")
        self.status = OrderStatus.PAID

    def mark_failed(self) -> None:
        self.status = OrderStatus.FAILED

    def confirm(self) -> None:
        if self.status is not OrderStatus.PAID:
            raise InvalidOrderError("only paid orders can be confirmed")
        self.status = OrderStatus.CONFIRMED

    def cancel(self) -> None:
        if self.status in (OrderStatus.CANCELLED, OrderStatus.FAILED):
            raise InvalidOrderError(f"a {self.status.value} order cannot be cancelled")
        self.status = OrderStatus.CANCELLED
