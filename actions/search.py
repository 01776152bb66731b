"""Searching openings for the collected profile, paging, and one opening's details."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import joinedload

from actions import messages
from actions.context import ActionContext, ContextAction
from actions.payloads import details_payload, openings_payload
from actions.profile_state import ProfileState, form_slot_values, query_text, to_seeker_profile
from actions.references import referenced_opening
from retrieval.matcher import Match
from storage.models import Opening
from storage.seekers import save_profile

__all__ = ["JobDetails", "MoreResults", "SearchJobs", "shown_ids"]


def shown_ids(tracker: Tracker) -> list[int]:
    """Ids of the openings shown since the last search, numbered 1.. for the seeker."""
    return [int(i) for i in tracker.get_slot("shown_openings") or []]


def _summary(state: ProfileState) -> str:
    values = form_slot_values(state)
    parts = [values["occupation"], values["region"], values["pay"], values["shift"]]
    return " · ".join(p for p in parts if p and p not in ("상관없음", "어디든"))


def _searchable(state: ProfileState) -> bool:
    return bool(state.wanted_families or state.experience or state.any_occupation)


async def _find(context: ActionContext, state: ProfileState, exclude: list[int]) -> list[Match]:
    # The matcher is CPU-bound (~40 ms); a worker thread keeps the server answering others.
    return await asyncio.to_thread(
        context.matcher.match,
        query_text(state),
        top=context.page_size,
        as_of=context.today(),
        exclude=exclude,
        profile=to_seeker_profile(state),
    )


class SearchJobs(ContextAction):
    """Show the best openings for the profile collected so far (a fresh search)."""

    def name(self) -> str:
        return "action_search_jobs"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = ProfileState.from_dict(tracker.get_slot("profile"))
        if not _searchable(state):
            dispatcher.utter_message(text=messages.NEED_PROFILE)
            return []
        with self.context.sessions.begin() as session:
            save_profile(session=session, sender_id=tracker.sender_id, profile=state.to_dict())
        matches = await _find(self.context, state, [])
        intro = messages.RESULTS_INTRO.format(summary=_summary(state) or "말씀하신")
        payload = openings_payload(intro, matches, page=1, first_rank=1)
        dispatcher.utter_message(json_message=payload)
        return [
            SlotSet("shown_openings", [m.opening_id for m in matches]),
            SlotSet("focus_opening", None),
        ]


class MoreResults(ContextAction):
    """Show the next page of openings, never repeating one already shown."""

    def name(self) -> str:
        return "action_more_results"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = ProfileState.from_dict(tracker.get_slot("profile"))
        if not _searchable(state):
            dispatcher.utter_message(text=messages.NEED_PROFILE)
            return []
        shown = shown_ids(tracker)
        matches = await _find(self.context, state, shown)
        if not matches:
            dispatcher.utter_message(text=messages.NO_MORE_RESULTS)
            return []
        page = len(shown) // self.context.page_size + 1
        payload = openings_payload(
            messages.RESULTS_MORE_INTRO, matches, page=page, first_rank=len(shown) + 1
        )
        dispatcher.utter_message(json_message=payload)
        return [SlotSet("shown_openings", shown + [m.opening_id for m in matches])]


def load_opening(context: ActionContext, opening_id: int) -> Opening | None:
    """One opening with its company, or ``None``."""
    with context.sessions() as session:
        return session.get(Opening, opening_id, options=[joinedload(Opening.company)])


class JobDetails(ContextAction):
    """Tell everything about the opening the seeker points at."""

    def name(self) -> str:
        return "action_job_details"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        opening_id = referenced_opening(
            tracker.latest_message.get("text") or "",
            next(tracker.get_latest_entity_values("opening_id"), None),
            shown_ids(tracker),
            tracker.get_slot("focus_opening"),
        )
        if opening_id is None:
            dispatcher.utter_message(text=messages.WHICH_OPENING)
            return []
        opening = load_opening(self.context, opening_id)
        if opening is None:
            dispatcher.utter_message(text=messages.OPENING_GONE)
            return []
        dispatcher.utter_message(json_message=details_payload(opening))
        return [SlotSet("focus_opening", opening_id)]
