"""Import and index benchmark (issue 12): rows/s before embedding, re-import of an unchanged
file, index build openings/s.

Synthetic canonical CSV rows (bench/synth_openings.py) go into a fresh SQLite database the
way `jobbot import --no-index` stores them (normalization, merging, batched commits); the
same file is imported again (every row unchanged); then ``--index`` openings are indexed
from scratch in a home of their own (embeddings + BM25). Wall time and this process's CPU
time are printed, with the load average: the machine is shared, and a busy neighbour
stretches wall time, not CPU time.

Usage: python bench/import_bench.py [--rows 100000] [--index 1000] [--workers N]
       [--workdir var/bench-import]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_openings import generate_openings  # noqa: E402
from synth_record import write_csv  # noqa: E402

from bot.services import open_database, open_embedder  # noqa: E402
from bot.settings import Settings  # noqa: E402
from retrieval.embedder import Embedder  # noqa: E402
from retrieval.indexer import IndexReport, sync_index  # noqa: E402
from storage.importer import import_files  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the import's worker processes)."""
    times = os.times()
    return times.children_user + times.children_system


def timed(label: str, work: object) -> tuple[float, float, object]:
    """Run ``work()``; wall seconds, CPU seconds (with its worker processes'), its result."""
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    result = work()  # type: ignore[operator]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = _children_cpu() - children
    print(
        f"  {label}: {wall:.1f} s wall, {cpu + children:.1f} s CPU ({children:.1f} s of it in "
        f"worker processes), load {os.getloadavg()[0]:.1f}"
    )
    return wall, cpu + children, result


def _build(sessions: sessionmaker[Session], folder: Path, embedder: Embedder) -> IndexReport:
    with sessions() as session:
        return sync_index(session, folder=folder, embedder=embedder, full=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="synthetic rows to import")
    parser.add_argument("--index", type=int, default=1000, help="openings to index (0: skip)")
    parser.add_argument("--workdir", type=Path, default=REPO / "var" / "bench-import")
    parser.add_argument(
        "--workers", type=int, default=None, help="normalizing processes (default: the importer's)"
    )
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    csv = args.workdir / f"openings_{args.rows}.csv"
    write_csv(generate_openings(args.rows), csv)
    settings = Settings(home=args.workdir / "home", _env_file=None)  # type: ignore[call-arg]
    sessions = open_database(settings)
    import nlu

    nlu.warm_up()  # Kiwi and the tables load once per process, not per import
    print(f"Import benchmark on {date.today()}, {args.rows:,} synthetic rows ({csv.name})")

    def import_once() -> object:
        with sessions() as session:
            return import_files(session, [csv], workers=args.workers)

    wall, cpu, summary = timed("import", import_once)
    report = summary.files[0]  # type: ignore[attr-defined]
    print(
        f"  → {report.rows / wall:,.0f} rows/s wall ({report.rows / cpu:,.0f} rows/s CPU): "
        f"{report.new:,} new, {report.merged:,} merged, {len(report.rejected):,} rejected"
    )
    wall, cpu, summary = timed("re-import, unchanged", import_once)
    report = summary.files[0]  # type: ignore[attr-defined]
    print(f"  → {report.unchanged:,} unchanged in {wall:.1f} s ({report.rows / wall:,.0f} rows/s)")

    if args.index:
        small = args.workdir / f"openings_{args.index}.csv"
        write_csv(generate_openings(args.index), small)
        index_settings = Settings(home=args.workdir / "index-home", _env_file=None)  # type: ignore[call-arg]
        index_sessions = open_database(index_settings)
        with index_sessions() as session:
            import_files(session, [small])
        embedder = open_embedder(Settings(home=REPO / "var", _env_file=None))  # type: ignore[call-arg]
        build = partial(_build, index_sessions, args.workdir / "index", embedder)
        wall, cpu, result = timed("index build", build)
        total = result.total  # type: ignore[attr-defined]
        print(f"  → {total / wall:.1f} openings/s wall ({total / cpu:.1f} openings/s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
