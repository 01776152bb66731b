"""The dialog suite's metrics on hand-made transcripts (no stack): what counts as shown,
first results, a handoff, a repeated question or message, a fallback, a welcome, and the
summary line scripts read."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CERT_QUESTION = (
    "가지고 계신 자격증이 있으세요? (예: 특수용접, 지게차) 없으면 '없어요'라고 해 주세요."
)
GREETING = "안녕하세요! 군산 일자리지원센터 일자리 안내 봇이에요."
CONSENT_GIVEN = "고마워요. 프로필을 저장해 둘게요. 해 보신 일과 찾으시는 일을 말씀해 주세요."


@pytest.fixture(scope="module")
def bench() -> Iterator[tuple[ModuleType, ModuleType, ModuleType]]:
    """dialog_suite, dialog_metrics and dialog_report, imported from ``bench/``."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import dialog_metrics
        import dialog_report
        import dialog_suite

        yield dialog_suite, dialog_metrics, dialog_report
    finally:
        sys.path.remove(str(REPO / "bench"))


@pytest.fixture
def suite(bench: tuple[ModuleType, ...]) -> ModuleType:
    return bench[0]


@pytest.fixture
def metrics(bench: tuple[ModuleType, ...]) -> ModuleType:
    return bench[1]


@pytest.fixture
def report(bench: tuple[ModuleType, ...]) -> ModuleType:
    return bench[2]


def card(metrics: ModuleType, opening_id: int, title: str = "용접원 모집") -> Any:
    return metrics.BotMessage(
        f"1. {title}",
        (
            ("자세히", f'/job_details{{"opening_id":{opening_id}}}'),
            ("지원할래요", f'/apply{{"opening_id":{opening_id}}}'),
        ),
    )


def text(metrics: ModuleType, said: str, *buttons: tuple[str, str]) -> Any:
    return metrics.BotMessage(said, tuple(buttons))


def start(metrics: ModuleType) -> list[object]:
    return [text(metrics, GREETING), text(metrics, CONSENT_GIVEN)]


def dialog(suite: ModuleType, **expect: object) -> Any:
    return suite.Dialog(
        id="d900",
        style=("yes_no",),
        persona="배관 10년",
        turns=("배관 일 십년 했어요", "익산 살아요", "예"),
        expect=suite.Expect(**expect),
    )


def test_cards_carry_opening_ids_in_their_button_payloads(metrics: ModuleType) -> None:
    shown = card(metrics, 17)
    plain = text(metrics, CERT_QUESTION, ("자격증 없어요", "자격증 없어요"))
    odd = text(metrics, "?", ("x", "/job_details{not json"), ("y", '/more{"opening_id":"7"}'))

    assert shown.opening_ids == (17,)
    assert shown.is_card and not shown.is_question
    assert plain.opening_ids == () and plain.is_question
    assert odd.opening_ids == ()


def test_the_issue_loop_is_a_repeated_question_and_repeated_messages(metrics: ModuleType) -> None:
    """Three turns answered with the certificate question: asked 3 times, twice right after
    the same question."""
    ask = text(metrics, CERT_QUESTION)
    transcript = metrics.Transcript(
        "d900",
        "base",
        start=start(metrics),
        turns=[
            metrics.Exchange("배관 일 십년 했어요", [ask]),
            metrics.Exchange("익산 살아요", [ask]),
            metrics.Exchange(
                "예", [text(metrics, "네. 더 도와드릴 게 있으면 말씀해 주세요."), ask]
            ),
        ],
    )

    assert metrics.repeated_questions(transcript) == 1
    assert metrics.repeated_messages(transcript) == 2
    assert metrics.first_results_turn(transcript) is None
    assert metrics.welcome_count(transcript) == 2


def test_a_question_asked_twice_is_allowed_and_cards_never_count_as_repeats(
    metrics: ModuleType,
) -> None:
    ask = text(metrics, CERT_QUESTION)
    transcript = metrics.Transcript(
        "d900",
        "base",
        turns=[
            metrics.Exchange("배관 십년", [ask]),
            metrics.Exchange(
                "없어요", [text(metrics, "배관 조건으로 찾은 일자리예요."), card(metrics, 3)]
            ),
            metrics.Exchange("더요", [card(metrics, 3), ask]),
        ],
    )

    assert metrics.repeated_questions(transcript) == 0
    assert metrics.repeated_messages(transcript) == 0
    assert metrics.first_results_turn(transcript) == 2


def test_the_same_message_again_within_one_reply_is_a_repeat(metrics: ModuleType) -> None:
    """The issue's burst: sorry, offer, sorry, offer in one reply; the apology action 3 times."""
    sorry = text(metrics, "죄송해요, 잘 이해하지 못했어요.")
    offer = text(metrics, "상담사를 연결해 드릴까요?")
    fallback = ("action_handle_fallback",)
    transcript = metrics.Transcript(
        "d900",
        "base",
        turns=[
            metrics.Exchange("용접 허요", [sorry], actions=fallback),
            metrics.Exchange(
                "자격증 있고 5년 했어요", [offer, sorry, offer, sorry], actions=fallback * 3
            ),
        ],
    )

    assert metrics.repeated_messages(transcript) == 3  # the 1st sorry again, 2nd offer, 2nd sorry
    assert metrics.fallback_turns(transcript) == 2
    assert metrics.fallback_bursts(transcript) == 1


def test_fallback_turns_come_from_rasa_s_reading_or_a_failure_text(metrics: ModuleType) -> None:
    transcript = metrics.Transcript(
        "d900",
        "base",
        turns=[
            metrics.Exchange(
                "ㅁㄴㅇㄹ", intent="nlu_fallback", actions=("action_handle_fallback",)
            ),
            metrics.Exchange("ㅋㅋ", intent="chitchat", actions=("action_handle_fallback",)),
            metrics.Exchange("용접", [text(metrics, "봇이 잠시 응답하지 않아요.")]),
            metrics.Exchange("용접 일자리요", [card(metrics, 5)], intent="inform_profile"),
        ],
    )

    assert metrics.fallback_turns(transcript) == 2
    assert metrics.fallback_turns(transcript, ["봇이 잠시 응답하지 않아요."]) == 3


def test_success_needs_a_relevant_opening_and_no_never_and_the_right_handoff(
    suite: ModuleType, metrics: ModuleType
) -> None:
    expect = {
        "relevant": frozenset({"worknet:K1", "jobcenter:JC-1"}),
        "never": frozenset({"gunsan_city:GS-9"}),
    }
    sources = {3: ("jobcenter:JC-1",), 4: ("worknet:K4", "gunsan_city:GS-9"), 5: ("worknet:K5",)}

    def run(*replies: list[object], forum: int = 0) -> Any:
        turns = [metrics.Exchange(f"말 {i}", list(r)) for i, r in enumerate(replies)]
        turns[-1].forum_posts = forum
        return metrics.judge(
            dialog(suite, **expect),
            metrics.Transcript("d900", "base", turns=turns, sources=sources),
        )

    good = run([], [card(metrics, 5), card(metrics, 3)])
    merged_never = run([card(metrics, 3)], [card(metrics, 4)])
    nothing = run([], [text(metrics, CERT_QUESTION)])
    handed = run([card(metrics, 3)], forum=2)

    assert good.success and good.first_results == 2 and good.failures == ()
    assert not merged_never.success  # shown under its other source's id, still never
    assert merged_never.failures == ("shown but never relevant: gunsan_city:GS-9",)
    assert nothing.failures == ("no relevant opening shown",)
    assert handed.failures == ("unexpected handoff",)


def test_never_after_counts_only_from_its_turn(suite: ModuleType, metrics: ModuleType) -> None:
    expected = dialog(
        suite,
        relevant=frozenset({"worknet:K1"}),
        never_after_turn=3,
        never_after=frozenset({"worknet:NIGHT"}),
    )
    sources = {1: ("worknet:K1",), 2: ("worknet:NIGHT",)}
    before = [metrics.Exchange("용접 오년", [card(metrics, 2), card(metrics, 1)])]

    def run(last: list[object]) -> Any:
        turns = [*before, metrics.Exchange("네"), metrics.Exchange("야간은 안 해요", last)]
        return metrics.judge(
            expected, metrics.Transcript("d900", "base", turns=turns, sources=sources)
        )

    assert run([card(metrics, 1)]).success
    assert run([card(metrics, 1), card(metrics, 2)]).failures == (
        "shown from turn 3 on: worknet:NIGHT",
    )


def test_a_handoff_dialog_needs_the_forum(suite: ModuleType, metrics: ModuleType) -> None:
    expected = dialog(suite, handoff=True)
    asked = [metrics.Exchange("사람이랑 얘기하고 싶어요"), metrics.Exchange("네")]
    connected = [
        metrics.Exchange("사람이랑 얘기하고 싶어요"),
        metrics.Exchange("네", forum_posts=2),
    ]

    assert metrics.judge(expected, metrics.Transcript("d900", "base", turns=asked)).failures == (
        "handoff expected, none",
    )
    assert metrics.judge(expected, metrics.Transcript("d900", "base", turns=connected)).success


def verdict(
    metrics: ModuleType,
    dialog_id: str,
    variant: str,
    success: bool,
    first: int | None,
    **counts: int,
) -> Any:
    return metrics.Verdict(
        dialog_id=dialog_id,
        variant=variant,
        style=("dialect",) if dialog_id == "d1" else ("typos",),
        success=success,
        failures=() if success else ("no relevant opening shown",),
        turns=counts.get("turns", 3),
        results_expected=True,
        first_results=first,
        repeated_questions=counts.get("questions", 0),
        repeated_messages=counts.get("messages", 0),
        fallback_turns=counts.get("fallbacks", 0),
        fallback_bursts=0,
        welcomes=counts.get("welcomes", 1),
        timed_out_turns=0,
    )


def test_summary_success_on_own_wording_pass3_on_all_and_the_line(
    metrics: ModuleType, report: ModuleType
) -> None:
    verdicts = [
        verdict(metrics, "d1", "base", True, 1),
        verdict(metrics, "d1", "dialect", True, 2, fallbacks=1),
        verdict(metrics, "d1", "typos", True, 2),
        verdict(metrics, "d2", "base", True, 3, questions=1, welcomes=2),
        verdict(metrics, "d2", "dialect", False, None, messages=2, fallbacks=2),
        verdict(metrics, "d2", "typos", True, 3),
    ]

    summary = report.summarize(verdicts)

    assert (summary.dialogs, summary.runs) == (2, 6)
    assert summary.success == 1.0
    assert summary.pass3 == 0.5
    assert summary.median_turns == 2.5  # 1, 2, 2, 3, 3, never
    assert summary.p90_turns == math.inf
    assert summary.fallback_rate == pytest.approx(3 / 18)
    assert summary.welcome_twice == 1
    assert report.summary_line(summary) == (
        "dialogs: n 2 success 1.000 pass3 0.500 median_turns 2.5 p90_turns inf "
        "repeated_questions 1 repeated_messages 2 fallback_rate 0.167"
    )
    table = report.tables(verdicts)
    assert "| typos | 1 | 100.0 % | 0.0 % |" in table
    assert table.endswith("- d2 (dialect): no relevant opening shown")


def test_without_variants_pass3_is_not_a_number(metrics: ModuleType, report: ModuleType) -> None:
    summary = report.summarize([verdict(metrics, "d1", "base", False, None)])

    assert summary.pass3 is None
    assert "pass3 nan median_turns inf" in report.summary_line(summary)


def test_percentile_is_nearest_rank(report: ModuleType) -> None:
    assert report.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert report.percentile([2.0], 0.9) == 2.0


def test_the_committed_dialogs_load_with_variants_of_the_same_length(suite: ModuleType) -> None:
    dialogs = suite.load_dialogs(REPO / "data/eval/dialogs/dialogs.yml")

    assert dialogs and len({d.id for d in dialogs}) == len(dialogs)
    assert all(len(t) == len(d.turns) for d in dialogs for _, t in d.wordings(True))


@pytest.mark.parametrize(
    ("yaml_text", "complaint"),
    [
        ("- {id: d1, turns: [a, b], variants: {dialect: [a]}}", "variant dialect has not 2 turns"),
        ("- {id: d1, turns: [a]}\n- {id: d1, turns: [b]}", "duplicate ids d1"),
        ("- {id: d1, turns: [a], expect: {relevant: [K123]}}", "not source:source_id: K123"),
        ("- {id: d1, turns: [a], expect: {never_after: {turn: 3, ids: []}}}", "never_after.turn"),
        ("- {id: d1, turns: []}", "turns: expected a non-empty list"),
    ],
)
def test_a_malformed_dialog_is_named(
    suite: ModuleType, tmp_path: Path, yaml_text: str, complaint: str
) -> None:
    path = tmp_path / "dialogs.yml"
    path.write_text(yaml_text, encoding="utf-8")

    with pytest.raises(suite.DialogSuiteError, match=complaint):
        suite.load_dialogs(path)
