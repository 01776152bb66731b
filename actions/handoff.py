"""Handing the conversation to a human counselor, and what the bot does when it is stuck."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import messages
from actions.context import ContextAction
from actions.form import form_slot_values
from actions.payloads import button, handoff_payload
from nlu.profile import SeekerProfile
from storage.seekers import open_handoff, save_profile

__all__ = ["HandleFallback", "RequestCounselor"]

#: Turns in a row the bot could not help with, after which a counselor is offered.
FALLBACKS_BEFORE_OFFER = 2


class RequestCounselor(ContextAction):
    """Record a handoff and emit the ``handoff`` payload the front end acts on."""

    def name(self) -> str:
        return "action_request_counselor"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        profile = SeekerProfile.from_dict(tracker.get_slot("profile"))
        reason = "fallback" if tracker.get_slot("counselor_offered") else "requested"
        with self.context.sessions.begin() as session:
            save_profile(session=session, sender_id=tracker.sender_id, profile=profile.to_dict())
            handoff = open_handoff(session=session, sender_id=tracker.sender_id, reason=reason)
            handoff_id = handoff.id
        dispatcher.utter_message(
            json_message=handoff_payload(handoff_id, reason, form_slot_values(profile))
        )
        return [SlotSet("counselor_offered", False)]


class HandleFallback(ContextAction):
    """Ask the seeker to rephrase; after repeated misunderstandings, offer a counselor.

    Runs for messages NLU could not classify and for out-of-scope ones alike: two turns
    in a row the bot cannot help with mean the seeker needs a person.

    Inside the form the first miss repeats the form's question; the offer leaves the form
    (the profile is kept and the next fact resumes it).
    """

    def name(self) -> str:
        return "action_handle_fallback"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        count = int(tracker.get_slot("fallback_count") or 0) + 1
        asked = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
        if count < FALLBACKS_BEFORE_OFFER:
            if (tracker.latest_message.get("intent") or {}).get("name") == "out_of_scope":
                dispatcher.utter_message(response="utter_out_of_scope")
            else:
                dispatcher.utter_message(text=messages.FALLBACK_FIRST)
            if asked:  # the form stays active: ask its question again
                dispatcher.utter_message(response=f"utter_ask_{asked}")
            return [SlotSet("fallback_count", float(count))]
        dispatcher.utter_message(
            text=messages.FALLBACK_OFFER,
            buttons=[
                button(messages.BUTTON_YES_COUNSELOR, "request_counselor"),
                button(messages.BUTTON_NO, "deny"),
            ],
        )
        events: list[EventType] = [
            SlotSet("fallback_count", 0.0),
            SlotSet("counselor_offered", True),
        ]
        if tracker.active_loop_name:  # "네" must answer the offer, not the form's question
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        return events
