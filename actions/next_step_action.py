"""``action_next_step``: applies :func:`actions.next_step.decide` to the conversation, and
``action_restart_profile``, which starts over only when the seeker explicitly asked to."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import nlu
from actions import messages
from actions.context import ContextAction, latest_text
from actions.form import search_summary
from actions.handoff import hand_off
from actions.next_step import DialogueState, Question, Say, Step, Turn, decide, search_key
from actions.paths import ShowPaths, asks_for_paths, paths_button
from actions.payloads import button, openings_payload
from actions.replies import Button
from actions.search import MoreResults, find_openings
from nlu.answers import (
    YesNo,
    asks_about_paths,
    asks_for_person,
    asks_to_restart,
    asks_to_talk,
    is_abuse,
    is_gibberish,
    read_yes_no,
)
from nlu.profile import SeekerProfile
from retrieval.live import LiveMatcher
from storage.seekers import save_profile

__all__ = ["NextStep", "RequestCounselor", "RestartProfile", "added_facts", "previous_bot_texts"]

logger = logging.getLogger(__name__)

#: What the offer's buttons (/affirm, /deny) answer.
_BUTTON_ANSWERS: dict[str, YesNo] = {"affirm": "yes", "deny": "no"}
#: Certificate buttons offered with "어떤 자격증이 있으세요?".
_CERTIFICATE_BUTTONS = 4


def previous_bot_texts(tracker: Tracker) -> set[str]:
    """What the bot said in reply to the seeker's previous message (before the latest one)."""
    texts: set[str] = set()
    users = 0
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            users += 1
            if users == 2:
                break
        elif kind == "bot" and users == 1:
            texts.add(str(event.get("text") or ""))
            custom = (event.get("data") or {}).get("custom") or {}
            if isinstance(custom, dict) and custom.get("text"):
                # a results page: its intro is what the front end sends as its own message
                texts.add(str(custom["text"]).partition("\n\n")[0])
    return texts


def added_facts(tracker: Tracker) -> bool:
    """True when the latest message changed the profile (action_read_profile set it)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == "profile":
            return True
    return False


def _pick(phrasings: Sequence[str], avoid: set[str]) -> str:
    """The first phrasing not said just before (the same text never twice in a row)."""
    return next((p for p in phrasings if p not in avoid), phrasings[0])


def _buttons(pairs: Sequence[tuple[str, str]]) -> list[Button]:
    return [{"title": title, "payload": text} for title, text in pairs]


def _trade_certificates(profile: SeekerProfile) -> list[nlu.Certificate]:
    """The certificates of the work the seeker wants (asked about under the results)."""
    families = set(profile.for_search().wanted_families)
    return [c for c in nlu.load_tables().certificates.values() if c.family in families]


class NextStep(ContextAction):
    """Do what the next-step policy says after the seeker's message."""

    def name(self) -> str:
        return "action_next_step"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = self._state(tracker)
        step = decide(state, self._turn(tracker))
        return await self.apply(step, state, dispatcher, tracker, domain)

    def _home(self) -> str:
        """The configured home region's name ("군산"), searched when the seeker names none."""
        matcher = self.context.matcher
        current = matcher.current if isinstance(matcher, LiveMatcher) else matcher
        return current.policy.default_home_region

    def _default_region(self) -> nlu.Region | None:
        return nlu.resolve_region(self._home())

    def _state(self, tracker: Tracker) -> DialogueState:
        default = self._default_region()
        asked = tracker.get_slot("asked")
        profile = SeekerProfile.from_dict(tracker.get_slot("profile"))
        return DialogueState(
            profile=profile,
            open_question=tracker.get_slot("open_question"),
            asked=dict(asked) if isinstance(asked, dict) else {},
            searched=tracker.get_slot("searched"),
            shown_results=bool(tracker.get_slot("shown_openings")),
            fallback_streak=int(tracker.get_slot("fallback_count") or 0),
            counselor_offered=bool(tracker.get_slot("counselor_offered")),
            default_region=default.region if default else None,
            trade_certificates=bool(_trade_certificates(profile)),
        )

    @staticmethod
    def _turn(tracker: Tracker) -> Turn:
        message = tracker.latest_message or {}
        text = str(message.get("text") or "")
        intent = (message.get("intent") or {}).get("name")
        if text.startswith("/"):  # a button: the intent is the answer
            answer = _BUTTON_ANSWERS.get(str(intent))
            return Turn(
                intent=intent,
                added_facts=added_facts(tracker),
                answer=answer,
                asks_other_work=intent == "ask_paths",
            )
        facts = {fact for _, fact in nlu.parse_seeker_text(text).evidence}
        return Turn(
            intent=intent,
            added_facts=added_facts(tracker),
            answer=read_yes_no(text),
            abuse=is_abuse(text),
            gibberish=is_gibberish(text),
            unnamed_certificate="certificate_held:unnamed" in facts,
            asks_paths=asks_for_paths(tracker),
            asks_other_work=intent == "ask_paths" and asks_about_paths(text),
            asks_to_talk=asks_to_talk(text),
            said_facts=bool(facts),
        )

    async def apply(
        self,
        step: Step,
        state: DialogueState,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[EventType]:
        """Say, act and ask as ``step`` says; the slot events that record it."""
        avoid = previous_bot_texts(tracker)
        events: list[EventType] = []
        if step.say:
            self._say(step.say, dispatcher, avoid, state)
        if step.act == "handoff":
            return hand_off(self.context, dispatcher, tracker)
        if step.act == "search":
            events += await self._search(step, state, dispatcher, tracker, avoid)
        elif step.act == "more":
            events += await MoreResults(self.context).act(dispatcher, tracker, domain)
        elif step.act == "paths":
            if step.search_too:
                events += await self._search(step, state, dispatcher, tracker, avoid)
            events += await ShowPaths(self.context).act(dispatcher, tracker, domain)
        if step.ask:
            events += self._ask(step.ask, state, dispatcher, avoid)
        open_question = step.ask or (state.open_question if step.missed else None)
        streak = state.fallback_streak + 1 if step.missed else 0
        events += [
            SlotSet("open_question", open_question),
            SlotSet("fallback_count", float(streak)),
        ]
        return events

    def _say(
        self, say: Say, dispatcher: CollectingDispatcher, avoid: set[str], state: DialogueState
    ) -> None:
        text = _pick(messages.SAY[say], avoid)
        buttons: list[Button] = []
        if say == "still_lost":
            buttons = [
                button(messages.BUTTON_COUNSELOR, "request_counselor"),
                button(messages.BUTTON_START_OVER, "start_over"),
            ]
        elif say in ("noted", "closing") and state.shown_results:
            buttons = [
                button(messages.BUTTON_MORE, "more_results"),
                button(messages.BUTTON_COUNSELOR, "request_counselor"),
            ]
        dispatcher.utter_message(text=text, buttons=buttons)

    def _ask(
        self,
        question: Question,
        state: DialogueState,
        dispatcher: CollectingDispatcher,
        avoid: set[str],
    ) -> list[EventType]:
        times = state.asked.get(question, 0)
        phrasings = messages.ASK[question]
        text = phrasings[min(times, len(phrasings) - 1)]
        if text in avoid:
            text = _pick(phrasings, avoid)
        dispatcher.utter_message(text=text, buttons=self._answer_buttons(question, state))
        events: list[EventType] = [SlotSet("asked", {**state.asked, question: times + 1})]
        if question == "counselor_offer":
            events.append(SlotSet("counselor_offered", True))
        return events

    @staticmethod
    def _answer_buttons(question: Question, state: DialogueState) -> list[Button]:
        if question == "occupation":
            return _buttons([messages.BUTTON_ANY_WORK])
        if question == "region":
            return _buttons(messages.REGION_CHOICES)
        if question == "counselor_offer":
            return [
                button(messages.BUTTON_YES_COUNSELOR, "affirm"),
                button(messages.BUTTON_NO, "deny"),
            ]
        # has_certificates and which_certificates: the trade's certificates, or none
        choices = [
            (c.name_ko, messages.CERTIFICATE_CHOICE.format(name=c.name_ko))
            for c in _trade_certificates(state.profile)[:_CERTIFICATE_BUTTONS]
        ]
        return _buttons([*choices, messages.BUTTON_NO_CERTIFICATES])

    async def _search(
        self,
        step: Step,
        state: DialogueState,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        avoid: set[str],
    ) -> list[EventType]:
        profile = state.profile
        # without a known occupation, any work is searched (and remembered as searched)
        asked_for = replace(profile, any_occupation=True) if step.anywork else profile
        searched = asked_for.for_search()
        with self.context.sessions.begin() as session:
            save_profile(session=session, sender_id=tracker.sender_id, profile=profile.to_dict())
        matches = await find_openings(self.context, searched, [])
        intro = self._intro(profile, step.anywork)
        if intro in avoid:
            intro = messages.RESULTS_AGAIN + intro
        payload = openings_payload(intro, matches, page=1, first_rank=1)
        payload["buttons"] = self._refinements(profile)
        with self.context.sessions() as session:  # the seeker's own trade is thin: other paths
            payload["buttons"][:0] = paths_button(session, matches, profile)
        dispatcher.utter_message(json_message=payload)
        return [
            SlotSet("shown_openings", [m.opening_id for m in matches]),
            SlotSet("focus_opening", None),
            SlotSet("searched", search_key(asked_for, state.default_region)),
        ]

    def _intro(self, profile: SeekerProfile, anywork: bool) -> str:
        region = self._home()
        if anywork and not profile.shapes_work():
            return messages.ANYWORK_INTRO.format(region=region)
        template = messages.ANYWORK_CONDITIONS_INTRO if anywork else messages.RESULTS_INTRO
        intro = template.format(summary=search_summary(profile) or messages.SAID_CONDITIONS)
        if profile.home_region is None and not profile.region_anywhere:
            intro += messages.DEFAULT_REGION_NOTE.format(region=region)
        return intro

    @staticmethod
    def _refinements(profile: SeekerProfile) -> list[Button]:
        """Quick refinements under the results: only those that would change something."""
        pairs = []
        if profile.wanted_shifts != {"주간"}:
            pairs.append(messages.REFINE_DAY_ONLY)
        if not profile.min_monthly_pay:
            pairs.append(messages.REFINE_PAY)
        if not profile.certificates_held and not profile.no_certificates:
            pairs.append(messages.REFINE_CERTIFICATES)
        return [
            *_buttons(pairs),
            button(messages.BUTTON_OTHER_REGION, "change_region"),
            button(messages.BUTTON_MORE, "more_results"),
            button(messages.BUTTON_COUNSELOR, "request_counselor"),
        ]


class RestartProfile(NextStep):
    """Forget the profile and results, here and in the database — only when the seeker
    explicitly asked; otherwise the message ("다시 일을 해 보려고요") is a next step."""

    def name(self) -> str:
        return "action_restart_profile"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = latest_text(tracker)
        if not asks_to_restart(text):
            logger.info("start_over without an explicit reset: taken as a next step")
            return await super().act(dispatcher, tracker, domain)
        with self.context.sessions.begin() as session:
            save_profile(session=session, sender_id=tracker.sender_id, profile={})
        dispatcher.utter_message(text=messages.RESTARTED)
        return [AllSlotsReset()]


class RequestCounselor(NextStep):
    """Hand the conversation to a person — unless the message only told facts and asked for
    no one ("필리핀사람 e9 자동차부품 공장 햇어요" read as a request): then it is a next step."""

    def name(self) -> str:
        return "action_request_counselor"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = latest_text(tracker)
        if not text.startswith("/") and not asks_for_person(text) and added_facts(tracker):
            logger.info("request_counselor with facts and no ask for a person: a next step")
            return await super().act(dispatcher, tracker, domain)
        return hand_off(self.context, dispatcher, tracker)
