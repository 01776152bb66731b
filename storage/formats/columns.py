"""Canonical column names and the headers sources use for them.

Headers are compared without case, spaces, ``_``, ``-``, ``.`` or brackets, so ``Company Name``,
``company_name`` and ``회사 명`` are one key. When two headers of a file name the same column
(``title`` and ``subtitle``), the one listed first below wins and the other is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storage import messages
from storage.errors import ColumnMapError, MissingColumnsError

__all__ = [
    "CANONICAL_COLUMNS",
    "COLUMNS",
    "canonical_column",
    "header_key",
    "board_of_id_column",
    "has_required",
    "missing_columns",
    "title_stand_in",
    "parse_column_map",
    "resolve_header",
    "validate_column_map",
]

#: The columns of jobbot's own CSV, in order.
CANONICAL_COLUMNS = (
    "source", "source_id", "company", "title", "occupation", "description", "region",
    "salary_type", "salary_min", "salary_max", "career", "career_years_min", "education",
    "certificates", "employment_type", "work_shift", "closes_on", "contact",
)  # fmt: skip
#: Further columns sources carry; ``region_detail`` is joined to ``region`` (city + county);
#: ``region_code`` (고용24's regionCd) places a posting whose text names no known place.
EXTRA_COLUMNS = (
    "salary_text", "url", "registered_on", "source_modified", "business_no", "occupation_code",
    "region_detail", "region_code", "work_days", "work_hours",
)  # fmt: skip
COLUMNS = CANONICAL_COLUMNS + EXTRA_COLUMNS
REQUIRED = {"company": messages.LABEL_COMPANY, "title": messages.LABEL_TITLE}

#: Header spellings per column, preferred first (the column's own name comes before all).
ALIASES: dict[str, tuple[str, ...]] = {
    "source": ("출처", "기관", "source_name"),
    "source_id": ("출처id", "공고번호", "구인인증번호", "공고id", "posting_id", "job_id", "wantedAuthNo"),
    "company": ("company_name", "회사명", "기업명", "회사", "업체명", "사업장명", "업체", "상호", "corpNm"),
    "title": ("position_title", "제목", "공고명", "채용제목", "공고제목", "모집제목", "wantedTitle", "subtitle"),
    "occupation": ("sector", "업직종", "직종", "모집직종", "구인직종", "직무", "jobsNm", "job_sector", "category", "sub_code"),
    "description": ("상세내용", "직무내용", "업무내용", "담당업무", "모집내용", "내용", "설명", "jobCont", "content", "비고", "기타사항", "특이사항", "참고사항"),
    "region": ("location", "근무지역", "근무지", "근무예정지", "근무장소", "지역", "city", "address", "workRegion"),
    "region_detail": ("county", "district", "시군구"),
    "salary_type": ("pay_type", "급여형태", "임금형태", "급여구분", "salary_type_name"),
    "salary_min": ("최소급여", "급여하한", "min_salary", "minSal"),
    "salary_max": ("최대급여", "급여상한", "max_salary", "maxSal"),
    "salary_text": ("pay", "급여", "임금", "annual_salary", "salary", "급여조건", "임금조건", "연봉"),
    "career": ("experience", "경력", "경력구분", "경력사항", "경력조건"),
    "career_years_min": ("최소경력", "경력연수"),
    "education": ("학력", "학력사항", "학력조건", "최종학력"),
    "certificates": ("자격증", "자격면허", "license", "licenses"),
    "employment_type": ("employmentType", "고용형태", "고용구분", "채용형태"),
    "work_shift": ("근무형태", "교대", "교대근무", "shift"),
    "work_days": ("근무요일", "근무일", "workdays"),
    "work_hours": ("근무시간", "근무시간대", "workdayWorkhrCont"),
    "closes_on": ("deadline", "deadline_date", "마감일", "접수마감", "접수마감일", "마감일자", "마감기한", "접수기한", "접수기간", "마감", "closeDt"),
    "registered_on": ("registration_date", "enrol_date", "등록일", "등록일자", "게시일", "regDt"),
    "source_modified": ("수정일", "수정일자", "modified_date", "updated_at"),
    "contact": ("연락처", "담당자연락처", "전화번호", "문의", "phone"),
    "url": ("link", "링크", "공고링크", "상세링크", "공고url", "상세url", "wantedInfoUrl"),
    "business_no": ("사업자등록번호", "busino"),
    "occupation_code": ("jobsCd", "직종코드"),
}  # fmt: skip
#: Words that suggest which unknown header holds a required column, for the error's hint.
HINTS = {
    "company": ("회사", "업체", "기업", "상호", "사업장", "구인처", "company", "corp", "employer"),
    "title": ("제목", "공고", "title", "모집", "구인", "채용", "position", "subject"),
}
#: Words of headers that hold a count, a number or a date, never a name (모집인원, 공고번호).
NOT_HINTED = ("인원", "번호", "연번", "일자", "날짜", "기간", "no", "count")
#: Occupation headers that name one job (not a board's category tags, as ``sector`` does): a
#: file without a title column — a job center's list (업체명, 모집 직종, 인원, …) — is titled
#: by them.
TITLE_STAND_INS = ("직종", "모집직종", "구인직종", "직무", "jobsNm")

#: Id headers only one board uses: a file with one is that board's list, URL or not.
BOARD_ID_HEADERS = {"구인인증번호": "worknet", "wantedAuthNo": "worknet"}

_IGNORED = re.compile(r"[\s_\-.()\[\]]+")


def header_key(header: str) -> str:
    """The comparison key of a header cell (case, spacing and punctuation ignored)."""
    return _IGNORED.sub("", header.replace("\ufeff", "")).lower()


def _alias_ranks() -> dict[str, tuple[str, int]]:
    ranks: dict[str, tuple[str, int]] = {}
    for column in COLUMNS:
        ranks[header_key(column)] = (column, 0)
        for rank, alias in enumerate(ALIASES.get(column, ()), start=1):
            ranks.setdefault(header_key(alias), (column, rank))
    return ranks


ALIAS_RANKS = _alias_ranks()


def canonical_column(header: str, mapping: Mapping[str, str] | None = None) -> str | None:
    """The column a header names (``mapping`` first: header → column), or ``None``."""
    key = header_key(header)
    if mapping:
        explicit = {header_key(k): v for k, v in mapping.items()}
        if key in explicit:
            return explicit[key]
    found = ALIAS_RANKS.get(key)
    return found[0] if found else None


def resolve_header(header: Sequence[str], mapping: Mapping[str, str] | None) -> list[str | None]:
    """Each header cell's column (``None`` when unknown or outranked by another cell)."""
    explicit = {header_key(k): v for k, v in (mapping or {}).items()}
    best: dict[str, tuple[int, int]] = {}
    for index, cell in enumerate(header):
        key = header_key(cell)
        column, rank = (explicit[key], -1) if key in explicit else ALIAS_RANKS.get(key, ("", 0))
        if column and (column not in best or rank < best[column][0]):
            best[column] = (rank, index)
    columns: list[str | None] = [None] * len(header)
    for column, (_, index) in best.items():
        columns[index] = column
    return columns


def title_stand_in(header: Sequence[str], columns: Sequence[str | None]) -> int | None:
    """The cell whose values title the rows of a header without a title column: its
    occupation column when that names one job (:data:`TITLE_STAND_INS`), else ``None``."""
    if "title" in columns:
        return None
    keys = {header_key(name) for name in TITLE_STAND_INS}
    return next(
        (
            index
            for index, (cell, column) in enumerate(zip(header, columns, strict=False))
            if column == "occupation" and header_key(cell) in keys
        ),
        None,
    )


def board_of_id_column(header: Sequence[str], columns: Sequence[str | None]) -> str | None:
    """The board whose own id header (고용24's 구인인증번호) holds the file's ids, if any."""
    boards = {header_key(name): board for name, board in BOARD_ID_HEADERS.items()}
    return next(
        (
            boards[header_key(cell)]
            for cell, column in zip(header, columns, strict=False)
            if column == "source_id" and header_key(cell) in boards
        ),
        None,
    )


def has_required(header: Sequence[str], columns: Sequence[str | None]) -> bool:
    """Whether a resolved header has every required column (a title stand-in counts)."""
    present = set(columns)
    if title_stand_in(header, columns) is not None:
        present.add("title")
    return all(column in present for column in REQUIRED)


def missing_columns(header: Sequence[str], columns: Sequence[str | None]) -> MissingColumnsError:
    """The error for a header without the required columns: the headers seen and the
    ``--columns`` line that would map them."""
    missing = [column for column in REQUIRED if column not in columns]
    seen = [cell.strip() for cell in header if cell.strip()]
    unknown = [cell.strip() for cell, column in zip(header, columns, strict=False) if not column]
    pairs = []
    for column in missing:
        cell = _hinted(unknown, column)
        if cell in unknown:
            unknown.remove(cell)  # one header cannot be two columns
        pairs.append(f"{cell}={column}")
    option = ",".join(pairs)
    if any(c.isspace() or c in "<>" for c in option):
        option = f'"{option}"'  # to be pasted into a shell as one argument
    return MissingColumnsError(
        messages.MISSING_COLUMNS.format(
            labels=messages.AND.join(REQUIRED[column] for column in missing),
            seen=", ".join(seen) if seen else messages.NO_HEADERS,
            suggestion="--columns " + option,
        )
    )


def _hinted(unknown: Sequence[str], column: str) -> str:
    for cell in unknown:
        lowered = cell.lower()
        if any(hint in lowered for hint in HINTS[column]) and not any(
            word in lowered for word in NOT_HINTED
        ):
            return cell
    return messages.COLUMN_PLACEHOLDER.format(label=REQUIRED[column].split("(")[0])


def validate_column_map(mapping: Mapping[str, str], origin: str) -> dict[str, str]:
    """``mapping`` (header → column) checked against the known columns; ``origin`` names it.

    A column may be named by any header the importer knows for it (``끝나는날=마감일``,
    ``일하는곳=location``), as well as by its own name (``closes_on``).
    """
    unknown = sorted({column for column in mapping.values() if canonical_column(column) is None})
    if unknown:
        raise ColumnMapError(
            messages.COLUMNS_UNKNOWN.format(
                origin=origin, unknown=", ".join(unknown), known=", ".join(COLUMNS)
            )
        )
    return {
        header.strip(): canonical_column(column) or column for header, column in mapping.items()
    }


def parse_column_map(text: str) -> dict[str, str]:
    """Read ``회사=company,공고=title`` (the ``--columns`` option) into header → column."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        header, sep, column = part.partition("=")
        if not sep or not header.strip() or not column.strip():
            raise ColumnMapError(messages.COLUMNS_MALFORMED.format(part=part.strip()))
        mapping[header.strip()] = column.strip()
    if not mapping:
        raise ColumnMapError(messages.COLUMNS_EMPTY)
    return validate_column_map(mapping, messages.COLUMNS_OPTION)
