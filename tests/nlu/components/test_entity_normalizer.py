"""KoreanEntityNormalizer: table values for DIET's entities, roles from the seeker's negations.

Runs in the Rasa environment only:
.venv-rasa/bin/python -m pytest --noconftest tests/nlu/components/test_entity_normalizer.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.shared.nlu.constants import ENTITIES, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from nlu.components.entity_normalizer import KoreanEntityNormalizer  # noqa: E402

Span = tuple[str, str] | tuple[str, str, str]  # (surface, entity type[, DIET's role])


def make_normalizer(tmp_path: Path, **config: Any) -> KoreanEntityNormalizer:
    full = {**KoreanEntityNormalizer.get_default_config(), **config}
    return KoreanEntityNormalizer.create(
        full,
        LocalModelStorage(tmp_path),
        Resource("normalizer"),
        ExecutionContext(GraphSchema({}), "normalizer-test"),
    )


@pytest.fixture(scope="module")
def normalizer(tmp_path_factory: pytest.TempPathFactory) -> KoreanEntityNormalizer:
    """The normalizer with its default config."""
    return make_normalizer(tmp_path_factory.mktemp("model"))


def message_with(text: str, *spans: Span) -> Message:
    """A message with the entities DIET would have found: values are the surfaces."""
    entities = []
    for surface, entity_type, *role in spans:
        start = text.index(surface)
        entity = {
            "entity": entity_type,
            "start": start,
            "end": start + len(surface),
            "value": surface,
            "extractor": "DIETClassifier",
        }
        if role:
            entity["role"] = role[0]
        entities.append(entity)
    return Message(data={TEXT: text, ENTITIES: entities})


def normalized(normalizer: KoreanEntityNormalizer, text: str, *spans: Span) -> list[Any]:
    message = message_with(text, *spans)
    normalizer.process([message])
    return [(e["entity"], e["value"], e.get("role")) for e in message.get(ENTITIES)]


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        ("야간은 못해요", [("야간", "shift")], [("shift", "야간", "excluded")]),
        (
            "특수용접은 없어요",
            [("특수용접", "certificate")],
            [("certificate", "special_welding", "lacking")],
        ),
        (
            "용접 십오년 했어요",
            [("용접", "occupation"), ("십오년", "experience_years")],
            [("occupation", "welder", None), ("experience_years", 15, None)],
        ),
        ("용접 20년차요", [("20년차", "experience_years")], [("experience_years", 20, None)]),
        ("월 300은 받아야죠", [("월 300", "pay")], [("pay", 3_000_000, None)]),
        ("시급 만원 이상이면 돼요", [("시급 만원", "pay")], [("pay", 2_090_000, None)]),
        (
            "일용직 말고요",
            [("일용직", "employment_type")],
            [("employment_type", "일용직", "excluded")],
        ),
        (
            "오식도동 근처면 좋겠어요",
            [("오식도동", "region")],
            [("region", "gunsan_osikdo", None)],
        ),
        ("밤일은 안돼요", [("밤일", "shift")], [("shift", "야간", "excluded")]),
        ("교대 가능해요", [("교대", "shift")], [("shift", "2교대", None)]),
        (
            "용접 말고 지게차 하고 싶어요",
            [("용접", "occupation"), ("지게차", "occupation")],
            [("occupation", "welder", "excluded"), ("occupation", "forklift_driver", None)],
        ),
        (
            "용접 15년 했고 야간은 못해요",
            [("용접", "occupation"), ("15년", "experience_years"), ("야간", "shift")],
            [
                ("occupation", "welder", None),
                ("experience_years", 15, None),
                ("shift", "야간", "excluded"),
            ],
        ),
        # a typo one jamo away from a table entry
        ("굔산 나운동 살아요", [("굔산", "region")], [("region", "gunsan", None)]),
    ],
)
def test_values_and_roles(
    normalizer: KoreanEntityNormalizer,
    text: str,
    spans: list[Span],
    expected: list[tuple[str, object, str | None]],
) -> None:
    assert normalized(normalizer, text, *spans) == expected


def test_unknown_surface_keeps_its_value(normalizer: KoreanEntityNormalizer) -> None:
    message = message_with("알바라도 괜찮아요", ("알바", "employment_type"))
    normalizer.process([message])
    (entity,) = message.get(ENTITIES)
    assert entity["value"] == "알바"
    assert "processors" not in entity


def test_changed_entities_name_the_normalizer(normalizer: KoreanEntityNormalizer) -> None:
    message = message_with("용접 15년 했어요", ("용접", "occupation"))
    message.get(ENTITIES)[0]["processors"] = ["SomethingBefore"]
    normalizer.process([message])
    assert message.get(ENTITIES)[0]["processors"] == ["SomethingBefore", "KoreanEntityNormalizer"]


def test_a_role_diet_found_stands_when_the_profile_says_nothing(
    normalizer: KoreanEntityNormalizer,
) -> None:
    assert normalized(normalizer, "2교대도 괜찮아요", ("2교대", "shift", "excluded")) == [
        ("shift", "2교대", "excluded")
    ]


def test_set_roles_off_leaves_roles_alone(tmp_path: Path) -> None:
    normalizer = make_normalizer(tmp_path, set_roles=False)
    assert normalized(normalizer, "야간은 못해요", ("야간", "shift")) == [("shift", "야간", None)]


def test_entity_without_span_is_read_from_its_value(normalizer: KoreanEntityNormalizer) -> None:
    message = Message(data={TEXT: "/inform", ENTITIES: [{"entity": "region", "value": "익산"}]})
    normalizer.process([message])
    assert message.get(ENTITIES)[0]["value"] == "iksan"


def test_other_entity_types_are_untouched(normalizer: KoreanEntityNormalizer) -> None:
    assert normalized(normalizer, "3번 지원할게요", ("3", "opening_id")) == [
        ("opening_id", "3", None)
    ]


def test_message_without_entities_is_left_as_is(normalizer: KoreanEntityNormalizer) -> None:
    message = Message(data={TEXT: "안녕하세요"})
    normalizer.process([message])
    assert message.get(ENTITIES) is None
