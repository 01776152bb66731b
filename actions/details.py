"""``action_job_details``: everything about the opening the seeker points at — or, when the
message points at no card and tells facts instead ("나이는 쉰여섯이여" read as job_details)
or nothing was shown yet, the next step."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import nlu
from actions.next_step_action import NextStep, added_facts
from actions.payloads import details_payload
from actions.references import message_reference, pointed_opening, shown_ids

__all__ = ["JobDetails"]


def _tells_facts(tracker: Tracker) -> bool:
    """Whether the latest message tells facts about the seeker, new or already known
    ("경력은 없는데 괜찮나요" from a newcomer asks nothing about a card)."""
    if added_facts(tracker):
        return True
    return bool(nlu.parse_seeker_text(str(tracker.latest_message.get("text") or "")).evidence)


class JobDetails(NextStep):
    """Show the details of the opening the seeker means; facts without a card are a next step."""

    def name(self) -> str:
        return "action_job_details"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = message_reference(self.context, tracker)
        if reference is None and (_tells_facts(tracker) or not shown_ids(tracker)):
            return await super().act(dispatcher, tracker, domain)
        opening = pointed_opening(self.context, dispatcher, tracker, reference)
        if opening is None:
            return []
        dispatcher.utter_message(json_message=details_payload(opening))
        return [SlotSet("focus_opening", opening.id)]
