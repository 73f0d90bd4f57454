"""Store: SQLAlchemy models and the functions that persist stage outputs (SQLite by default)."""
