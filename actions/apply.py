"""Recording a seeker's interest in an opening."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import ContextAction, latest_text
from actions.next_step_action import NextStep
from actions.payloads import application_payload
from actions.references import pointed_opening, shown_ids
from storage.seekers import record_interest

__all__ = ["Apply"]


class Apply(ContextAction):
    """Record that the seeker wants the opening they point at (nothing is sent yet).

    Before any opening was shown there is nothing to apply to: the message ("용접 일
    지원하고 싶어요") is a next step.
    """

    def name(self) -> str:
        return "action_apply"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        typed = not latest_text(tracker).startswith("/")
        if typed and not shown_ids(tracker):
            return await NextStep(self.context).act(dispatcher, tracker, domain)
        opening = pointed_opening(self.context, dispatcher, tracker)
        if opening is None:
            return []
        with self.context.sessions.begin() as session:
            application = record_interest(
                session=session, sender_id=tracker.sender_id, opening_id=opening.id
            )
            payload = application_payload(application.id, opening, application.status)
        dispatcher.utter_message(json_message=payload)
        return [SlotSet("focus_opening", opening.id)]
