from fastapi import FastAPI

from app.api.routes import orders

app = FastAPI(title="Order service")
app.include_router(orders.router)
