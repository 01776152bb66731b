"""고용24 / 워크넷 Open API responses: lists, details and error envelopes.

- List (``210L01``, legacy ``callTp=L``): root ``wantedRoot``, one ``wanted`` per posting;
  any optional element may be missing.
- Detail (``210D01``, legacy ``callTp=D``): root ``wantedDtl`` with ``wantedAuthNo``,
  ``corpInfo``, ``wantedInfo`` and one or several ``empchargeInfo`` — one posting.
  Both key the posting by ``wantedAuthNo`` under source ``worknet``, so a list item and its
  detail land on one opening.
- Error envelopes come with HTTP 200: ``<wantedRoot><message>…</message><messageCd>006
  </messageCd></wantedRoot>`` or ``<GO24><error>…</error></GO24>``; they raise
  :class:`SourceErrorResponse` quoting the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storage import messages
from storage.errors import SourceErrorResponse
from storage.formats import DETAIL, RawRow
from storage.formats.safe_xml import MAX_ELEMENT_CHARS, XmlItem, XmlStream
from storage.values.text import clean_text, one_line

__all__ = ["SOURCE", "read_worknet_xml"]

SOURCE = "worknet"
ITEM_TAGS: dict[str, str | None] = {"wantedRoot": "wanted", "wantedDtl": "wantedDtl", "GO24": None}

#: List item element → column.
LIST_FIELDS = {
    "wantedAuthNo": "source_id", "company": "company", "busino": "business_no",
    "title": "title", "salTpNm": "salary_type", "sal": "salary_text", "minSal": "salary_min",
    "maxSal": "salary_max", "region": "region", "minEdubg": "education", "career": "career",
    "regDt": "registered_on", "closeDt": "closes_on", "wantedInfoUrl": "url",
    "empTpCd": "employment_type", "jobsCd": "occupation_code", "smodifyDtm": "source_modified",
}  # fmt: skip
#: List item elements that only go into the description, with their labels.
LIST_DETAILS = (("indTpNm", "업종"), ("holidayTpNm", "근무일"))

#: Detail element → column (``salTpNm`` is free text here, ``salTpCd`` the type).
DETAIL_FIELDS = {
    "wantedAuthNo": "source_id", "corpNm": "company", "wantedTitle": "title",
    "jobsNm": "occupation", "receiptCloseDt": "closes_on", "salTpNm": "salary_text",
    "salTpCd": "salary_type", "enterTpNm": "career", "eduNm": "education",
    "certificate": "certificates", "empTpNm": "employment_type", "workRegion": "region",
    "workdayWorkhrCont": "work_hours", "dtlRecrContUrl": "url", "jobsCd": "occupation_code",
    "regDt": "registered_on", "smodifyDtm": "source_modified", "regionCd": "region_code",
}  # fmt: skip
#: Used when the element of the same column above is missing or empty.
DETAIL_FALLBACKS = {"empTpCd": "employment_type", "corpAddr": "region"}
#: Detail elements appended to ``jobCont`` in the description, with their labels.
#: Not ``reperNm`` or any person's name: the description is shown to seekers.
DETAIL_SECTIONS = (
    ("relJobsNm", "관련 직종"), ("collectPsncnt", "모집 인원"), ("pfCond", "우대 조건"),
    ("etcPfCond", "기타 우대"), ("compAbl", "컴퓨터 활용"), ("workdayWorkhrCont", "근무 시간"),
    ("fourIns", "사회보험"), ("retirepay", "퇴직금"), ("etcWelfare", "복리후생"),
    ("indTpCdNm", "업종"), ("busiSize", "기업 규모"), ("totPsncnt", "직원 수"),
)  # fmt: skip
#: A count of 0 (모집 인원 ``0``, 직원 수 ``0 명``) is how 고용24 writes "○명", not a number.
_ZERO_COUNT = re.compile(r"0\s*명?")
#: Search keywords: ``keywordList`` as text, or one ``srchKeywordNm`` element per keyword.
KEYWORD_ELEMENTS = ("keywordList", "srchKeywordNm")
KEYWORDS_LABEL = "키워드"


def read_worknet_xml(text: str) -> Iterator[RawRow]:
    """Check the root now (another root fails at once), then stream the postings; an error
    envelope raises :class:`SourceErrorResponse` when iterated, like a break in a file."""
    stream = XmlStream(text, ITEM_TAGS, not_expected=messages.WORKNET_EXPECTED)
    stream.open()
    return _rows(stream)


def _rows(stream: XmlStream) -> Iterator[RawRow]:
    detail = stream.root == "wantedDtl"
    for item in stream.items():
        if item.oversized:
            yield RawRow(item.line, {"_shape_error": _oversized(item.oversized)})
            continue
        yield RawRow(item.line, _detail_fields(item) if detail else _list_fields(item))
    if stream.broken:
        yield RawRow(
            stream.broken.line,
            {"_shape_error": messages.XML_BROKEN.format(reason=stream.broken.message)},
        )
    elif stream.items_seen == 0:
        _raise_envelope(stream)


def _raise_envelope(stream: XmlStream) -> None:
    """Raise the source's own error, if the document is an error envelope."""
    envelope = stream.envelope
    message = one_line(envelope.get("message") or envelope.get("error") or "")
    code = one_line(envelope.get("messageCd") or envelope.get("errorCd") or "") or None
    if message or code or stream.root == "GO24":
        raise SourceErrorResponse(
            messages.WORKNET_LABEL, code, message or messages.SOURCE_ERROR_UNSAID
        )


def _oversized(element: str) -> str:
    return messages.XML_TOO_LONG.format(element=element, limit=MAX_ELEMENT_CHARS)


def _first(item: XmlItem, name: str) -> str:
    texts = item.values.get(name)
    return one_line(texts[0]) if texts else ""


def _list_fields(item: XmlItem) -> dict[str, str]:
    fields = {column: _first(item, name) for name, column in LIST_FIELDS.items()}
    fields["source"] = SOURCE
    fields["occupation"] = fields["title"]
    address = " ".join(filter(None, (_first(item, "basicAddr"), _first(item, "detailAddr"))))
    if address:
        fields["region"] = address
    fields["description"] = " / ".join(
        f"{label}: {value}" for name, label in LIST_DETAILS if (value := _first(item, name))
    )
    return {column: value for column, value in fields.items() if value}


def _detail_fields(item: XmlItem) -> dict[str, str]:
    fields = {column: _first(item, name) for name, column in DETAIL_FIELDS.items()}
    for name, column in DETAIL_FALLBACKS.items():
        if not fields.get(column):
            fields[column] = _first(item, name)
    fields["source"] = SOURCE
    phones = dict.fromkeys(one_line(t) for t in item.values.get("contactTelno", []) if t.strip())
    fields["contact"] = "; ".join(phones)
    sections = [
        f"{label}: {value}"
        for name, label in DETAIL_SECTIONS
        if (value := _first(item, name)) and not _ZERO_COUNT.fullmatch(value)
    ]
    keywords = [one_line(t) for name in KEYWORD_ELEMENTS for t in item.values.get(name, [])]
    if any(keywords):
        sections.append(f"{KEYWORDS_LABEL}: {', '.join(filter(None, keywords))}")
    body = clean_text(item.values.get("jobCont", [""])[0])
    fields["description"] = "\n".join(filter(None, (body, *sections)))
    fields[DETAIL] = "1"
    return {column: value for column, value in fields.items() if value}
