"""Recording a seeker's interest in an opening."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.context import ContextAction
from actions.payloads import application_payload
from actions.references import referenced_opening
from actions.search import load_opening, shown_ids
from storage.seekers import record_interest

__all__ = ["Apply"]


class Apply(ContextAction):
    """Record that the seeker wants the opening they point at (nothing is sent yet)."""

    def name(self) -> str:
        return "action_apply"

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
        with self.context.sessions.begin() as session:
            application = record_interest(
                session=session, sender_id=tracker.sender_id, opening_id=opening_id
            )
            payload = application_payload(application.id, opening, application.status)
        dispatcher.utter_message(json_message=payload)
        return [SlotSet("focus_opening", opening_id)]
