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
    "CourseCard",
    "HandoffPayload",
    "OpeningCard",
    "OpeningDetails",
    "OpeningDetailsPayload",
    "OpeningsPayload",
    "PATHS",
    "PathCard",
    "PathsPayload",
    "Payload",
    "fallback_buttons",
    "fallback_text",
    "payload_of",
]

OPENINGS: Final = "openings"
OPENING_DETAILS: Final = "opening_details"
APPLICATION: Final = "application"
HANDOFF: Final = "handoff"
PATHS: Final = "paths"


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


class PathCard(TypedDict):
    """One career path from the seeker's trade (a row of the transition table), with what
    carries over, what is missing and the openings a career changer can apply to now."""

    rank: int
    origin: str  # the seeker's trade as they would say it, with years: "조선 용접 20년"
    occupation: str  # the Gunsan job: "해상풍력 하부구조물·타워·압력용기 용접"
    code: str  # its KECO code
    carry_over: list[str]  # the table's skills that carry over
    certificates_kept: list[str]  # certificates the seeker said they hold that the path uses
    missing: list[str]  # the table's gap
    certificates_helpful: list[str]  # the path's closing certificates the seeker did not name
    pay_ratio: float  # typical pay of the target over the seeker's trade, regional, now
    note: str
    openings: list[ApplicationOpening]  # same wire shape: id, title, company
    buttons: list[Button]  # 자세히 per opening


class CourseCard(TypedDict):
    """An upcoming training course run that closes a shown path's gap."""

    title: str
    institution: str
    starts_on: str  # ISO date
    ends_on: str | None
    hours: int | None
    self_pay: int | None  # what the seeker pays (None: not known)
    region: str
    url: str
    buttons: list[Button]  # 상담사와 상의


class PathsPayload(TypedDict):
    """Career paths (best first) and the courses that close their gaps, with the page's
    buttons (찾기 with the seeker's own trade, 상담사 연결)."""

    type: Literal["paths"]
    text: str
    intro: str  # the text's first paragraph, sent on its own before the cards
    region: str  # where the paths' openings were counted from (the seeker's home)
    paths: list[PathCard]
    courses: list[CourseCard]
    buttons: list[Button]


Payload = (
    OpeningsPayload | OpeningDetailsPayload | ApplicationPayload | HandoffPayload | PathsPayload
)

_TYPES = frozenset({OPENINGS, OPENING_DETAILS, APPLICATION, HANDOFF, PATHS})


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
