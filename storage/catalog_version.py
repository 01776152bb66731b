"""The catalog version: a counter bumped by every commit that changes the openings.

The search index records the version it was built from, so anyone can tell in one query
whether the index lags the database (an import interrupted before indexing, ``--no-index``).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import CatalogState, utc_now

__all__ = ["bump_catalog_version", "catalog_version"]

_ROW = 1


def catalog_version(*, session: Session) -> int:
    """The current version (0 for a database no import has touched since migration 0004)."""
    return session.scalar(select(CatalogState.version).where(CatalogState.id == _ROW)) or 0


def bump_catalog_version(*, session: Session) -> None:
    """Count one change, inside the caller's transaction (committed with the change itself)."""
    bumped = session.execute(
        update(CatalogState)
        .where(CatalogState.id == _ROW)
        .values(version=CatalogState.version + 1, changed_at=utc_now())
    )
    if not bumped.rowcount:  # type: ignore[attr-defined]
        session.add(CatalogState(id=_ROW, version=2, changed_at=utc_now()))
