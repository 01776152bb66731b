"""The 고용24 training-course Open API over HTTP: the 국민내일배움카드 run list (``310L01``).

The transport, retries and key scrubbing are :class:`storage.worknet_api.WorknetClient`'s: the
auth key is added to a copy of each request by the innermost transport, so no URL, log line or
message built here holds it. Bodies are returned as bytes for
:func:`storage.formats.courses.read_hrd_xml` (error envelopes come with HTTP 200).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storage.worknet_api import WorknetClient

__all__ = ["HRD_BASE_URL", "MAX_PAGE_SIZE", "CourseClient", "CourseQuery"]

HRD_BASE_URL = "https://www.work24.go.kr/cm/openApi/call/hr"
LIST_PATH = "callOpenApiSvcInfo310L01.do"
#: Runs per page the API serves at most, and the pages a fetch reads at most.
MAX_PAGE_SIZE = 100
MAX_PAGES = 100
#: How far ahead runs are listed (the API wants a start-date window).
WINDOW_DAYS = 183


@dataclass(frozen=True)
class CourseQuery:
    """Which runs to list: starting in ``[starts_from, starts_until]``, in any of ``regions``
    (시도 codes of ``srchTraArea1``; 전북 is both 45 and 52), with ``keyword`` in the title."""

    starts_from: date
    starts_until: date
    regions: Sequence[str] = ()
    keyword: str | None = None

    @classmethod
    def upcoming(
        cls, as_of: date, *, regions: Sequence[str] = (), keyword: str | None = None
    ) -> CourseQuery:
        """Runs starting from ``as_of`` up to about six months later."""
        return cls(as_of, as_of + timedelta(days=WINDOW_DAYS), regions, keyword)

    def params(self, region: str | None) -> dict[str, str]:
        """The list call's filters for one region (or all)."""
        params = {
            "srchTraStDt": self.starts_from.strftime("%Y%m%d"),
            "srchTraEndDt": self.starts_until.strftime("%Y%m%d"),
        }
        if region:
            params["srchTraArea1"] = region
        if self.keyword:
            params["srchTraProcessNm"] = self.keyword
        return params


class CourseClient(WorknetClient):
    """The 고용24 training-course API (give it ``base_url=HRD_BASE_URL``); transport, retries
    and the key's scrubbing are :class:`WorknetClient`'s."""

    def course_page(
        self, query: CourseQuery, page: int, *, region: str | None, size: int = MAX_PAGE_SIZE
    ) -> bytes:
        """One page (1-based) of the run list as XML, ``size`` (≤ 100) runs per page."""
        if not 1 <= page <= MAX_PAGES or not 1 <= size <= MAX_PAGE_SIZE:
            raise ValueError(f"page {page} / size {size} outside the API's limits")
        params = {
            "returnType": "XML",
            "outType": "1",
            "pageNum": str(page),
            "pageSize": str(size),
            **query.params(region),
        }
        return self._get(LIST_PATH, params, what=f"훈련과정 목록 {page}쪽")
