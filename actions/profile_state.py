"""The seeker profile a conversation builds up, turn by turn.

Each message is read by :func:`nlu.parse_seeker_text`; :func:`merge` folds what it says into
the profile collected so far, so several facts in one message and later corrections
("아 지역은 익산이요") both work. The profile travels in the ``profile`` slot as a plain
JSON dict (:class:`ProfileState` ↔ dict) and is summarized into the five slots the
``profile_form`` asks for.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace

import nlu

__all__ = [
    "read_indifference",
    "FORM_SLOTS",
    "NIGHT_SHIFTS",
    "ProfileState",
    "answer_to_question",
    "form_slot_values",
    "merge",
    "query_text",
    "to_seeker_profile",
]

#: The slots ``profile_form`` fills, in the order it asks for them.
FORM_SLOTS = ("occupation", "certificates", "region", "pay", "shift")
#: What "야간은 안 돼요" rules out: Korean 2교대 is usually 주야 맞교대.
NIGHT_SHIFTS = ("야간", "2교대", "3교대")

_INDIFFERENT = r"\s*(?:은|는|도|이|가)?\s*(?:상관\s?없|상관\s?안|무관|아무|괜찮|다 돼|다돼|신경 안)"
_PAY_INDIFFERENT = re.compile(
    r"(?:급여|월급|급료|돈|페이|보수|임금|연봉|시급|일당|봉급)" + _INDIFFERENT
)
_REGION_INDIFFERENT = re.compile(r"(?:지역|장소|위치|근무지|어디)" + _INDIFFERENT)
_SHIFT_INDIFFERENT = re.compile(r"(?:근무\s?시간|시간대|교대|근무\s?형태|주야|밤낮)" + _INDIFFERENT)
_NONE_WORDS = ("없어", "없습", "없음", "없다", "없고", "읎", "없당", "없는")
_ANY_WORDS = (
    "상관없",
    "상관 없",
    "아무",
    "괜찮",
    "다 돼",
    "다돼",
    "다 좋",
    "뭐든",
    "무관",
    "노상관",
)


@dataclass(frozen=True)
class ProfileState:
    """Everything known about the seeker, merged over the conversation.

    ``*_any`` flags record answers such as "상관없어요" so the form does not ask again.
    """

    experience: dict[str, int | None] = field(default_factory=dict)
    wanted_families: tuple[str, ...] = ()
    excluded_families: tuple[str, ...] = ()
    any_occupation: bool = False
    certificates_held: tuple[str, ...] = ()
    certificates_lacking: tuple[str, ...] = ()
    no_certificates: bool = False
    home_region: str | None = None
    region_anywhere: bool = False
    max_commute_km: int | None = None
    min_monthly_pay: int | None = None
    pay_any: bool = False
    wanted_shifts: tuple[str, ...] = ()
    excluded_shifts: tuple[str, ...] = ()
    shift_any: bool = False
    wanted_employment_types: tuple[str, ...] = ()
    excluded_employment_types: tuple[str, ...] = ()
    visa: str | None = None
    needs_dormitory: bool = False
    needs_commute_bus: bool = False

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (tuples become lists)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, object] | None) -> ProfileState:
        """Rebuild from :meth:`to_dict` output; unknown keys are ignored, ill-typed ones reset."""
        if not isinstance(data, dict):
            return cls()
        defaults = cls()
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(defaults, f.name)
            if isinstance(default, tuple) and isinstance(value, list):
                values[f.name] = tuple(str(v) for v in value)
            elif isinstance(default, dict) and isinstance(value, dict):
                values[f.name] = dict(value)
            elif _same_kind(default, value):
                values[f.name] = value
        return replace(defaults, **values)  # type: ignore[arg-type]

    def is_empty(self) -> bool:
        """True when nothing is known yet."""
        return self == ProfileState()


def _same_kind(default: object, value: object) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    return default is None and (value is None or isinstance(value, str | int))


def _union(old: tuple[str, ...], new: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*old, *sorted(new)]))


def _minus(items: tuple[str, ...], drop: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
    return tuple(i for i in items if i not in drop)


def _explicit_wants(profile: nlu.SeekerProfile) -> tuple[str, ...]:
    return tuple(f.split(":", 1)[1] for _, f in profile.evidence if f.startswith("wanted:"))


def merge(state: ProfileState, said: nlu.SeekerProfile) -> ProfileState:
    """Fold one message's profile into the state; what the message says wins.

    An explicitly wanted occupation ("이제 지게차 하고 싶어요") replaces earlier wishes; one
    only implied by experience or a certificate is added to them.
    """
    facts = {f for _, f in said.evidence}
    experience = dict(state.experience)
    for exp in said.experience:
        if exp.years is not None or exp.family not in experience:
            experience[exp.family] = exp.years
    explicit = _explicit_wants(said)
    wanted = tuple(explicit) if explicit else _union(state.wanted_families, said.wanted_families)
    wanted = _minus(wanted, said.excluded_families)
    excluded = _minus(_union(state.excluded_families, said.excluded_families), wanted)
    held = _minus(
        _union(state.certificates_held, said.certificates_held), said.certificates_lacking
    )
    lacking = _minus(
        _union(state.certificates_lacking, said.certificates_lacking), said.certificates_held
    )
    wanted_shifts = _minus(_union(state.wanted_shifts, said.wanted_shifts), said.excluded_shifts)
    excluded_shifts = _minus(
        _union(state.excluded_shifts, said.excluded_shifts), said.wanted_shifts
    )
    wanted_types = _minus(
        _union(state.wanted_employment_types, said.wanted_employment_types),
        said.excluded_employment_types,
    )
    excluded_types = _minus(
        _union(state.excluded_employment_types, said.excluded_employment_types),
        said.wanted_employment_types,
    )
    new_region = said.home_region is not None
    return replace(
        state,
        experience=experience,
        wanted_families=wanted,
        excluded_families=excluded,
        any_occupation=(state.any_occupation and not explicit) or "any_occupation" in facts,
        certificates_held=held,
        certificates_lacking=lacking,
        no_certificates=(state.no_certificates and not held)
        or ("certificate_lacking:unnamed" in facts and not held),
        home_region=said.home_region if new_region else state.home_region,
        region_anywhere=said.region_anywhere or (state.region_anywhere and not new_region),
        max_commute_km=said.max_commute_km or state.max_commute_km,
        min_monthly_pay=said.min_monthly_pay or state.min_monthly_pay,
        pay_any=state.pay_any and not said.min_monthly_pay,
        wanted_shifts=wanted_shifts,
        excluded_shifts=excluded_shifts,
        shift_any=state.shift_any and not (said.excluded_shifts or said.wanted_shifts),
        wanted_employment_types=wanted_types,
        excluded_employment_types=excluded_types,
        visa=said.visa or state.visa,
        needs_dormitory=state.needs_dormitory or said.needs_dormitory,
        needs_commute_bus=state.needs_commute_bus or said.needs_commute_bus,
    )


def answer_to_question(
    state: ProfileState, asked: str | None, text: str, intent: str | None
) -> ProfileState:
    """Read a short answer ("없어요", "네", "상관없어요") as the answer to the slot just asked.

    Only used when the message itself named nothing for that slot.
    """
    squashed = text.replace(" ", "")
    says_any = any(w.replace(" ", "") in squashed for w in _ANY_WORDS)
    says_none = any(w in squashed for w in _NONE_WORDS) and not says_any
    if asked == "certificates" and (intent == "deny" or says_none):
        return replace(state, no_certificates=True)
    if asked == "pay" and (says_any or intent in ("deny", "affirm")):
        return replace(state, pay_any=True)
    if asked == "shift":
        if says_any or intent == "affirm":
            return replace(state, shift_any=True)
        if intent == "deny" or says_none:  # "야간·교대도 괜찮으세요?" — "아뇨"
            return replace(
                state,
                excluded_shifts=_union(state.excluded_shifts, NIGHT_SHIFTS),
                wanted_shifts=_union(_minus(state.wanted_shifts, NIGHT_SHIFTS), ("주간",)),
            )
    if asked == "region" and says_any:
        return replace(state, region_anywhere=True)
    if asked == "occupation" and says_any:
        return replace(state, any_occupation=True)
    return state


def read_indifference(state: ProfileState, text: str) -> ProfileState:
    """Statements that a condition does not matter ("급여는 상관없고", "지역은 상관없어요"),
    anywhere in a message, mark that slot answered."""
    return replace(
        state,
        pay_any=state.pay_any or bool(_PAY_INDIFFERENT.search(text) and not state.min_monthly_pay),
        region_anywhere=state.region_anywhere
        or bool(_REGION_INDIFFERENT.search(text) and not state.home_region),
        shift_any=state.shift_any
        or bool(_SHIFT_INDIFFERENT.search(text) and not state.excluded_shifts),
    )


def _name(table: dict[str, object], key: str) -> str:
    item = table.get(key)
    return str(getattr(item, "name_ko", key))


def form_slot_values(state: ProfileState) -> dict[str, str | None]:
    """The five form slots as short Korean summaries; ``None`` where nothing is known."""
    tables = nlu.load_tables()
    occupations: dict[str, object] = dict(tables.occupations)
    certificates: dict[str, object] = dict(tables.certificates)
    regions: dict[str, object] = dict(tables.regions)
    jobs = [
        _name(occupations, f) + (f" {state.experience[f]}년" if state.experience.get(f) else "")
        for f in dict.fromkeys([*state.wanted_families, *state.experience])
    ]
    occupation = ", ".join(jobs) or ("무엇이든" if state.any_occupation else None)
    certs = [_name(certificates, c) for c in state.certificates_held]
    certs += [f"{_name(certificates, c)} 없음" for c in state.certificates_lacking]
    certificate = ", ".join(certs) or ("없음" if state.no_certificates else None)
    if state.home_region:
        region: str | None = _name(regions, state.home_region)
    else:
        region = "어디든" if state.region_anywhere else None
    if state.min_monthly_pay:
        pay: str | None = f"월 {state.min_monthly_pay // 10_000:,}만원 이상"
    else:
        pay = "상관없음" if state.pay_any else None
    if state.wanted_shifts and set(state.wanted_shifts) == {"주간"}:
        shift: str | None = "주간만"
    elif state.excluded_shifts:
        shift = ", ".join(sorted(state.excluded_shifts)) + " 불가"
    elif state.wanted_shifts:
        shift = ", ".join(sorted(state.wanted_shifts)) + " 가능"
    else:
        shift = "상관없음" if state.shift_any else None
    return {
        "occupation": occupation,
        "certificates": certificate,
        "region": region,
        "pay": pay,
        "shift": shift,
    }


def to_seeker_profile(state: ProfileState) -> nlu.SeekerProfile:
    """The state as the matcher's :class:`nlu.SeekerProfile`."""
    wanted = state.wanted_families or tuple(state.experience)
    return nlu.SeekerProfile(
        experience=tuple(nlu.Experience(f, y) for f, y in state.experience.items()),
        wanted_families=() if state.any_occupation and not state.wanted_families else wanted,
        excluded_families=state.excluded_families,
        certificates_held=state.certificates_held,
        certificates_lacking=state.certificates_lacking,
        home_region=state.home_region,
        region_anywhere=state.region_anywhere,
        max_commute_km=state.max_commute_km,
        min_monthly_pay=state.min_monthly_pay,
        excluded_shifts=frozenset(state.excluded_shifts),
        wanted_shifts=frozenset(state.wanted_shifts),
        excluded_employment_types=frozenset(state.excluded_employment_types),
        wanted_employment_types=frozenset(state.wanted_employment_types),
        visa=state.visa,
        needs_dormitory=state.needs_dormitory,
        needs_commute_bus=state.needs_commute_bus,
    )


def query_text(state: ProfileState) -> str:
    """A search text written from the profile (wanted jobs, experience, certificates).

    The matcher embeds this instead of the chat lines: it carries no negations and stays
    the same however many turns the seeker took to say it.
    """
    tables = nlu.load_tables()
    parts = [
        tables.occupations[f].name_ko
        for f in state.wanted_families or tuple(state.experience)
        if f in tables.occupations
    ]
    parts += [
        f"{tables.occupations[f].name_ko} {years}년 경력"
        for f, years in state.experience.items()
        if years and f in tables.occupations
    ]
    parts += [
        tables.certificates[c].name_ko for c in state.certificates_held if c in tables.certificates
    ]
    return " ".join(parts) or "일자리"
