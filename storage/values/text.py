"""Long posting text and board category cells.

고용24's ``jobCont`` arrives with ``\\r\\n``, ``=====`` rulers, ``♣``/``ㆍ`` bullets and HTML
entities left in it (``&gt;&gt;기타 우대조건&lt;&lt;``), some escaped twice so that line-break
tags come out of them (``&amp;lt;br&amp;gt;`` → ``<br>``). A board's ``sector`` cell lists up to
five tags, maybe ``외`` (and more), a run of spaces and a glued ``수정일 24/12/11``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

__all__ = ["Sector", "clean_text", "one_line", "split_sector"]

_RULER = re.compile(r"^[\s=\-_*~─━═#+.·]{3,}$")
_BULLET = re.compile(r"^[♣♧ㆍ•●◦○◎◆◇□■▶▷►☞★☆✔✓√\-*]+\s*")
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+")
#: HTML tags that break a line; any other ``<…>`` may be the text's own brackets (<경력 우대>).
_BREAK_TAG = re.compile(r"<\s*(?:br|/?p|/div|/li)\s*/?\s*>", re.IGNORECASE)
_SECTOR_DATE = re.compile(r"(수정일|등록일)\s*(\d{2,4}[./-]\d{1,2}[./-]\d{1,2})\s*$")
_TAG_SEPARATORS = re.compile(r"[,|]")
_MORE = re.compile(r"(?:^|\s)외$")


def clean_text(raw: str) -> str:
    """Posting text with entities unescaped, one ``\\n`` per line break, rulers dropped,
    bullets as ``- ``, single spaces and at most one empty line in a row."""
    lines: list[str] = []
    text = html.unescape(raw)
    if "<" in text:
        text = _BREAK_TAG.sub("\n", text)
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BLANKS.sub(" ", line).strip()
        if _RULER.match(line):
            line = ""
        elif _BULLET.match(line):
            line = "- " + _BULLET.sub("", line)
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


def one_line(raw: str) -> str:
    """A cell's text on one line with single spaces (entities unescaped)."""
    return " ".join(html.unescape(raw).split())


@dataclass(frozen=True)
class Sector:
    """A category cell read: its tags and the date glued to it."""

    tags: tuple[str, ...]
    date_kind: str | None  # "수정일" | "등록일"
    date_raw: str


def split_sector(cell: str) -> Sector:
    """Read ``용접, 배관, 생산직 외   수정일 24/12/11``."""
    text = one_line(cell)
    date_kind, date_raw = None, ""
    glued = _SECTOR_DATE.search(text)
    if glued:
        date_kind, date_raw = glued.group(1), glued.group(2)
        text = text[: glued.start()].strip()
    text = _MORE.sub("", text)  # 외: the board lists more tags than it shows
    tags = tuple(tag.strip() for tag in _TAG_SEPARATORS.split(text) if tag.strip())
    return Sector(tags, date_kind, date_raw)
