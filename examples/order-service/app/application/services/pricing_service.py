from app.domain.models.order import OrderItem


class PricingService:
    """Prices come from the catalogue; discounts would be applied here."""

    def __init__(self, catalogue: dict[int, int]):
        self.catalogue = catalogue

    def price_items(self, lines: list[tuple[int, int]]) -> list[OrderItem]:
        return [OrderItem(product_id=product_id, quantity=quantity, unit_price=self.catalogue[product_id]) for product_id, quantity in lines]
