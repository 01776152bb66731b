"""Plain-text cards for matches: the terminal, and the text fallback of reply payloads."""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.matcher import Match

__all__ = ["render_match", "render_matches"]

NO_RESULTS = (
    "조건에 맞는 공고를 찾지 못했어요. 조건을 조금 넓혀 보시거나 상담사 연결을 요청해 주세요."
)


def render_match(rank: int, match: Match) -> str:
    """One opening as a short card: title, company, pay/place/shift, reasons, what to check."""
    facts = " · ".join(
        part
        for part in (match.pay, match.region, match.work_shift, match.employment_type,
                     f"마감 {match.closes_on}" if match.closes_on else "상시 채용")
        if part
    )  # fmt: skip
    lines = [f"{rank}. {match.title}", f"   {match.company} | {facts}"]
    lines += [f"   ✓ {reason}" for reason in match.reasons]
    lines += [f"   △ {item}" for item in match.missing]
    return "\n".join(lines)


def render_matches(matches: Sequence[Match]) -> str:
    """All matches as cards separated by blank lines, or a polite note when there are none."""
    if not matches:
        return NO_RESULTS
    return "\n\n".join(render_match(rank, m) for rank, m in enumerate(matches, start=1))
