"""Normalization keeps a map back to the typed text."""

from __future__ import annotations

from nlu.text import compact, normalize_text


def test_normalize_folds_width_case_space_and_numerals() -> None:
    norm = normalize_text("  ＣＯ２  용접   십오년  ")
    assert norm.text == "co2 용접 15년"


def test_source_span_quotes_what_was_typed() -> None:
    norm = normalize_text("용접 십오년 했어요")
    start = norm.text.index("15년")
    assert norm.source_span(start, start + 3) == "십오년"
    assert norm.source_span(0, len(norm.text)) == "용접 십오년 했어요"


def test_compatibility_jamo_are_kept() -> None:
    assert normalize_text("ㄴㄴ 야간 ㅠㅠ").text == "ㄴㄴ 야간 ㅠㅠ"


def test_fold_marks_and_invisible_chars() -> None:
    # ㆍ is a compatibility jamo folded to ·; zero-width chars go; ㈜ becomes three chars
    norm = normalize_text("내ㆍ외국인\u200b ㈜군산  \n 용접")
    assert norm.text == "내·외국인 (주)군산\n용접"
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    assert norm.source_span(norm.text.index("군산"), norm.text.index("군산") + 2) == "군산"


def test_compact_maps_back() -> None:
    squeezed, index = compact("지게 차 운전")
    assert squeezed == "지게차운전"
    assert index == (0, 1, 3, 5, 6)
