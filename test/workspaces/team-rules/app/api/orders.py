from houseweb import endpoint

from app.application.ordering import place
from app.domain.order import Order


@endpoint("POST", "/orders")
def place_order(request):
    return place(Order(request.json["sku"]))


@endpoint("GET", "/orders/{id}")
def show_order(request, id):
    return {"id": id}
