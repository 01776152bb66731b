"""What the bot does next with whatever the seeker just said: one plain, testable policy.

Rasa classifies the message and :class:`~actions.profile.ReadProfile` has already folded its
facts into the profile; :func:`decide` then picks the step from the dialogue state and the
turn. The rules, in order:

1. An open counselor offer is answered first: yes hands off, no goes on. A request to talk
   to a person in words hands off, whatever the classifier read ("사람이랑 통화할 수 있어요?"
   as ``help``, "네 연결해 주세요" as a yes). A message that names
   a field outside the seeker's trade ("배터리 공장 가고 싶어요") or asks where a trade of the
   transition table could lead shows their career paths (``actions.paths.asks_for_paths``),
   after the openings of that field when its work became the target and was not searched;
   "다른 일은 뭐가 있어요?" (``ask_paths``, and words that ask) without new facts does too
   when the trade is not in the table or nothing is known yet (the paths then wait for the
   trade).
2. Facts first: a message that added facts (or asks for a search) makes progress, whatever
   the intent classifier said — dialect often lands in ``nlu_fallback``, a shift said in
   dialect in ``goodbye``, "저 우즈벡 사람이에요" in ``bot_challenge``; without facts those two
   get their set answer.
3. Progress is a search as soon as the kind of work is known, or after the occupation
   question was asked twice; a search again only when the searched profile changed. Results
   for a trade with certificates ask once whether the seeker holds one.
4. Yes/no is read against the open question ("자격증 있으세요?" — yes asks which); with none
   open, yes after results shows more.
5. A miss (not understood, or no Korean word at all, whatever the intent): rephrase, then offer a counselor (once per conversation), then short answers
   with buttons. Abuse gets one calm answer and the offer, whatever the intent (an insult
   is often read as a plea for help). No question more than twice.

Nothing here imports Rasa: the action (:mod:`actions.next_step_action`) applies the step.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from nlu.answers import YesNo
from nlu.profile import SeekerProfile

__all__ = [
    "MAX_ASKS",
    "Act",
    "DialogueState",
    "Question",
    "Say",
    "Step",
    "Turn",
    "decide",
    "search_key",
]

#: Questions the bot asks; ``counselor_offer`` is "상담사를 연결해 드릴까요?";
#: ``has_certificates`` follows the first results of a trade that has certificates.
Question = Literal[
    "occupation", "has_certificates", "which_certificates", "region", "counselor_offer"
]
#: Short messages said before (or instead of) acting; texts in :mod:`actions.messages`.
Say = Literal[
    "greet",  # a greeting without facts
    "rephrase",  # the first miss
    "out_of_scope",  # the first miss, for a question the bot cannot answer
    "lost",  # the second miss in a row (the counselor offer follows)
    "calm",  # abuse: one calm answer (the counselor offer follows)
    "still_lost",  # a miss after the counselor was offered once
    "ok",  # "알겠어요" (a declined offer)
    "noted",  # facts that do not change the results, or a remark with no facts
    "closing",  # "no" after the results, nothing open
    "help",  # what the bot can do (asked for, not an insult)
    "goodbye",  # a farewell without facts
    "iamabot",  # "너 사람이야?" without facts: the bot says what it is
]
Act = Literal["none", "search", "more", "handoff", "paths"]

#: The same question at most this often per conversation.
MAX_ASKS = 2
#: Profile flags that answer a question but do not change what a search finds
#: ("자격증 없어요" does: openings that require one are left out).
_UNSEARCHED = ("pay_any", "shift_any")
#: Intents the bot did not understand.
_MISS_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
#: Intents answered with a set text when the message carries no facts; the classifier puts
#: "오전에만 되지라" in goodbye and "저 우즈벡 사람이에요 용접 해요" in bot_challenge.
_SOCIAL: Mapping[str, Say] = {"goodbye": "goodbye", "bot_challenge": "iamabot"}


@dataclass(frozen=True)
class DialogueState:
    """What the conversation knows before this turn's step (profile already merged)."""

    profile: SeekerProfile
    open_question: Question | None = None
    asked: Mapping[str, int] = field(default_factory=dict)
    searched: str | None = None  # search_key of the profile last searched
    shown_results: bool = False
    fallback_streak: int = 0
    counselor_offered: bool = False
    default_region: str | None = None  # region id searched when the seeker names none
    trade_certificates: bool = False  # the wanted work has certificates worth asking about


@dataclass(frozen=True)
class Turn:
    """The seeker's latest message, as far as the policy cares."""

    intent: str | None
    added_facts: bool = False  # the message changed the profile
    answer: YesNo | None = None  # read from the raw text (nlu.answers)
    abuse: bool = False
    gibberish: bool = False  # no Korean word at all (ㅁㄴㅇㄹ, ㅋㅋㅋ, emoji)
    unnamed_certificate: bool = False  # "자격증 있어요" without saying which
    asks_paths: bool = False  # names a field outside their trade ("배터리 공장"; actions.paths)
    # "다른 일은 뭐가 있어요?" in words, or the 다른 길 보기 button (ask_paths alone is not:
    # "직업군인 전역했어요" is read as one; nlu.answers.asks_about_paths)
    asks_other_work: bool = False
    # the message states facts, known already or not ("경력은 업는데 괜찬나요" after
    # "처음 취업해요"): it is no miss, whatever the intent
    said_facts: bool = False
    # "사람이랑 통화할 수 있어요?", "네 연결해 주세요" in words, whatever the intent
    # (nlu.answers.asks_to_talk): a counselor request, before a yes is read as "more"
    asks_to_talk: bool = False


@dataclass(frozen=True)
class Step:
    """What to do, in order: say ``say``, then ``act``, then ask ``ask``."""

    say: Say | None = None
    act: Act = "none"
    ask: Question | None = None
    # search without a known occupation (asked twice, no answer, or only conditions said)
    anywork: bool = False
    missed: bool = False  # a turn the bot could not help with (the open question stays)
    # with the paths, first the openings of the work just wished for ("용접은 이제 그만하고
    # 배터리 공장 같은데 가보고 싶어요": the battery plants' openings, then the paths)
    search_too: bool = False


def search_key(profile: SeekerProfile, default_region: str | None = None) -> str:
    """A fingerprint of what a search with ``profile`` would find (flags that only
    answer a question left out, the default region filled in)."""
    searched = profile.for_search()
    if searched.home_region is None and not searched.region_anywhere:
        searched = replace(searched, home_region=default_region)
    data = searched.to_dict()
    for name in (*_UNSEARCHED, "evidence"):
        data.pop(name, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def decide(state: DialogueState, turn: Turn) -> Step:
    """The next step for ``turn`` in ``state`` (see the module docstring for the rules)."""
    question = state.open_question
    if question == "counselor_offer" and not turn.added_facts:
        if turn.answer == "yes":
            return Step(act="handoff")
        if turn.answer == "no":
            return _progress(state, turn, say="ok")
    if turn.abuse and not turn.added_facts:
        return _miss(state, turn)
    if turn.asks_to_talk:
        return Step(act="handoff")
    if turn.asks_paths:
        wished = turn.added_facts and bool(state.profile.wanted_codes)
        fresh = search_key(state.profile, state.default_region) != state.searched
        return Step(act="paths", search_too=wished and fresh)
    if turn.added_facts or turn.unnamed_certificate or turn.intent == "search_jobs":
        return _progress(state, turn)
    if (social := _SOCIAL.get(turn.intent or "")) is not None:
        return Step(say=social)
    if turn.asks_other_work and (state.profile.experience or not state.profile.searchable()):
        return Step(act="paths")
    if question == "has_certificates" and turn.answer == "yes":
        return _ask_or_go_on(state, "which_certificates")
    if question == "which_certificates" and turn.answer is not None:
        return _ask_or_go_on(state, "which_certificates")
    if question == "occupation" and turn.answer is not None:
        return _progress(state, turn)
    if turn.answer is not None and state.shown_results:
        return Step(act="more") if turn.answer == "yes" else Step(say="closing")
    if (turn.intent in _MISS_INTENTS or turn.gibberish) and not turn.said_facts:
        return _miss(state, turn)
    if turn.intent == "change_region":
        return _ask_or_go_on(state, "region")
    if turn.intent == "help":
        return Step(say="help")
    return _progress(state, turn, say="greet" if turn.intent == "greet" else None)


def _asks_left(state: DialogueState, question: Question) -> bool:
    return state.asked.get(question, 0) < MAX_ASKS


def _progress(state: DialogueState, turn: Turn, say: Say | None = None) -> Step:
    """Search when the kind of work is known (or was asked twice); else ask for it."""
    profile = state.profile
    wants_which = (
        turn.unnamed_certificate
        and not profile.certificates_held
        and _asks_left(state, "which_certificates")
    )
    follow_up: Question | None = "which_certificates" if wants_which else None
    if not profile.searchable():
        asks = _asks_left(state, "occupation")
        anywork_key = search_key(replace(profile, any_occupation=True), state.default_region)
        if profile.shapes_work() and anywork_key != state.searched:
            # "토요일 일요일만 할 수 있는 알바 있나요": openings on those conditions now,
            # and the work asked beneath them
            return Step(
                say=say, act="search", ask="occupation" if asks else follow_up, anywork=True
            )
        if asks:
            return Step(say=say, ask="occupation")
        if anywork_key == state.searched:
            return Step(say=say or "noted", ask=follow_up)
        return Step(say=say, act="search", ask=follow_up, anywork=True)
    if search_key(profile, state.default_region) != state.searched:
        return Step(say=say, act="search", ask=follow_up or _certificate_question(state))
    if follow_up:
        return Step(say=say, ask=follow_up)
    return Step(say=say or "noted")


def _certificate_question(state: DialogueState) -> Question | None:
    """ "자격증 있으세요?" once, under the results of a trade with certificates, until the
    seeker has said anything about theirs (the answer changes which openings fit)."""
    profile = state.profile
    said = profile.certificates_held or profile.certificates_lacking or profile.no_certificates
    if state.trade_certificates and not said and "has_certificates" not in state.asked:
        return "has_certificates"
    return None


def _ask_or_go_on(state: DialogueState, question: Question) -> Step:
    if _asks_left(state, question):
        return Step(ask=question)
    return Step(say="noted")


def _miss(state: DialogueState, turn: Turn) -> Step:
    """Not understood: rephrase once, then offer a counselor once, then short answers."""
    if state.counselor_offered:
        return Step(say="still_lost", missed=True)
    if turn.abuse:
        return Step(say="calm", ask="counselor_offer", missed=True)
    if state.fallback_streak + 1 >= 2:
        return Step(say="lost", ask="counselor_offer", missed=True)
    say: Say = "out_of_scope" if turn.intent == "out_of_scope" else "rephrase"
    return Step(say=say, missed=True)
