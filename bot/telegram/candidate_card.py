"""What a company may learn about a seeker: the shareable fields and the candidate card.

The seeker is asked about exactly the fields :func:`shareable_fields` returns; the card a
company receives is built by :func:`consented_card` from the fields of a *granted* consent
record only. That function is the gate: without such a record it raises
:class:`ConsentRequired`, and nothing else builds candidate data for a company.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

import nlu
from actions.form import stated_pay, stated_shift
from bot.errors import ConsentRequired
from bot.telegram import messages
from nlu.profile import SeekerProfile
from retrieval.explain import explain
from storage.companies import get_application, granted_consent
from storage.models import Opening

__all__ = [
    "DECIDABLE_FROM",
    "DECISIONS",
    "CandidateCard",
    "candidate_label",
    "consented_card",
    "decision_keyboard",
    "shareable_fields",
]

#: The company's buttons: callback word → application status.
DECISIONS = {"offer": "offered", "hold": "held", "decline": "declined"}
#: Which statuses each decision may follow: after 보류 the company can still decide.
DECIDABLE_FROM = {
    "offered": frozenset({"sent", "held"}),
    "held": frozenset({"sent"}),
    "declined": frozenset({"sent", "held"}),
}
_BUTTONS = {
    "offer": messages.BUTTON_OFFER,
    "hold": messages.BUTTON_HOLD,
    "decline": messages.BUTTON_DECLINE,
}

#: Explanation phrases a company may see, and the consented field each one reveals.
_REASON_FIELDS = (
    ("직종 일치", ("experience", "wishes")),
    ("관련 직종", ("experience", "wishes")),
    ("경력 조건", ("experience",)),
    ("자격증 보유", ("certificates",)),
)


def candidate_label(application_id: int) -> str:
    """The anonymous name a company sees: '후보 0012번'."""
    return messages.CANDIDATE_NUMBER.format(number=application_id)


def shareable_fields(profile: dict[str, object] | None) -> dict[str, str]:
    """The fields that would go to a company, key → Korean value; empty ones left out.

    Keys (in order) are those of ``messages.FIELD_LABELS``. Deliberately coarse:
    the home region is reported at 시·군 level, only held certificates are listed, and
    nothing that identifies the person (no name, phone, visa, chat) is ever included.
    """
    state = SeekerProfile.from_dict(profile)
    tables = nlu.load_tables()
    values: dict[str, str] = {}
    experience = [
        messages.EXPERIENCE_YEARS.format(job=_job_name(e.family), years=e.years)
        if e.years
        else messages.EXPERIENCE_NO_YEARS.format(job=_job_name(e.family))
        for e in state.experience
    ]
    if experience:
        values["experience"] = ", ".join(experience)
    held = [
        tables.certificates[c].name_ko if c in tables.certificates else c
        for c in state.certificates_held
    ]
    if held:
        values["certificates"] = ", ".join(held)
    region = _city_level(state.home_region)
    if region:
        values["region"] = region
    wishes = _wishes(state)
    if wishes:
        values["wishes"] = " · ".join(wishes)
    return values


#: The card's field order (that of the question).
FIELD_ORDER = ("experience", "certificates", "region", "wishes")


def _city_level(region_id: str | None) -> str | None:
    """The 시·군 (or 시·도) containing a region: 소룡동 → 군산시."""
    regions = nlu.load_tables().regions
    region = regions.get(region_id) if region_id else None
    while region is not None and region.level in ("dong", "park") and region.parent:
        region = regions.get(region.parent)
    return region.name_ko if region is not None else None


def _job_name(family: str) -> str:
    info = nlu.load_tables().occupations.get(family)
    return info.name_ko if info else family


def _wishes(state: SeekerProfile) -> list[str]:
    wishes = []
    if state.wanted_families:
        jobs = ", ".join(_job_name(f) for f in state.wanted_families)
        wishes.append(messages.WISH_JOB.format(jobs=jobs))
    wishes += [wish for wish in (stated_pay(state), stated_shift(state)) if wish]
    if state.wanted_employment_types:
        types = ", ".join(sorted(state.wanted_employment_types))
        wishes.append(messages.WISH_EMPLOYMENT.format(types=types))
    if state.needs_dormitory:
        wishes.append(messages.WISH_DORMITORY)
    if state.needs_commute_bus:
        wishes.append(messages.WISH_COMMUTE_BUS)
    return wishes


def matching_reasons(opening: Opening, state: SeekerProfile, shared: set[str]) -> list[str]:
    """Why the opening fits, as the seeker was told, limited to what the shared fields show.

    The same :func:`retrieval.explain.explain` the search used, so the company reads the
    reasons the seeker saw; distance and pay phrases are left out (they speak to the seeker).
    """
    why = explain(
        opening, state.for_search(), distance_km=math.nan, home_name=None, as_of=date.today()
    )
    kept = []
    for reason in why.reasons:
        for prefix, needs in _REASON_FIELDS:
            if reason.startswith(prefix) and shared.intersection(needs):
                kept.append(reason)
                break
    return kept


@dataclass(frozen=True)
class CandidateCard:
    """One candidate as a company sees it: consented fields only, under a number."""

    application_id: int
    company_id: int
    company: str
    title: str
    fields: dict[str, str] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    @property
    def candidate(self) -> str:
        """The anonymous candidate label."""
        return candidate_label(self.application_id)

    def text(self) -> str:
        """The card's message text."""
        lines = [
            messages.CONSENT_FIELD.format(label=messages.FIELD_LABELS[key], value=value)
            for key, value in self.fields.items()
        ]
        reasons = "\n".join(f"• {r}" for r in self.reasons)
        return messages.CANDIDATE_CARD.format(
            candidate=self.candidate,
            title=self.title,
            company=self.company,
            fields="\n".join(lines) or messages.CANDIDATE_CARD_NO_FIELDS,
            reasons=messages.CANDIDATE_CARD_REASONS.format(reasons=reasons) if reasons else "",
        )


def decision_keyboard(application_id: int, status: str) -> InlineKeyboardMarkup | None:
    """The card's buttons for an application in ``status``: those still possible, or none.

    Callback data ``co:<offer|hold|decline>:<application id>`` (at most 25 bytes).
    """
    buttons = [
        InlineKeyboardButton(title, callback_data=f"co:{decision}:{application_id}")
        for decision, title in _BUTTONS.items()
        if status in DECIDABLE_FROM[DECISIONS[decision]]
    ]
    return InlineKeyboardMarkup([buttons]) if buttons else None


def consented_card(*, session: Session, application_id: int) -> CandidateCard:
    """The candidate card for an application, from its granted consent's snapshot only: the
    exact values the seeker saw when asked, whatever the profile says now.

    Raises :class:`ConsentRequired` when the seeker's latest answer for this application
    is not a granted consent naming the opening's company.
    """
    consent = granted_consent(session=session, application_id=application_id)
    application = get_application(session=session, application_id=application_id)
    if consent is None or application is None:
        raise ConsentRequired(application_id)
    fields = {key: consent.values[key] for key in FIELD_ORDER if key in consent.values}
    state = SeekerProfile.from_dict(application.seeker.profile)
    opening = application.opening
    return CandidateCard(
        application_id=application.id,
        company_id=opening.company_id,
        company=opening.company.name,
        title=opening.title,
        fields=fields,
        reasons=matching_reasons(opening, state, set(fields)),
    )
