"""An opening as text: the one renderer behind every card a person reads.

The Telegram card, the console and ``jobbot match`` (through a reply's text fallback or
directly), the one-line list in the counselors' summary, and the details message all come
from here, so changing how an opening looks is a change to this module alone. The field
types (:class:`CardFields`, :class:`DetailsFields`) are what the reply payloads extend.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from retrieval.matcher import Match

__all__ = [
    "CardFields",
    "DetailsFields",
    "OpeningFacts",
    "card_fields",
    "render_card",
    "render_card_line",
    "render_details",
    "render_matches",
]

NO_RESULTS = (
    "조건에 맞는 공고를 찾지 못했어요. 조건을 조금 넓혀 보시거나 상담사 연결을 요청해 주세요."
)
ALWAYS_OPEN = "상시 채용"
CLOSES = "마감 {date}"
WHY = "이런 점이 맞아요"
CHECK = "확인해 보세요"
DETAILS_CLOSES = "마감: {date}"
DETAILS_ALWAYS_OPEN = "마감: 채용 시까지"
DETAILS_CONTACT = "문의: {contact}"
DETAILS_FACT = "{label}: {value}"


class OpeningFacts(TypedDict):
    """What every rendering of an opening names."""

    title: str
    company: str
    pay: str
    region: str
    shift: str | None
    employment_type: str | None
    closes_on: str | None  # ISO date; None: open until filled


class CardFields(OpeningFacts):
    """An opening as a search result: with why it fits and what to check."""

    reasons: list[str]
    missing: list[str]


class DetailsFields(OpeningFacts):
    """An opening in full, for the seeker deciding about it."""

    career: str
    certificates: str
    description: str
    contact: str


def card_fields(match: Match) -> CardFields:
    """The card of a search result."""
    return {
        "title": match.title,
        "company": match.company,
        "pay": match.pay,
        "region": match.region,
        "shift": match.work_shift,
        "employment_type": match.employment_type,
        "closes_on": match.closes_on,
        "reasons": list(match.reasons),
        "missing": list(match.missing),
    }


def render_card(card: CardFields, rank: int | None = None) -> str:
    """One opening card: title, company, pay · region · shift, closing date, why it fits."""
    closes = card["closes_on"]
    facts = [
        f"💰 {card['pay']}" if card["pay"] else "",
        f"📍 {card['region']}" if card["region"] else "",
        f"🕘 {card['shift']}" if card["shift"] else "",
        card["employment_type"] or "",
    ]
    lines = [
        f"{rank}. {card['title']}" if rank is not None else card["title"],
        f"🏢 {card['company']}",
        " · ".join(f for f in facts if f),
        "📅 " + (CLOSES.format(date=closes) if closes else ALWAYS_OPEN),
    ]
    if card["reasons"]:
        lines.append(WHY)
        lines += [f"✓ {reason}" for reason in card["reasons"]]
    if card["missing"]:
        lines.append(CHECK)
        lines += [f"△ {item}" for item in card["missing"]]
    return "\n".join(line for line in lines if line)


def render_card_line(card: OpeningFacts, rank: int) -> str:
    """One opening in a list, on one line: "1. 특수용접원 · ㈜새만금중공업"."""
    return f"{rank}. {card['title']} · {card['company']}"


def render_cards(cards: Sequence[CardFields], *, first_rank: int = 1) -> str:
    """Cards numbered from ``first_rank``, separated by blank lines; a polite note if none."""
    if not cards:
        return NO_RESULTS
    return "\n\n".join(render_card(c, rank) for rank, c in enumerate(cards, start=first_rank))


def render_matches(matches: Sequence[Match], *, first_rank: int = 1) -> str:
    """Search results as numbered cards (``jobbot match``, a reply's text fallback)."""
    return render_cards([card_fields(m) for m in matches], first_rank=first_rank)


def render_details(details: DetailsFields) -> str:
    """Everything about one opening: title and company, the facts, description, contact."""
    facts = (
        ("급여", details["pay"]),
        ("근무지", details["region"]),
        ("근무형태", details["shift"]),
        ("고용형태", details["employment_type"]),
        ("경력", details["career"]),
        ("자격증", details["certificates"]),
    )
    lines = [details["title"], details["company"]]
    lines += [DETAILS_FACT.format(label=label, value=value) for label, value in facts if value]
    closes = details["closes_on"]
    lines.append(DETAILS_CLOSES.format(date=closes) if closes else DETAILS_ALWAYS_OPEN)
    if details["description"]:
        lines.append(details["description"])
    if details["contact"]:
        lines.append(DETAILS_CONTACT.format(contact=details["contact"]))
    return "\n".join(lines)
