from app.domain.order import Order


def save(order: Order) -> None:
    print(order.sku)
