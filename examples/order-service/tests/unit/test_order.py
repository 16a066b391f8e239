import pytest

from app.domain.models.order import InvalidOrderError, Order, OrderItem


def test_an_order_needs_items():
    with pytest.raises(InvalidOrderError):
        Order.create(user_id=1, items=[])


def test_only_paid_orders_are_confirmed():
    order = Order.create(user_id=1, items=[OrderItem(1, 1, 100)])
    with pytest.raises(InvalidOrderError):
        order.confirm()
