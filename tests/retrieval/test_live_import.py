"""Through the real stack (the session's Rasa and action servers): an opening imported with
`jobbot import` while the bot runs is found by the searches that follow, with no restart and
no conversation dropped."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.runtime.stack import Stack
from bot.services import open_database
from retrieval.embedder import Embedder
from retrieval.indexer import sync_index
from storage.models import Opening, utc_now
from tests.conftest import REPO
from tests.dialogue.conftest import Conversation

pytestmark = pytest.mark.slow

TITLE = "오식도 조선블록 비파괴검사원 (RT·UT) 모집"
NDT = (
    '{"source":"live_test","source_id":"NDT-1","company":"오식도비파괴검사(주)",'
    f'"title":"{TITLE}","occupation":"비파괴검사원",'
    '"description":"조선 블록 용접부 방사선(RT)·초음파(UT) 비파괴검사. 주간 근무.",'
    '"region":"군산시 오식도동","closes_on":"2099-12-31"}\n'
)
SEEKER = "비파괴검사 일 찾아요. 군산 살아요"
#: The first search after a build starts loading it in the background and answers from
#: the previous one; the ones after it see the new build once loaded.
WAIT_SECONDS = 90


def titles(replies: list[dict[str, Any]]) -> list[str]:
    return [
        card["title"]
        for reply in replies
        if isinstance(custom := reply.get("custom"), dict) and custom.get("type") == "openings"
        for card in custom["openings"]
    ]


@pytest.fixture
def imported_while_running(
    stack: Stack, embedder: Embedder, tmp_path: Path
) -> Iterator[subprocess.CompletedProcess[str]]:
    """`jobbot import` of one new opening into the running stack's home; retired afterwards,
    so the session's stack serves the sample openings again."""
    export = tmp_path / "ndt.jsonl"
    export.write_text(NDT, encoding="utf-8")
    env = {**os.environ, "JOBBOT_HOME": str(stack.settings.home)}
    done = subprocess.run(
        [str(REPO / ".venv/bin/jobbot"), "import", str(export)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    yield done
    sessions = open_database(stack.settings)
    with sessions() as session:
        session.execute(update(Opening).where(Opening.title == TITLE).values(retired_at=utc_now()))
        session.commit()
        sync_index(session, folder=stack.settings.index_dir, embedder=embedder)


def test_an_opening_imported_while_the_bot_runs_is_found(
    stack: Stack, request: pytest.FixtureRequest
) -> None:
    before = Conversation(stack, "live-import-before")
    shown = titles(before.say(SEEKER))
    assert shown and TITLE not in shown
    asked = before.slots()

    done = request.getfixturevalue("imported_while_running")
    assert done.returncode == 0, done.stderr
    sessions = open_database(stack.settings)
    with sessions() as session:
        assert session.scalar(select(Opening.id).where(Opening.title == TITLE)) is not None

    found: list[str] = []
    deadline = time.monotonic() + WAIT_SECONDS
    attempt = 0
    while TITLE not in found and time.monotonic() < deadline:
        attempt += 1
        found = titles(Conversation(stack, f"live-import-{attempt}").say(SEEKER))
        if TITLE not in found:
            time.sleep(1)
    assert TITLE in found, f"not found in {attempt} searches: {found}"
    assert before.slots() == asked  # the conversation begun before the import goes on
