"""Employment type, also from 고용24's packed ``empTpNm``.

``기간의 정함이 없는 근로계약/ 파견근로 비희망/ 대체인력채용 비희망`` says three things; the
ones declined (비희망) must not count, or it would read as 파견직. Boards list several types
(``정규직·계약직``): the first one named wins.
"""

from __future__ import annotations

import re

import nlu

__all__ = ["normalize_employment"]

#: 고용24's contract wording (matched without spaces).
CONTRACT_TERMS = (("기간의정함이없는", "정규직"), ("기간의정함이있는", "계약직"))
_PARTS = re.compile(r"[/,·ㆍ|]")
_DECLINED = re.compile(r"비희망|불가|제외")


def normalize_employment(raw: str) -> str | None:
    """정규직 | 계약직 | 일용직 | 파견직 for an employment cell or code, or ``None``."""
    for part in _PARTS.split(raw):
        if not part.strip() or _DECLINED.search(part):
            continue
        compact = re.sub(r"\s+", "", part)
        contract = next((kind for term, kind in CONTRACT_TERMS if term in compact), None)
        kind = contract or nlu.normalize_employment_type(part)
        if kind:
            return kind
    return None
