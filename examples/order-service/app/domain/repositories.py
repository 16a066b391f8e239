from abc import ABC, abstractmethod

from app.domain.models.order import Order


class OrderRepository(ABC):
    """What the domain needs from storage; the infrastructure decides how."""

    @abstractmethod
    def get(self, order_id: int) -> Order | None: ...

    @abstractmethod
    def save(self, order: Order) -> None: ...


class InventoryRepository(ABC):
    @abstractmethod
    def has_stock(self, product_id: int, quantity: int) -> bool: ...

    @abstractmethod
    def reserve(self, lines: list[tuple[int, int]]) -> None: ...
