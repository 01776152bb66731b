"""Per-chat card deliveries on a real migrated SQLite database: what each bound chat still
lacks, recording, unbinding, and the migration that counts cards sent before it as delivered."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from storage.companies import unbind_contact
from storage.db import make_engine, upgrade
from storage.deliveries import (
    Recipient,
    delivered,
    record_delivery,
    undelivered,
    undelivered_applications,
)
from storage.models import Application, CardDelivery, Company, CompanyContact, Opening
from storage.seekers import record_interest

FIRST_CHAT, SECOND_CHAT = 3003, 3010


def _application(sessions: sessionmaker[Session], status: str, *, chats: int = 2) -> int:
    """An application in ``status`` to a company with ``chats`` bound chats."""
    with sessions.begin() as session:
        company = Company(name="(주)대한중공업", name_key="대한중공업")
        opening = Opening(company=company, title="선박 블록 용접사", content_hash="t")
        session.add(opening)
        session.flush()
        for chat in (FIRST_CHAT, SECOND_CHAT)[:chats]:
            session.add(
                CompanyContact(company_id=company.id, telegram_chat_id=chat, telegram_user_id=chat)
            )
        application = record_interest(session=session, sender_id="tg-1001", opening_id=opening.id)
        application.status = status
        session.flush()
        return application.id


def _contacts(session: Session) -> dict[int, int]:
    """Contact id by chat id."""
    rows = session.execute(select(CompanyContact.telegram_chat_id, CompanyContact.id))
    return {chat: contact for chat, contact in rows}


def test_a_chat_that_did_not_get_the_card_is_still_to_get_it(
    sessions: sessionmaker[Session],
) -> None:
    application_id = _application(sessions, "sent")
    with sessions.begin() as session:
        contacts = _contacts(session)
        assert record_delivery(
            session=session, application_id=application_id, contact_id=contacts[SECOND_CHAT]
        )
        # the same chat again: recorded once
        assert not record_delivery(
            session=session, application_id=application_id, contact_id=contacts[SECOND_CHAT]
        )
    with sessions() as session:
        assert undelivered(session=session, application_id=application_id) == [
            Recipient(contacts[FIRST_CHAT], FIRST_CHAT)
        ]
        assert delivered(session=session, application_id=application_id) == 1
        assert undelivered_applications(session=session) == [application_id]
    with sessions.begin() as session:
        record_delivery(
            session=session, application_id=application_id, contact_id=contacts[FIRST_CHAT]
        )
    with sessions() as session:
        assert undelivered(session=session, application_id=application_id) == []
        assert undelivered_applications(session=session) == []


def test_decided_and_unconsented_applications_go_to_no_chat(
    sessions: sessionmaker[Session],
) -> None:
    decided = _application(sessions, "declined")
    with sessions.begin() as session:
        interested = session.get(Application, decided)
        assert interested is not None
        other = Opening(company_id=interested.opening.company_id, title="취부", content_hash="u")
        session.add(other)
        session.flush()
        waiting = record_interest(session=session, sender_id="tg-1002", opening_id=other.id).id
    with sessions() as session:
        # declined: decided for good; interested: no consent yet
        assert undelivered_applications(session=session) == []
    with sessions.begin() as session:
        row = session.get(Application, waiting)
        assert row is not None
        row.status = "held"
    with sessions() as session:
        assert undelivered_applications(session=session) == [waiting]


def test_an_unbound_chat_takes_its_deliveries_along_and_records_none(
    sessions: sessionmaker[Session],
) -> None:
    application_id = _application(sessions, "sent")
    with sessions.begin() as session:
        contacts = _contacts(session)
        record_delivery(
            session=session, application_id=application_id, contact_id=contacts[FIRST_CHAT]
        )
        company_id = session.scalars(select(Company.id)).one()
        assert unbind_contact(
            session=session, company_id=company_id, contact_id=contacts[FIRST_CHAT]
        )
    with sessions.begin() as session:
        assert session.scalars(select(CardDelivery)).all() == []
        # a send that finished after the unbinding records nothing (and does not fail)
        assert not record_delivery(
            session=session, application_id=application_id, contact_id=contacts[FIRST_CHAT]
        )
        assert undelivered(session=session, application_id=application_id) == [
            Recipient(contacts[SECOND_CHAT], SECOND_CHAT)
        ]


def test_deleting_the_application_deletes_its_deliveries(sessions: sessionmaker[Session]) -> None:
    application_id = _application(sessions, "sent", chats=1)
    with sessions.begin() as session:
        contact = _contacts(session)[FIRST_CHAT]
        record_delivery(session=session, application_id=application_id, contact_id=contact)
    with sessions.begin() as session:
        row = session.get(Application, application_id)
        session.delete(row)
    with sessions() as session:
        assert session.scalars(select(CardDelivery)).all() == []


def test_0008_counts_cards_a_company_held_before_it_as_delivered(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine, "0007")
    statuses = {1: "sent", 2: "held", 3: "offered", 4: "consented", 5: "interested"}
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO companies (id, name, name_key) VALUES (1, '가', '가')")
        )
        connection.execute(
            text(
                "INSERT INTO openings (id, company_id, title, description, occupation_raw,"
                " region_raw, salary_raw, career_raw, education, certificates_raw,"
                " certificates, employment_type_raw, work_shift_raw, closes_on_raw,"
                " foreign_workers, dormitory, commute_bus, contact, url, content_hash,"
                " open_ended) VALUES (1, 1, '용접', '', '', '', '', '', '', '', '{}', '', '',"
                " '', 'unknown', 0, 0, '', '', 'h', 1)"
            )
        )
        for seeker_id, status in statuses.items():
            connection.execute(
                text("INSERT INTO seekers (id, sender_id, profile) VALUES (:id, :sender, '{}')"),
                {"id": seeker_id, "sender": f"tg-{seeker_id}"},
            )
            connection.execute(
                text(
                    "INSERT INTO applications (id, seeker_id, opening_id, status)"
                    " VALUES (:id, :id, 1, :status)"
                ),
                {"id": seeker_id, "status": status},
            )
        for contact_id in (1, 2):
            connection.execute(
                text(
                    "INSERT INTO company_contacts (id, company_id, telegram_chat_id,"
                    " telegram_user_id) VALUES (:id, 1, :id, :id)"
                ),
                {"id": contact_id},
            )
    upgrade(engine)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT application_id, contact_id FROM card_deliveries ORDER BY 1, 2")
        ).all()
    assert [tuple(r) for r in rows] == [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)]
