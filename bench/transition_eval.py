"""Recall@3 of career paths and courses on the hand-labelled transition seekers.

Each seeker of ``data/eval/transitions/seekers.jsonl`` (labels written by hand; see its README)
goes through ``find_transitions`` on a fresh home holding the sample openings, the local course
CSV and the 310L01 fixture, as of 2026-12-03. A seeker is a target hit when one of the top 3
``targets[].code`` equals an acceptable code, a course hit when one of the top 3
``courses[].title`` equals an acceptable course (35 seekers have courses).

Baseline (the plain method, no transition table logic): the bundled e5 model ranks the table's
target occupations (each distinct code by its best name) and the upcoming course titles by
cosine similarity to the seeker's text.

Usage: python bench/transition_eval.py [--seekers FILE] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from bot.services import open_database, open_embedder  # noqa: E402
from bot.settings import Settings  # noqa: E402
from retrieval.transition_table import load_transitions  # noqa: E402
from retrieval.transitions import find_transitions  # noqa: E402
from storage.courses import upcoming_courses  # noqa: E402
from storage.importer import import_files  # noqa: E402

AS_OF = date(2026, 12, 3)
TOP = 3
FILES = [
    REPO / "data/openings/gunsan_openings.csv",
    REPO / "data/openings/worknet_sample.xml",
    REPO / "data/courses/local_courses.csv",
    REPO / "data/courses/fixtures/hrd_list.xml",
]


@contextmanager
def sample_home() -> Iterator[tuple[Settings, sessionmaker[Session]]]:
    """A fresh home under /tmp with the sample openings and courses imported (not indexed)."""
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), _env_file=None)  # type: ignore[call-arg]
        sessions = open_database(settings)
        with sessions() as session:
            import_files(session, FILES)
        yield settings, sessions


@dataclass
class Tally:
    """Hits and the number of seekers counted."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    def __str__(self) -> str:
        return f"{self.hits / self.total:.3f} ({self.hits}/{self.total})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seekers", type=Path, default=REPO / "data/eval/transitions/seekers.jsonl"
    )
    parser.add_argument("--misses", action="store_true", help="list the seekers missed")
    args = parser.parse_args()
    seekers = [json.loads(line) for line in args.seekers.read_text("utf-8").splitlines() if line]

    table = load_transitions()
    embedder = open_embedder(Settings(home=REPO / "var", _env_file=None))  # type: ignore[call-arg]
    names: dict[str, str] = {}
    for row in table.rows:
        names.setdefault(row.to_code, row.to_name)
    codes = list(names)
    code_vectors = embedder.encode_passages([names[c] for c in codes])

    tallies = {
        (kind, method, k): Tally()
        for kind in ("targets", "courses")
        for method in ("transitions", "baseline")
        for k in (1, TOP)
    }
    with sample_home() as (_, sessions), sessions() as session:
        titles = list(dict.fromkeys(c.title for c in upcoming_courses(session, as_of=AS_OF)))
        title_vectors = embedder.encode_passages(titles)
        for seeker in seekers:
            advice = find_transitions(seeker["text"], table=table, session=session, as_of=AS_OF)
            query = embedder.encode_queries([seeker["text"]])[0]
            ranked = {
                ("targets", "transitions"): [t.code for t in advice.targets],
                ("targets", "baseline"): [codes[i] for i in (-(code_vectors @ query)).argsort()],
                ("courses", "transitions"): [c.title.strip() for c in advice.courses],
                ("courses", "baseline"): [titles[i] for i in (-(title_vectors @ query)).argsort()],
            }
            labels = {
                "targets": set(seeker["acceptable_targets"]),
                "courses": {c.strip() for c in seeker["acceptable_courses"]},
            }
            missed = []
            for (kind, method), items in ranked.items():
                if not labels[kind]:
                    continue  # no course needed: not counted
                for k in (1, TOP):
                    hit = bool(labels[kind] & set(items[:k]))
                    tallies[(kind, method, k)].add(hit)
                    if method == "transitions" and k == TOP and not hit:
                        missed.append(f"{kind} {items[:TOP]}")
            if args.misses and missed:
                print(seeker["id"], "; ".join(missed))

    print(f"seekers: {len(seekers)}, as of {AS_OF}")
    print("| metric | transitions (table, wish, courses) | baseline (e5 similarity) |")
    print("| --- | --- | --- |")
    for kind in ("targets", "courses"):
        for k in (TOP, 1):
            print(
                f"| {kind} Recall@{k} | {tallies[(kind, 'transitions', k)]} "
                f"| {tallies[(kind, 'baseline', k)]} |"
            )


if __name__ == "__main__":
    main()
