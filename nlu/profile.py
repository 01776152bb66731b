"""The seeker profile: one type for what one message says and for what a conversation knows.

:func:`nlu.parse_seeker_text` reads one message into a :class:`SeekerProfile`;
:func:`nlu.profile_merge.merge` folds it into the profile collected so far, which travels
between turns as JSON (:meth:`SeekerProfile.to_dict`, :meth:`SeekerProfile.from_dict`) in
the dialogue's ``profile`` slot and the seeker's database row; the matcher searches with
:meth:`SeekerProfile.for_search`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal, get_args

from nlu.opening_terms import leaves_heavy_trade
from nlu.tables import load_tables

__all__ = ["FORM_SLOTS", "Experience", "FormSlot", "SeekerProfile"]

#: The slots the dialogue's ``profile_form`` asks for, in the order it asks them.
FormSlot = Literal["occupation", "certificates", "region", "pay", "shift"]
FORM_SLOTS: tuple[FormSlot, ...] = get_args(FormSlot)

#: Readings of one message, not facts a conversation keeps.
_PER_MESSAGE = ("years_total", "evidence")
#: The employment type of day labour: asked for, it is the work wanted.
DAY_LABOUR = "일용직"
#: Where a working day that the seeker gave only an end for starts.
EARLIEST_START = 6


@dataclass(frozen=True)
class Experience:
    """Work done in an occupation family, for ``years`` years if the seeker said."""

    family: str
    years: int | None = None


@dataclass(frozen=True)
class SeekerProfile:
    """What is known about a job seeker; ``evidence`` pairs source text with facts.

    The ``*_any`` flags (and ``no_certificates``, ``region_anywhere``) record answers such
    as "상관없어요" / "없어요", so the form does not ask again; they are flags, never words.
    """

    experience: tuple[Experience, ...] = ()
    wanted_families: tuple[str, ...] = ()
    excluded_families: tuple[str, ...] = ()
    any_occupation: bool = False
    years_total: int | None = None
    certificates_held: tuple[str, ...] = ()
    certificates_lacking: tuple[str, ...] = ()
    no_certificates: bool = False
    home_region: str | None = None
    #: Places named as where to work ("익산 식품클러스터 공장 … 있을까요", "익산이나 군산"):
    #: their 시/군 go first; distances still start from the home.
    work_regions: tuple[str, ...] = ()
    region_anywhere: bool = False
    #: 시/군 the seeker ruled out ("아 익산 말고 군산이요", "전주는 안 가요"): not searched.
    excluded_regions: tuple[str, ...] = ()
    max_commute_km: int | None = None
    min_monthly_pay: int | None = None
    #: The rate the floor was said in ("시급" for "시급 만원은 넘어야", "일급" for "일당 15만"):
    #: it is met by the rate, whatever the hours; a floor a month or a year ("월 250", None)
    #: by what the work earns a month.
    min_pay_rate: str | None = None
    pay_any: bool = False
    #: "돈 많이 주는 데로" without a number: the better-paid openings first.
    wants_high_pay: bool = False
    excluded_shifts: frozenset[str] = frozenset()
    wanted_shifts: frozenset[str] = frozenset()
    shift_any: bool = False
    excluded_employment_types: frozenset[str] = frozenset()
    wanted_employment_types: frozenset[str] = frozenset()
    visa: str | None = None
    #: "한국말 조금 해요": Korean spoken a little.
    little_korean: bool = False
    needs_dormitory: bool = False
    needs_commute_bus: bool = False
    #: … and the dormitory is only welcome ("기숙사 있으면 좋고"): a far job with one is not
    #: brought within reach, as it is for one who needs it to move
    dormitory_optional: bool = False
    #: "주말은 안 돼요": openings that work weekends are ruled out.
    no_weekends: bool = False
    #: "토요일 일요일만 할 수 있어요": postings that work weekends first, weekday-only ones
    #: ruled out.
    weekends_only: bool = False
    #: The seeker's age in years when they said it ("칠십 다 돼 가는디" → 69).
    age: int | None = None
    #: Starting out in the work they want: "신입", "초보", "경력 없어도 돼요?".
    newcomer: bool = False
    #: Only part of the day: "오전" ("오전만", "오전에만 되지라") or "오후".
    work_hours: str | None = None
    #: At most this many hours a day: "하루 네 시간만" → 4; short work with no number said
    #: ("하루 몇 시간만", "파트타임") is read as 5 (SHORT_DAY_HOURS).
    max_daily_hours: int | None = None
    #: The hours they can work between (0–24): "오전 9시부터 오후 3시까지" → 9, 15; an end
    #: alone ("3시 전까지만") leaves the start unsaid (:meth:`work_window`); a start alone
    #: ("새벽은 안되고") rules out only an earlier one.
    work_from: int | None = None
    work_until: int | None = None
    #: Work the seeker's body does not take: "heavy" ("힘든 일은 못 해요", "무거운 거 못 들어요"),
    #: "standing" ("무릎이 안 좋아서 서서 하는 일은 힘들어요"), "heights" ("높은 데는 못 올라가요"),
    #: "stairs" ("무릎이 안좋아서 계단 오르내리는건 못해요"); and work away from one place,
    #: "travel" ("출장 다니는건 싫어요").
    physical_limits: frozenset[str] = frozenset()
    #: Work for a season or a few weeks: "12월 한달만 바짝", "방학 동안 단기 알바".
    short_term: bool = False
    #: The seeker said they leave the work done ("다른 거 하고 싶어요", "냄새 땜에 이제
    #: 못하겠어요", "차는 이제 됐고 배터리 공장"; :attr:`nlu.occupation_class.SeekerJobs.leaving`).
    leaves_done_work: bool = False
    #: The work said as KECO codes (:func:`nlu.occupation_class.with_jobs`); the families
    #: above are only a coarse grouping of them. Wanted (empty when only implied by work
    #: done), done with years (None: unsaid), and ruled out.
    wanted_codes: tuple[str, ...] = ()
    done_codes: tuple[tuple[str, int | None], ...] = ()
    excluded_codes: tuple[str, ...] = ()
    #: The seeker's own words for that work ("조립 생산직"): the search text uses them.
    wanted_words: tuple[str, ...] = ()
    done_words: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()

    def years(self) -> dict[str, int | None]:
        """Years of experience by occupation family (``None``: done, years unsaid)."""
        return {e.family: e.years for e in self.experience}

    def moves_for_dormitory(self) -> bool:
        """A job beyond the commute is within reach when it has a dormitory: the seeker needs
        one to move, not only welcomes it (:attr:`dormitory_optional`)."""
        return self.needs_dormitory and not self.dormitory_optional

    def work_window(self) -> tuple[int, int] | None:
        """The hours the seeker can work between; with only an end said, from
        :data:`EARLIEST_START` ("3시 전까지만" is a day's work that ends by 15)."""
        if self.work_until is None:
            return None
        return (EARLIEST_START if self.work_from is None else self.work_from), self.work_until

    def searchable(self) -> bool:
        """True once the profile says what work to look for: a family, work only the
        classification names ("편의점 알바 구해요", "큰 배 색칠하는 일 했습니다"), or day
        labour, which is a kind of work of its own ("일당 당일지급 되는곳")."""
        return bool(
            self.wanted_families
            or self.experience
            or self.any_occupation
            or self.wanted_codes
            or self.done_codes
            or DAY_LABOUR in self.wanted_employment_types
        )

    def shapes_work(self) -> bool:
        """True when the seeker said how the work must fit their days, hours or body, or what
        it must pay or offer ("평일엔 직장 다녀서 토요일 일요일만 할 수 있는 알바 있나요",
        "낮에만, 앉아서 하는 일"): enough to show openings on those conditions while the
        work itself is still asked. Where they live or their age alone is not."""
        return bool(
            self.weekends_only
            or self.no_weekends
            or self.wanted_shifts
            or self.excluded_shifts
            or self.work_hours
            or self.max_daily_hours
            or self.work_until is not None
            or self.work_from is not None
            or self.physical_limits
            or self.short_term
            or self.min_monthly_pay
            or self.wants_high_pay
            or self.needs_dormitory
            or self.needs_commute_bus
            or self.visa
            or self.wanted_employment_types
        )

    def for_search(self) -> SeekerProfile:
        """The profile the matcher ranks with: with nothing explicitly wanted, the families
        worked in are wanted, unless the seeker takes any job or leaves that work
        (:meth:`leaves_work_done`); "자격증 없어요" lacks every certificate (not the
        licences: a driving licence is not what they meant)."""
        searched = self
        if self.no_certificates and not self.certificates_held:
            every = [k for k, c in load_tables().certificates.items() if not c.licence]
            lacking = tuple(dict.fromkeys([*self.certificates_lacking, *every]))
            searched = replace(searched, certificates_lacking=lacking)
        if self.leaves_work_done():
            return replace(searched, wanted_families=())
        if searched.wanted_families or searched.any_occupation:
            return searched
        done = tuple(e.family for e in self.experience if e.family not in self.excluded_families)
        return replace(searched, wanted_families=done)

    def leaves_work_done(self) -> bool:
        """Nothing named as wanted and the work done left: said so ("다른 거 하고 싶어요"),
        or a heavy trade done and heavy work no longer possible ("용접 20년 했어요", then
        "허리가 아파서 힘든 일은 못해요"; :func:`nlu.opening_terms.leaves_heavy_trade`),
        whichever message said which: the work done is not the target."""
        done = (code for code, _ in self.done_codes)
        heavy = leaves_heavy_trade(done, self.physical_limits)
        return not self.wanted_codes and (self.leaves_done_work or heavy)

    def to_dict(self) -> dict[str, object]:
        """The JSON the conversation keeps (lists for tuples and sets; no per-message readings)."""
        data: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _PER_MESSAGE:
                continue
            if f.name == "experience":
                data[f.name] = self.years()
            elif f.name == "done_codes":
                data[f.name] = dict(self.done_codes)
            elif isinstance(value, frozenset):
                data[f.name] = sorted(value)
            elif isinstance(value, tuple):
                data[f.name] = list(value)
            else:
                data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: object) -> SeekerProfile:
        """Rebuild from :meth:`to_dict` output; unknown keys are ignored, ill-typed ones reset."""
        if not isinstance(data, dict):
            return cls()
        defaults = cls()
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name not in data or f.name in _PER_MESSAGE:
                continue
            value, default = data[f.name], getattr(defaults, f.name)
            if f.name in ("experience", "done_codes"):
                if isinstance(value, dict):
                    pairs = [(str(k), v if isinstance(v, int) else None) for k, v in value.items()]
                    values[f.name] = (
                        tuple(Experience(k, v) for k, v in pairs)
                        if f.name == "experience"
                        else tuple(pairs)
                    )
            elif isinstance(default, tuple) and isinstance(value, list):
                values[f.name] = tuple(str(v) for v in value)
            elif isinstance(default, frozenset) and isinstance(value, list):
                values[f.name] = frozenset(str(v) for v in value)
            elif _same_kind(default, value):
                values[f.name] = value
        return replace(defaults, **values)  # type: ignore[arg-type]


def _same_kind(default: object, value: object) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    return default is None and (value is None or isinstance(value, (str, int)))
