class Order:
    def __init__(self, sku: str) -> None:
        self.sku = sku
