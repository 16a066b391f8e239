from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.repositories import InventoryRepository
from app.infrastructure.persistence.tables import StockRecord


class SqlInventoryRepository(InventoryRepository):
    def __init__(self, session: Session):
        self.session = session

    def catalogue(self) -> dict[int, int]:
        return {row.product_id: row.unit_price for row in self.session.scalars(select(StockRecord))}

    def has_stock(self, product_id: int, quantity: int) -> bool:
        stock = self.session.get(StockRecord, product_id)
        return stock is not None and stock.available >= quantity

    def reserve(self, lines: list[tuple[int, int]]) -> None:
        for product_id, quantity in lines:
            self.session.get(StockRecord, product_id).available -= quantity
        self.session.commit()
