"""`jobbot run`: the Rasa server, the action server and the Telegram front end, supervised.

    Supervisor
    ├── action server       127.0.0.1:action_port, ready when GET /health answers   stage 0
    ├── Rasa server         127.0.0.1:rasa_port, ready when GET / answers            stage 0
    └── Telegram front end  `python -m bot.cli telegram`, no port of its own:        stage 1
                            ready once it has stayed up for a few seconds

Starting: every port is checked before anything starts (:class:`PortInUseError`), each
stage starts in parallel and must be ready before the next one starts. Running: a child
that exits is restarted after a backoff (1, 2, 4 … 30 s); so is one with a health URL that
stops answering it (``hung_after`` probes in a row, one every ``probe_every`` seconds, or
not ready again within its start timeout after a restart): it is killed first. One that
goes more than ``max_crashes`` times within ``window`` seconds stops everything
(:class:`GaveUpError`). Each child's log is rotated past ``LOG_MAX_BYTES`` (``LOG_KEEP``
copies). Stopping: SIGTERM or Ctrl-C stop the children, last started first.

The children are :class:`bot.runtime.processes.ChildProcess` objects, so tests supervise tiny
Python commands exactly as production supervises the servers.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType

from bot.errors import BotError, ChildFailedError, GaveUpError, PortInUseError
from bot.runtime.processes import ChildProcess, port_is_free, rotate_log, url_is_healthy
from bot.runtime.rasa_server import REPO
from bot.runtime.stack import ACTIONS_START_TIMEOUT, RASA_START_TIMEOUT, Stack
from bot.settings import Settings

__all__ = ["Service", "Supervisor", "front_end_process", "run_bot", "services_for"]

logger = logging.getLogger(__name__)

#: A polling front end that stays up this long got past its token check and first getMe.
FRONT_END_SETTLE = 5.0
FRONT_END_START_TIMEOUT = 30.0
BACKOFF = (1.0, 2.0, 4.0, 8.0, 16.0, 30.0)
#: Liveness: a health probe this often, with this timeout; this many failures in a row is hung.
PROBE_EVERY = 10.0
PROBE_TIMEOUT = 5.0
HUNG_AFTER = 3
#: A child's log is copied aside past this size; this many old copies are kept.
LOG_MAX_BYTES = 20 * 1024 * 1024
LOG_KEEP = 5

STARTING = "{name} 시작 중... (기록: {log})"
READY = "모두 준비됐어요. 끝내려면 Ctrl-C를 누르세요."
CRASHED = "{name}이(가) 멈췄어요 (종료 코드 {code}). {delay:g}초 뒤 다시 시작해요. 기록: {log}"
RESTARTED = "{name}을(를) 다시 시작했어요."
HUNG = "{name}이(가) 응답하지 않아요. 강제로 끄고 다시 시작해요. 기록: {log}"
RESTART_FAILED = "{name}을(를) 다시 시작하지 못했어요: {error}"
STOPPING = "끄는 중이에요..."
STOPPED = "모두 껐어요."
NO_TOKEN = (
    "텔레그램 토큰이 없어 콘솔 대화로 시작해요. 텔레그램으로 운영하려면 .env에 "
    "JOBBOT_TELEGRAM_TOKEN=<BotFather가 준 토큰>을 적어 주세요 (README의 '텔레그램' 참고)."
)


@dataclass
class Service:
    """One supervised child: how long it may take to get ready and when it starts."""

    child: ChildProcess
    start_timeout: float
    #: Children of a later stage start once every earlier one is ready.
    stage: int = 0
    #: For a child without a health URL: ready once it has run this long.
    settle: float = FRONT_END_SETTLE
    crashes: deque[float] = field(default_factory=deque, repr=False)
    restart_at: float | None = field(default=None, repr=False)
    started_at: float = field(default=0.0, repr=False)
    ready: bool = field(default=False, repr=False)
    failed_probes: int = field(default=0, repr=False)
    probed_at: float = field(default=0.0, repr=False)

    @property
    def name(self) -> str:
        """The child's name, as staff read it."""
        return self.child.name

    def start(self) -> None:
        """Start the child (raises :class:`PortInUseError` if its port is taken)."""
        self.child.start()
        self.started_at = time.monotonic()
        self.ready, self.failed_probes = False, 0

    def is_ready(self) -> bool:
        """True when the health URL answers, or (no URL) the child has run ``settle`` s."""
        if self.child.health_url:
            return url_is_healthy(self.child.health_url, timeout=1.0)
        return time.monotonic() - self.started_at >= self.settle

    def wait_ready(self, stop: threading.Event, poll: float) -> None:
        """Block until ready, or raise :class:`ChildFailedError`; return early on ``stop``."""
        deadline = time.monotonic() + self.start_timeout
        while not stop.is_set():
            if not self.child.is_running():
                code = self.child.process.returncode if self.child.process else None
                raise ChildFailedError(self.name, self.child.log_path, code)
            if self.is_ready():
                self.ready = True
                return
            if time.monotonic() >= deadline:
                raise ChildFailedError(self.name, self.child.log_path, None)
            stop.wait(poll)


class Supervisor:
    """Starts services by stage, restarts the ones that exit, stops them all.

    ``report`` receives the Korean progress lines meant for center staff.
    """

    def __init__(
        self,
        services: Sequence[Service],
        *,
        max_crashes: int = 5,
        window: float = 300.0,
        backoff: Sequence[float] = BACKOFF,
        poll: float = 0.5,
        probe_every: float = PROBE_EVERY,
        probe_timeout: float = PROBE_TIMEOUT,
        hung_after: int = HUNG_AFTER,
        report: Callable[[str], None] = logger.info,
    ) -> None:
        self.services = list(services)
        self.max_crashes = max_crashes
        self.window = window
        self.backoff = tuple(backoff)
        self.poll = poll
        self.probe_every = probe_every
        self.probe_timeout = probe_timeout
        self.hung_after = hung_after
        self.report = report
        self.stop_event = threading.Event()
        self._started: list[Service] = []

    def start(self) -> None:
        """Check every port, then start each stage and wait until it is ready.

        On failure (or when stopped meanwhile) whatever started is stopped again.
        """
        for service in self.services:
            if service.child.port and not port_is_free(service.child.port):
                raise PortInUseError(service.name, service.child.port)
        try:
            for stage in sorted({s.stage for s in self.services}):
                batch = [s for s in self.services if s.stage == stage]
                for service in batch:
                    self.report(STARTING.format(name=service.name, log=service.child.log_path))
                    service.start()
                    self._started.append(service)
                for service in batch:
                    service.wait_ready(self.stop_event, self.poll)
                if self.stop_event.is_set():
                    return
        except BaseException:
            self.stop()
            raise

    def run(self) -> None:
        """Watch the children until :meth:`request_stop`; restart those that exit.

        Raises :class:`GaveUpError` (after stopping everything) when one keeps exiting.
        """
        while not self.stop_event.is_set():
            self.check()
            self.stop_event.wait(self.poll)

    def request_stop(self) -> None:
        """Make :meth:`run` (and a :meth:`start` in progress) return; safe from a signal."""
        self.stop_event.set()

    def check(self) -> None:
        """One round: note exits and hangs, schedule restarts with backoff, do the restarts
        that are due, rotate big logs."""
        now = time.monotonic()
        for service in self._started:
            if rotate_log(service.child.log_path, max_bytes=LOG_MAX_BYTES, keep=LOG_KEEP):
                logger.info("rotated the log of %s", service.name)
            if service.restart_at is None and not service.child.is_running():
                self._crashed(service, now)
            elif service.restart_at is None and self._hung(service, now):
                logger.warning("%s does not answer its health check; killing it", service.name)
                self.report(HUNG.format(name=service.name, log=service.child.log_path))
                service.child.kill()
                self._crashed(service, now)
            elif service.restart_at is not None and now >= service.restart_at:
                service.restart_at = None
                try:
                    service.start()
                except BotError as error:  # e.g. the port is still held by a dying child
                    self.report(RESTART_FAILED.format(name=service.name, error=error))
                    self._crashed(service, now)
                else:
                    logger.info("restarted %s", service.name)
                    self.report(RESTARTED.format(name=service.name))

    def _hung(self, service: Service, now: float) -> bool:
        """Probe a running child's health URL when due; True once it counts as hung."""
        if not service.child.health_url or now - service.probed_at < self.probe_every:
            return False
        if not service.ready:  # restarted: it has its start timeout to get ready again
            service.ready = url_is_healthy(service.child.health_url, timeout=self.probe_timeout)
            service.probed_at = now
            return not service.ready and now - service.started_at > service.start_timeout
        service.probed_at = now
        if url_is_healthy(service.child.health_url, timeout=self.probe_timeout):
            service.failed_probes = 0
            return False
        service.failed_probes += 1
        logger.warning("%s: health check failed (%d in a row)", service.name, service.failed_probes)
        return service.failed_probes >= self.hung_after

    def _crashed(self, service: Service, now: float) -> None:
        while service.crashes and now - service.crashes[0] > self.window:
            service.crashes.popleft()
        service.crashes.append(now)
        if len(service.crashes) > self.max_crashes:
            self.stop()
            raise GaveUpError(
                service.name, len(service.crashes), self.window, service.child.log_path
            )
        delay = self.backoff[min(len(service.crashes), len(self.backoff)) - 1]
        service.restart_at = now + delay
        process = service.child.process
        code = process.returncode if process is not None else None
        logger.warning("%s exited with %s; restart in %s s", service.name, code, delay)
        self.report(
            CRASHED.format(name=service.name, code=code, delay=delay, log=service.child.log_path)
        )

    def stop(self) -> None:
        """Stop every started child, last started first."""
        for service in reversed(self._started):
            service.child.stop()
            service.restart_at = None
        self._started.clear()

    def __enter__(self) -> Supervisor:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def front_end_process(settings: Settings) -> ChildProcess:
    """The Telegram front end (`jobbot telegram`) as a child process.

    It listens on no port when polling, and ``port_is_free(0)`` always holds, so port 0
    means "nothing to check"; in webhook mode its webhook port is checked.
    """
    return ChildProcess(
        name="Telegram front end",
        argv=[sys.executable, "-m", "bot.cli", "telegram"],
        port=settings.webhook_port if settings.webhook_url else 0,
        health_url="",
        log_path=settings.home / "logs" / "telegram.log",
        env={**os.environ, **settings.as_environment()},
        cwd=REPO,
    )


def services_for(settings: Settings) -> list[Service]:
    """The three children of `jobbot run`; raises :class:`RasaModelMissing` first if needed."""
    stack = Stack(settings)
    settings = stack.settings  # with the loopback tokens, for the front end too
    rasa = stack.rasa_server()
    return [
        Service(stack.action_server(), ACTIONS_START_TIMEOUT),
        Service(rasa, RASA_START_TIMEOUT),
        Service(front_end_process(settings), FRONT_END_START_TIMEOUT, stage=1),
    ]


def run_bot(supervisor: Supervisor) -> None:
    """Start, supervise until SIGTERM or Ctrl-C, stop; the entry point's main loop.

    Must run in the main thread (it installs the signal handlers).
    """
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.getsignal(sig) for sig in handled}
    for sig in handled:
        signal.signal(sig, lambda *_: supervisor.request_stop())
    try:
        with supervisor:
            if not supervisor.stop_event.is_set():
                supervisor.report(READY)
                supervisor.run()
            supervisor.report(STOPPING)
        supervisor.report(STOPPED)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
