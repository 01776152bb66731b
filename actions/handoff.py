"""Handing the conversation to a human counselor."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import ActionContext
from actions.form import form_slot_values
from actions.payloads import handoff_payload
from nlu.profile import SeekerProfile
from storage.seekers import open_handoff, save_profile

__all__ = ["hand_off"]


def hand_off(
    context: ActionContext, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType]:
    """Record a handoff and emit the ``handoff`` payload the front end acts on.

    The reason is ``fallback`` when the seeker accepted the bot's offer (asked after it
    kept missing), ``requested`` when they asked on their own.
    """
    profile = SeekerProfile.from_dict(tracker.get_slot("profile"))
    offered = tracker.get_slot("open_question") == "counselor_offer"
    reason = "fallback" if offered else "requested"
    with context.sessions.begin() as session:
        save_profile(session=session, sender_id=tracker.sender_id, profile=profile.to_dict())
        handoff = open_handoff(session=session, sender_id=tracker.sender_id, reason=reason)
        handoff_id = handoff.id
    dispatcher.utter_message(
        json_message=handoff_payload(handoff_id, reason, form_slot_values(profile))
    )
    return [SlotSet("open_question", None)]
