"""Where the seeker's trade can lead in Gunsan now (issue 15): :class:`ShowPaths`, run by
``action_next_step`` when :func:`actions.next_step.decide` says so — the seeker asks what else
they could do (intent ``ask_paths``; also the 다른 길 보기 button under results where their own
trade is thin, :func:`paths_button`) or names a field outside their experience ("배터리 공장",
"해상풍력 쪽": :func:`asks_for_paths`).

The paths come from the transition table through :func:`retrieval.transitions.find_transitions`
— the same as `jobbot transitions` and the counselors' card — read from everything the seeker
typed, only from a trade they said they did (never from a wish), with only the openings a
career changer can apply to; the courses that close the gap come as cards with 상담사와 상의.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

import nlu
from actions import messages
from actions.context import ContextAction, latest_text
from actions.path_cards import origin_label, paths_payload
from actions.payloads import button
from actions.replies import Button
from nlu.answers import asks_about_paths
from nlu.occupation_class import read_seeker_jobs
from nlu.profile import SeekerProfile
from retrieval.constraints import MatchPolicy
from retrieval.errors import TransitionTableError
from retrieval.live import LiveMatcher
from retrieval.matcher import Match
from retrieval.transition_table import (
    DEFAULT_TRANSITIONS,
    Transition,
    TransitionTable,
    load_transitions,
)
from retrieval.transitions import TransitionAdvice, find_transitions, wished_paths
from storage.models import Opening

__all__ = ["ShowPaths", "asks_for_paths", "paths_button", "seeker_text"]

logger = logging.getLogger(__name__)

#: Events after which the earlier words no longer describe the seeker (처음부터).
_RESETS = frozenset({"reset_slots", "restart"})
#: A page of results with fewer openings of the seeker's own trade than this is thin.
THIN_PAGE = 2


def seeker_text(tracker: Tracker) -> str:
    """What the seeker typed since the last reset, in order, button presses left out, one
    message a line (a message ends its clauses: "용접 10년" stays work done before a wish)."""
    said: list[str] = []
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind in _RESETS:
            break
        text = str(event.get("text") or "") if kind == "user" else ""
        if text and not text.startswith("/"):
            said.append(text)
    return "\n".join(reversed(said))


@lru_cache(maxsize=2)
def _table_as_of(modified_ns: int) -> TransitionTable:
    """The table as read when the file carried this modification time."""
    return load_transitions(DEFAULT_TRANSITIONS)


def _table() -> TransitionTable | None:
    """The counselors' table as it is now: read again only when the file changed, so an edit
    applies at once without parsing the file on every turn."""
    try:
        return _table_as_of(DEFAULT_TRANSITIONS.stat().st_mtime_ns)
    except OSError as error:
        logger.warning("transition table unreadable: %s", error.strerror)
        return None
    except TransitionTableError as error:
        logger.warning("transition table unusable: %s", error)
        return None


def asks_for_paths(tracker: Tracker) -> bool:
    """Whether the latest typed message asks for paths from a trade the table knows: it names
    a field outside the trade, or asks what else they could do (``ask_paths`` and words that
    ask, :func:`nlu.answers.asks_about_paths`: even with new facts, "요즘 군산에서 뜨는 일이
    뭐예요?"; not "직업군인 전역했어요"), or says the trade after paths were asked for
    (``paths_pending``)."""
    text = latest_text(tracker)
    table = _table() if text and not text.startswith("/") else None
    if table is None:
        return False
    said = seeker_text(tracker)
    done = read_seeker_jobs(said).experience
    if done and tracker.get_slot("paths_pending"):
        return True
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    asked = intent == "ask_paths" and asks_about_paths(text)
    if asked and any(table.origin_code(code) for code, _ in done):
        return True
    return bool(wished_paths(text, table=table, said=said))


def paths_button(
    session: Session, matches: Sequence[Match], profile: SeekerProfile
) -> list[Button]:
    """The 다른 길 보기 button for a page of results where the seeker's own trade is thin
    (fewer than :data:`THIN_PAGE` of its openings are of a family they worked in), else none."""
    done = {e.family for e in profile.experience}
    if not done:
        return []
    ids = [m.opening_id for m in matches]
    families = session.scalars(select(Opening.occupation_family).where(Opening.id.in_(ids)))
    own = sum(1 for family in families if family in done)
    return [button(messages.BUTTON_PATHS, "ask_paths")] if own < THIN_PAGE else []


def _done(said: str) -> bool:
    """Whether the seeker said they did some work (a KECO occupation, with or without years)."""
    return bool(read_seeker_jobs(said).experience)


def _years(said: str, origin: Transition) -> int | None:
    """The most years the seeker said they did the origin's trade."""
    years = [
        y
        for code, y in read_seeker_jobs(said).experience
        if y and (code.startswith(origin.from_code) or origin.from_code.startswith(code))
    ]
    return max(years, default=None)


def _held(profile: SeekerProfile) -> list[str]:
    """The certificates the seeker said they hold, by their Korean names."""
    known = nlu.load_tables().certificates
    return [known[c].name_ko for c in profile.certificates_held if c in known]


def _intro_said_just_before(tracker: Tracker, intro: str) -> bool:
    """Whether the bot's reply to the previous message began with ``intro``."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                break
        elif event.get("event") == "bot" and users == 1:
            custom = (event.get("data") or {}).get("custom") or {}
            if isinstance(custom, dict) and str(custom.get("text") or "").startswith(intro):
                return True
    return False


class ShowPaths(ContextAction):
    """Show the seeker's career paths, openings they can apply to now, and courses."""

    def name(self) -> str:
        return "action_show_paths"

    def _policy(self) -> MatchPolicy:
        matcher = self.context.matcher
        current = matcher.current if isinstance(matcher, LiveMatcher) else matcher
        return current.policy

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = [
            SlotSet("open_question", None),
            SlotSet("fallback_count", 0.0),
            SlotSet("paths_pending", False),
        ]
        counselor = button(messages.BUTTON_COUNSELOR, "request_counselor")
        said = seeker_text(tracker)
        table = _table()
        if table is None:
            dispatcher.utter_message(text=messages.PATHS_UNAVAILABLE, buttons=[counselor])
            return events
        profile = SeekerProfile.from_dict(tracker.get_slot("profile"))
        policy = self._policy()
        home = nlu.parse_seeker_text(said).home_region
        region = nlu.load_tables().regions[home].name_ko if home else policy.default_home_region
        done = _done(said)
        advice = (
            await asyncio.to_thread(self._advice, said, table, policy, self.context.today())
            if done
            else None
        )
        if advice is None or advice.origin is None:
            if done or profile.experience:
                dispatcher.utter_message(text=messages.PATHS_UNKNOWN_TRADE, buttons=[counselor])
                return events
            # nothing done said yet: the paths follow the message that says it
            dispatcher.utter_message(text=messages.PATHS_NEED_TRADE)
            return [*events[:2], SlotSet("paths_pending", True)]
        origin = origin_label(advice.origin.from_name, _years(said, advice.origin))
        intro = messages.PATHS_INTRO.format(origin=origin)
        if _intro_said_just_before(tracker, intro):
            intro = messages.PATHS_INTRO_AGAIN.format(origin=origin)
        payload = paths_payload(
            advice,
            origin=origin,
            held=_held(profile),
            region=region,
            intro=intro,
            buttons=[button(messages.BUTTON_SEARCH, "search_jobs"), counselor],
        )
        dispatcher.utter_message(json_message=payload)
        return events

    def _advice(
        self, said: str, table: TransitionTable, policy: MatchPolicy, today: date
    ) -> TransitionAdvice:
        with self.context.sessions() as session:
            return find_transitions(
                said,
                table=table,
                session=session,
                as_of=today,
                home_region=policy.default_home_region,
                commute_km=policy.commute_km,
                changers_only=True,
            )
