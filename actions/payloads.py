"""The ``custom`` JSON payloads the actions send, and their plain-text fallbacks.

Front ends render ``type`` by type (cards and buttons on Telegram, text cards in the
console); a client that knows none of them shows ``text``. Shapes::

    {"type": "openings", "text": str, "page": int, "openings": [card, ...], "buttons": [...]}
    {"type": "opening_details", "text": str, "opening": card + description/contact/url}
    {"type": "application", "text": str, "application_id": int, "opening": card, "status": str}
    {"type": "handoff", "text": str, "handoff_id": int, "reason": str, "profile": {...}}

A card: ``rank`` (the number the seeker sees), ``opening_id, title, company, pay, region, shift, employment_type, closes_on,
reasons, missing, sources, buttons``; a button: ``{"title": str, "payload": str}`` where
``payload`` is what the front end sends back to Rasa when it is pressed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from actions import messages
from retrieval.cards import render_match, render_matches
from retrieval.explain import format_pay
from retrieval.matcher import Match
from storage.models import Opening

__all__ = [
    "application_payload",
    "button",
    "details_payload",
    "handoff_payload",
    "openings_payload",
]

Payload = dict[str, object]


def button(title: str, intent: str, **entities: object) -> dict[str, str]:
    """A button that sends ``intent`` (with entities) straight to Rasa, bypassing NLU."""
    suffix = json.dumps(entities, ensure_ascii=False, separators=(",", ":")) if entities else ""
    return {"title": title, "payload": f"/{intent}{suffix}"}


def _card(rank: int, match: Match) -> Payload:
    return {
        "rank": rank,
        "opening_id": match.opening_id,
        "title": match.title,
        "company": match.company,
        "pay": match.pay,
        "region": match.region,
        "shift": match.work_shift,
        "employment_type": match.employment_type,
        "closes_on": match.closes_on,
        "reasons": match.reasons,
        "missing": match.missing,
        "sources": match.sources,
        "buttons": [
            button(messages.BUTTON_DETAILS, "job_details", opening_id=match.opening_id),
            button(messages.BUTTON_APPLY, "apply", opening_id=match.opening_id),
        ],
    }


def openings_payload(
    intro: str, matches: Sequence[Match], *, page: int, first_rank: int
) -> Payload:
    """One page of results as cards, with the page-level buttons."""
    if matches:
        cards = "\n\n".join(
            render_match(rank, m) for rank, m in enumerate(matches, start=first_rank)
        )
    else:
        cards = render_matches([])
    return {
        "type": "openings",
        "text": f"{intro}\n\n{cards}",
        "page": page,
        "openings": [_card(r, m) for r, m in enumerate(matches, start=first_rank)],
        "buttons": [
            button(messages.BUTTON_MORE, "more_results"),
            button(messages.BUTTON_COUNSELOR, "request_counselor"),
        ],
    }


def details_payload(opening: Opening) -> Payload:
    """Everything a seeker needs to decide about one opening."""
    pay = format_pay(opening)
    closes = opening.closes_on.isoformat() if opening.closes_on else None
    facts = [
        f"급여: {pay}",
        f"근무지: {opening.region_raw}" if opening.region_raw else "",
        f"근무형태: {opening.work_shift}" if opening.work_shift else "",
        f"고용형태: {opening.employment_type}" if opening.employment_type else "",
        f"경력: {opening.career_raw}" if opening.career_raw else "",
        f"자격증: {opening.certificates_raw}" if opening.certificates_raw else "",
        f"마감: {closes}" if closes else "마감: 채용 시까지",
    ]
    lines = [messages.DETAILS_HEADER.format(title=opening.title, company=opening.company.name)]
    lines += [f for f in facts if f]
    if opening.description:
        lines.append(opening.description)
    if opening.contact:
        lines.append(messages.DETAILS_CONTACT.format(contact=opening.contact))
    return {
        "type": "opening_details",
        "text": "\n".join(lines),
        "opening": {
            "opening_id": opening.id,
            "title": opening.title,
            "company": opening.company.name,
            "pay": pay,
            "region": opening.region_raw,
            "shift": opening.work_shift,
            "employment_type": opening.employment_type,
            "closes_on": closes,
            "career": opening.career_raw,
            "certificates": opening.certificates_raw,
            "description": opening.description,
            "contact": opening.contact,
            "url": opening.url,
        },
        "buttons": [
            button(messages.BUTTON_APPLY, "apply", opening_id=opening.id),
            button(messages.BUTTON_MORE, "more_results"),
            button(messages.BUTTON_COUNSELOR, "request_counselor"),
        ],
    }


def application_payload(application_id: int, opening: Opening, status: str) -> Payload:
    """The seeker's recorded interest; the front end asks consent before anything is sent."""
    text = messages.APPLY_RECORDED.format(title=opening.title, company=opening.company.name)
    return {
        "type": "application",
        "text": text,
        "application_id": application_id,
        "status": status,
        "opening": {
            "opening_id": opening.id,
            "title": opening.title,
            "company": opening.company.name,
        },
    }


def handoff_payload(handoff_id: int, reason: str, profile: dict[str, str | None]) -> Payload:
    """The structured event a front end acts on: open a counselor conversation."""
    return {
        "type": "handoff",
        "text": messages.HANDOFF_STARTED,
        "handoff_id": handoff_id,
        "reason": reason,
        "profile": profile,
    }
