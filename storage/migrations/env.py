"""Alembic environment: runs on the connection handed over by :func:`storage.db.upgrade`."""

from alembic import context

from storage import course_models  # noqa: F401  (registers the courses table)
from storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
