"""Reading the seeker's profile from every message."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import nlu
from actions.context import ContextAction
from actions.form import form_slot_values
from actions.references import message_reference
from nlu.answers import asks_for_person, is_gibberish, read_yes_no
from nlu.conditions import REGION_REACHABLE
from nlu.lexicon import LICENCE_WORDS
from nlu.profile import FormSlot, SeekerProfile
from nlu.profile_merge import (
    answer_to_question,
    merge,
    read_certificate_answer,
    read_indifference,
)
from retrieval.constraints import MatchPolicy
from retrieval.live import LiveMatcher

__all__ = ["ReadProfile"]

#: Intents that leave the miss streak alone (actions.next_step counts it).
_NOT_UNDERSTOOD = {"nlu_fallback", "out_of_scope"}
#: The profile field a short answer ("없어요", "아무거나") answers, by the question open.
_ANSWERS: dict[str, FormSlot] = {
    "occupation": "occupation",
    "has_certificates": "certificates",
    "which_certificates": "certificates",
    "region": "region",
}
#: Intents whose text carries no profile facts worth reading.
# (not start_over: "다시 일을 해 보려고요" is often read as one, and its facts count.)
_NO_FACTS = {"request_counselor", "more_results", "job_details", "apply", "help"}
#: Of those, the ones that only make sense about results shown ("지원할래요"): before any
#: result the classifier was wrong ("잡부햇어요" read as apply) and the facts count — as
#: they do in a "job_details" message that points at no card (actions.references).
_ABOUT_RESULTS = {"more_results", "job_details", "apply"}


#: Kilometres added to the distance of a place the seeker would go to, so the place's own
#: outskirts are in reach too ("익산도 갈 수 있어라" reaches 익산 산단, not only its centre).
_REACH_MARGIN_KM = 5


def widen_to_reach(
    profile: SeekerProfile, said: SeekerProfile, policy: MatchPolicy
) -> SeekerProfile:
    """The profile with its commute widened to the places ``said`` names as reachable ("익산도
    갈 수 있어라", "전주까지 다닐 수 있어요"), measured from the seeker's home or the center's
    default; unchanged when they already lie within it."""
    regions = nlu.load_tables().regions
    home = regions.get(profile.home_region or "") or nlu.resolve_region(policy.default_home_region)
    places = [
        regions[fact.removeprefix(REGION_REACHABLE)]
        for _, fact in said.evidence
        if fact.startswith(REGION_REACHABLE) and fact.removeprefix(REGION_REACHABLE) in regions
    ]
    if home is None or not places or profile.region_anywhere:
        return profile
    reach = max(nlu.region_distance_km(home, place) for place in places) + _REACH_MARGIN_KM
    if reach <= (profile.max_commute_km or policy.commute_km):
        return profile
    return replace(profile, max_commute_km=math.ceil(reach))


def _trade_certificate(profile: SeekerProfile) -> SeekerProfile:
    """The one wanted trade's first certificate, for "면허 있어요" or a second unnamed "있어요"
    to "어떤 자격증이에요?" ("license 있어요" after "forklift 운전 해요"); unchanged when the
    seeker named one or wants several trades."""
    wanted = profile.for_search().wanted_families
    primary = nlu.load_tables().primary_certificates.get(wanted[0]) if len(wanted) == 1 else None
    if primary is None or profile.certificates_held:
        return profile
    return replace(profile, certificates_held=(primary,), no_certificates=False)


class ReadProfile(ContextAction):
    """Fold the latest message into the profile slots (runs after every user message).

    Registered as the ``custom`` slot mapping of the profile slots, so Rasa's
    ``action_extract_slots`` calls it on each turn, whatever was asked; a short answer
    ("없어요", "아무거나", "아니요") is read against the question the bot left open. While a
    counselor has the conversation (tracker paused) it changes nothing: what the seeker
    tells a human must not overwrite the profile.
    """

    def name(self) -> str:
        return "action_read_profile"

    def _policy(self) -> MatchPolicy:
        matcher = self.context.matcher
        return (matcher.current if isinstance(matcher, LiveMatcher) else matcher).policy

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.is_paused():
            return []
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        intent = (message.get("intent") or {}).get("name")
        events: list[EventType] = []
        understood = intent not in _NOT_UNDERSTOOD and not is_gibberish(text)
        if understood and tracker.get_slot("fallback_count"):
            events.append(SlotSet("fallback_count", 0.0))
        misread = intent in _ABOUT_RESULTS and not tracker.get_slot("shown_openings")
        if intent == "job_details" and not misread:  # "나이는 쉰여섯이여": no card meant
            misread = message_reference(self.context, tracker) is None
        if intent == "request_counselor":  # "필리핀사람 e9 … 공장 햇어요": no one asked for
            misread = not asks_for_person(text)
        # (a button press, "/..", carries no facts, whatever was shown)
        if text.startswith("/") or (intent in _NO_FACTS and not misread):
            return events
        state = SeekerProfile.from_dict(tracker.get_slot("profile"))
        said = nlu.parse_seeker_text(text)
        updated = widen_to_reach(read_indifference(merge(state, said), text), said, self._policy())
        asked = _ANSWERS.get(str(tracker.get_slot("open_question")))
        unnamed = any(fact == "certificate_held:unnamed" for _, fact in said.evidence)
        if asked == "certificates" or unnamed:
            # "특수용접이랑 일반 용접 다", "자격증 잇어요 천장크래인": the short names too
            updated = read_certificate_answer(updated, text)
        licence = any(word in text.lower() for word in LICENCE_WORDS)
        if unnamed and (licence or tracker.get_slot("open_question") == "which_certificates"):
            updated = _trade_certificate(updated)
        answer = read_yes_no(text)
        # "경력 없어도 돼요?" to "자격증 있으세요?": its 없 is about the facts it states
        short = answer is not None or not said.evidence
        if asked and short and form_slot_values(updated)[asked] == form_slot_values(state)[asked]:
            hint = {"yes": "affirm", "no": "deny"}.get(answer or "", intent)
            updated = answer_to_question(updated, asked, text, hint)
        if updated != state:
            events.append(SlotSet("profile", updated.to_dict()))
            for slot, value in form_slot_values(updated).items():
                if value != tracker.get_slot(slot):
                    events.append(SlotSet(slot, value))
        return events
