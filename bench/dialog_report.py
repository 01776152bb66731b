"""The dialog suite's numbers: the summary, the tables, the one-line result, transcripts as text.

Success is counted on each dialog's own wording; pass^3 needs the wording and every variant
to succeed; the behaviour counts (turns to first results, repeats, fallbacks, welcomes) are
over every conversation run, variants included.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dialog_metrics import BotMessage, Transcript, Verdict, by_dialog, shown_keys
from dialog_suite import BASE

__all__ = [
    "Summary",
    "percentile",
    "render_transcript",
    "summarize",
    "summary_line",
    "tables",
]


@dataclass(frozen=True)
class Summary:
    """The suite's headline numbers (rates in 0..1; turns are 1-based, inf = never)."""

    dialogs: int
    runs: int
    success: float
    pass3: float | None  # None when the variants were not run
    median_turns: float
    p90_turns: float
    repeated_questions: int
    repeated_messages: int
    fallback_rate: float
    fallback_bursts: int
    welcome_twice: int
    timed_out_turns: int


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def summarize(verdicts: Sequence[Verdict]) -> Summary:
    """The headline numbers of ``verdicts`` (each dialog's base run, maybe variants too)."""
    base = [v for v in verdicts if v.variant == BASE]
    groups = by_dialog(verdicts).values()
    with_variants = [g for g in groups if len(g) > 1]
    waits = [_turns_to_results(v) for v in verdicts if v.results_expected]
    turns = sum(v.turns for v in verdicts)
    return Summary(
        dialogs=len(base),
        runs=len(verdicts),
        success=_rate(v.success for v in base),
        pass3=_rate(all(v.success for v in g) for g in with_variants) if with_variants else None,
        median_turns=statistics.median(waits) if waits else math.nan,
        p90_turns=percentile(waits, 0.9) if waits else math.nan,
        repeated_questions=sum(v.repeated_questions for v in verdicts),
        repeated_messages=sum(v.repeated_messages for v in verdicts),
        fallback_rate=sum(v.fallback_turns for v in verdicts) / turns if turns else math.nan,
        fallback_bursts=sum(v.fallback_bursts for v in verdicts),
        welcome_twice=sum(1 for v in verdicts if v.welcomes >= 2),
        timed_out_turns=sum(v.timed_out_turns for v in verdicts),
    )


def summary_line(summary: Summary) -> str:
    """The last line of the report, read by scripts."""
    pass3 = math.nan if summary.pass3 is None else summary.pass3
    return (
        f"dialogs: n {summary.dialogs} success {summary.success:.3f} pass3 {pass3:.3f} "
        f"median_turns {summary.median_turns:g} p90_turns {summary.p90_turns:g} "
        f"repeated_questions {summary.repeated_questions} "
        f"repeated_messages {summary.repeated_messages} "
        f"fallback_rate {summary.fallback_rate:.3f}"
    )


def tables(verdicts: Sequence[Verdict]) -> str:
    """Markdown: the summary, one row per wording, one per style, then every failure."""
    summary = summarize(verdicts)
    pass3 = "–" if summary.pass3 is None else _pct(summary.pass3)
    lines = [
        "| metric | value |",
        "|---|---:|",
        f"| dialogs (conversations run) | {summary.dialogs} ({summary.runs}) |",
        f"| task success (own wording) | {_pct(summary.success)} |",
        f"| pass^3 (wording + both variants) | {pass3} |",
        f"| turns to first results, median / p90 | {summary.median_turns:g} / "
        f"{summary.p90_turns:g} |",
        f"| questions sent more than twice | {summary.repeated_questions} |",
        f"| messages repeated in a row | {summary.repeated_messages} |",
        f"| fallback rate (turns) | {_pct(summary.fallback_rate)} |",
        f"| turns with more than one fallback | {summary.fallback_bursts} |",
        f"| welcome sent twice (conversations) | {summary.welcome_twice} |",
        f"| turns that never went quiet | {summary.timed_out_turns} |",
        "",
        "| wording | runs | success | results shown | median turns | fallback rate |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for variant in sorted({v.variant for v in verdicts}, key=lambda name: (name != BASE, name)):
        runs = [v for v in verdicts if v.variant == variant]
        waits = [_turns_to_results(v) for v in runs if v.results_expected]
        shown = [v.first_results is not None for v in runs if v.results_expected]
        fallbacks = sum(v.fallback_turns for v in runs) / max(1, sum(v.turns for v in runs))
        median = f"{statistics.median(waits):g}" if waits else "–"
        lines.append(
            f"| {variant} | {len(runs)} | {_pct(_rate(v.success for v in runs))} | "
            f"{_pct(_rate(shown))} | {median} | {_pct(fallbacks)} |"
        )
    lines += ["", "| style | dialogs | success | pass^3 |", "|---|---:|---:|---:|"]
    groups = by_dialog(verdicts)
    for style in sorted({s for v in verdicts for s in v.style}):
        chosen = [g for g in groups.values() if style in g[0].style]
        base = [v for g in chosen for v in g if v.variant == BASE]
        full = [g for g in chosen if len(g) > 1]
        p3 = _pct(_rate(all(v.success for v in g) for g in full)) if full else "–"
        lines.append(f"| {style} | {len(chosen)} | {_pct(_rate(v.success for v in base))} | {p3} |")
    failures = [line for group in groups.values() for line in _failure_lines(group)]
    if failures:
        lines += ["", "Failures (dialog (wordings): why):", *failures]
    return "\n".join(lines)


def _failure_lines(runs: Sequence[Verdict]) -> list[str]:
    """One line per distinct reason of a dialog's failed runs, naming the wordings."""
    wordings: dict[str, list[str]] = {}
    for run in runs:
        if not run.success:
            wordings.setdefault("; ".join(run.failures), []).append(run.variant)
    return [f"- {runs[0].dialog_id} ({', '.join(w)}): {why}" for why, w in wordings.items()]


def render_transcript(transcript: Transcript, verdict: Verdict) -> str:
    """The dialog as a person reads it: who said what, cards, buttons, Rasa's reading."""
    result = "PASS" if verdict.success else "FAIL: " + "; ".join(verdict.failures)
    lines = [
        f"# {transcript.dialog_id} / {transcript.variant} — {result}",
        f"style: {', '.join(verdict.style)}",
        f"first results: turn {verdict.first_results or '–'}; fallback turns: "
        f"{verdict.fallback_turns} ({verdict.fallback_bursts} with several); questions sent more than twice: "
        f"{verdict.repeated_questions}; repeated messages: {verdict.repeated_messages}; "
        f"welcomes: {verdict.welcomes}",
        f"openings shown: {', '.join(sorted(shown_keys(transcript))) or '–'}",
        "",
        "── /start, consent ──",
        *_bot_lines(transcript.start, transcript),
    ]
    for number, turn in enumerate(transcript.turns, start=1):
        reading = turn.intent or "Rasa not asked"
        if turn.actions:
            reading += " → " + ", ".join(turn.actions)
        lines += ["", f"── turn {number} ──", f"구직자: {turn.said}", f"   [{reading}]"]
        lines += _bot_lines(turn.replies, transcript)
        if turn.forum_posts:
            lines.append(f"   [counselors' forum: {turn.forum_posts} post(s)]")
        if turn.timed_out:
            lines.append("   [the bot did not go quiet before the turn's deadline]")
    return "\n".join(lines) + "\n"


def _bot_lines(messages: Iterable[BotMessage], transcript: Transcript) -> list[str]:
    lines = []
    for message in messages:
        lines.append("봇: " + message.text.replace("\n", "\n     "))
        if message.opening_ids:
            keys = [", ".join(transcript.sources.get(i, (f"id {i}",))) for i in message.opening_ids]
            lines.append(f"   [opening {'; '.join(keys)}]")
        if message.buttons:
            lines.append("   [" + " | ".join(label for label, _ in message.buttons) + "]")
    return lines


def _turns_to_results(verdict: Verdict) -> float:
    return math.inf if verdict.first_results is None else float(verdict.first_results)


def _rate(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else math.nan


def _pct(rate: float) -> str:
    return "–" if math.isnan(rate) else f"{100 * rate:.1f} %"
