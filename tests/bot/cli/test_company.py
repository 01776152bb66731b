"""`jobbot company contacts` and `jobbot company unbind`, in-process against an isolated home."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.cli import app
from bot.services import open_database
from bot.settings import Settings
from storage.models import Company, CompanyContact

runner = CliRunner()


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh JOBBOT_HOME with one company bound to two chats, another to none."""
    monkeypatch.setenv("JOBBOT_HOME", str(tmp_path))
    sessions = open_database(Settings(_env_file=None, home=tmp_path))  # type: ignore[call-arg]
    with sessions.begin() as session:
        company = Company(name="(주)대한중공업", name_key="대한중공업")
        session.add_all([company, Company(name="군산정밀", name_key="군산정밀")])
        session.flush()
        for chat_id in (3003, 3004):
            session.add(
                CompanyContact(company_id=company.id, telegram_chat_id=chat_id, telegram_user_id=7)
            )
    return tmp_path


def contacts(home: Path) -> list[int]:
    sessions = open_database(Settings(_env_file=None, home=home))  # type: ignore[call-arg]
    with sessions() as session:
        return list(session.scalars(select(CompanyContact.telegram_chat_id)))


def test_contacts_lists_the_bound_chats_by_number(home: Path) -> None:
    listed = runner.invoke(app, ["company", "contacts", "대한 중공업"])
    none = runner.invoke(app, ["company", "contacts", "군산정밀"])

    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert lines[0].startswith("(주)대한중공업에 연결된 채팅")
    assert lines[1].startswith("#1 채팅 3003 · 담당자 7 · ")
    assert lines[2].startswith("#2 채팅 3004 · ")
    assert none.exit_code == 0 and "연결된 채팅이 없어요" in none.output


def test_unbind_removes_one_chat_and_its_number_is_never_reused(home: Path) -> None:
    done = runner.invoke(app, ["company", "unbind", "(주)대한중공업", "2"])
    again = runner.invoke(app, ["company", "unbind", "(주)대한중공업", "2"])
    other = runner.invoke(app, ["company", "unbind", "군산정밀", "1"])  # not that company's
    unknown = runner.invoke(app, ["company", "unbind", "없는회사", "1"])

    assert done.exit_code == 0, done.output
    assert "#2 채팅 3004의 (주)대한중공업 연결을 끊었어요" in done.output
    assert again.exit_code == 1 and "#2 채팅이 없어요" in again.output
    assert other.exit_code == 1
    assert unknown.exit_code == 1 and "'없는회사' 회사를 찾지 못했어요" in unknown.output
    assert contacts(home) == [3003]
    sessions = open_database(Settings(_env_file=None, home=home))  # type: ignore[call-arg]
    with sessions.begin() as session:
        contact = CompanyContact(company_id=1, telegram_chat_id=3005, telegram_user_id=8)
        session.add(contact)
        session.flush()
        assert contact.id == 3  # AUTOINCREMENT: #2 names nobody ever again
