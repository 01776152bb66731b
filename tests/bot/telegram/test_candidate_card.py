"""What a company may learn about a seeker: the shareable fields, the card, its buttons,
and the gate that builds no card without a granted consent."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import nlu
from bot.errors import ConsentRequired
from bot.telegram import messages
from bot.telegram.candidate_card import (
    CandidateCard,
    candidate_label,
    consented_card,
    decision_keyboard,
    shareable_fields,
)
from nlu.profile import SeekerProfile
from nlu.profile_merge import merge, read_indifference
from storage.companies import record_consent, snapshot_consent_question
from storage.models import Company, Consent, Opening
from storage.seekers import record_interest

SAYS = (
    "조선소 용접 15년, 특수용접 자격증 있어요, 소룡동 살아요, 야간은 못해요, 월 300 이상, E-9 비자"
)


def profile_of(text: str) -> dict[str, object]:
    return read_indifference(merge(SeekerProfile(), nlu.parse_seeker_text(text)), text).to_dict()


def test_shareable_fields_are_coarse_and_leave_out_who_the_seeker_is() -> None:
    fields = shareable_fields(profile_of(SAYS))
    assert list(fields) == ["experience", "certificates", "region", "wishes"]
    assert fields["experience"] == "용접원 15년"
    assert fields["certificates"] == "특수용접기능사"
    assert fields["region"] == "군산시"  # 소룡동 reported at 시·군 level
    assert fields["wishes"] == "희망 직종 용접원 · 월 300만원 이상 · 2교대, 3교대, 야간 불가"
    assert "E-9" not in " ".join(fields.values())  # the visa never goes to a company


def test_not_minding_pay_or_shifts_is_no_wish() -> None:
    fields = shareable_fields(profile_of("용접 했어요, 급여는 상관없고 근무시간도 상관없어요"))
    assert fields == {"experience": "용접원 경험", "wishes": "희망 직종 용접원"}
    assert shareable_fields(None) == {}


def test_the_card_shows_the_fields_under_a_number() -> None:
    card = CandidateCard(
        application_id=12,
        company_id=1,
        company="(주)대한중공업",
        title="선박 블록 용접사",
        fields={"experience": "용접원 15년"},
        reasons=["직종 일치: 용접원"],
    )
    text = card.text()
    assert card.candidate == candidate_label(12) == "후보 0012번"
    assert text.startswith("[새 지원자] 후보 0012번\n공고: 선박 블록 용접사")
    assert "• 경력 요약: 용접원 15년" in text and "• 직종 일치: 용접원" in text
    empty = CandidateCard(application_id=3, company_id=1, company="군산정밀", title="지게차")
    assert messages.CANDIDATE_CARD_NO_FIELDS in empty.text()
    assert "공고와 맞는 점" not in empty.text()


@pytest.mark.parametrize(
    ("status", "buttons"),
    [
        ("sent", ["co:offer:5", "co:hold:5", "co:decline:5"]),
        ("held", ["co:offer:5", "co:decline:5"]),
        ("offered", []),
        ("declined", []),
    ],
)
def test_a_company_gets_only_the_decisions_still_open(status: str, buttons: list[str]) -> None:
    markup = decision_keyboard(5, status)
    found = [b.callback_data for row in markup.inline_keyboard for b in row] if markup else []
    assert found == buttons


def test_no_card_without_a_granted_consent_and_then_only_the_consented_fields(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as session:
        company = Company(name="(주)대한중공업", name_key="대한중공업")
        opening = Opening(
            company=company,
            title="선박 블록 용접사",
            occupation_raw="용접원",
            occupation_family="welder",
            certificates={"special_welding": "preferred"},
            content_hash="test",
        )
        session.add(opening)
        session.flush()
        application = record_interest(session=session, sender_id="tg-9", opening_id=opening.id)
        application.seeker.profile = profile_of(SAYS)
        application_id, company_id = application.id, company.id
    with sessions() as session, pytest.raises(ConsentRequired):
        consented_card(session=session, application_id=application_id)
    with sessions.begin() as session:
        application = record_interest(session=session, sender_id="tg-9", opening_id=opening.id)
        snapshot_consent_question(
            session=session,
            application=application,
            question="보내도 될까요?",
            values={"experience": "용접원 15년"},
        )
        record_consent(
            session=session, application=application, company_id=company_id, granted=True
        )
        # The seeker says more after agreeing: the card still carries what they agreed to.
        application.seeker.profile = profile_of(SAYS + " 특수용접기능사 있어요 소룡동 살아요")
    with sessions() as session:
        card = consented_card(session=session, application_id=application_id)
        consent = session.scalars(select(Consent).where(Consent.granted.is_(True))).one()
    assert card.fields == {"experience": "용접원 15년"}
    assert (consent.question, consent.values) == ("보내도 될까요?", {"experience": "용접원 15년"})
    assert card.company == "(주)대한중공업" and card.title == "선박 블록 용접사"
    assert all("자격증" not in reason for reason in card.reasons)  # certificates not consented
