from celery import shared_task


@shared_task(bind=True, max_retries=3)
def send_order_confirmation_email(self, order_id: int, user_id: int) -> None:
    """Runs in a Celery worker, after the request has answered."""
    print(f"emailing user {user_id} about order {order_id}")
