from dataclasses import dataclass

from app.infrastructure.messaging import event_bus


@dataclass(frozen=True)
class DomainEvent:
    def publish(self) -> None:
        event_bus.publish(self)


@dataclass(frozen=True)
class OrderCreatedEvent(DomainEvent):
    order_id: int
    user_id: int
    total: int
