"""Validation and normalization of one imported record into an :class:`OpeningRecord`.

Raw values are kept next to normalized ones. Invalid values raise
:class:`storage.errors.RowRejected` with a Korean reason for center staff.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date

import nlu
from storage.errors import RowRejected

__all__ = ["OpeningRecord", "company_key", "parse_closes_on", "parse_record"]

SALARY_TYPES = {"월급": "월급", "월": "월급", "시급": "시급", "시": "시급", "연봉": "연봉",
                "연": "연봉", "일급": "일급", "일당": "일급", "일": "일급"}  # fmt: skip
CAREERS = {"신입": "신입", "경력": "경력", "무관": "무관", "관계없음": "무관", "신입/경력": "무관",
           "신입 또는 경력": "무관", "경력무관": "무관"}  # fmt: skip
#: Close dates that mean "open until filled".
OPEN_ENDED = {
    "상시",
    "상시채용",
    "채용시까지",
    "채용시 마감",
    "채용시마감",
    "99991231",
    "9999-12-31",
}


@dataclass(frozen=True)
class OpeningRecord:
    """A validated, normalized record ready to be stored."""

    source: str
    source_id: str
    company: str
    title: str
    occupation_raw: str
    occupation_family: str | None
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
    closes_on: date | None
    foreign_workers: str
    dormitory: bool
    commute_bus: bool
    contact: str
    url: str
    business_no: str | None
    source_modified: str | None
    record_hash: str = field(compare=False)

    def opening_values(self) -> dict[str, object]:
        """The values that go on the ``openings`` row."""
        skip = {"source", "source_id", "company", "business_no", "source_modified", "record_hash"}
        return {k: v for k, v in self.__dict__.items() if k not in skip}


def company_key(name: str) -> str:
    """A company name without legal-form marks and spacing: (주)대한중공업 → 대한중공업."""
    key = re.sub(r"\(주\)|㈜|주식회사|\(유\)|유한회사|\(합\)|\s+", "", name)
    return key.strip().lower()


def parse_closes_on(raw: str) -> date | None:
    """Parse a close date: YYYY-MM-DD, YYYYMMDD, YY-MM-DD; ``None`` for 상시 and the like."""
    text = raw.strip()
    if not text or text.replace(" ", "") in OPEN_ENDED:
        return None
    digits = re.sub(r"[.\-/ ]", "", text)
    match = re.fullmatch(r"(\d{4}|\d{2})(\d{2})(\d{2})", digits)
    if not match:
        raise RowRejected(f"마감일 '{raw}'을(를) 날짜로 읽을 수 없습니다 (예: 2026-12-31, 상시)")
    year, month, day = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise RowRejected(f"마감일 '{raw}'은(는) 없는 날짜입니다") from exc


def parse_amount(raw: str, column: str) -> int | None:
    """Parse a KRW amount such as '3,000,000', '300만원' or '300만'; empty and 0 mean none."""
    text = raw.strip().replace(",", "").replace("원", "").replace(" ", "")
    if not text:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(만)?", text)
    if not match:
        raise RowRejected(f"{column} '{raw}'은(는) 숫자가 아닙니다")
    value = float(match.group(1)) * (10_000 if match.group(2) else 1)
    return int(value) or None


def _salary_from_text(text: str) -> tuple[str | None, int | None, int | None]:
    """Read '월급 300만원 ~ 350만원' style text; amounts ``None`` when not stated."""
    kind = next((v for k, v in SALARY_TYPES.items() if len(k) > 1 and k in text), None)
    amounts = [
        int(float(number) * (10_000 if unit else 1))
        for number, unit in re.findall(r"(\d+(?:\.\d+)?)\s*(만)?\s*원", text.replace(",", ""))
    ]
    low = amounts[0] if amounts else None
    high = amounts[1] if len(amounts) > 1 else None
    return kind, low, high


def _int_or_none(raw: str, column: str) -> int | None:
    text = raw.strip().replace("년", "")
    if not text:
        return None
    if not text.isdigit():
        raise RowRejected(f"{column} '{raw}'은(는) 숫자가 아닙니다")
    return int(text)


def _monthly(salary_type: str | None, amount: int | None) -> int | None:
    """Monthly KRW equivalent of an amount, or ``None`` when type or amount is unknown."""
    if salary_type is None or not amount:
        return None
    return nlu.monthly_pay(salary_type, amount)


def _record_hash(fields: dict[str, str]) -> str:
    payload = json.dumps(
        {k: v.strip() for k, v in sorted(fields.items()) if k != "source_modified"},
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def parse_record(fields: dict[str, str], *, source_override: str | None = None) -> OpeningRecord:
    """Validate and normalize one record's fields; raise :class:`RowRejected` if unusable."""
    if "_shape_error" in fields:
        raise RowRejected(fields["_shape_error"])

    def get(name: str) -> str:
        return (fields.get(name) or "").strip()

    source = source_override or get("source")
    required = {
        "출처(source)": source,
        "공고번호(source_id)": get("source_id"),
        "회사명(company)": get("company"),
        "제목(title)": get("title"),
    }
    missing = [label for label, value in required.items() if not value]
    if missing:
        raise RowRejected(f"필수 항목이 비어 있습니다: {', '.join(missing)}")

    salary_raw = get("salary_text")
    salary_type_raw = get("salary_type")
    salary_type = SALARY_TYPES.get(salary_type_raw.replace(" ", ""))
    if salary_type_raw and salary_type is None:
        raise RowRejected(f"급여형태 '{salary_type_raw}'을(를) 알 수 없습니다 (월급, 시급, 연봉)")
    salary_min = parse_amount(get("salary_min"), "최소급여(salary_min)")
    salary_max = parse_amount(get("salary_max"), "최대급여(salary_max)")
    if salary_raw and salary_min is None:
        text_type, salary_min, text_max = _salary_from_text(salary_raw)
        salary_type = salary_type or text_type
        salary_max = salary_max or text_max
    if salary_min is not None and salary_max is not None and salary_max < salary_min:
        raise RowRejected(f"최대급여({salary_max:,})가 최소급여({salary_min:,})보다 작습니다")
    career_raw = get("career")
    career = CAREERS.get(career_raw.replace(" ", "")) if career_raw else None
    description = get("description")
    title = get("title")
    occupation_raw = get("occupation")
    certificates_raw = get("certificates")
    region = nlu.resolve_region(get("region")) if get("region") else None
    shift_raw = get("work_shift")
    employment_raw = get("employment_type")

    return OpeningRecord(
        source=source,
        source_id=get("source_id"),
        company=get("company"),
        title=title,
        occupation_raw=occupation_raw,
        occupation_family=nlu.occupation_family(occupation_raw, title, description),
        description=description,
        region_raw=get("region"),
        region_id=region.region if region else None,
        salary_type=salary_type,
        salary_min=salary_min,
        salary_max=salary_max,
        salary_raw=salary_raw,
        monthly_pay_min=_monthly(salary_type, salary_min),
        monthly_pay_max=_monthly(salary_type, salary_max),
        career_raw=career_raw,
        career=career,
        career_years_min=_int_or_none(get("career_years_min"), "최소경력(career_years_min)"),
        education=get("education"),
        certificates_raw=certificates_raw,
        certificates=dict(
            nlu.certificate_requirements(
                [c for c in re.split(r"[;,]", certificates_raw) if c.strip()], description
            )
        ),
        employment_type_raw=employment_raw,
        employment_type=nlu.normalize_employment_type(employment_raw) if employment_raw else None,
        work_shift_raw=shift_raw,
        work_shift=nlu.normalize_shift(shift_raw or description),
        closes_on_raw=get("closes_on"),
        closes_on=parse_closes_on(get("closes_on")),
        foreign_workers=nlu.foreign_workers(description),
        dormitory=nlu.has_dormitory(description),
        commute_bus=nlu.has_commute_bus(description),
        contact=get("contact"),
        url=get("url"),
        business_no=get("business_no") or None,
        source_modified=get("source_modified") or None,
        record_hash=_record_hash(fields),
    )
