"""Validation and normalization of one imported record into an :class:`OpeningRecord`.

Raw values are kept next to normalized ones (clipped to their column widths). Values are read
by :mod:`storage.values`; an unusable one raises :class:`storage.errors.RowRejected` with a
Korean reason for center staff.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import FromClause, String

import nlu
from storage import messages
from storage.errors import RowRejected
from storage.formats import DETAIL
from storage.models import Company, Opening
from storage.values.career import parse_career
from storage.values.company import clean_company, company_key, looks_like_ad_copy, strip_cut_mark
from storage.values.dates import parse_closing, parse_date
from storage.values.education import normalize_education
from storage.values.employment import normalize_employment
from storage.values.location import Scope, clean_location
from storage.values.pay import parse_pay, pay_text
from storage.values.text import one_line

__all__ = ["OpeningRecord", "company_key", "parse_record", "record_hash"]


def _widths(table: FromClause) -> dict[str, int]:
    return {
        column.name: column.type.length
        for column in table.columns
        if isinstance(column.type, String) and column.type.length
    }


#: Widths of the text columns, so a long raw value is clipped, not refused.
WIDTHS = _widths(Opening.__table__)
COMPANY_WIDTH = _widths(Company.__table__)["name"]
#: The ``openings`` columns a record fills (those it has; the others are the importer's).
OPENING_COLUMNS = frozenset(Opening.__table__.columns.keys())
#: Facts a board keeps in their own columns that the description should carry too.
DESCRIPTION_EXTRAS = (("work_days", "근무요일"), ("work_hours", "근무시간"))


@dataclass(frozen=True)
class OpeningRecord:
    """A validated, normalized record ready to be stored."""

    source: str
    source_id: str
    company: str
    title: str
    occupation_raw: str
    occupation_family: str | None
    occupation_code: str | None  # 고용24 jobsCd
    description: str
    region_raw: str
    region_id: str | None
    salary_type: str | None
    salary_min: int | None
    salary_max: int | None
    salary_raw: str
    monthly_pay_min: int | None
    monthly_pay_max: int | None
    career_raw: str
    career: str | None
    career_years_min: int | None
    education: str
    certificates_raw: str
    certificates: dict[str, str]
    employment_type_raw: str
    employment_type: str | None
    work_shift_raw: str
    work_shift: str | None
    closes_on_raw: str
    closes_on: date | None  # expected close, also when open-ended
    open_ended: bool  # open until filled (채용시까지, 상시)
    foreign_workers: str
    dormitory: bool
    commute_bus: bool
    contact: str
    url: str
    business_no: str | None
    source_modified: str | None
    detail: bool  # read from the source's detail of the posting, not a list item
    record_hash: str = field(compare=False)

    def opening_values(self) -> dict[str, object]:
        """The values that go on the ``openings`` row: the fields that have a column there."""
        return {k: v for k, v in self.__dict__.items() if k in OPENING_COLUMNS}


def parse_record(
    fields: dict[str, str], *, source_override: str | None = None, today: date | None = None
) -> OpeningRecord:
    """Validate and normalize one record's fields; raise :class:`RowRejected` if unusable.

    ``today`` (default: the current date) completes close dates written without a year
    when the record has no registration date, and anchors 오늘마감 / 내일 마감.
    """
    if "_shape_error" in fields:
        raise RowRejected(fields["_shape_error"])

    def get(name: str) -> str:
        return (fields.get(name) or "").strip()

    company_cell = one_line(get("company"))
    source = source_override or get("source")
    ad_copy = bool(company_cell) and looks_like_ad_copy(company_cell)
    if ad_copy:
        # Boards print an agency's selling points where the name goes: the posting is real
        # and seekers apply through its link, so it is kept with no employer named.
        company = messages.UNNAMED_COMPANY.format(source=source, source_id=get("source_id"))
    else:
        company = clean_company(company_cell)
    title = strip_cut_mark(one_line(get("title")))
    required = {
        messages.LABEL_SOURCE: source,
        messages.LABEL_SOURCE_ID: get("source_id"),
        messages.LABEL_COMPANY: company,
        messages.LABEL_TITLE: title,
    }
    if not (company and title):
        # Then the id is missing for want of them (a file's rows without one get it derived
        # from company and title): naming 공고번호 too would send the reader to the wrong cell.
        del required[messages.LABEL_SOURCE_ID]
    missing = [label for label, value in required.items() if not value]
    if missing:
        raise RowRejected(messages.MISSING_VALUES.format(labels=", ".join(missing)))

    today = today or date.today()
    closing = parse_closing(
        get("closes_on"), reference=parse_date(get("registered_on")) or today, today=today
    )
    pay = parse_pay(
        type_raw=get("salary_type"),
        min_raw=get("salary_min"),
        max_raw=get("salary_max"),
        text=get("salary_text"),
    )
    career = parse_career(one_line(get("career")))
    years_min = _int_or_none(get("career_years_min"), messages.LABEL_CAREER_YEARS)
    employment_raw, shift_raw = _employment_and_shift(fields)
    location = clean_location(get("region"))
    region = nlu.resolve_region(location.text) if location.scope is Scope.PLACE else None
    if region is None and get("region_code"):
        region = nlu.resolve_region(get("region_code"))
    description = _description(fields)
    if ad_copy:
        description = "\n".join(
            filter(None, (description, messages.AD_COPY_LINE.format(text=company_cell)))
        )
    occupation_raw = one_line(get("occupation"))
    certificates_raw = one_line(get("certificates"))

    return OpeningRecord(
        source=source,
        source_id=get("source_id"),
        company=_clip(company, COMPANY_WIDTH),
        title=_clip(title, WIDTHS["title"]),
        occupation_raw=_clip(occupation_raw, WIDTHS["occupation_raw"]),
        occupation_family=nlu.occupation_family(occupation_raw, title, description),
        occupation_code=get("occupation_code") or None,
        description=description,
        region_raw=_clip(location.text, WIDTHS["region_raw"]),
        region_id=region.region if region else None,
        salary_type=pay.salary_type,
        salary_min=pay.minimum,
        salary_max=pay.maximum,
        salary_raw=_clip(
            pay_text(type_raw=get("salary_type"), text=one_line(get("salary_text"))),
            WIDTHS["salary_raw"],
        ),
        monthly_pay_min=pay.monthly(pay.minimum),
        monthly_pay_max=pay.monthly(pay.maximum),
        career_raw=_clip(one_line(get("career")), WIDTHS["career_raw"]),
        career=career.career,
        career_years_min=years_min if years_min is not None else career.years_min,
        education=_clip(normalize_education(get("education")), WIDTHS["education"]),
        certificates_raw=_clip(certificates_raw, WIDTHS["certificates_raw"]),
        certificates=dict(
            nlu.certificate_requirements(
                [c for c in re.split(r"[;,]", certificates_raw) if c.strip()],
                description,
                title=title,
            )
        ),
        employment_type_raw=_clip(employment_raw, WIDTHS["employment_type_raw"]),
        employment_type=normalize_employment(employment_raw) if employment_raw else None,
        work_shift_raw=_clip(shift_raw, WIDTHS["work_shift_raw"]),
        work_shift=(  # "주 5일 근무" says no shift; the title may ("주간 고정")
            nlu.normalize_shift(shift_raw)
            or nlu.normalize_shift(title)
            or nlu.normalize_shift(description)
        ),
        closes_on_raw=_clip(one_line(get("closes_on")), WIDTHS["closes_on_raw"]),
        closes_on=closing.on,
        open_ended=closing.open_ended,
        foreign_workers=nlu.foreign_workers(description),
        # a board's tags ("생산직, 조립, 통근버스") may be all that says so
        dormitory=any(nlu.has_dormitory(text) for text in (description, title, occupation_raw)),
        commute_bus=nlu.has_commute_bus(description, title)
        or nlu.has_commute_bus(occupation_raw, title),
        contact=_clip(one_line(get("contact")), WIDTHS["contact"]),
        url=_clip(get("url"), WIDTHS["url"]),
        business_no=get("business_no") or None,
        source_modified=get("source_modified") or None,
        detail=bool(get(DETAIL)),
        record_hash=record_hash(fields),
    )


def _employment_and_shift(fields: dict[str, str]) -> tuple[str, str]:
    """The employment and shift cells; a 근무형태 column that says 정규직 is employment."""
    employment = one_line(fields.get("employment_type") or "")
    shift = one_line(fields.get("work_shift") or "")
    if (
        not employment
        and shift
        and nlu.normalize_shift(shift) is None
        and normalize_employment(shift)
    ):
        employment, shift = shift, ""
    return employment, shift or one_line(fields.get("work_hours") or "")


def _description(fields: dict[str, str]) -> str:
    """The description, with 근무요일 / 근무시간 from their own columns when it lacks them."""
    text = (fields.get("description") or "").strip()
    extras = [
        f"{label}: {value}"
        for column, label in DESCRIPTION_EXTRAS
        if (value := one_line(fields.get(column) or "")) and value not in text
    ]
    return "\n".join(filter(None, (text, *extras)))


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _int_or_none(raw: str, column: str) -> int | None:
    text = raw.strip().replace("년", "")
    if not text:
        return None
    if not text.isdigit():
        raise RowRejected(messages.NOT_A_NUMBER.format(column=column, value=raw))
    return int(text)


_UNHASHED = frozenset({"source_modified", DETAIL})


def record_hash(fields: dict[str, str]) -> str:
    """Hash of a record as read (without ``source_modified`` and the detail mark): equal
    means unchanged."""
    payload = json.dumps(
        {k: v.strip() for k, v in sorted(fields.items()) if k not in _UNHASHED},
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()
