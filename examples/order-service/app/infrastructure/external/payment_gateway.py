import httpx


class PaymentError(Exception):
    pass


class PaymentService:
    """Charges through an external payment provider over HTTP."""

    def __init__(self, base_url: str = "https://payments.invalid"):
        self.client = httpx.Client(base_url=base_url, timeout=10)

    def charge(self, token: str, amount: int) -> str:
        response = self.client.post("/charges", json={"token": token, "amount": amount})
        if response.status_code != 201:
            raise PaymentError(response.text)
        return response.json()["id"]
