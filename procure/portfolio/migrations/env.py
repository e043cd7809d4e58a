"""Alembic's environment for the portfolio: run from code with an open connection.

procure.portfolio.database passes the connection in `config.attributes["connection"]`; there
is no alembic.ini and no logging set-up, so a user sees no migration chatter.
"""

from alembic import context

from procure.portfolio.models import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
