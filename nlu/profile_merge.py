"""The profile a conversation builds up, turn by turn.

Each message is read by :func:`nlu.parse_seeker_text`; :func:`merge` folds what it says into
the profile collected so far, so several facts in one message and later corrections
("아 지역은 익산이요") both work. Short answers to the form's question ("없어요", "네")
and statements that a condition does not matter set the profile's flags.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import replace

from nlu.conditions import FOREIGN_VISA_UNSAID, REGION_EXCLUDED, REGION_REACHABLE
from nlu.profile import Experience, FormSlot, SeekerProfile
from nlu.tables import Certificate, load_tables

__all__ = [
    "NIGHT_SHIFTS",
    "answer_to_question",
    "merge",
    "read_certificate_answer",
    "read_indifference",
]

#: What "야간은 안 돼요" rules out: Korean 2교대 is usually 주야 맞교대.
NIGHT_SHIFTS = frozenset({"야간", "2교대", "3교대"})

_INDIFFERENT = r"\s*(?:은|는|도|이|가)?\s*(?:상관\s?없|상관\s?안|무관|아무|괜찮|다 돼|다돼|신경 안)"
_PAY_INDIFFERENT = re.compile(
    r"(?:급여|월급|급료|돈|페이|보수|임금|연봉|시급|일당|봉급)" + _INDIFFERENT
)
_REGION_INDIFFERENT = re.compile(r"(?:지역|장소|위치|근무지|어디)" + _INDIFFERENT)
_SHIFT_INDIFFERENT = re.compile(r"(?:근무\s?시간|시간대|교대|근무\s?형태|주야|밤낮)" + _INDIFFERENT)
# (업어, 업써, 업음: the typed 없 without its ㅅ)
_NONE_WORDS = (
    "없어",
    "없습",
    "없음",
    "없다",
    "없고",
    "읎",
    "없당",
    "없는",
    "업어",
    "업써",
    "업음",
    "업슴",
)
_ANY_WORDS = (
    "상관없",
    "상관 없",
    "상관업",
    "아무",
    "괜찮",
    "다 돼",
    "다돼",
    "다 좋",
    "뭐든",
    "무관",
    "노상관",
)


def _union(old: tuple[str, ...], new: Collection[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*old, *sorted(new)]))


def _minus(items: tuple[str, ...], drop: Collection[str]) -> tuple[str, ...]:
    return tuple(i for i in items if i not in drop)


def _explicit_wants(profile: SeekerProfile) -> tuple[str, ...]:
    return tuple(f.split(":", 1)[1] for _, f in profile.evidence if f.startswith("wanted:"))


def _trade_without_years(state: SeekerProfile) -> str | None:
    """The one trade the conversation knows (done or wanted) with no years said yet, if one."""
    known = state.years()
    families = [*known, *(f for f in state.wanted_families if f not in known)]
    if len(families) == 1 and known.get(families[0]) is None:
        return families[0]
    return None


def merge(state: SeekerProfile, said: SeekerProfile) -> SeekerProfile:
    """Fold one message's profile into the state; what the message says wins.

    An explicitly wanted occupation ("이제 지게차 하고 싶어요") replaces earlier wishes; one
    only implied by experience or a certificate is added to them. Years said alone ("경력은
    팔년") are the years of the one trade named before, if it has none yet.
    """
    facts = {f for _, f in said.evidence}
    experience = state.years()
    for exp in said.experience:
        if exp.years is not None or exp.family not in experience:
            experience[exp.family] = exp.years
    trade = _trade_without_years(state)
    if trade and said.years_total is not None and not (said.experience or said.wanted_families):
        experience[trade] = said.years_total  # "경력은 팔년", "삼년 탔지라": of that trade
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
    wanted_shifts = (state.wanted_shifts | said.wanted_shifts) - said.excluded_shifts
    excluded_shifts = (state.excluded_shifts | said.excluded_shifts) - said.wanted_shifts
    wanted_types = (
        state.wanted_employment_types | said.wanted_employment_types
    ) - said.excluded_employment_types
    excluded_types = (
        state.excluded_employment_types | said.excluded_employment_types
    ) - said.wanted_employment_types
    new_region = said.home_region is not None
    # The codes follow the families: a wish said replaces the wishes before it.
    replaced = bool(explicit or said.wanted_codes)
    wanted_codes = said.wanted_codes if replaced else state.wanted_codes
    wanted_words = said.wanted_words if replaced else state.wanted_words
    done_codes = dict(state.done_codes)
    for code, years in said.done_codes:
        if years is not None or code not in done_codes:
            done_codes[code] = years
    unyeared = [code for code, years in done_codes.items() if years is None]
    if not trade and len(unyeared) == 1 and said.years_total is not None and not said.done_codes:
        # "배 블록 맞추고 가접 놓는 일 했어요" then "십오년요": work no family names
        done_codes[unyeared[0]] = said.years_total
    return replace(
        state,
        experience=tuple(Experience(f, y) for f, y in experience.items()),
        wanted_families=wanted,
        excluded_families=excluded,
        any_occupation=(state.any_occupation and not explicit) or "any_occupation" in facts,
        certificates_held=held,
        certificates_lacking=lacking,
        no_certificates=(state.no_certificates or said.no_certificates) and not held,
        home_region=said.home_region if new_region else state.home_region,
        # "아 전주 말고 군산이요": a place to work ruled out now is no longer one
        work_regions=said.work_regions
        or tuple(r for r in state.work_regions if f"{REGION_EXCLUDED}{r}" not in facts),
        # … and stays out until named again as the place or one to go to ("익산도 괜찮아요")
        excluded_regions=tuple(
            r
            for r in dict.fromkeys([*state.excluded_regions, *said.excluded_regions])
            if r not in said.work_regions
            and r != said.home_region
            and f"{REGION_REACHABLE}{r}" not in facts
        ),
        region_anywhere=said.region_anywhere or (state.region_anywhere and not new_region),
        max_commute_km=said.max_commute_km or state.max_commute_km,
        min_monthly_pay=said.min_monthly_pay or state.min_monthly_pay,
        min_pay_rate=said.min_pay_rate if said.min_monthly_pay else state.min_pay_rate,
        pay_any=state.pay_any and not said.min_monthly_pay,
        wants_high_pay=state.wants_high_pay or said.wants_high_pay,
        wanted_shifts=wanted_shifts,
        excluded_shifts=excluded_shifts,
        shift_any=state.shift_any and not (said.excluded_shifts or said.wanted_shifts),
        wanted_employment_types=wanted_types,
        excluded_employment_types=excluded_types,
        # a nationality alone ("외국인", visa unsaid) never replaces a visa said before
        visa=said.visa
        if said.visa and (said.visa != FOREIGN_VISA_UNSAID or not state.visa)
        else state.visa,
        little_korean=state.little_korean or said.little_korean,
        needs_dormitory=state.needs_dormitory or said.needs_dormitory,
        dormitory_optional=said.dormitory_optional
        if said.needs_dormitory
        else state.dormitory_optional,
        needs_commute_bus=state.needs_commute_bus or said.needs_commute_bus,
        no_weekends=(state.no_weekends or said.no_weekends) and "weekends_ok" not in facts,
        weekends_only=(state.weekends_only and not said.no_weekends) or said.weekends_only,
        age=said.age or state.age,
        newcomer=state.newcomer or said.newcomer,
        work_hours=said.work_hours or state.work_hours,
        max_daily_hours=said.max_daily_hours or state.max_daily_hours,
        # a window is said whole: the later one replaces both ends ("새벽은 안되고": a start)
        work_from=said.work_from
        if said.work_until or said.work_from is not None
        else state.work_from,
        work_until=said.work_until or state.work_until,
        physical_limits=state.physical_limits | said.physical_limits,
        short_term=state.short_term or said.short_term,
        leaves_done_work=state.leaves_done_work or said.leaves_done_work,
        wanted_codes=_minus(wanted_codes, said.excluded_codes),
        done_codes=tuple(done_codes.items()),
        excluded_codes=_minus(_union(state.excluded_codes, said.excluded_codes), wanted_codes),
        wanted_words=wanted_words,
        done_words=tuple(dict.fromkeys([*state.done_words, *said.done_words])),
    )


def answer_to_question(
    state: SeekerProfile, asked: FormSlot | None, text: str, intent: str | None
) -> SeekerProfile:
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
                excluded_shifts=state.excluded_shifts | NIGHT_SHIFTS,
                wanted_shifts=(state.wanted_shifts - NIGHT_SHIFTS) | {"주간"},
            )
    if asked == "region" and says_any:
        return replace(state, region_anywhere=True)
    if asked == "occupation" and says_any:
        return replace(state, any_occupation=True)
    return state


# Short names of a trade's certificates, said in answer to "어떤 자격증이 있으세요?":
# "특수허고 일반 다 있어라" for a welder is 특수용접기능사 and 용접기능사.
_SHORT_CERTIFICATES = (("특수", "특수"), ("산업기사", "산업기사"), ("기능장", "기능장"))
_BASIC_CERTIFICATE = re.compile(r"일반|기본")
_SAYS_NONE = re.compile(r"없|업어|업써|읎")
# A craftsman certificate is also named by what comes before 기능사: "천장크레인" is
# 천장크레인운전기능사, "지게차" 지게차운전기능사.
_CRAFTSMAN = re.compile(r"^(.{2,}?)(?:운전)?기능사$")
# ㅐ and ㅔ (ㅒ, ㅖ) sound the same; loanwords are spelt either way (크래인, 크레인).
_SOUND_ALIKE = str.maketrans({"\u1162": "\u1166", "\u1164": "\u1168"})


def _sound_key(text: str) -> str:
    """``text`` without spaces, ㅐ written as ㅔ: "천장 크래인" and "천장크레인" are one key."""
    jamo = unicodedata.normalize("NFD", re.sub(r"\s+", "", text)).translate(_SOUND_ALIKE)
    return unicodedata.normalize("NFC", jamo)


def _named_by_stem(certificates: list[Certificate], text: str) -> list[str]:
    """The craftsman certificates whose name before 기능사 the text says (the longest
    only: "특수용접" is not also 용접기능사)."""
    said = _sound_key(text)
    stems: dict[str, str] = {}
    for certificate in certificates:
        found = _CRAFTSMAN.match(certificate.name_ko.replace(" ", ""))
        if found and _sound_key(found.group(1)) in said:
            stems[certificate.cert] = _sound_key(found.group(1))
    return [c for c, stem in stems.items() if not any(stem in o and stem != o
                                                      for o in stems.values())]  # fmt: skip


def read_certificate_answer(state: SeekerProfile, text: str) -> SeekerProfile:
    """Certificates of the seeker's trade named by a short word, read as the answer to the
    certificate question or after "자격증 있어요" in the same message (a message that names
    none in full): "특수허고 일반 다", "자격증 있어요 천장크래인". With a "없" in it the
    message is left to the other readers: which one is lacking is not guessed."""
    if _SAYS_NONE.search(text):
        return state
    tables = load_tables()
    held: list[str] = []
    for family in state.for_search().wanted_families:
        certificates = [c for c in tables.certificates.values() if c.family == family]
        for word, part in _SHORT_CERTIFICATES:
            if word in text:
                held += [c.cert for c in certificates if part in c.name_ko]
        held += _named_by_stem(certificates, text)
        primary = tables.primary_certificates.get(family)
        if primary and _BASIC_CERTIFICATE.search(text):
            held.append(primary)
    if not held:
        return state
    return replace(state, certificates_held=_union(state.certificates_held, held))


def read_indifference(state: SeekerProfile, text: str) -> SeekerProfile:
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
