from fastapi import Depends, Header, HTTPException
from sqlalchemy.orm import Session

from app.infrastructure.persistence.database import SessionLocal


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_current_user(authorization: str = Header(...), db: Session = Depends(get_db)) -> int:
    if not authorization.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="not authenticated")
    return int(authorization.removeprefix("Bearer "))
