"""Which shown opening a seeker means: a button's id, "2번", "두 번째", the company's name,
"거기"/"그 회사" (the one in focus) — or none at all: "나이는 쉰여섯이여" after results is a
fact, not a question about a card, whatever the intent classifier said."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import nlu
from actions import messages
from actions.context import ActionContext, latest_text
from storage.models import Opening
from storage.openings import get_opening, get_openings
from storage.values.company import company_key

__all__ = [
    "CardReference",
    "card_reference",
    "message_reference",
    "pointed_opening",
    "shown_ids",
]

# "2번", "3번째", "2 번 회사" — not "1 번 더" (한 번 더: once more) nor "2번이나" (twice).
_ORDINAL = re.compile(r"(?<!\d)(\d{1,2})\s?(?:번\s?째|째|번(?!\s?(?:더|만|씩|이나|정도|다시)))")
_ORDINAL_WORDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"첫\s?(?:번\s?)?째|첫\s?번|맨\s?(?:위|처음|앞)|제일\s?(?:위|처음|앞)"), 1),
    (re.compile(r"둘\s?째"), 2),
    (re.compile(r"셋\s?째"), 3),
    (re.compile(r"넷\s?째"), 4),
    (re.compile(r"다섯\s?째"), 5),
    (re.compile(r"마지막|맨\s?(?:끝|밑|아래)|제일\s?(?:끝|밑|아래)"), -1),
)
# Words that point at a card without saying which: the one in focus, or the only one shown.
_DEICTIC = re.compile(
    r"거기|여기|저기|그\s?(?:회사|공고|자리|일자리|거|곳|데|업체)|그거|그게|이\s?(?:회사|공고|자리)"
    r"|자세히|자세한|상세|설명"
)
#: A company name shorter than this is not looked for in the text (too many false hits).
_MIN_COMPANY_KEY = 2


@dataclass(frozen=True)
class CardReference:
    """A message that points at a shown card: ``opening_id`` is the one meant, ``None``
    when it is unclear which (several shown, no number, nothing in focus)."""

    opening_id: int | None


def shown_ids(tracker: Tracker) -> list[int]:
    """Ids of the openings shown since the last search, numbered 1.. for the seeker."""
    return [int(i) for i in tracker.get_slot("shown_openings") or []]


def _rank(text: str) -> int | None:
    """The card number the text names (1-based; -1 = the last), if any."""
    found = _ORDINAL.search(nlu.numerals_to_digits(text))
    if found:
        return int(found.group(1))
    return next((rank for pattern, rank in _ORDINAL_WORDS if pattern.search(text)), None)


def card_reference(
    text: str,
    entity_id: object,
    shown: Sequence[int],
    focus: int | None,
    companies: Mapping[int, str] | None = None,
) -> CardReference | None:
    """The shown card the message means, or ``None`` when it points at no card.

    ``shown`` lists the ids of the openings shown so far, in the order numbered for the
    seeker (1번 = first); ``focus`` is the opening last talked about; ``companies`` maps shown
    ids to their company's name key (:func:`storage.values.company.company_key`). Read in
    order: a button's id, a number or ordinal, a shown company's name, then a word that points
    without naming ("거기", "그 회사", "자세히") — the focus or the only card shown.
    """
    if entity_id is not None:
        try:
            return CardReference(int(str(entity_id)))
        except ValueError:
            return CardReference(None)
    rank = _rank(text)
    if rank == -1:
        return CardReference(shown[-1] if shown else None)
    if rank is not None:
        return CardReference(shown[rank - 1] if 1 <= rank <= len(shown) else None)
    squashed = re.sub(r"\s+", "", text).lower()
    named = [
        opening_id
        for opening_id, key in (companies or {}).items()
        if len(key) >= _MIN_COMPANY_KEY and key in squashed
    ]
    if len(set(named)) == 1:
        return CardReference(named[0])
    if named or _DEICTIC.search(text):
        if focus is not None:
            return CardReference(focus)
        return CardReference(shown[0] if len(shown) == 1 else None)
    return None


def message_reference(context: ActionContext, tracker: Tracker) -> CardReference | None:
    """:func:`card_reference` of the latest message, with the shown openings' companies."""
    shown = shown_ids(tracker)
    with context.sessions() as session:
        openings = get_openings(session=session, ids=shown)
        companies = {i: company_key(o.company.name) for i, o in openings.items()}
    return card_reference(
        latest_text(tracker),
        next(tracker.get_latest_entity_values("opening_id"), None),
        shown,
        tracker.get_slot("focus_opening"),
        companies,
    )


def pointed_opening(
    context: ActionContext,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    reference: CardReference | None = None,
) -> Opening | None:
    """The opening the latest message points at (``reference``, when already read), with
    its company loaded. With no pointer at all, the focus or the only card shown.

    ``None`` after telling the seeker what went wrong: which one is unclear, or it is gone.
    """
    reference = reference or message_reference(context, tracker)
    if reference is None:
        focus = tracker.get_slot("focus_opening")
        shown = shown_ids(tracker)
        reference = CardReference(focus if focus is not None else
                                  shown[0] if len(shown) == 1 else None)  # fmt: skip
    if reference.opening_id is None:
        dispatcher.utter_message(text=messages.WHICH_OPENING)
        return None
    with context.sessions() as session:
        opening = get_opening(session=session, opening_id=reference.opening_id)
    if opening is None:
        dispatcher.utter_message(text=messages.OPENING_GONE)
    return opening
