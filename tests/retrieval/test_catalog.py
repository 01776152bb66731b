"""The catalog's facts read from imported openings (real SQLite)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from retrieval.catalog import Catalog
from storage.importer import import_files
from storage.models import Opening
from storage.readers import CANONICAL_COLUMNS

PART_TIME_TITLE = "김치공장 절임·포장 시간제 (결혼이민자 우대)"
#: A 근무형태 cell that states the hours the description leaves out (a city board's shape).
PART_TIME = (
    "gunsan_city,GSJC-1,옥구식품(주),김치공장 절임·포장 시간제 (결혼이민자 우대),식품 포장,"
    "배추 절임과 포장. 중식 제공.,군산시 옥구읍,"
    "시급,10320,,무관,,무관,,계약직,시간제 / 주간 09:30~15:30 / 주5일,2026-12-22,063-000-3333"
)


def test_hours_stated_only_in_the_shift_cell_are_the_postings_hours(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "city.csv"
    path.write_text(",".join(CANONICAL_COLUMNS) + "\n" + PART_TIME + "\n", encoding="utf-8")
    import_files(session, [path])
    catalog = Catalog.load(session)
    assert catalog.starts_at is not None and catalog.ends_at is not None
    assert (catalog.starts_at[0], catalog.ends_at[0]) == (9.5, 15.5)
    assert catalog.welcomes_migrants is not None and bool(catalog.welcomes_migrants[0])
    assert np.array_equal(catalog.daily_hours, [5.0])  # 시간제: short work


def _titled(session: Session, tmp_path: Path, *titles: str) -> tuple[Catalog, list[str]]:
    """The catalog of PART_TIME and a copy of it under each of ``titles``, and the title of
    each of its rows."""
    copies = [
        PART_TIME.replace("GSJC-1", f"GSJC-{n}").replace(PART_TIME_TITLE, title, 1)
        for n, title in enumerate(titles, 2)
    ]
    path = tmp_path / "city.csv"
    lines = [",".join(CANONICAL_COLUMNS), PART_TIME, *copies]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_files(session, [path])
    catalog = Catalog.load(session)
    names = {i: t for i, t in session.execute(select(Opening.id, Opening.title))}
    return catalog, [names[int(i)] for i in catalog.ids]


def test_a_season_hire_said_in_the_title_is_read_from_the_stored_posting(
    session: Session, tmp_path: Path
) -> None:
    catalog, titles = _titled(session, tmp_path, "간편식 공장 포장 단기 알바 (12월 한 달)")
    assert catalog.short_term is not None
    assert dict(zip(titles, catalog.short_term.tolist(), strict=True)) == {
        PART_TIME_TITLE: False,
        "간편식 공장 포장 단기 알바 (12월 한 달)": True,
    }


def test_a_restaurant_hall_job_is_standing_work_whatever_its_text_says(
    session: Session, tmp_path: Path
) -> None:
    """ "허리 디스크라 … 앉아서 하는일이면 아무거나" (pool 9 j015) had a 홀서빙 job second."""
    catalog, titles = _titled(session, tmp_path, "횟집 주말 홀서빙 (토·일)")
    assert dict(zip(titles, catalog.strain["standing"].tolist(), strict=True)) == {
        PART_TIME_TITLE: False,
        "횟집 주말 홀서빙 (토·일)": True,
    }
