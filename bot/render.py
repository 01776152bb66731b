"""Plain-text cards for matches and chat replies (terminal, and the text fallback of payloads)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from retrieval.matcher import Match

__all__ = ["render_match", "render_matches", "render_reply"]

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


def _numbered(buttons: Sequence[dict[str, str]], first: int, prefix: str = "") -> list[str]:
    return [f"  [{n}] {prefix}{b['title']}" for n, b in enumerate(buttons, start=first)]


def render_reply(
    reply: Mapping[str, Any], *, first_button: int = 1
) -> tuple[str, list[dict[str, str]]]:
    """One Rasa reply for a terminal: its text (or the payload's text) and numbered buttons.

    Returns the text to print and the buttons in the order numbered, starting at
    ``first_button``, so typing a number can press one.
    """
    custom = reply.get("custom")
    payload: Mapping[str, Any] = custom if isinstance(custom, Mapping) else {}
    text = str(payload.get("text") or reply.get("text") or "")
    lines = [text] if text else []
    buttons: list[dict[str, str]] = []
    for card in payload.get("openings", []):
        card_buttons = list(card.get("buttons", []))
        lines += _numbered(card_buttons, first_button + len(buttons), f"{card.get('rank', '')}번 ")
        buttons += card_buttons
    for group in (payload.get("buttons", []), reply.get("buttons") or []):
        lines += _numbered(group, first_button + len(buttons))
        buttons += list(group)
    return "\n".join(lines), buttons
