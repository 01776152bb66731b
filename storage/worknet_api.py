"""The 고용24 Open API over HTTP: the job-posting list (``210L01``) and detail (``210D01``) calls.

The auth key has to travel in the query string. It is added by the innermost transport
(:class:`_KeyedTransport`) to a copy of each request, so the URL httpx logs, the request a
response or an error refers to, and every message built here never hold it. Timeouts,
connection failures and 5xx answers are retried with exponential backoff; the body is
returned as bytes for :func:`storage.readers.read_data` (error envelopes come with HTTP 200).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Self

import httpx

from storage.errors import SourceUnavailable

__all__ = ["BASE_URL", "MAX_DISPLAY", "MAX_START_PAGE", "ListQuery", "WorknetClient"]

logger = logging.getLogger(__name__)

BASE_URL = "https://www.work24.go.kr/cm/openApi/call/wk"
LIST_PATH = "callOpenApiSvcInfo210L01.do"
DETAIL_PATH = "callOpenApiSvcInfo210D01.do"
#: Postings per list page and the last page the API serves.
MAX_DISPLAY = 100
MAX_START_PAGE = 1000
#: ``regDate``: postings registered today (D-0), in the last days, weeks or months.
SINCE = re.compile(r"[DWM]-\d{1,2}")
KEY_PARAM = "authKey"


@dataclass(frozen=True)
class ListQuery:
    """What to list: region and occupation codes (any of), a keyword, a registration window."""

    regions: Sequence[str] = ()
    occupations: Sequence[str] = ()
    keyword: str | None = None
    since: str | None = None

    def params(self) -> dict[str, str]:
        """The list call's filter parameters (several codes are joined with ``|``)."""
        params = {}
        if self.regions:
            params["region"] = "|".join(self.regions)
        if self.occupations:
            params["occupation"] = "|".join(self.occupations)
        if self.keyword:
            params["keyword"] = self.keyword
        if self.since:
            params["regDate"] = self.since
        return params


class _KeyedTransport(httpx.BaseTransport):
    """Sends a copy of each request with the auth key added; the original never holds it."""

    def __init__(self, inner: httpx.BaseTransport, key: str) -> None:
        self._inner = inner
        self._key = key

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        keyed = httpx.Request(
            request.method,
            request.url.copy_add_param(KEY_PARAM, self._key),
            headers=request.headers,
            stream=request.stream,
            extensions=request.extensions,
        )
        return self._inner.handle_request(keyed)

    def close(self) -> None:
        self._inner.close()


class WorknetClient:
    """Calls the 고용24 Open API; ``transport`` (default: real HTTP) is the edge tests replace.

    ``attempts`` calls at most per request; waits ``backoff``, 2·``backoff``, … in between.
    """

    def __init__(
        self,
        *,
        auth_key: str,
        base_url: str = BASE_URL,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 20.0,
        attempts: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = httpx.Client(
            base_url=base_url.rstrip("/") + "/",
            transport=_KeyedTransport(transport or httpx.HTTPTransport(), auth_key),
            timeout=timeout,
            headers={"User-Agent": "jobbot (Gunsan job support center)"},
        )
        self._attempts = max(1, attempts)
        self._backoff = backoff
        self._sleep = sleep

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def list_page(self, query: ListQuery, page: int, *, display: int = MAX_DISPLAY) -> bytes:
        """One page (1-based, ≤ 1000) of the posting list, ``display`` (≤ 100) per page."""
        if not 1 <= page <= MAX_START_PAGE or not 1 <= display <= MAX_DISPLAY:
            raise ValueError(f"page {page} / display {display} outside the API's limits")
        params = {
            "callTp": "L",
            "returnType": "XML",
            "startPage": str(page),
            "display": str(display),
            **query.params(),
        }
        return self._get(LIST_PATH, params, what=f"채용정보 목록 {page}쪽")

    def detail(self, wanted_auth_no: str) -> bytes:
        """The detail response of one posting (구인인증번호 ``wanted_auth_no``)."""
        params = {
            "callTp": "D",
            "returnType": "XML",
            "wantedAuthNo": wanted_auth_no,
            "infoSvc": "VALIDATION",
        }
        return self._get(DETAIL_PATH, params, what=f"채용정보 상세 {wanted_auth_no}")

    def _get(self, path: str, params: dict[str, str], *, what: str) -> bytes:
        """GET with retries; the body, or :class:`SourceUnavailable` naming ``what`` failed."""
        problem = ""
        for attempt in range(1, self._attempts + 1):
            try:
                response = self._client.get(path, params=params)
            except httpx.TimeoutException:
                problem = "응답 시간 초과"
            except httpx.TransportError as exc:
                # The exception text may quote the keyed URL: only its type is kept.
                problem = f"연결 실패 ({type(exc).__name__})"
            else:
                if response.status_code < 400:
                    return response.content
                problem = f"HTTP {response.status_code}"
                if response.status_code < 500:
                    break  # a client error does not get better by asking again
            if attempt < self._attempts:
                wait = self._backoff * 2 ** (attempt - 1)
                logger.warning(
                    "고용24 %s: %s, retrying in %.1f s (%d/%d)",
                    path,
                    problem,
                    wait,
                    attempt,
                    self._attempts,
                )
                self._sleep(wait)
        raise SourceUnavailable(f"고용24 {what}을(를) 받지 못했습니다: {problem}")
