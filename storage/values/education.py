"""Education levels in one spelling: ``대졸↑``, ``대졸(4년)``, ``대학교졸업(4년) 이상`` → 대졸 이상."""

from __future__ import annotations

import re

__all__ = ["normalize_education"]

#: (pattern on the text without spaces, level), lowest requirement first.
LEVELS = (
    (re.compile(r"학력무관|무관|관계없|상관없"), "학력무관"),
    (re.compile(r"중졸|중학교"), "중졸 이상"),
    (re.compile(r"고졸|고등학교"), "고졸 이상"),
    (re.compile(r"초대졸|전문대|[23]년제|대졸\([23]|대학\([23]|졸업\([23]|2~3년"), "초대졸 이상"),
    (re.compile(r"대졸|대학교|4년제|학사"), "대졸 이상"),
    (re.compile(r"석사|대학원"), "석사 이상"),
    (re.compile(r"박사"), "박사 이상"),
)


def normalize_education(raw: str) -> str:
    """The lowest level the text names ("고졸~대졸" → 고졸 이상), or the text as written."""
    compact = re.sub(r"\s+", "", raw)
    for pattern, level in LEVELS:
        if pattern.search(compact):
            return level
    return " ".join(raw.split())
