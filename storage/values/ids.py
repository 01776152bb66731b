"""A posting's id within its source.

A board's own id wins when its URL carries one (사람인 ``rec_idx=``, 알바몬 ``AL_GI_No=``,
고용24 ``wantedAuthNo=``); otherwise the id is derived from what identifies a posting — source,
company, title and place, normalized — so re-importing the same export changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from storage.values.company import company_key, strip_cut_mark

__all__ = ["BoardUrl", "derived_id", "read_url"]

#: Query parameters that carry a board's posting id.
ID_PARAMETERS = ("rec_idx", "al_gi_no", "wantedauthno")
#: Host suffix → source name, for exports without a source column.
HOSTS = (
    ("saramin.co.kr", "saramin"), ("albamon.com", "albamon"), ("work.go.kr", "worknet"),
    ("work24.go.kr", "worknet"), ("jobkorea.co.kr", "jobkorea"), ("alba.co.kr", "alba"),
)  # fmt: skip
DERIVED_PREFIX = "c-"


@dataclass(frozen=True)
class BoardUrl:
    """What a posting URL tells: the board its host belongs to and the id in its query."""

    source: str | None
    posting_id: str | None


def read_url(url: str) -> BoardUrl:
    """The board (``None`` for unknown hosts) and posting id (``None`` if none) of a URL."""
    if not url.strip():
        return BoardUrl(None, None)
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    source = next(
        (name for suffix, name in HOSTS if host == suffix or host.endswith("." + suffix)), None
    )
    posting_id = next(
        (
            value.strip()
            for key, value in parse_qsl(parts.query)
            if key.lower() in ID_PARAMETERS and value.strip()
        ),
        None,
    )
    return BoardUrl(source, posting_id)


def derived_id(source: str, company: str, title: str, location: str) -> str:
    """A stable id from the posting's content (case, spacing, legal marks and cut marks ignored)."""
    parts = (
        source.strip().lower(),
        company_key(company),
        _key(strip_cut_mark(title)),
        _key(location),
    )
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return DERIVED_PREFIX + digest[:20]


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()
