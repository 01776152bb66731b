"""Reading the seeker's profile from every message, and starting over."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import nlu
from actions import messages
from actions.context import ContextAction
from actions.form import form_slot_values
from nlu.profile import FORM_SLOTS, SeekerProfile
from nlu.profile_merge import answer_to_question, merge, read_indifference
from storage.seekers import save_profile

__all__ = ["ReadProfile", "RestartProfile", "previous_action"]

#: Intents that count as a turn the bot could not help with (see HandleFallback).
_NOT_UNDERSTOOD = {"nlu_fallback", "out_of_scope"}
#: Intents whose text carries no profile facts worth reading.
_NO_FACTS = {"request_counselor", "start_over", "more_results", "job_details", "apply", "help"}


def previous_action(tracker: Tracker) -> str | None:
    """The last action the bot ran before the latest user message (``action_listen`` skipped)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return str(event.get("name"))
    return None


class ReadProfile(ContextAction):
    """Fold the latest message into the profile slots (runs after every user message).

    Registered as the ``custom`` slot mapping of the profile slots, so Rasa's
    ``action_extract_slots`` calls it on each turn, in and out of the form. While a
    counselor has the conversation (tracker paused) it changes nothing: what the seeker
    tells a human must not overwrite the profile.
    """

    def name(self) -> str:
        return "action_read_profile"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.is_paused():
            return []
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        intent = (message.get("intent") or {}).get("name")
        events: list[EventType] = []
        if intent not in _NOT_UNDERSTOOD and tracker.get_slot("fallback_count"):
            events.append(SlotSet("fallback_count", 0.0))
        if (
            tracker.get_slot("counselor_offered")
            and previous_action(tracker) != "action_handle_fallback"
        ):
            events.append(SlotSet("counselor_offered", False))
        if text.startswith("/") or intent in _NO_FACTS:
            return events
        state = SeekerProfile.from_dict(tracker.get_slot("profile"))
        updated = read_indifference(merge(state, nlu.parse_seeker_text(text)), text)
        requested = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
        asked = next((slot for slot in FORM_SLOTS if slot == requested), None)
        if asked and form_slot_values(updated)[asked] == form_slot_values(state)[asked]:
            updated = answer_to_question(updated, asked, text, intent)
        if updated != state:
            events.append(SlotSet("profile", updated.to_dict()))
            for slot, value in form_slot_values(updated).items():
                if value != tracker.get_slot(slot):
                    events.append(SlotSet(slot, value))
        return events


class RestartProfile(ContextAction):
    """Forget the profile and results, here and in the database, and ask again."""

    def name(self) -> str:
        return "action_restart_profile"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        with self.context.sessions.begin() as session:
            save_profile(session=session, sender_id=tracker.sender_id, profile={})
        dispatcher.utter_message(text=messages.RESTARTED)
        return [AllSlotsReset()]
