"""Which shown opening a seeker means: a button's id, "2번", "두 번째", or the one in focus."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import nlu
from actions import messages
from actions.context import ActionContext
from storage.models import Opening
from storage.openings import get_opening

__all__ = ["pointed_opening", "referenced_opening", "shown_ids"]

_ORDINAL = re.compile(r"(\d{1,2})\s?(?:번|째|등|번째)")
_ORDINAL_WORDS = {"첫": 1, "첫번": 1, "첫째": 1, "맨 위": 1, "맨위": 1, "마지막": -1, "맨 끝": -1}


def shown_ids(tracker: Tracker) -> list[int]:
    """Ids of the openings shown since the last search, numbered 1.. for the seeker."""
    return [int(i) for i in tracker.get_slot("shown_openings") or []]


def referenced_opening(
    text: str,
    entity_id: object,
    shown: Sequence[int],
    focus: int | None,
) -> int | None:
    """The opening id the message refers to, or ``None`` when it is unclear.

    ``shown`` lists the ids of the openings shown so far, in the order numbered for the
    seeker (1번 = first); ``focus`` is the opening last talked about.
    """
    if entity_id is not None:
        try:
            return int(str(entity_id))
        except ValueError:
            return None
    digits = nlu.numerals_to_digits(text)
    rank: int | None = None
    found = _ORDINAL.search(digits)
    if found:
        rank = int(found.group(1))
    else:
        for word, value in _ORDINAL_WORDS.items():
            if word in text:
                rank = value
                break
    if rank == -1 and shown:
        return shown[-1]
    if rank is not None:
        return shown[rank - 1] if 1 <= rank <= len(shown) else None
    if focus is not None:
        return focus
    return shown[0] if len(shown) == 1 else None


def pointed_opening(
    context: ActionContext, dispatcher: CollectingDispatcher, tracker: Tracker
) -> Opening | None:
    """The opening the latest message points at, with its company loaded.

    ``None`` after telling the seeker what went wrong: which one is unclear, or it is gone.
    """
    opening_id = referenced_opening(
        tracker.latest_message.get("text") or "",
        next(tracker.get_latest_entity_values("opening_id"), None),
        shown_ids(tracker),
        tracker.get_slot("focus_opening"),
    )
    if opening_id is None:
        dispatcher.utter_message(text=messages.WHICH_OPENING)
        return None
    with context.sessions() as session:
        opening = get_opening(session=session, opening_id=opening_id)
    if opening is None:
        dispatcher.utter_message(text=messages.OPENING_GONE)
    return opening
