"""Dump everything an import stored, to prove an importer change alters no value.

Imports the given files (in order, one ``jobbot import`` run) into a fresh home and writes
one JSON line per opening (every column but the two timestamps, its company and postings),
per company and per rejected row. Run it before and after a change and ``cmp`` the outputs.

Usage: python bench/import_dump.py OUT.jsonl FILE... [--synth N] [--workers N]
       [--workdir var/bench-dump]
(``--synth N`` adds the import benchmark's N-row synthetic file after the given files.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_openings import generate_openings  # noqa: E402
from synth_record import write_csv  # noqa: E402

from bot.services import open_database  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage.importer import import_files  # noqa: E402
from storage.models import Company, Opening, OpeningSource, RejectedRow, Source  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
#: Columns that hold the time of the run, not an imported value.
TIMESTAMPS = {"created_at", "updated_at", "first_seen", "last_seen"}


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _row(obj: object, table_columns: list[str]) -> dict[str, object]:
    return {c: _plain(getattr(obj, c)) for c in table_columns if c not in TIMESTAMPS}


def dump(session: Session) -> list[str]:
    """One sorted JSON line per opening, company and rejected row."""
    opening_columns = list(Opening.__table__.columns.keys())
    posting_columns = list(OpeningSource.__table__.columns.keys())
    sources = {s.id: s.name for s in session.scalars(select(Source))}
    lines = []
    for company in session.scalars(select(Company).order_by(Company.id)):
        row = _row(company, list(Company.__table__.columns.keys()))
        lines.append(json.dumps({"company": row}, ensure_ascii=False, sort_keys=True))
    for opening in session.scalars(select(Opening).order_by(Opening.id)):
        row = _row(opening, opening_columns)
        row["postings"] = [
            {
                **_row(p, posting_columns),
                "retired": p.retired_at is not None,
                "source": sources[p.source_id],
            }  # fmt: skip
            for p in opening.postings
        ]
        for posting in row["postings"]:  # type: ignore[attr-defined]
            posting.pop("retired_at")
        lines.append(json.dumps({"opening": row}, ensure_ascii=False, sort_keys=True))
    for rejected in session.scalars(select(RejectedRow).order_by(RejectedRow.id)):
        row = {"run": rejected.run_id, "line": rejected.line, "reason": rejected.reason,
               "raw": rejected.raw}  # fmt: skip
        lines.append(json.dumps({"rejected": row}, ensure_ascii=False, sort_keys=True))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("files", type=Path, nargs="*")
    parser.add_argument("--synth", type=int, default=0, help="also import N synthetic rows")
    parser.add_argument("--workdir", type=Path, default=REPO / "var" / "bench-dump")
    parser.add_argument(
        "--workers", type=int, default=None, help="normalizing processes (default: the importer's)"
    )
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    files = list(args.files)
    if args.synth:
        files.append(args.workdir / f"openings_{args.synth}.csv")
        write_csv(generate_openings(args.synth), files[-1])
    sessions = open_database(Settings(home=args.workdir / "home", _env_file=None))  # type: ignore[call-arg]
    wall, cpu, children = time.perf_counter(), time.process_time(), os.times()
    with sessions() as session:
        summary = import_files(session, files, workers=args.workers)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    # the worker processes', counted once they have ended
    cpu += sum(os.times()[2:4]) - sum(children[2:4])
    rows = sum(report.rows for report in summary.files)
    print(f"imported {rows:,} rows in {wall:.1f} s wall, {cpu:.1f} s CPU")
    with sessions() as session:
        lines = dump(session)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines):,} lines → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
