"""Searching openings for the collected profile and paging (the first search is the next
step's: :mod:`actions.next_step_action`; one opening's details: :mod:`actions.details`)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.context import ActionContext, ContextAction
from actions.payloads import openings_payload
from actions.references import shown_ids
from nlu.profile import SeekerProfile
from retrieval.matcher import Match, profile_query

__all__ = ["MoreResults", "find_openings"]


async def find_openings(
    context: ActionContext, profile: SeekerProfile, exclude: list[int]
) -> list[Match]:
    """One page of the best openings for ``profile``, leaving out the ``exclude`` ids."""
    searched = profile.for_search()
    # The matcher is CPU-bound (~40 ms); a worker thread keeps the server answering others.
    return await asyncio.to_thread(
        context.matcher.match,
        profile_query(searched),
        top=context.page_size,
        as_of=context.today(),
        exclude=exclude,
        profile=searched,
    )


def _searchable_profile(dispatcher: CollectingDispatcher, tracker: Tracker) -> SeekerProfile | None:
    """The collected profile; ``None`` after asking for one when it names no work yet."""
    profile = SeekerProfile.from_dict(tracker.get_slot("profile"))
    if profile.searchable():
        return profile
    dispatcher.utter_message(text=messages.NEED_PROFILE)
    return None


class MoreResults(ContextAction):
    """Show the next page of openings, never repeating one already shown."""

    def name(self) -> str:
        return "action_more_results"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        profile = _searchable_profile(dispatcher, tracker)
        if profile is None:
            return []
        shown = shown_ids(tracker)
        matches = await find_openings(self.context, profile, shown)
        if not matches:
            dispatcher.utter_message(text=messages.NO_MORE_RESULTS)
            return []
        page = len(shown) // self.context.page_size + 1
        # The ranks in the intro keep two pages in a row from saying the same words.
        first, last = len(shown) + 1, len(shown) + len(matches)
        intro = messages.RESULTS_MORE_INTRO.format(first=first, last=last)
        payload = openings_payload(intro, matches, page=page, first_rank=first)
        dispatcher.utter_message(json_message=payload)
        return [SlotSet("shown_openings", shown + [m.opening_id for m in matches])]
