"""Child processes (the Rasa server, the action server) started, health-checked and stopped."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bot.errors import ChildFailedError, PortInUseError

__all__ = ["ChildProcess", "port_is_free", "rotate_log", "url_is_healthy"]

logger = logging.getLogger(__name__)


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on ``host:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex((host, port)) != 0


def url_is_healthy(url: str, timeout: float = 2.0) -> bool:
    """True when ``url`` answers 200."""
    try:
        return httpx.get(url, timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def rotate_log(path: Path, *, max_bytes: int, keep: int) -> bool:
    """Past ``max_bytes``, copy ``path`` to ``path.1`` (older copies shift up to ``keep``)
    and empty it in place; True when rotated.

    The child keeps writing to its open file, which it opened for appending, so its next
    line lands at the start of the emptied file (copy-and-truncate, like logrotate's).
    """
    try:
        if path.stat().st_size <= max_bytes:
            return False
    except FileNotFoundError:
        return False
    for number in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    first = path.with_name(f"{path.name}.1")
    with path.open("rb") as source, first.open("wb") as copy:
        while chunk := source.read(1 << 20):
            copy.write(chunk)
    with path.open("r+b") as log:
        log.truncate(0)
    return True


@dataclass
class ChildProcess:
    """One server we start: its command, where it logs, and how to tell it is ready."""

    name: str
    argv: list[str]
    port: int
    health_url: str
    log_path: Path
    env: dict[str, str] | None = None
    cwd: Path | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> None:
        """Start the process (output to ``log_path``); fails if the port is taken."""
        if not port_is_free(self.port):
            raise PortInUseError(self.name, self.port)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        logger.info("starting %s (log: %s)", self.name, self.log_path)
        self.process = subprocess.Popen(
            self.argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.env,
            cwd=self.cwd,
            start_new_session=True,  # Ctrl-C in the terminal reaches us, not the child
        )
        log.close()

    def wait_healthy(self, timeout: float) -> None:
        """Block until the health URL answers, or raise if the child dies or times out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise ChildFailedError(self.name, self.log_path, self.process.returncode)
            if url_is_healthy(self.health_url, timeout=1.0):
                return
            time.sleep(0.5)
        raise ChildFailedError(self.name, self.log_path, None)

    def is_running(self) -> bool:
        """True while the process is alive."""
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """Kill the process group at once (a hung child does not answer SIGTERM)."""
        if not self.is_running():
            return
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the process group to stop; kill it if it does not within ``timeout``."""
        if not self.is_running():
            return
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
