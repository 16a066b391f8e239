def test_create_order_and_pay(client, paid_token):
    response = client.post("/orders", json={"items": [{"product_id": 1, "quantity": 2}], "payment_token": paid_token}, headers={"Authorization": "Bearer 7"})
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
