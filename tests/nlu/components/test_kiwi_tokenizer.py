"""KiwiTokenizer: Kiwi morphemes as Rasa tokens, with offsets into the message as typed.

Runs in the Rasa environment only:
.venv-rasa/bin/python -m pytest --noconftest tests/nlu/components/test_kiwi_tokenizer.py
"""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rasa")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
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
    """A tokenizer with the default config (Kiwi is loaded once per process anyway)."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    context = ExecutionContext(GraphSchema({}), "kiwi-test")
    config = KiwiTokenizer.get_default_config()
    return KiwiTokenizer.create(config, storage, Resource("kiwi"), context)


def tokens_of(tokenizer: KiwiTokenizer, text: str) -> list[Any]:
    return tokenizer.tokenize(Message(data={TEXT: text}), TEXT)


@pytest.mark.parametrize(
    "text, expected_tokens, expected_starts",
    [
        ("용접 일자리 있나요", ["용접", "일자리", "있", "나요"], [0, 3, 7, 8]),
        (
            "조선소에서 용접 15년 했어요",
            ["조선소", "에서", "용접", "15", "년", "했", "어요"],
            [0, 3, 6, 9, 11, 13, 14],
        ),
        ("지게차 자격증 있어요", ["지게차", "자격증", "있", "어요"], [0, 4, 8, 9]),
        ("야간은 못해요", ["야간", "은", "못", "해요"], [0, 2, 4, 5]),
        ("월300이상", ["월", "300", "이상"], [0, 1, 4]),
        ("E-9 비자예요", ["E-9", "비자", "예요"], [0, 4, 6]),
        # spacing errors
        ("용접15년했어요", ["용접", "15", "년", "했", "어요"], [0, 2, 4, 5, 6]),
        (
            "특수용접은없고용접기능사는있어요",
            ["특수", "용접", "은", "없", "고", "용접", "기능사", "는", "있", "어요"],
            [0, 2, 4, 5, 6, 7, 9, 12, 13, 14],
        ),
        # dialect: Kiwi's analysis is rough, the surfaces are still the message's
        ("용접 허요잉", ["용접", "허", "요", "잉"], [0, 3, 4, 5]),
        ("밤일은 안 헐라요", ["밤", "일", "은", "안", "헐라", "요"], [0, 1, 2, 4, 6, 8]),
        ("CNC 선반 8년", ["CNC", "선반", "8", "년"], [0, 4, 7, 8]),
        ("co2 tig 다됨", ["co2", "tig", "다", "됨"], [0, 4, 8, 9]),
        ("오식도동 살아요", ["오식도동", "살", "아요"], [0, 5, 6]),
        ("3조2교대 가능", ["3", "조", "2", "교대", "가능"], [0, 1, 2, 3, 6]),
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
    # the coda of 어욬 is a filler (Z_CODA): left out of the lemma
    assert (tokens["어욬"].lemma, tokens["어욬"].get("pos")) == ("어요", "EF+Z_CODA")


def test_decomposed_hangul_is_analysed_composed(tokenizer: KiwiTokenizer) -> None:
    text = unicodedata.normalize("NFD", "용접 했어요")
    tokens = tokens_of(tokenizer, text)
    assert [t.lemma for t in tokens] == ["용접", "하+었", "어요"]
    assert [text[t.start : t.end] for t in tokens] == [t.text for t in tokens]


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


@pytest.mark.parametrize(
    "text, typo, lemma",
    [
        ("지게처 운전", "지게처", "지게차"),  # listed misspelling in occupations.csv
        ("크래인 기사 했어요", "크래인", "크레인"),
        ("용졉 했어요", "용졉", "용접"),  # Kiwi's basic typo set
    ],
)
def test_typo_correction_fixes_the_lemma_not_the_text(
    make_tokenizer: MakeTokenizer, text: str, typo: str, lemma: str
) -> None:
    plain = {t.text: t for t in tokens_of(make_tokenizer(), text)}
    corrected = {t.text: t for t in tokens_of(make_tokenizer(typo_correction=True), text)}
    assert corrected[typo].lemma == lemma
    assert text[corrected[typo].start : corrected[typo].end] == typo
    if typo in plain:
        assert plain[typo].lemma == typo


def test_token_pattern_is_applied(make_tokenizer: MakeTokenizer) -> None:
    tokens = tokens_of(make_tokenizer(token_pattern=r"[a-z]+|\d+"), "co2 용접")
    assert [(t.text, t.start) for t in tokens] == [("co", 0), ("2", 2), ("용접", 4)]


def test_intents_are_split_on_the_split_symbol(make_tokenizer: MakeTokenizer) -> None:
    tokenizer = make_tokenizer(intent_tokenization_flag=True)
    message = Message(data={TEXT: "일자리 찾아요", INTENT: "search_jobs"})
    tokenizer.process_training_data(TrainingData([message]))
    assert [t.text for t in message.get(TOKENS_NAMES[INTENT])] == ["search", "jobs"]


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("용접을 15년 했어요", 0, 2),  # 용접 without its particle
        ("용접을 15년 했어요", 0, 3),  # ... and with it
        ("용접을 15년 했어요", 4, 7),  # 15년
        ("용접15년했어요", 2, 5),
        ("야간은 못해요", 0, 2),
        ("월 300은 받아야죠", 0, 5),
        ("조선소에서 용접 15년 했어요", 0, 5),  # 조선소에서, particle included
    ],
)
def test_entity_spans_line_up_with_tokens(
    tokenizer: KiwiTokenizer, text: str, start: int, end: int
) -> None:
    tokens = tokens_of(tokenizer, text)
    assert start in [t.start for t in tokens]
    assert end in [t.end for t in tokens]


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


# Korean-heavy text: syllables, conjoining and compatibility jamo, digits, Latin, spaces,
# punctuation, emoji (with modifiers and joiners), full-width forms and anything else.
MESSY_TEXT = st.lists(
    st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),
        st.characters(min_codepoint=0x3131, max_codepoint=0x318E),
        st.sampled_from(list("0123456789 abcXYZE-.,!?~:/()\n\t\u3000\u200b\u200d\u0301")),
        st.sampled_from(["😀", "👍🏽", "👨‍👩‍👧", "🇰🇷", "ＣＮＣ", "３００", "했어요", "E-9"]),
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3).map(
            lambda ch: unicodedata.normalize("NFD", ch)
        ),
        st.characters(),
    ),
    max_size=40,
).map("".join)


@given(MESSY_TEXT)
@settings(max_examples=400, deadline=None)
def test_tokens_are_pieces_of_the_text_in_order(tokenizer: KiwiTokenizer, text: str) -> None:
    tokens = tokens_of(tokenizer, text)
    end = 0
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert end <= token.start < token.end
        end = token.end
    if any(ch.isalnum() for ch in text):
        assert tokens
