"""The Rasa NLU training data under data/nlu is complete and well formed (checked without Rasa)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"

INTENTS = frozenset(
    {
        "greet",
        "goodbye",
        "affirm",
        "deny",
        "inform",
        "search_jobs",
        "more_results",
        "job_details",
        "apply",
        "request_counselor",
        "start_over",
        "help",
        "thank",
        "bot_challenge",
        "out_of_scope",
        "ask_paths",
    }
)
#: 20% is held out for evaluation and at least 40 must remain for training.
MIN_EXAMPLES = 50
MIN_EXAMPLES_PER_INTENT = {"inform": 150, "search_jobs": 60}
#: Entity type → the roles it may carry.
ROLES: dict[str, frozenset[str]] = {
    "occupation": frozenset({"excluded"}),
    "experience_years": frozenset(),
    "certificate": frozenset({"lacking"}),
    "region": frozenset(),
    "pay": frozenset(),
    "shift": frozenset({"excluded"}),
    "employment_type": frozenset({"excluded"}),
}

# [text](type) or [text]{"entity": ..., "role": ...}; the text holds no brackets.
_ANNOTATION = re.compile(r"\[(?P<text>[^\[\]]*)\](?:\((?P<type>[^()]*)\)|(?P<json>\{[^{}]*\}))")
# "(occupation)" left in the text: an annotation that lost its [span].
_BARE_TYPE = re.compile(r"\((?:" + "|".join(ROLES) + r")\b")


@dataclass(frozen=True)
class Entity:
    text: str
    entity: str
    role: str | None


@dataclass(frozen=True)
class Example:
    file: str
    intent: str
    raw: str
    plain: str
    entities: tuple[Entity, ...]


def _parse(raw: str) -> tuple[str, tuple[Entity, ...]]:
    """Plain text and entities of one annotated example; raises ValueError if malformed."""
    plain: list[str] = []
    entities: list[Entity] = []
    pos = 0
    for m in _ANNOTATION.finditer(raw):
        plain.append(raw[pos : m.start()])
        text = m["text"]
        if not text or text != text.strip():
            raise ValueError(f"empty span or span with outer spaces: {m[0]!r}")
        if m["type"] is not None:
            entity, role = m["type"], None
        else:
            attrs = json.loads(m["json"])
            if not isinstance(attrs, dict) or set(attrs) - {"entity", "role"}:
                raise ValueError(f"only entity and role may be annotated: {m[0]!r}")
            entity, role = attrs.get("entity"), attrs.get("role")
            if not isinstance(entity, str) or not isinstance(role, str):
                raise ValueError(f"use [text](type) when there is no role: {m[0]!r}")
        entities.append(Entity(text, entity, role))
        plain.append(text)
        pos = m.end()
    plain.append(raw[pos:])
    text = "".join(plain)
    stray = set(text) & set("[]{}")
    if stray:
        raise ValueError(f"stray annotation characters {sorted(stray)}")
    if _BARE_TYPE.search(text):
        raise ValueError("an entity type in parentheses without its [span]")
    if not text.strip():
        raise ValueError("empty example")
    return text, tuple(entities)


def _load() -> list[Example]:
    examples: list[Example] = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert doc.get("version") == "3.1", path.name
        assert isinstance(doc.get("nlu"), list), path.name
        for item in doc["nlu"]:
            if "intent" not in item:
                assert "lookup" in item, f"{path.name}: unexpected item {sorted(item)}"
                continue
            block = item["examples"]
            assert isinstance(block, str), f"{path.name}: {item['intent']} examples not a block"
            for line in block.splitlines():
                assert line.startswith("- "), f"{path.name}: {line!r}"
                raw = line[2:].strip()
                try:
                    plain, entities = _parse(raw)
                except ValueError as exc:
                    pytest.fail(f"{path.name}: {raw!r}: {exc}")
                examples.append(Example(path.name, item["intent"], raw, plain, entities))
    return examples


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return _load()


def test_every_file_is_rasa_nlu_3_1() -> None:
    files = sorted(NLU_DIR.glob("*.yml"))
    assert len(files) >= 2
    for path in files:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(doc) == {"version", "nlu"}, path.name


def test_intents_are_known_and_have_enough_examples(examples: list[Example]) -> None:
    counts = Counter(e.intent for e in examples)
    assert set(counts) == INTENTS
    for intent in INTENTS:
        need = MIN_EXAMPLES_PER_INTENT.get(intent, MIN_EXAMPLES)
        assert counts[intent] >= need, f"{intent}: {counts[intent]} < {need}"


def test_no_duplicate_text(examples: list[Example]) -> None:
    # Plain text, so the same sentence annotated twice (or under two intents) is caught too.
    seen: dict[str, Example] = {}
    duplicates = []
    for e in examples:
        if e.plain in seen:
            first = seen[e.plain]
            duplicates.append(f"{e.plain!r}: {first.intent} ({first.file}) / {e.intent} ({e.file})")
        seen.setdefault(e.plain, e)
    assert not duplicates, "\n".join(duplicates)


def test_entities_and_roles_are_allowed(examples: list[Example]) -> None:
    for e in examples:
        for ent in e.entities:
            assert ent.entity in ROLES, f"{e.raw!r}: unknown entity {ent.entity!r}"
            if ent.role is not None:
                assert ent.role in ROLES[ent.entity], f"{e.raw!r}: bad role {ent.role!r}"


def test_spans_hold_no_particles_or_limits(examples: list[Example]) -> None:
    # "[야간]은", "[300만원] 이상", "[15년] 넘게": never "[야간은]" or "[15년 넘게]".
    # Names (region, occupation, certificate) may end in these syllables (거제도), and a
    # pay amount may end in 만 (280만), so those are checked for the unambiguous ones only.
    endings = ("은", "는", "을", "를", "이요", "에서", "으로", "이상", "정도", "넘게")
    more = {
        "experience_years": ("도", "만"),
        "shift": ("도", "만"),
        "employment_type": ("도", "만"),
    }
    for e in examples:
        for ent in e.entities:
            if ent.entity in {"region", "occupation", "certificate"}:
                continue
            banned = endings + more.get(ent.entity, ())
            assert not ent.text.endswith(banned), f"{e.raw!r}: span {ent.text!r} has an ending"


def test_every_entity_type_and_role_is_trained(examples: list[Example]) -> None:
    used = Counter((ent.entity, ent.role) for e in examples for ent in e.entities)
    for entity, roles in ROLES.items():
        assert used[(entity, None)] >= 15, entity
        for role in roles:
            assert used[(entity, role)] >= 5, (entity, role)
    inform = {ent.entity for e in examples if e.intent == "inform" for ent in e.entities}
    assert inform == set(ROLES)


@pytest.mark.parametrize(
    ("raw", "plain", "entities"),
    [
        (
            "[용접](occupation) [15년](experience_years)",
            "용접 15년",
            (("occupation", None), ("experience_years", None)),
        ),
        (
            '[야간]{"entity": "shift", "role": "excluded"}은 못해요',
            "야간은 못해요",
            (("shift", "excluded"),),
        ),
    ],
)
def test_parser(raw: str, plain: str, entities: tuple[tuple[str, str | None], ...]) -> None:
    text, parsed = _parse(raw)
    assert text == plain
    assert tuple((p.entity, p.role) for p in parsed) == entities


@pytest.mark.parametrize(
    "raw",
    [
        "[용접(occupation) 했어요",
        "[용접]](occupation)",
        '[야간]{"entity": "shift", "role": "excluded", "value": "야간"}',
        '[야간]{"entity": "shift"}',
        "[ 용접](occupation)",
        "[](occupation)",
        "용접](occupation)",
        "용접(occupation) 했어요",
        "",
    ],
)
def test_parser_rejects_malformed(raw: str) -> None:
    with pytest.raises(ValueError):
        _parse(raw)
