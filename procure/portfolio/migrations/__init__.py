"""Alembic migrations of the portfolio database, run from code (procure.portfolio.database)."""
