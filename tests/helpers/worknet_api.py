"""A stand-in for the 고용24 Open API on 127.0.0.1: list pages and details in the real
response shapes, the real error envelopes, and scripted failures (5xx, a hang, an envelope).

Written from the shapes described in issue 12: list items may lack optional elements,
``closeDt`` comes in several spellings, details repeat ``empchargeInfo``, and an error
envelope arrives with HTTP 200.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import pytest

__all__ = ["ENVELOPES", "Posting", "WorknetStandIn", "worknet_api"]

#: The error bodies the real API sends (HTTP 200).
ENVELOPES = {
    "002": "<wantedRoot><message>유효하지 않은 인증키 입니다.</message>"
    "<messageCd>002</messageCd></wantedRoot>",
    "006": "<wantedRoot><message>정보가 존재하지 않습니다.</message>"
    "<messageCd>006</messageCd></wantedRoot>",
    "018": "<wantedRoot><message>일일 호출 한도를 초과하였습니다.</message>"
    "<messageCd>018</messageCd></wantedRoot>",
    "GO24": "<?xml version='1.0' encoding='UTF-8'?>"
    "<GO24><error>신청하신 OpenApi 서비스가 존재하지 않습니다</error></GO24>",
}


@dataclass
class Posting:
    """One 고용24 posting as the stand-in serves it in lists and details."""

    auth_no: str
    company: str
    title: str
    region: str = "전북특별자치도 군산시"
    close: str = "20261231"
    modified: str = "202611201030"
    jobs_cd: str = "710302"
    job_cont: str = "선박 블록 용접\r\n=====\r\n♣ 주간 근무 ㆍ 중식 제공"
    sal: str = "월급 3,000,000원 이상 ~ 3,500,000원 이하,"
    phones: tuple[str, ...] = ("063-000-0001",)

    def list_item(self) -> str:
        # holidayTpNm, minEdubg and wantedInfoUrl left out: optional in real lists.
        return (
            f"<wanted><wantedAuthNo>{self.auth_no}</wantedAuthNo>"
            f"<company>{escape(self.company)}</company><title>{escape(self.title)}</title>"
            f"<salTpNm>월급</salTpNm><sal>300만원 ~ 350만원</sal><minSal>3000000</minSal>"
            f"<maxSal>0</maxSal><region>{escape(self.region)}</region><career>경력</career>"
            f"<regDt>26-11-20</regDt><closeDt>{self.close}</closeDt>"
            f"<smodifyDtm>{self.modified}</smodifyDtm><empTpCd>10</empTpCd>"
            f"<jobsCd>{self.jobs_cd}</jobsCd></wanted>"
        )

    def detail(self) -> str:
        chargers = "".join(
            f"<empchargeInfo><empChargerDpt>인사팀</empChargerDpt>"
            f"<contactTelno>{phone}</contactTelno></empchargeInfo>"
            for phone in self.phones
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><wantedDtl>'
            f"<wantedAuthNo>{self.auth_no}</wantedAuthNo><corpInfo>"
            f"<corpNm>{escape(self.company)}</corpNm><totPsncnt>10 명</totPsncnt>"
            f"<capitalAmt>20 백만원</capitalAmt><indTpCdNm>선박 건조업</indTpCdNm>"
            f"<corpAddr>54000 {escape(self.region)}</corpAddr><homePg></homePg></corpInfo>"
            f"<wantedInfo><jobsNm>용접원</jobsNm><wantedTitle>{escape(self.title)}</wantedTitle>"
            f"<jobCont>{escape(self.job_cont)}</jobCont><receiptCloseDt>{self.close}"
            f"</receiptCloseDt><empTpNm>기간의 정함이 없는 근로계약/ 파견근로 비희망</empTpNm>"
            f"<salTpNm>{escape(self.sal)}</salTpNm><enterTpNm>경력 (최소3년) 우대</enterTpNm>"
            f"<eduNm>학력무관</eduNm><certificate>특수용접기능사</certificate>"
            f"<workRegion>(54000)  {escape(self.region)}</workRegion>"
            f"<workdayWorkhrCont>주 5일 근무 08:00~17:00</workdayWorkhrCont>"
            f"<jobsCd>{self.jobs_cd}</jobsCd><regionCd>45130</regionCd>"
            f"<smodifyDtm>{self.modified}</smodifyDtm></wantedInfo>{chargers}</wantedDtl>"
        )


@dataclass
class WorknetStandIn:
    """The running stand-in: its ``base_url``, the postings it lists, scripted failures.

    ``failures`` maps ``"list:<page>"`` or ``"detail:<auth no>"`` to what the next calls
    get, in order: ``"500"``, ``"hang"`` (no answer for ``hang_seconds``) or an
    :data:`ENVELOPES` key. ``envelope`` answers every call with that envelope.
    """

    key: str
    base_url: str = ""
    postings: list[Posting] = field(default_factory=list)
    failures: dict[str, deque[str]] = field(default_factory=dict)
    envelope: str | None = None
    hang_seconds: float = 1.5
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def fail(self, target: str, *outcomes: str) -> None:
        """Script the next answers to ``target`` (``list:2``, ``detail:K1``)."""
        self.failures.setdefault(target, deque()).extend(outcomes)

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, str]:
        """HTTP status and body for one call."""
        self.calls.append((path, params))
        if self.envelope:
            return 200, ENVELOPES[self.envelope]
        if params.get("authKey") != self.key:
            return 200, ENVELOPES["002"]
        if path.endswith("210L01.do"):
            page, display = int(params["startPage"]), int(params["display"])
            target = f"list:{page}"
        elif path.endswith("210D01.do"):
            target = f"detail:{params['wantedAuthNo']}"
        else:
            return 200, ENVELOPES["GO24"]
        scripted = self.failures.get(target)
        if scripted:
            outcome = scripted.popleft()
            if outcome == "500":
                return 500, "<html>Internal Server Error</html>"
            if outcome == "hang":
                time.sleep(self.hang_seconds)
            else:
                return 200, ENVELOPES[outcome]
        if target.startswith("detail:"):
            posting = next((p for p in self.postings if p.auth_no == target[7:]), None)
            return 200, posting.detail() if posting else ENVELOPES["006"]
        chunk = self.postings[(page - 1) * display : page * display]
        if not chunk:
            return 200, ENVELOPES["006"]
        # One line, no whitespace between elements, as the API sometimes sends it.
        items = "".join(p.list_item() for p in chunk)
        return 200, (
            f'<?xml version="1.0" encoding="UTF-8"?><wantedRoot><total>{len(self.postings)}'
            f"</total><startPage>{page}</startPage><display>{display}</display>{items}"
            "</wantedRoot>"
        )


@pytest.fixture
def worknet_api() -> Iterator[WorknetStandIn]:
    """A fresh stand-in (key ``TEST-KEY-51f0c3``) serving on a free loopback port."""
    stand_in = WorknetStandIn(key="TEST-KEY-51f0c3")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            url = urlsplit(self.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            status, body = stand_in.answer(url.path, params)
            data = body.encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/xml; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up waiting (a scripted hang)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    stand_in.base_url = f"http://127.0.0.1:{server.server_address[1]}/cm/openApi/call/wk"
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
