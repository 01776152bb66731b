"""data/nlu/lookups.yml is what nlu/lookup_tables.py generates from the current tables."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from nlu.lookup_tables import HEADER, lookup_entries, main, render_lookups
from nlu.tables import Certificate, OccupationFamily, Region, Tables

REPO = Path(__file__).resolve().parents[2]
LOOKUPS = REPO / "data" / "nlu" / "lookups.yml"
REGENERATE = ".venv/bin/python -m nlu.lookup_tables > data/nlu/lookups.yml"


def _parsed(text: str) -> dict[str, list[str]]:
    """Lookup name → entries, read the way Rasa reads them ("- " stripped from each line)."""
    doc = yaml.safe_load(text)
    assert doc["version"] == "3.1"
    out: dict[str, list[str]] = {}
    for item in doc["nlu"]:
        assert isinstance(item["examples"], str), "Rasa only accepts a block of '- ' lines"
        lines = item["examples"].splitlines()
        assert all(line.startswith("- ") for line in lines)
        out[item["lookup"]] = [line[2:] for line in lines]
    return out


def test_committed_file_is_up_to_date(tables: Tables) -> None:
    committed = LOOKUPS.read_text(encoding="utf-8")
    assert committed == render_lookups(tables), f"stale lookups; regenerate: {REGENERATE}"


def test_header_says_generated_and_how_to_regenerate() -> None:
    first = LOOKUPS.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# GENERATED")
    assert REGENERATE in first
    assert HEADER.splitlines()[0] == first


def test_yaml_round_trips_to_the_entries(tables: Tables) -> None:
    parsed = _parsed(render_lookups(tables))
    assert parsed == lookup_entries(tables)
    assert list(parsed) == ["occupation", "certificate", "region"]
    for entries in parsed.values():
        assert entries and len(entries) == len(set(entries))
        assert all(e == e.strip() and len(e) >= 2 for e in entries)
        # Longest first: Rasa's alternation must try "지게차 운전" before "지게차".
        assert [len(e) for e in entries] == sorted((len(e) for e in entries), reverse=True)


def test_concrete_entries(tables: Tables) -> None:
    parsed = _parsed(LOOKUPS.read_text(encoding="utf-8"))
    occupation, certificate, region = parsed["occupation"], parsed["certificate"], parsed["region"]
    for entry in ("용접", "욥접", "쇠 붙이는 일", "쇠붙이는일", "지게차", "cnc", "co2 용접"):
        assert entry in occupation, entry
    for entry in ("특수용접기능사", "특수용접", "지게차 자격증", "지게차자격증", "지게차 면허"):
        assert entry in certificate, entry
    for entry in ("군산", "군산시", "오식도동", "새만금", "군장산단", "익산"):
        assert entry in region, entry
    # Noise that is dropped: short ASCII tokens, tokens with digits, codes, everyday words.
    for entry in ("co2", "rt", "qc", "gm"):
        assert entry not in occupation, entry
    for entry in ("52130", "45130", "이리", "경기"):
        assert entry not in region, entry


def test_filters_and_variants() -> None:
    tables = Tables(
        path=Path("."),
        occupations={
            "w": OccupationFamily("w", "용접원", (), (), ("용접", "CO2", "tig", "x", "용접 보조")),
        },
        certificates={"c": Certificate("c", "지게차운전기능사", None, ("지게차  면허",))},
        regions={"r": Region("r", "군산시", "sigungu", None, 0.0, 0.0, ("군산", "52130"))},
    )
    assert lookup_entries(tables) == {
        "occupation": ["용접 보조", "용접보조", "tig", "용접"],
        "certificate": ["지게차운전기능사", "지게차 면허", "지게차면허"],
        "region": ["군산시", "군산"],
    }


def test_main_writes_utf8_to_stdout(
    tables: Tables, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    main([])
    assert capsysbinary.readouterr().out.decode("utf-8") == render_lookups(tables)


def test_generator_is_python38_syntax() -> None:
    source = (REPO / "nlu" / "lookup_tables.py").read_text(encoding="utf-8")
    ast.parse(source, feature_version=(3, 8))
