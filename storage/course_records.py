"""One training-course run as read (:class:`RawRow` fields) → a checked :class:`CourseRecord`.

Rules (``data/courses/README.md``): a course name is required; dates are ``YYYY-MM-DD`` and come
as a pair — both empty is a course whose dates are not fixed (kept, never upcoming), one alone
is an error, and the end may not precede the start; hours are a positive whole number; fees
are whole 원 amounts (``1,980,000`` reads as 1980000), empty when unknown.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import date

from nlu.tables import load_tables
from storage import messages
from storage.errors import RowRejected

__all__ = ["CourseRecord", "parse_course"]

_DATE = re.compile(r"(\d{4})[-./]?(\d{1,2})[-./]?(\d{1,2})")


@dataclass(frozen=True)
class CourseRecord:
    """A checked course run, ready to store."""

    source: str
    source_id: str
    title: str
    institution: str
    starts_on: date | None
    ends_on: date | None
    hours: int | None
    fee: int | None
    self_pay: int | None
    region: str
    ncs_code: str
    url: str
    contact: str

    @property
    def record_hash(self) -> str:
        """Hash of every value; an equal hash on re-import means "unchanged"."""
        text = "\x1f".join(str(value) for value in asdict(self).values())
        return hashlib.sha256(text.encode()).hexdigest()


def parse_course(fields: dict[str, str]) -> CourseRecord:
    """Check one run's fields; :class:`RowRejected` says in Korean what is wrong."""
    if "_shape_error" in fields:
        raise RowRejected(fields["_shape_error"])
    title = fields.get("course", "")
    if not title:
        raise RowRejected(messages.COURSE_NO_TITLE)
    starts = _date(fields.get("starts_on", ""), messages.LABEL_COURSE_STARTS)
    ends = _date(fields.get("ends_on", ""), messages.LABEL_COURSE_ENDS)
    if (starts is None) != (ends is None):
        label = messages.LABEL_COURSE_STARTS if starts is None else messages.LABEL_COURSE_ENDS
        raise RowRejected(messages.COURSE_ONE_DATE.format(missing=label))
    if starts and ends and ends < starts:
        raise RowRejected(messages.COURSE_ENDS_BEFORE.format(starts=starts, ends=ends))
    source = fields.get("source", "")
    institution = fields.get("institution", "")
    source_id = fields.get("source_id") or _local_id(title, institution, starts)
    if not source_id:
        raise RowRejected(messages.COURSE_NO_KEY)
    return CourseRecord(
        source=source,
        source_id=source_id,
        title=title,
        institution=institution,
        starts_on=starts,
        ends_on=ends,
        hours=_hours(fields.get("hours", "")),
        fee=_amount(fields.get("fee", ""), messages.LABEL_COURSE_FEE),
        self_pay=_amount(fields.get("self_pay", ""), messages.LABEL_COURSE_SELF_PAY),
        region=fields.get("region") or _region(fields),
        ncs_code=fields.get("ncs_code", ""),
        url=fields.get("url", ""),
        contact=fields.get("contact", ""),
    )


def _local_id(title: str, institution: str, starts: date | None) -> str:
    """A local run's key: the CSV has no ids, and a run is a course at a start date."""
    return f"{institution}|{title}|{starts.isoformat() if starts else '-'}"


def _date(raw: str, label: str) -> date | None:
    if not raw:
        return None
    match = _DATE.fullmatch(raw.strip())
    if not match:
        raise RowRejected(messages.COURSE_DATE_UNREADABLE.format(column=label, value=raw))
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise RowRejected(messages.COURSE_DATE_IMPOSSIBLE.format(column=label, value=raw)) from None


def _hours(raw: str) -> int | None:
    if not raw:
        return None
    text = raw.replace(",", "").strip()
    if not text.lstrip("-").isdigit() or int(text) <= 0:
        raise RowRejected(messages.COURSE_HOURS.format(value=raw))
    return int(text)


def _amount(raw: str, label: str) -> int | None:
    if not raw:
        return None
    text = re.sub(r"[,\s원]", "", raw)
    if not text.isdigit():
        raise RowRejected(messages.COURSE_AMOUNT.format(column=label, value=raw))
    return int(text)


def _region(fields: dict[str, str]) -> str:
    """Where a 고용24 run is taught: its 시군구 code (전북 as 45… or 52…), else its address."""
    code, address = fields.get("area_code", ""), fields.get("address", "")
    regions = load_tables().regions.values()
    if code:
        for region in regions:
            if code in region.aliases:
                return region.aliases[0] if region.aliases else region.name_ko
    words = address.split()
    if len(words) >= 2 and words[1].endswith(("시", "군")):
        return words[1][:-1]
    return words[0] if words else ""
