from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.api.dependencies import get_current_user, get_db
from app.application.services.order_service import OrderService, OutOfStockError
from app.infrastructure.external.payment_gateway import PaymentError

router = APIRouter()


class OrderItemIn(BaseModel):
    product_id: int
    quantity: int


class CreateOrderRequest(BaseModel):
    items: list[OrderItemIn]
    payment_token: str


@router.post("/orders", status_code=201)
def create_order(request: CreateOrderRequest, db: Session = Depends(get_db), current_user: int = Depends(get_current_user)):
    service = OrderService.for_session(db)
    try:
        order = service.create_order(current_user, [(item.product_id, item.quantity) for item in request.items], request.payment_token)
    except OutOfStockError as error:
        raise HTTPException(status_code=409, detail=str(error))
    except PaymentError as error:
        raise HTTPException(status_code=402, detail=str(error))
    return {"id": order.id, "status": order.status.value, "total": order.total}


@router.get("/orders/{order_id}")
def get_order(order_id: int, db: Session = Depends(get_db), current_user: int = Depends(get_current_user)):
    order = OrderService.for_session(db).get_order(current_user, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="order not found")
    return {"id": order.id, "status": order.status.value, "total": order.total}


@router.post("/orders/{order_id}/cancel")
def cancel_order(order_id: int, db: Session = Depends(get_db), current_user: int = Depends(get_current_user)):
    order = OrderService.for_session(db).cancel_order(current_user, order_id)
    return {"id": order.id, "status": order.status.value}
