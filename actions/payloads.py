"""Building the reply payloads of :mod:`actions.replies` from search results and openings.

Every payload's ``text`` fallback is rendered by :mod:`retrieval.cards`, the same code
that draws the Telegram card.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from actions import messages
from actions.replies import (
    APPLICATION,
    HANDOFF,
    OPENING_DETAILS,
    OPENINGS,
    ApplicationPayload,
    Button,
    HandoffPayload,
    OpeningCard,
    OpeningDetails,
    OpeningDetailsPayload,
    OpeningsPayload,
)
from nlu.profile import FormSlot
from retrieval.cards import card_fields, render_details, render_matches
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


def button(title: str, intent: str, **entities: object) -> Button:
    """A button that sends ``intent`` (with entities) straight to Rasa, bypassing NLU."""
    suffix = json.dumps(entities, ensure_ascii=False, separators=(",", ":")) if entities else ""
    return {"title": title, "payload": f"/{intent}{suffix}"}


def _card(rank: int, match: Match) -> OpeningCard:
    return {
        "rank": rank,
        "opening_id": match.opening_id,
        **card_fields(match),
        "sources": match.sources,
        "buttons": [
            button(messages.BUTTON_DETAILS, "job_details", opening_id=match.opening_id),
            button(messages.BUTTON_APPLY, "apply", opening_id=match.opening_id),
        ],
    }


def openings_payload(
    intro: str, matches: Sequence[Match], *, page: int, first_rank: int
) -> OpeningsPayload:
    """One page of results as cards, with the page-level buttons."""
    return {
        "type": OPENINGS,
        "text": f"{intro}\n\n{render_matches(matches, first_rank=first_rank)}",
        "page": page,
        "openings": [_card(r, m) for r, m in enumerate(matches, start=first_rank)],
        "buttons": [
            button(messages.BUTTON_MORE, "more_results"),
            button(messages.BUTTON_COUNSELOR, "request_counselor"),
        ],
    }


def details_payload(opening: Opening) -> OpeningDetailsPayload:
    """Everything a seeker needs to decide about one opening (company loaded)."""
    details: OpeningDetails = {
        "opening_id": opening.id,
        "title": opening.title,
        "company": opening.company.name,
        "pay": format_pay(opening),
        "region": opening.region_raw,
        "shift": opening.work_shift,
        "employment_type": opening.employment_type,
        "closes_on": opening.closes_on.isoformat() if opening.closes_on else None,
        "career": opening.career_raw,
        "certificates": opening.certificates_raw,
        "description": opening.description,
        "contact": opening.contact,
        "url": opening.url,
    }
    return {
        "type": OPENING_DETAILS,
        "text": render_details(details),
        "opening": details,
        "buttons": [
            button(messages.BUTTON_APPLY, "apply", opening_id=opening.id),
            button(messages.BUTTON_MORE, "more_results"),
            button(messages.BUTTON_COUNSELOR, "request_counselor"),
        ],
    }


def application_payload(application_id: int, opening: Opening, status: str) -> ApplicationPayload:
    """The seeker's recorded interest; the front end asks consent before anything is sent."""
    text = messages.APPLY_RECORDED.format(title=opening.title, company=opening.company.name)
    return {
        "type": APPLICATION,
        "text": text,
        "application_id": application_id,
        "status": status,
        "opening": {
            "opening_id": opening.id,
            "title": opening.title,
            "company": opening.company.name,
        },
    }


def handoff_payload(
    handoff_id: int, reason: str, profile: dict[FormSlot, str | None]
) -> HandoffPayload:
    """The structured event a front end acts on: open a counselor conversation."""
    return {
        "type": HANDOFF,
        "text": messages.HANDOFF_STARTED,
        "handoff_id": handoff_id,
        "reason": reason,
        "profile": profile,
    }
