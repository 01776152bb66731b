"""KiwiTokenizer: the Rasa glue around nlu.morph_alignment (filters, config, training data).

Runs in the Rasa environment only:
.venv-rasa/bin/python -m pytest --noconftest tests/nlu/components/test_kiwi_tokenizer.py
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.nlu.constants import TOKENS_NAMES  # noqa: E402
from rasa.nlu.extractors.extractor import EntityExtractorMixin  # noqa: E402
from rasa.shared.nlu.constants import INTENT, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.loading import load_data  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from nlu.components.kiwi_tokenizer import KiwiTokenizer  # noqa: E402

REPO = Path(__file__).resolve().parents[3]

MakeTokenizer = Callable[..., KiwiTokenizer]


@pytest.fixture
def make_tokenizer(tmp_path: Path) -> MakeTokenizer:
    """A factory of tokenizers with the default config updated by keyword arguments."""
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "kiwi-test")

    def make(**config: Any) -> KiwiTokenizer:
        full = {**KiwiTokenizer.get_default_config(), **config}
        return KiwiTokenizer.create(full, storage, Resource("kiwi"), context)

    return make


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> KiwiTokenizer:
    """A tokenizer with the default config, as a trained model loads it."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    context = ExecutionContext(GraphSchema({}), "kiwi-test")
    config = KiwiTokenizer.get_default_config()
    return KiwiTokenizer.load(config, storage, Resource("kiwi"), context)


def tokens_of(tokenizer: KiwiTokenizer, text: str) -> list[Any]:
    return tokenizer.tokenize(Message(data={TEXT: text}), TEXT)


@pytest.mark.parametrize(
    "text, expected_tokens, expected_starts",
    [
        (
            "조선소에서 용접 15년 했어요",
            ["조선소", "에서", "용접", "15", "년", "했", "어요"],
            [0, 3, 6, 9, 11, 13, 14],
        ),
        ("E-9 비자예요", ["E-9", "비자", "예요"], [0, 4, 6]),
        # emoji and chat jamo are kept, punctuation is not
        ("네 👍", ["네", "👍"], [0, 2]),
        ("ㅇㅇ 있어요", ["ㅇㅇ", "있", "어요"], [0, 3, 4]),
        ("용접?!", ["용접"], [0]),
        # full-width letters are read as ASCII, the token is still what was typed
        ("ＣＮＣ 선반", ["ＣＮＣ", "선반"], [0, 4]),
    ],
)
def test_tokens_and_offsets(
    tokenizer: KiwiTokenizer, text: str, expected_tokens: list[str], expected_starts: list[int]
) -> None:
    tokens = tokens_of(tokenizer, text)
    assert [t.text for t in tokens] == expected_tokens
    assert [t.start for t in tokens] == expected_starts
    assert [t.end for t in tokens] == [
        s + len(t) for s, t in zip(expected_starts, expected_tokens, strict=True)
    ]


def test_lemma_and_pos_come_from_the_morphemes(tokenizer: KiwiTokenizer) -> None:
    tokens = {t.text: t for t in tokens_of(tokenizer, "조선소에서 용접 15년 했어욬")}
    assert (tokens["했"].lemma, tokens["했"].get("pos")) == ("하+었", "VV+EP")
    assert (tokens["용접"].lemma, tokens["용접"].get("pos")) == ("용접", "NNG")
    assert (tokens["어욬"].lemma, tokens["어욬"].get("pos")) == ("어요", "EF+Z_CODA")


@pytest.mark.parametrize("text", ["", " ", "  \n\t "])
def test_blank_text_has_no_tokens(tokenizer: KiwiTokenizer, text: str) -> None:
    assert tokens_of(tokenizer, text) == []
    message = Message(data={TEXT: text})
    tokenizer.process([message])
    assert message.get(TOKENS_NAMES[TEXT]) == []


def test_punctuation_only_text_keeps_its_punctuation(tokenizer: KiwiTokenizer) -> None:
    assert [t.text for t in tokens_of(tokenizer, "???")] == ["???"]


def test_keep_pos_none_keeps_punctuation(make_tokenizer: MakeTokenizer) -> None:
    tokens = tokens_of(make_tokenizer(keep_pos=None), "용접?!")
    assert [t.text for t in tokens] == ["용접", "?!"]


def test_keep_pos_selects_by_tag_prefix(make_tokenizer: MakeTokenizer) -> None:
    tokens = tokens_of(make_tokenizer(keep_pos=["NN"]), "조선소에서 용접 15년 했어요")
    assert [t.text for t in tokens] == ["조선소", "용접", "년"]


def test_typo_correction_fixes_the_lemma_not_the_text(make_tokenizer: MakeTokenizer) -> None:
    plain = {t.text: t.lemma for t in tokens_of(make_tokenizer(), "지게처 운전")}
    corrected = {
        t.text: t.lemma for t in tokens_of(make_tokenizer(typo_correction=True), "지게처 운전")
    }
    assert (plain["지게처"], corrected["지게처"]) == ("지게처", "지게차")


def test_token_pattern_is_applied(make_tokenizer: MakeTokenizer) -> None:
    tokens = tokens_of(make_tokenizer(token_pattern=r"[a-z]+|\d+"), "co2 용접")
    assert [(t.text, t.start) for t in tokens] == [("co", 0), ("2", 2), ("용접", 4)]


def test_intents_are_split_on_the_split_symbol(make_tokenizer: MakeTokenizer) -> None:
    tokenizer = make_tokenizer(intent_tokenization_flag=True)
    message = Message(data={TEXT: "일자리 찾아요", INTENT: "search_jobs"})
    tokenizer.process_training_data(TrainingData([message]))
    assert [t.text for t in message.get(TOKENS_NAMES[INTENT])] == ["search", "jobs"]


def test_every_annotated_entity_in_the_training_data_lines_up(tokenizer: KiwiTokenizer) -> None:
    files = [f for f in sorted((REPO / "data" / "nlu").glob("*.yml")) if f.name != "lookups.yml"]
    if not files:
        pytest.skip("no NLU training data yet")
    data = TrainingData().merge(*[load_data(str(f)) for f in files])
    assert data.entity_examples, "training data without entities"
    tokenizer.process_training_data(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        EntityExtractorMixin.check_correct_entity_annotations(data)
    misaligned = [str(w.message)[:200] for w in caught if "Misaligned" in str(w.message)]
    assert misaligned == []
