"""The committed synthetic data: the openings CSV, the 고용24 XML sample and the dev set.

Standard library only (plus pytest), like the scripts in ``bench/`` that produce the data.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
OPENINGS_CSV = REPO / "data/openings/gunsan_openings.csv"
WORKNET_XML = REPO / "data/openings/worknet_sample.xml"
DEV_QUERIES = REPO / "data/eval/dev_queries.jsonl"
DEV_SET = REPO / "data/eval/retrieval_dev.jsonl"

HEADER = [
    "source", "source_id", "company", "title", "occupation", "description", "region",
    "salary_type", "salary_min", "salary_max", "career", "career_years_min", "education",
    "certificates", "employment_type", "work_shift", "closes_on", "contact",
]  # fmt: skip
AS_OF = date(2026, 11, 1)


@pytest.fixture(scope="module")
def bench() -> Iterator[tuple[ModuleType, ModuleType]]:
    """The generator and the labeling script, imported from ``bench/``."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import label_dev_set
        import synth_openings

        yield synth_openings, label_dev_set
    finally:
        sys.path.remove(str(REPO / "bench"))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with open(OPENINGS_CSV, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def dev_set() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines()]


def _company_key(name: str) -> str:
    return re.sub(r"\(주\)|주식회사|\(유\)|유한회사|\s+", "", name)


def test_csv_has_the_canonical_header_in_order() -> None:
    with open(OPENINGS_CSV, encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == HEADER


def test_csv_has_300_rows_or_more_with_unique_source_ids(rows: list[dict[str, str]]) -> None:
    keys = [(row["source"], row["source_id"]) for row in rows]
    assert len(rows) >= 300
    assert len(set(keys)) == len(keys)
    assert all(len(row) == len(HEADER) and None not in row for row in rows)


def test_csv_values_are_in_their_vocabularies(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["source"] in {"worknet", "gunsan_city", "jobcenter", "kunsan_polytech"}
        assert row["salary_type"] in {"월급", "시급", "연봉"}
        assert row["career"] in {"신입", "경력", "무관"}
        assert row["employment_type"] in {"정규직", "계약직", "일용직", "파견직"}
        assert row["work_shift"] in {"주간", "2교대", "3교대", "야간"}
        assert row["closes_on"] == "상시" or date.fromisoformat(row["closes_on"])
        if row["salary_type"] == "시급":
            assert int(row["salary_min"]) >= 10_320  # 2026 최저시급
    expired = sum(
        r["closes_on"] != "상시" and date.fromisoformat(r["closes_on"]) < AS_OF for r in rows
    )
    always = sum(r["closes_on"] == "상시" for r in rows)
    assert 0.08 <= expired / len(rows) <= 0.12
    assert 0.12 <= always / len(rows) <= 0.20


def test_generator_reproduces_the_committed_csv_byte_for_byte(
    bench: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    synth, _label = bench
    out = tmp_path / "openings.csv"
    openings = synth.generate_openings(synth.COMMITTED_COUNT, seed=synth.COMMITTED_SEED)
    synth.write_csv(openings, out)
    assert out.read_bytes() == OPENINGS_CSV.read_bytes()


def test_generator_keeps_ids_unique_at_scale(bench: tuple[ModuleType, ModuleType]) -> None:
    synth, _label = bench
    openings = synth.generate_openings(5_000, seed=11)
    assert len(openings) == 5_000
    assert len({o.key for o in openings}) == 5_000


def test_cross_source_duplicates_are_recorded(bench: tuple[ModuleType, ModuleType]) -> None:
    synth, _label = bench
    openings = synth.generate_openings(synth.COMMITTED_COUNT, seed=synth.COMMITTED_SEED)
    by_key = {o.key: o for o in openings}
    pairs = [(o, by_key[o.duplicate_of]) for o in openings if o.duplicate_of]
    assert 12 <= len(pairs) <= 18
    for copy, first in pairs:
        assert copy.source != first.source
        assert _company_key(copy.company) == _company_key(first.company)
        assert (copy.city, copy.area, copy.family) == (first.city, first.area, first.family)
        assert copy.title != first.title or copy.description != first.description


def test_every_dev_set_key_exists_in_the_csv(
    rows: list[dict[str, str]], dev_set: list[dict[str, Any]]
) -> None:
    keys = {f"{row['source']}:{row['source_id']}" for row in rows}
    for record in dev_set:
        assert set(record["relevant"]) <= keys, record["id"]
        assert set(record["traps"]) <= keys, record["id"]
        assert not set(record["relevant"]) & set(record["traps"]), record["id"]


def test_every_dev_query_has_two_fully_relevant_openings(dev_set: list[dict[str, Any]]) -> None:
    assert 60 <= len(dev_set) <= 90
    for record in dev_set:
        assert sum(grade == 2 for grade in record["relevant"].values()) >= 2, record["id"]


def test_expired_openings_are_never_relevant(
    rows: list[dict[str, str]], dev_set: list[dict[str, Any]]
) -> None:
    expired = {
        f"{r['source']}:{r['source_id']}"
        for r in rows
        if r["closes_on"] != "상시" and date.fromisoformat(r["closes_on"]) < AS_OF
    }
    for record in dev_set:
        assert not set(record["relevant"]) & expired, record["id"]


def test_dev_set_labels_are_up_to_date(
    bench: tuple[ModuleType, ModuleType], dev_set: list[dict[str, Any]]
) -> None:
    synth, label = bench
    queries = [json.loads(line) for line in DEV_QUERIES.read_text(encoding="utf-8").splitlines()]
    openings = synth.generate_openings(synth.COMMITTED_COUNT, seed=synth.COMMITTED_SEED)
    assert label.label(queries, openings) == dev_set


def test_worknet_sample_has_the_documented_broken_and_duplicate_items(
    rows: list[dict[str, str]],
) -> None:
    root = ET.parse(WORKNET_XML).getroot()
    items = root.findall("wanted")
    assert root.tag == "wantedRoot" and int(root.findtext("display") or 0) == len(items) == 25
    no_title = [i for i in items if i.find("title") is None]
    bad_pay = [i for i in items if not (i.findtext("minSal") or "").isdigit()]
    assert [i.findtext("wantedAuthNo") for i in no_title] == ["K152026102200061"]
    assert [i.findtext("wantedAuthNo") for i in bad_pay] == ["K152026102400015"]

    by_key = {f"{r['source']}:{r['source_id']}": r for r in rows}
    duplicates = {"K152026102700036": "gunsan_city:GS-2026-0559",
                  "K152026102800012": "gunsan_city:GS-2026-0577"}  # fmt: skip
    by_auth = {i.findtext("wantedAuthNo"): i for i in items}
    for auth, key in duplicates.items():
        item, row = by_auth[auth], by_key[key]
        assert _company_key(item.findtext("company") or "") == _company_key(row["company"])
        assert "군산시" in (item.findtext("basicAddr") or "")
        assert row["salary_min"] == item.findtext("minSal")
