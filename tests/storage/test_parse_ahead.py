"""Rows normalized in worker processes store exactly what an import in one process stores."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from itertools import islice
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services import open_database
from storage import parse_ahead
from storage.errors import RowRejected, UnreadableFileError
from storage.formats import RawRow
from storage.importer import import_files
from storage.models import Company, Opening, OpeningSource, RejectedRow
from storage.parse_ahead import ParseAhead
from storage.readers import read_rows
from storage.records import OpeningRecord
from tests.conftest import make_settings

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "openings" / "gunsan_openings.csv"
TIMES = {"created_at", "updated_at", "first_seen", "last_seen", "retired_at"}


def _values(obj: object) -> dict[str, object]:
    columns = obj.__table__.columns.keys()  # type: ignore[attr-defined]
    plain = {c: getattr(obj, c) for c in columns if c not in TIMES}
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in plain.items()}


def _dump(session: Session) -> list[str]:
    """Every stored company, opening, posting and rejected row, as sorted JSON lines."""
    lines = [
        json.dumps(_values(obj), ensure_ascii=False, sort_keys=True)
        for model in (Company, Opening, OpeningSource)
        for obj in session.scalars(select(model).order_by(model.id))  # type: ignore[attr-defined]
    ]
    lines += [
        json.dumps([r.line, r.reason, r.raw], ensure_ascii=False)
        for r in session.scalars(select(RejectedRow).order_by(RejectedRow.id))
    ]
    return lines


def _edited(tmp_path: Path) -> Path:
    """The sample file with every tenth title changed (updates) and one removed (rejected)."""
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    title = header.index("title")
    for row in rows[::10]:
        row[title] += " 급구"
    rows[5][title] = ""
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def _import(home: Path, paths: list[Path], workers: int) -> tuple[list[str], list[object]]:
    sessions = open_database(make_settings(home))
    reports: list[object] = []
    for _ in range(2):  # the second time every row is unchanged
        with sessions() as session:
            summary = import_files(session, paths, workers=workers)
        reports.append([(r.rows, r.new, r.updated, r.unchanged, r.merged, r.rejected)
                        for r in summary.files])  # fmt: skip
    with sessions() as session:
        return _dump(session), reports


_start = ParseAhead._start


def _start_and_wait(self: ParseAhead) -> ProcessPoolExecutor:
    """Start the workers and wait until one is ready, so the rows after it go through them
    (the importer would go on alone meanwhile, and these files are short)."""
    executor = _start(self)
    assert self._ready is not None
    self._ready.result(timeout=120)
    return executor


def test_workers_store_and_report_the_same_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_ahead, "SERIAL_ROWS", 5)
    monkeypatch.setattr(parse_ahead, "CHUNK", 7)
    monkeypatch.setattr(ParseAhead, "_start", _start_and_wait)
    paths = [SAMPLE, _edited(tmp_path)]
    alone = _import(tmp_path / "alone", paths, workers=0)
    ahead = _import(tmp_path / "ahead", paths, workers=1)
    assert ahead == alone
    dump, (first, again) = alone
    assert len(dump) > 300 and any("급구" in line for line in dump)
    rows, new, updated, unchanged, merged, rejected = first[1]  # type: ignore[index]
    assert updated >= 30 and len(rejected) == 1 and unchanged >= 250
    assert again[0][2] == updated  # type: ignore[index]  # the titles changed back


def _rows_then_error(n: int) -> Iterator[RawRow]:
    """The sample file's first ``n`` rows, then a read error."""
    _, rows = read_rows(SAMPLE)
    yield from islice(rows, n)
    raise UnreadableFileError("읽을 수 없는 부분")


def test_rows_read_before_a_read_error_come_back_in_order_then_the_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ParseAhead, "_start", _start_and_wait)
    ahead = ParseAhead(workers=1, serial_rows=2, chunk=3)
    seen: list[tuple[int, object]] = []
    try:
        with pytest.raises(UnreadableFileError, match="읽을 수 없는 부분"):
            for raw, parsed in ahead.rows(_rows_then_error(10), lambda fields: False):
                seen.append((raw.line, parsed))
    finally:
        ahead.close()
    assert [line for line, _ in seen] == list(range(2, 12))
    # the first rows are the importer's own, and the one that started the workers
    assert [p for _, p in seen[:3]] == [None, None, None]
    assert all(isinstance(p, OpeningRecord | RowRejected) for _, p in seen[3:])


def test_rows_known_unchanged_are_not_sent_and_no_worker_starts() -> None:
    ahead = ParseAhead(workers=1, serial_rows=2, chunk=3)
    _, rows = read_rows(SAMPLE)
    try:
        pairs = list(ahead.rows(islice(rows, 8), lambda fields: True))
        assert ahead._executor is None
    finally:
        ahead.close()
    assert [raw.line for raw, _ in pairs] == list(range(2, 10))
    assert all(parsed is None for _, parsed in pairs)


def test_a_long_file_is_looked_at_after_its_first_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_ahead, "LONG_FILE_BYTES", 1000)
    started: list[int] = []
    monkeypatch.setattr(ParseAhead, "_start", lambda self: started.append(len(seen)))
    (small := tmp_path / "small.csv").write_text("x" * 999)
    (long := tmp_path / "long.csv").write_text("x" * 1000)
    rows = [RawRow(k + 1, {"title": str(k)}) for k in range(20)]
    for path, first in ((small, 10), (long, 3), (tmp_path / "missing.csv", 10)):
        ahead = ParseAhead(workers=1, serial_rows=10, chunk=3)
        ahead.expect(path)
        seen: list[RawRow] = []
        for raw, _ in ahead.rows(rows, lambda fields: False):
            seen.append(raw)
        assert seen == rows and started[0] == first  # at the row after the in-process ones
        started.clear()
