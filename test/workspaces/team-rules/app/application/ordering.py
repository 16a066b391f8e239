from app.domain.order import Order


def place(order: Order) -> Order:
    return order
