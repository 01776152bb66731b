"""Read access to openings for search and display (keyword-only, session passed in)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from storage.models import Opening, OpeningSource

__all__ = ["get_opening", "get_openings", "iter_openings"]


def iter_openings(*, session: Session, batch_size: int = 1000) -> Iterator[Opening]:
    """Every opening with its company and postings loaded, in id order, streamed in batches."""
    last_id = 0
    while True:
        batch = session.scalars(
            select(Opening)
            .where(Opening.id > last_id)
            .order_by(Opening.id)
            .limit(batch_size)
            .options(
                selectinload(Opening.company),
                selectinload(Opening.postings).selectinload(OpeningSource.source),
            )
        ).all()
        if not batch:
            return
        yield from batch
        last_id = batch[-1].id


def get_openings(*, session: Session, ids: Iterable[int]) -> dict[int, Opening]:
    """The openings with these ids (company and postings loaded), by id; unknown ids are absent."""
    wanted: Sequence[int] = list(ids)
    if not wanted:
        return {}
    # One joined SELECT: a handful of rows is read per search, so four round trips
    # (openings, companies, postings, sources) cost more than the duplicated columns.
    rows = session.scalars(
        select(Opening)
        .where(Opening.id.in_(wanted))
        .options(
            joinedload(Opening.company),
            joinedload(Opening.postings).joinedload(OpeningSource.source),
        )
    ).unique()
    return {row.id: row for row in rows}


def get_opening(*, session: Session, opening_id: int) -> Opening | None:
    """One opening with its company loaded, or ``None``."""
    return session.get(Opening, opening_id, options=[joinedload(Opening.company)])
