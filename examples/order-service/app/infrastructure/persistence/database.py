from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("postgresql+psycopg://orders@localhost/orders")
SessionLocal = sessionmaker(bind=engine)
