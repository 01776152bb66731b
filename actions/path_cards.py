"""The ``paths`` payload (:class:`actions.replies.PathsPayload`) built from a
:class:`retrieval.transitions.TransitionAdvice`, and its cards rendered as text — the one
renderer the payload's ``text``, the Telegram cards and the console all use.

What the cards say comes only from the transition table (skills that carry over, the gap,
the closing certificates, pay, the counselors' note), the seeker's own words (the
certificates they said they hold, their years) and the database (openings now, courses).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from actions import messages
from actions.payloads import button
from actions.replies import PATHS, Button, CourseCard, PathCard, PathsPayload
from retrieval.transitions import CourseOffer, TargetPath, TransitionAdvice

__all__ = ["origin_label", "paths_payload", "render_course", "render_path"]

#: Paths and courses shown in a conversation (a phone screen).
SHOWN_PATHS, SHOWN_COURSES = 3, 3


def origin_label(from_name: str, years: int | None) -> str:
    """The trade as a seeker says it: 용접(조선) with 20 years → "조선 용접 20년"."""
    trade, _, industry = from_name.partition("(")
    label = f"{industry.rstrip(')')} {trade.strip()}".strip()
    return f"{label} {years}년" if years else label


def _job(occupation: str) -> str:
    """The Gunsan job in the target's brackets, else its KECO name."""
    inside = occupation.partition("(")[2]
    return inside[:-1] if inside.endswith(")") else occupation


def _path_card(rank: int, path: TargetPath, origin: str, held: Collection[str]) -> PathCard:
    closing = path.transition.certificates
    return {
        "rank": rank,
        "origin": origin,
        "occupation": _job(path.occupation),
        "code": path.code,
        "carry_over": list(path.reasons),
        "certificates_kept": [c for c in closing if c in held],
        "missing": list(path.missing),
        "certificates_helpful": [c for c in closing if c not in held],
        "pay_ratio": path.pay_ratio,
        "note": path.transition.note,
        "openings": [
            {"opening_id": o.opening_id, "title": o.title, "company": o.company}
            for o in path.openings
        ],
        "buttons": [
            button(
                messages.BUTTON_OPENING_DETAILS.format(company=o.company),
                "job_details",
                opening_id=o.opening_id,
            )
            for o in path.openings
        ],
    }


def _course_card(course: CourseOffer) -> CourseCard:
    return {
        "title": course.title,
        "institution": course.institution,
        "starts_on": course.starts_on.isoformat(),
        "ends_on": course.ends_on.isoformat() if course.ends_on else None,
        "hours": course.hours,
        "self_pay": course.self_pay,
        "region": course.region,
        "url": course.url,
        "buttons": [button(messages.BUTTON_DISCUSS, "request_counselor")],
    }


def render_path(card: PathCard, region: str) -> str:
    """One path as the seeker reads it; ``region`` is where the openings were counted from."""
    count = len(card["openings"])
    summary = [
        messages.PATH_HIRING.format(region=region, count=count)
        if count
        else messages.PATH_NOT_HIRING.format(region=region)
    ]
    if card["certificates_kept"]:
        names = ", ".join(card["certificates_kept"])
        summary.insert(0, messages.PATH_KEPT_CERTIFICATES.format(names=names))
    lines = [
        messages.PATH_HEADLINE.format(
            rank=card["rank"],
            origin=card["origin"],
            occupation=card["occupation"],
            summary=", ".join(summary),
        ),
        messages.PATH_CARRY_OVER.format(items=", ".join(card["carry_over"])),
    ]
    if card["missing"]:
        lines.append(messages.PATH_MISSING.format(items=", ".join(card["missing"])))
    if card["certificates_helpful"]:
        names = ", ".join(card["certificates_helpful"])
        lines.append(messages.PATH_HELPFUL_CERTIFICATES.format(names=names))
    lines.append(messages.PATH_PAY.format(percent=round(card["pay_ratio"] * 100)))
    if count:
        lines.append(messages.PATH_OPENINGS)
        lines += [messages.PATH_OPENING.format(**o) for o in card["openings"]]
    if card["note"]:
        lines.append(messages.PATH_NOTE.format(note=card["note"]))
    return "\n".join(lines)


def render_course(card: CourseCard) -> str:
    """One course run: what, where, when, how long, what the seeker pays."""
    when = (
        messages.COURSE_WHEN.format(starts=card["starts_on"], ends=card["ends_on"])
        if card["ends_on"]
        else messages.COURSE_WHEN_OPEN.format(starts=card["starts_on"])
    )
    if card["hours"]:
        when += messages.COURSE_HOURS.format(hours=card["hours"])
    pay = card["self_pay"]
    cost = (
        messages.COURSE_SELF_PAY_UNKNOWN
        if pay is None
        else messages.COURSE_FREE
        if pay == 0
        else messages.COURSE_SELF_PAY.format(amount=pay)
    )
    return "\n".join(
        [
            messages.COURSE_TITLE.format(title=card["title"]),
            messages.COURSE_WHERE.format(institution=card["institution"], region=card["region"]),
            when,
            cost,
        ]
    )


def paths_payload(
    advice: TransitionAdvice,
    *,
    origin: str,
    held: Collection[str],
    region: str,
    intro: str,
    buttons: Sequence[Button],
) -> PathsPayload:
    """The first paths and courses of ``advice`` as cards; ``origin`` is the seeker's trade
    (:func:`origin_label`), ``held`` the certificates (Korean names) they said they hold,
    ``region`` where the openings were counted from, ``intro`` the text's first paragraph."""
    paths = [
        _path_card(rank, path, origin, held)
        for rank, path in enumerate(advice.targets[:SHOWN_PATHS], start=1)
    ]
    courses = [_course_card(c) for c in advice.courses[:SHOWN_COURSES]]
    parts = [intro, *(render_path(p, region) for p in paths)]
    if courses:
        parts += [messages.COURSES_HEADER, *(render_course(c) for c in courses)]
    else:
        parts.append(messages.NO_COURSES)
    return {
        "type": PATHS,
        "text": "\n\n".join(parts),
        "intro": intro,
        "region": region,
        "paths": paths,
        "courses": courses,
        "buttons": list(buttons),
    }
