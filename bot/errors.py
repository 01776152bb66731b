"""Errors of the front end and its process management.

    BotError
    ├── PortInUseError      a port we must listen on is taken
    ├── ChildFailedError    a server we started died or never became healthy
    ├── GaveUpError         a child kept crashing; the supervisor stopped everything
    ├── RasaModelMissing    no trained Rasa model to serve
    └── ConsentRequired     candidate data was about to reach a company without consent

Messages are Korean: they end up in front of center staff.
"""

from __future__ import annotations

from pathlib import Path


class BotError(Exception):
    """Base of the front end's errors."""


class PortInUseError(BotError):
    """A port we need is already in use."""

    def __init__(self, name: str, port: int) -> None:
        super().__init__(
            f"{name}: 포트 {port}을(를) 다른 프로그램이 쓰고 있어요. "
            f"그 프로그램을 끄거나 설정에서 다른 포트를 지정해 주세요."
        )
        self.port = port


class ChildFailedError(BotError):
    """A child server exited or did not answer its health check in time."""

    def __init__(self, name: str, log_path: Path, returncode: int | None) -> None:
        what = (
            f"종료 코드 {returncode}로 멈췄어요"
            if returncode is not None
            else "제시간에 준비되지 않았어요"
        )
        super().__init__(f"{name}이(가) {what}. 기록: {log_path}")
        self.log_path = log_path
        self.returncode = returncode


class RasaModelMissing(BotError):
    """No trained Rasa model exists where the settings point."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"학습된 Rasa 모델이 없어요 ({folder}). 먼저 `jobbot rasa train`을 실행해 주세요."
        )


class GaveUpError(BotError):
    """A child kept exiting; everything was stopped instead of restarting it again."""

    def __init__(self, name: str, crashes: int, window: float, log_path: object) -> None:
        super().__init__(
            f"{name}이(가) {window:g}초 사이에 {crashes}번 멈춰서 더 이상 다시 시작하지 않고 "
            f"모두 껐어요. 기록을 확인해 주세요: {log_path}"
        )


class ConsentRequired(BotError):
    """Candidate data was about to go to a company without the seeker's granted consent."""

    def __init__(self, application_id: int) -> None:
        super().__init__(
            f"지원 {application_id}: 구직자의 동의 기록이 없어 회사에 아무것도 보내지 않았어요."
        )
        self.application_id = application_id
