"""Seekers' data in storage: kept only with consent, ids never reused, erased for good,
and deleted when past its retention period. Real migrated SQLite files."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from storage.db import make_engine, make_session_factory, upgrade
from storage.models import (
    Application,
    Company,
    CompanyContact,
    CompanyInvite,
    CounselorNote,
    Handoff,
    Opening,
    Seeker,
    utc_now,
)
from storage.retention import Retention, purge_expired
from storage.seekers import (
    delete_seeker,
    open_handoff,
    record_interest,
    record_profile_consent,
    save_profile,
)

PROFILE: dict[str, object] = {"home_region": "gunsan", "notes": "꽃게잡이배 선장 출신"}
WORD = "꽃게잡이배"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'jobbot.sqlite3'}")
    upgrade(engine)
    return engine


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


def opening_ids(sessions: sessionmaker[Session], count: int) -> list[int]:
    with sessions.begin() as session:
        company = Company(name="(주)대한중공업", name_key="대한중공업")
        openings = [
            Opening(company=company, title=f"용접 {i}", content_hash="t") for i in range(count)
        ]
        session.add_all(openings)
        session.flush()
        return [o.id for o in openings]


def test_a_profile_is_kept_only_after_a_yes_and_a_no_drops_it(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as session:
        never_asked = save_profile(session=session, sender_id="tg-1", profile=PROFILE).profile
        record_profile_consent(session=session, sender_id="tg-2", granted=False, at=utc_now())
        declined = save_profile(session=session, sender_id="tg-2", profile=PROFILE).profile
        record_profile_consent(session=session, sender_id="tg-3", granted=True, at=utc_now())
        kept = save_profile(session=session, sender_id="tg-3", profile=PROFILE).profile
    assert (never_asked, declined, kept) == ({}, {}, PROFILE)
    with sessions.begin() as session:  # withdrawn later: what was kept goes
        seeker = record_profile_consent(
            session=session, sender_id="tg-3", granted=False, at=utc_now()
        )
        assert seeker.profile == {}
        assert save_profile(session=session, sender_id="tg-3", profile=PROFILE).profile == {}


def test_ids_a_button_or_command_names_are_never_reused(sessions: sessionmaker[Session]) -> None:
    opening_id, other_id = opening_ids(sessions, 2)
    with sessions.begin() as session:
        first = record_interest(session=session, sender_id="tg-a", opening_id=opening_id)
        handoff = open_handoff(session=session, sender_id="tg-a", reason="requested")
        old = (first.seeker_id, first.id, handoff.id)
    with sessions.begin() as session:
        assert delete_seeker(session=session, sender_id="tg-a")
    with sessions.begin() as session:
        again = record_interest(session=session, sender_id="tg-b", opening_id=other_id)
        handoff = open_handoff(session=session, sender_id="tg-b", reason="requested")
        new = (again.seeker_id, again.id, handoff.id)
    assert all(n > o for n, o in zip(new, old, strict=True)), (old, new)


def test_erasure_leaves_the_words_in_no_file(
    engine: Engine, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    (opening_id,) = opening_ids(sessions, 1)
    with sessions.begin() as session:
        record_profile_consent(session=session, sender_id="tg-9", granted=True, at=utc_now())
        save_profile(session=session, sender_id="tg-9", profile=PROFILE)
        record_interest(session=session, sender_id="tg-9", opening_id=opening_id)
        handoff = open_handoff(session=session, sender_id="tg-9", reason="requested")
        session.add(CounselorNote(handoff_id=handoff.id, counselor_user_id=5, text=f"{WORD} 확인"))
    assert _found(tmp_path)  # the test can see it before
    with sessions.begin() as session:
        delete_seeker(session=session, sender_id="tg-9")
    with engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    assert not _found(tmp_path)


def _found(home: Path) -> list[str]:
    """Files under ``home`` holding WORD as UTF-8 or JSON-escaped (``\\uAAAA``, either case)."""
    escaped = json.dumps(WORD)[1:-1]
    forms = [WORD.encode(), escaped.encode(), escaped.upper().replace("\\U", "\\u").encode()]
    return [
        str(path)
        for path in home.rglob("*")
        if path.is_file() and any(form in path.read_bytes() for form in forms)
    ]


def test_retention_deletes_what_passed_its_period_only(sessions: sessionmaker[Session]) -> None:
    old_opening, new_opening, waiting_opening = opening_ids(sessions, 3)
    now = utc_now()
    with sessions.begin() as session:
        old = record_interest(session=session, sender_id="tg-r", opening_id=old_opening)
        new = record_interest(session=session, sender_id="tg-r", opening_id=new_opening)
        waiting = record_interest(session=session, sender_id="tg-r", opening_id=waiting_opening)
        old.status, waiting.status = "declined", "consented"
        handoff = open_handoff(session=session, sender_id="tg-r", reason="requested")
        handoff.status, handoff.closed_at = "released", now - timedelta(days=400)
        session.add(CounselorNote(handoff_id=handoff.id, counselor_user_id=5, text="메모"))
        session.flush()
        ids = (old.id, new.id, waiting.id)
    with sessions.begin() as session:
        session.execute(
            text("UPDATE applications SET updated_at = :at WHERE id IN (:a, :c)"),
            {"at": now - timedelta(days=400), "a": ids[0], "c": ids[2]},
        )
    with sessions.begin() as session:
        purged = purge_expired(
            session=session,
            retention=Retention(handoffs=timedelta(days=365), applications=timedelta(days=365)),
            now=now,
        )
    with sessions() as session:
        left = set(session.scalars(select(Application.id)))
        assert session.scalars(select(Handoff)).all() == []
        assert session.scalars(select(CounselorNote)).all() == []
    assert (purged.handoffs, purged.applications) == (1, 1)
    assert left == {ids[1], ids[2]}  # a recent one, and one still waiting for its company


def test_migration_0006_keeps_every_row_and_hashes_invite_tokens(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine, "0005")
    with engine.begin() as connection:
        for statement in (
            "INSERT INTO companies (id, name, name_key) VALUES (1, '가', '가')",
            "INSERT INTO seekers (id, sender_id, profile) VALUES (1, 'tg-1', '{}')",
            "INSERT INTO openings (id, company_id, title, description, occupation_raw,"
            " region_raw, salary_raw, career_raw, education, certificates_raw, certificates,"
            " employment_type_raw, work_shift_raw, closes_on_raw, foreign_workers, dormitory,"
            " commute_bus, contact, url, content_hash, open_ended)"
            " VALUES (1, 1, '용접', '', '', '', '', '', '', '', '{}', '', '', '', 'unknown',"
            " 0, 0, '', '', 'h', 0)",
            "INSERT INTO applications (id, seeker_id, opening_id, status) VALUES (5, 1, 1, 'sent')",
            "INSERT INTO application_events (application_id, status, actor) VALUES (5, 'sent', 'system')",
            "INSERT INTO handoffs (id, seeker_id, reason, status) VALUES (3, 1, 'requested', 'open')",
            "INSERT INTO counselor_notes (handoff_id, counselor_user_id, text) VALUES (3, 9, '메모')",
            "INSERT INTO company_invites (id, company_id, token, expires_at)"
            " VALUES (1, 1, 'secret-token', '2030-01-01')",
            "INSERT INTO company_contacts (id, company_id, telegram_chat_id, telegram_user_id)"
            " VALUES (2, 1, 77, 77)",
            "INSERT INTO company_contacts (id, company_id, telegram_chat_id, telegram_user_id)"
            " VALUES (3, 1, -1001234, 77)",  # a group: invites now bind private chats only
        ):
            connection.execute(text(statement))
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as session:
        application = session.get(Application, 5)
        assert application is not None and application.told_status == "sent"
        assert [e.status for e in application.events] == ["sent"]
        handoff = session.get(Handoff, 3)
        assert handoff is not None and [n.text for n in handoff.notes] == ["메모"]
        (invite,) = session.scalars(select(CompanyInvite)).all()
        assert invite.token_hash == hashlib.sha256(b"secret-token").hexdigest()
        assert session.scalars(select(CompanyContact.id)).all() == [2]
        assert session.get(Seeker, 1) is not None
        foreign_keys = session.execute(text("PRAGMA foreign_keys")).scalar()
    assert foreign_keys == 1
    with sessions.begin() as session:
        delete_seeker(session=session, sender_id="tg-1")
        seeker = Seeker(sender_id="tg-2", profile={})
        session.add(seeker)
        session.flush()
        assert seeker.id == 2  # AUTOINCREMENT took over the old ids
