"""The ``custom`` reply payloads: one type each, owned here, read by every front end.

An action sends one of these as ``json_message``; Rasa passes it on untouched as the
reply's ``custom`` field; a front end reads it back with :func:`payload_of` and renders it
by ``type`` (cards and buttons on Telegram, text cards in the console). A client that
knows none of the types shows ``text``, which every payload carries.

A button's ``payload`` is what the front end sends back to Rasa when it is pressed (an
intent with entities, bypassing NLU). ``rank`` is the number the seeker sees on a card.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypedDict, cast

from nlu.profile import FormSlot
from retrieval.cards import CardFields, DetailsFields

__all__ = [
    "APPLICATION",
    "HANDOFF",
    "OPENINGS",
    "OPENING_DETAILS",
    "ApplicationOpening",
    "ApplicationPayload",
    "Button",
    "HandoffPayload",
    "OpeningCard",
    "OpeningDetails",
    "OpeningDetailsPayload",
    "OpeningsPayload",
    "Payload",
    "fallback_buttons",
    "fallback_text",
    "payload_of",
]

OPENINGS: Final = "openings"
OPENING_DETAILS: Final = "opening_details"
APPLICATION: Final = "application"
HANDOFF: Final = "handoff"


class Button(TypedDict):
    """A button: its label and the Rasa message a press sends (``/intent{"entity":…}``)."""

    title: str
    payload: str


class OpeningCard(CardFields):
    """One search result as the seeker sees it (rendered by :func:`retrieval.cards.render_card`)."""

    rank: int
    opening_id: int
    sources: list[dict[str, str]]
    buttons: list[Button]


class OpeningsPayload(TypedDict):
    """One page of search results, with the page's own buttons (더 보기, 상담사 연결)."""

    type: Literal["openings"]
    text: str
    page: int
    openings: list[OpeningCard]
    buttons: list[Button]


class OpeningDetails(DetailsFields):
    """Everything about one opening a seeker needs to decide."""

    opening_id: int
    url: str


class OpeningDetailsPayload(TypedDict):
    """One opening's details, with 지원할래요 / 더 보기 / 상담사 연결."""

    type: Literal["opening_details"]
    text: str
    opening: OpeningDetails
    buttons: list[Button]


class ApplicationOpening(TypedDict):
    """The opening an application is for."""

    opening_id: int
    title: str
    company: str


class ApplicationPayload(TypedDict):
    """An interest just recorded; the front end asks consent before anything is sent."""

    type: Literal["application"]
    text: str
    application_id: int
    status: str
    opening: ApplicationOpening


class HandoffPayload(TypedDict):
    """A handoff just recorded; the front end opens the counselors' conversation."""

    type: Literal["handoff"]
    text: str
    handoff_id: int
    reason: str  # requested | fallback
    profile: dict[FormSlot, str | None]  # the form slots' summaries (actions.form)


Payload = OpeningsPayload | OpeningDetailsPayload | ApplicationPayload | HandoffPayload

_TYPES = frozenset({OPENINGS, OPENING_DETAILS, APPLICATION, HANDOFF})


def payload_of(reply: Mapping[str, object]) -> Payload | None:
    """The typed ``custom`` payload of a Rasa reply (or bot event data); ``None`` for a plain
    text reply or a payload type this version does not know (its ``text`` still shows)."""
    custom = reply.get("custom")
    if isinstance(custom, Mapping) and custom.get("type") in _TYPES:
        return cast(Payload, dict(custom))
    return None


def fallback_text(reply: Mapping[str, object]) -> str:
    """What a client that renders no payload shows: the payload's text, else the reply's."""
    custom = reply.get("custom")
    if isinstance(custom, Mapping) and custom.get("text"):
        return str(custom["text"])
    return str(reply.get("text") or "")


def fallback_buttons(reply: Mapping[str, object]) -> list[Button]:
    """The buttons shown with :func:`fallback_text`: the payload's own (a page's, not its
    cards'), else Rasa's buttons of a text reply."""
    custom = reply.get("custom")
    source = custom if isinstance(custom, Mapping) else reply
    return list(cast(list[Button], source.get("buttons") or []))
