"""What one recorded dialog shows: openings, first results, handoff, repeats, fallbacks.

Pure functions over a :class:`Transcript` (what the seeker said and everything the bot sent
back, as the Telegram stand-in recorded it), so they are tested on hand-made transcripts.
The definitions are the ones `docs/evaluation.md` ("Dialog suite") reports.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dialog_suite import Dialog

__all__ = [
    "FALLBACK_ACTIONS",
    "WELCOME_PATTERNS",
    "BotMessage",
    "Exchange",
    "Transcript",
    "Verdict",
    "by_dialog",
    "fallback_bursts",
    "fallback_turns",
    "first_results_turn",
    "handed_off",
    "judge",
    "repeated_messages",
    "repeated_questions",
    "shown_keys",
    "welcome_count",
]

#: Rasa actions and intents that mean "the bot did not understand this message".
FALLBACK_ACTIONS = frozenset(
    {"action_handle_fallback", "action_default_fallback", "action_two_stage_fallback"}
)
FALLBACK_INTENT = "nlu_fallback"
#: A welcome greets or introduces the bot, or invites the seeker to start from scratch.
WELCOME_PATTERNS = (
    re.compile(r"^안녕하세요"),
    re.compile(r"안내 봇이에요"),
    re.compile(r"해 보신 일과 찾으시는 일을"),
)


@dataclass(frozen=True)
class BotMessage:
    """One message the bot sent the seeker; ``buttons`` are (label, Rasa payload)."""

    text: str
    buttons: tuple[tuple[str, str], ...] = ()

    @property
    def opening_ids(self) -> tuple[int, ...]:
        """Database ids of the openings its buttons act on (a card, or details)."""
        ids = []
        for _, payload in self.buttons:
            _, brace, arguments = payload.partition("{")
            if not (payload.startswith("/") and brace):
                continue
            try:
                value = json.loads(brace + arguments).get("opening_id")
            except (json.JSONDecodeError, AttributeError):
                continue
            if isinstance(value, int) and value not in ids:
                ids.append(value)
        return tuple(ids)

    @property
    def is_card(self) -> bool:
        """True for a message that presents openings."""
        return bool(self.opening_ids)

    @property
    def is_question(self) -> bool:
        """A plain message asking the seeker something."""
        return not self.is_card and "?" in self.text


@dataclass
class Exchange:
    """One seeker message and what followed it until the bot went quiet."""

    said: str
    replies: list[BotMessage] = field(default_factory=list)
    forum_posts: int = 0  # topics created / messages posted in the counselors' forum
    intent: str | None = None  # Rasa's reading, from the tracker (None: Rasa not asked)
    actions: tuple[str, ...] = ()  # Rasa actions run for it, action_listen left out
    timed_out: bool = False  # still not quiet at the turn's deadline


@dataclass
class Transcript:
    """A whole dialog as run: the start (/start and the consent answer) and each turn."""

    dialog_id: str
    variant: str
    start: list[BotMessage] = field(default_factory=list)
    turns: list[Exchange] = field(default_factory=list)
    #: ``source:source_id`` keys of every opening id shown (merged openings have several).
    sources: dict[int, tuple[str, ...]] = field(default_factory=dict)
    error: str | None = None  # the run broke off (the stack, not the bot's answer)

    def messages(self) -> list[BotMessage]:
        """Everything the bot sent the seeker, in order."""
        return [*self.start, *(m for turn in self.turns for m in turn.replies)]


def shown_keys(transcript: Transcript, from_turn: int = 1) -> set[str]:
    """Keys of the openings shown in the replies to turn ``from_turn`` (1-based) and later."""
    ids = {
        opening_id
        for turn in transcript.turns[from_turn - 1 :]
        for message in turn.replies
        for opening_id in message.opening_ids
    }
    return {key for opening_id in ids for key in transcript.sources.get(opening_id, ())}


def first_results_turn(transcript: Transcript) -> int | None:
    """The 1-based turn whose replies first showed an opening; None if none did."""
    for number, turn in enumerate(transcript.turns, start=1):
        if any(message.is_card for message in turn.replies):
            return number
    return None


def handed_off(transcript: Transcript) -> bool:
    """True when the counselors' forum heard of this seeker (a topic or a post)."""
    return any(turn.forum_posts for turn in transcript.turns)


def repeated_questions(transcript: Transcript) -> int:
    """How many distinct questions the bot sent more than twice in the dialog."""
    asked = Counter(m.text for m in transcript.messages() if m.is_question)
    return sum(1 for times in asked.values() if times > 2)


def repeated_messages(transcript: Transcript) -> int:
    """Messages the bot had just sent: a text already in this turn's reply or in the reply
    to the turn before (for turn 1, in the start). Opening cards are left out."""
    count = 0
    previous = {m.text for m in transcript.start if not m.is_card}
    for turn in transcript.turns:
        texts = [m.text for m in turn.replies if not m.is_card]
        count += sum(1 for i, text in enumerate(texts) if text in previous or text in texts[:i])
        previous = set(texts)
    return count


def fallback_bursts(transcript: Transcript) -> int:
    """Turns on which Rasa ran a fallback action more than once (several apologies)."""
    return sum(
        1 for turn in transcript.turns if sum(a in FALLBACK_ACTIONS for a in turn.actions) > 1
    )


def fallback_turns(transcript: Transcript, fallback_texts: Iterable[str] = ()) -> int:
    """Turns the bot answered as not understood: a fallback action or intent in Rasa's
    tracker, or one of ``fallback_texts`` (the front end's own apologies) in the reply."""
    texts = set(fallback_texts)
    return sum(
        1
        for turn in transcript.turns
        if FALLBACK_ACTIONS.intersection(turn.actions)
        or turn.intent == FALLBACK_INTENT
        or any(m.text in texts for m in turn.replies)
    )


def welcome_count(transcript: Transcript) -> int:
    """Messages that greet the seeker or invite them to begin (see `WELCOME_PATTERNS`)."""
    return sum(
        1
        for m in transcript.messages()
        if not m.is_card and any(p.search(m.text) for p in WELCOME_PATTERNS)
    )


@dataclass(frozen=True)
class Verdict:
    """One run of one wording of a dialog, judged against its expectations."""

    dialog_id: str
    variant: str
    style: tuple[str, ...]
    success: bool
    failures: tuple[str, ...]  # why not, in words
    turns: int
    results_expected: bool
    first_results: int | None
    repeated_questions: int
    repeated_messages: int
    fallback_turns: int
    fallback_bursts: int
    welcomes: int
    timed_out_turns: int


def judge(dialog: Dialog, transcript: Transcript, *, fallback_texts: Iterable[str] = ()) -> Verdict:
    """Success: a relevant opening shown (when any is listed), none of ``never`` shown,
    none of ``never_after`` shown from its turn on, and a handoff exactly when expected."""
    expect = dialog.expect
    shown = shown_keys(transcript)
    failures = []
    if transcript.error:
        failures.append(f"run broke off: {transcript.error}")
    if expect.relevant and not shown & expect.relevant:
        failures.append("no relevant opening shown")
    if bad := sorted(shown & expect.never):
        failures.append(f"shown but never relevant: {', '.join(bad)}")
    if expect.never_after_turn is not None:
        late = shown_keys(transcript, expect.never_after_turn) & expect.never_after
        if late:
            where = f"from turn {expect.never_after_turn} on"
            failures.append(f"shown {where}: {', '.join(sorted(late))}")
    if handed_off(transcript) != expect.handoff:
        failures.append("handoff expected, none" if expect.handoff else "unexpected handoff")
    return Verdict(
        dialog_id=dialog.id,
        variant=transcript.variant,
        style=dialog.style,
        success=not failures,
        failures=tuple(failures),
        turns=len(transcript.turns),
        results_expected=bool(expect.relevant) or expect.results_by_turn is not None,
        first_results=first_results_turn(transcript),
        repeated_questions=repeated_questions(transcript),
        repeated_messages=repeated_messages(transcript),
        fallback_turns=fallback_turns(transcript, fallback_texts),
        fallback_bursts=fallback_bursts(transcript),
        welcomes=welcome_count(transcript),
        timed_out_turns=sum(1 for turn in transcript.turns if turn.timed_out),
    )


def by_dialog(verdicts: Iterable[Verdict]) -> Mapping[str, list[Verdict]]:
    """Verdicts grouped by dialog id, in the order first seen."""
    grouped: dict[str, list[Verdict]] = {}
    for verdict in verdicts:
        grouped.setdefault(verdict.dialog_id, []).append(verdict)
    return grouped
