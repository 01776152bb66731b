"""The seeker's likely career paths and matching courses, for the counselors' summary card.

Read from what the seeker typed in the conversation (button presses left out) with the same
:func:`retrieval.transitions.find_transitions` as `jobbot transitions`; today's openings and
upcoming courses come from the database. Blocking (database, table): call it in a thread.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.telegram import messages
from retrieval.errors import TransitionTableError
from retrieval.transition_table import load_transitions
from retrieval.transitions import TransitionAdvice, find_transitions

__all__ = ["path_lines", "seeker_paths"]

logger = logging.getLogger(__name__)

#: Paths and courses shown on the card.
SHOWN = 3


def seeker_paths(
    sessions: sessionmaker[Session],
    tracker: Mapping[str, Any],
    *,
    today: date,
    home_region: str,
    commute_km: float,
) -> list[str]:
    """The card's path and course lines for the seeker of ``tracker``; none when their
    words name no trade the table knows, or the table cannot be read."""
    said = [
        str(event.get("text") or "")
        for event in tracker.get("events") or []
        if event.get("event") == "user" and not str(event.get("text") or "").startswith("/")
    ]
    text = " ".join(s for s in said if s)
    if not text:
        return []
    try:
        table = load_transitions()
    except TransitionTableError as error:
        logger.warning("transition table unusable: %s", error)
        return []
    with sessions() as session:
        advice = find_transitions(
            text,
            table=table,
            session=session,
            as_of=today,
            home_region=home_region,
            commute_km=commute_km,
        )
    return path_lines(advice)


def path_lines(advice: TransitionAdvice) -> list[str]:
    """The paths (best first) and upcoming courses as card lines."""
    if advice.origin is None or not advice.targets:
        return []
    lines = [messages.SUMMARY_PATHS.format(trade=advice.origin.from_name)]
    lines += [
        messages.SUMMARY_PATH.format(
            occupation=path.occupation,
            pay=path.pay_ratio,
            openings=len(path.openings),
            missing=", ".join(path.missing) or messages.SUMMARY_PATH_NOTHING_MISSING,
        )
        for path in advice.targets[:SHOWN]
    ]
    if advice.courses:
        lines += [messages.SUMMARY_COURSES]
        lines += [
            messages.SUMMARY_COURSE.format(
                title=course.title,
                institution=course.institution,
                starts=course.starts_on.isoformat(),
            )
            for course in advice.courses[:SHOWN]
        ]
    return lines
