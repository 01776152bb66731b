"""`jobbot run`'s supervisor, driving tiny Python children the way it drives the servers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.errors import ChildFailedError, GaveUpError, PortInUseError, RasaModelMissing
from bot.runtime.processes import ChildProcess, port_is_free, rotate_log, url_is_healthy
from bot.runtime.supervisor import (
    NO_TOKEN,
    READY,
    STOPPED,
    Service,
    Supervisor,
    front_end_process,
    services_for,
)
from bot.settings import Settings
from tests.conftest import REPO

SLEEP = "import time; time.sleep(120)"


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server(tmp_path: Path, name: str = "web") -> ChildProcess:
    """A child that serves HTTP on a free port; healthy when GET / answers."""
    port = free_port()
    return ChildProcess(
        name=name,
        argv=[sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        port=port,
        health_url=f"http://127.0.0.1:{port}/",
        log_path=tmp_path / f"{name}.log",
        cwd=tmp_path,
    )


def worker(tmp_path: Path, name: str = "worker", code: str = SLEEP) -> ChildProcess:
    """A child without a port, like the polling Telegram front end."""
    return ChildProcess(
        name=name,
        argv=[sys.executable, "-c", code],
        port=0,
        health_url="",
        log_path=tmp_path / f"{name}.log",
        cwd=tmp_path,
    )


def fast(services: list[Service], lines: list[str], **options: object) -> Supervisor:
    """A supervisor that polls and backs off in tens of milliseconds."""
    defaults: dict[str, object] = {"backoff": (0.1,), "poll": 0.05, "report": lines.append}
    return Supervisor(services, **(defaults | options))  # type: ignore[arg-type]


def eventually(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    """Wait until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def test_a_crashed_child_is_restarted_and_healthy_again(tmp_path: Path) -> None:
    web, poller = server(tmp_path), worker(tmp_path)
    lines: list[str] = []
    supervisor = fast([Service(web, 15), Service(poller, 15, stage=1, settle=0.2)], lines)
    with supervisor:
        assert url_is_healthy(web.health_url) and poller.is_running()
        watcher = threading.Thread(target=supervisor.run)
        watcher.start()
        assert web.process is not None
        crashed = web.process.pid
        os.killpg(crashed, signal.SIGKILL)
        eventually(
            lambda: (
                web.process is not None
                and web.process.pid != crashed
                and url_is_healthy(web.health_url)
            )
        )
        supervisor.request_stop()
        watcher.join(10)
        assert not watcher.is_alive()

    assert (
        f"web이(가) 멈췄어요 (종료 코드 -9). 0.1초 뒤 다시 시작해요. 기록: {web.log_path}" in lines
    )
    assert "web을(를) 다시 시작했어요." in lines
    assert not web.is_running() and not poller.is_running()
    assert port_is_free(web.port)


def test_a_hung_child_is_killed_and_restarted(tmp_path: Path) -> None:
    web = server(tmp_path)
    lines: list[str] = []
    supervisor = fast([Service(web, 15)], lines, probe_every=0.2, probe_timeout=0.5)
    with supervisor:
        watcher = threading.Thread(target=supervisor.run)
        watcher.start()
        assert web.process is not None
        hung = web.process.pid
        os.killpg(hung, signal.SIGSTOP)  # alive, port open, answering nothing
        eventually(
            lambda: (
                web.process is not None
                and web.process.pid != hung
                and url_is_healthy(web.health_url)
            )
        )
        supervisor.request_stop()
        watcher.join(10)

    assert f"web이(가) 응답하지 않아요. 강제로 끄고 다시 시작해요. 기록: {web.log_path}" in lines
    assert "web을(를) 다시 시작했어요." in lines


def test_a_big_log_is_rotated_and_the_child_keeps_writing(tmp_path: Path) -> None:
    log = tmp_path / "child.log"
    with log.open("ab") as child:  # the child's own handle, opened for appending
        child.write(b"x" * 2000)
        child.flush()
        assert rotate_log(log, max_bytes=1000, keep=2)
        child.write(b"after")
        child.flush()
    assert log.read_bytes() == b"after"
    assert (tmp_path / "child.log.1").read_bytes() == b"x" * 2000
    assert not rotate_log(log, max_bytes=1000, keep=2)


def test_stop_terminates_every_child(tmp_path: Path) -> None:
    children = [server(tmp_path, "one"), server(tmp_path, "two"), worker(tmp_path)]
    supervisor = fast([Service(c, 15, settle=0.1) for c in children], [])
    supervisor.start()
    assert all(c.is_running() for c in children)
    supervisor.stop()
    assert all(c.process is not None and c.process.poll() is not None for c in children)
    assert port_is_free(children[0].port) and port_is_free(children[1].port)


def test_sigterm_stops_the_supervisor_and_its_children(tmp_path: Path) -> None:
    script = f"""
import sys
from pathlib import Path
from bot.runtime.processes import ChildProcess
from bot.runtime.supervisor import READY, Service, Supervisor, run_bot

children = [
    ChildProcess(name=f"sleeper {{i}}", argv=[sys.executable, "-c", {SLEEP!r}], port=0,
                 health_url="", log_path=Path({str(tmp_path)!r}) / f"s{{i}}.log")
    for i in range(2)
]

def report(line):
    print(line, flush=True)
    if line == READY:
        print("PIDS", *[c.process.pid for c in children], flush=True)

run_bot(Supervisor([Service(c, 10, settle=0.1) for c in children], poll=0.05, report=report))
"""
    process = subprocess.Popen(
        [sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    out = []
    for line in process.stdout:
        out.append(line.strip())
        if line.startswith("PIDS"):
            break
    pids = [int(p) for p in out[-1].split()[1:]]
    assert READY in out and len(pids) == 2
    process.send_signal(signal.SIGTERM)
    rest, _ = process.communicate(timeout=20)

    assert process.returncode == 0
    assert rest.splitlines()[-1] == STOPPED
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_a_taken_port_fails_in_korean_before_anything_starts(tmp_path: Path) -> None:
    poller = worker(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        rasa = ChildProcess(
            name="Rasa server",
            argv=[sys.executable, "-c", SLEEP],
            port=port,
            health_url=f"http://127.0.0.1:{port}/",
            log_path=tmp_path / "rasa.log",
        )
        supervisor = fast([Service(poller, 5, settle=0.1), Service(rasa, 5)], [])
        with pytest.raises(PortInUseError) as error:
            supervisor.start()

    assert str(error.value) == (
        f"Rasa server: 포트 {port}을(를) 다른 프로그램이 쓰고 있어요. "
        "그 프로그램을 끄거나 설정에서 다른 포트를 지정해 주세요."
    )
    assert poller.process is None and rasa.process is None


def test_a_child_dying_at_start_stops_the_others(tmp_path: Path) -> None:
    web, broken = server(tmp_path), worker(tmp_path, "broken", "raise SystemExit(2)")
    supervisor = fast([Service(web, 15), Service(broken, 15, settle=5)], [])
    with pytest.raises(ChildFailedError, match="broken이\\(가\\) 종료 코드 2로 멈췄어요"):
        supervisor.start()
    assert not web.is_running()


def test_a_child_that_keeps_crashing_is_given_up(tmp_path: Path) -> None:
    flaky = worker(tmp_path, "flaky", "import time; time.sleep(0.3); raise SystemExit(3)")
    web = server(tmp_path)
    lines: list[str] = []
    supervisor = fast(
        [Service(web, 15), Service(flaky, 5, settle=0.1)], lines, max_crashes=2, window=60
    )
    supervisor.start()
    with pytest.raises(GaveUpError) as error:
        supervisor.run()

    assert str(error.value).startswith("flaky이(가) 60초 사이에 3번 멈춰서 더 이상 다시 시작하지")
    assert sum("flaky이(가) 멈췄어요 (종료 코드 3)" in line for line in lines) == 2
    assert not web.is_running() and not flaky.is_running()


def test_the_front_end_child_gets_the_settings_and_checks_only_a_webhook_port(
    tmp_path: Path,
) -> None:
    polling = Settings(_env_file=None, home=tmp_path, telegram_token="1:x")  # type: ignore[call-arg]
    child = front_end_process(polling)
    assert child.argv[1:] == ["-m", "bot.cli", "telegram"]
    assert child.env is not None and child.env["JOBBOT_TELEGRAM_TOKEN"] == "1:x"
    assert child.env["JOBBOT_HOME"] == str(tmp_path.resolve())
    assert (child.port, child.health_url) == (0, "")
    webhook = polling.model_copy(update={"webhook_url": "https://bot.example/hook"})
    assert front_end_process(webhook).port == polling.webhook_port


def test_missing_rasa_model_is_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(_env_file=None, home=tmp_path, telegram_token="1:x")  # type: ignore[call-arg]
    with pytest.raises(RasaModelMissing, match="학습된 Rasa 모델이 없어요"):
        services_for(settings)

    monkeypatch.delenv("JOBBOT_RASA_MODEL", raising=False)
    monkeypatch.setenv("JOBBOT_HOME", str(tmp_path))
    monkeypatch.setenv("JOBBOT_TELEGRAM_TOKEN", "1:x")
    result = CliRunner().invoke(app, ["run"])
    assert result.exit_code == 1
    assert "학습된 Rasa 모델이 없어요" in result.output
    assert "jobbot rasa train" in result.output


def test_without_a_token_run_opens_the_console_chat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOBBOT_TELEGRAM_TOKEN", raising=False)
    monkeypatch.delenv("JOBBOT_RASA_MODEL", raising=False)
    monkeypatch.setenv("JOBBOT_HOME", str(tmp_path))
    monkeypatch.setenv("JOBBOT_RASA_PORT", str(free_port()))
    monkeypatch.setenv("JOBBOT_ACTION_PORT", str(free_port()))
    result = CliRunner().invoke(app, ["run"])

    # The console chat's stack starts; here it stops at the missing model.
    assert result.output.startswith(NO_TOKEN)
    assert "JOBBOT_TELEGRAM_TOKEN" in NO_TOKEN
    assert "학습된 Rasa 모델이 없어요" in result.output
    assert result.exit_code == 1
