"""The job boards: which source posts an opening, how it re-posts one, its id formats."""

from __future__ import annotations

import dataclasses
import random

from synth_companies import other_legal_form
from synth_places import AREAS
from synth_record import SyntheticOpening

__all__ = ["SOURCES", "SOURCE_WEIGHTS", "assign_ids", "repost"]

SOURCES = ("worknet", "gunsan_city", "jobcenter", "kunsan_polytech")
SOURCE_WEIGHTS = (45, 25, 20, 10)
#: Small wording changes between two sources' copies of the same posting.
REWORDINGS = (
    ("모집", "구인"), ("중식 제공", "점심 제공"), ("기숙사 제공", "숙소 제공"),
    ("통근버스 운행", "출퇴근 버스 운행"), ("4대보험", "4대보험 가입"), (" 이상", "↑"),
    ("채용", "모집"), ("경력 무관", "경력무관"), ("가능자", "가능하신 분"),
)  # fmt: skip


def repost(rng: random.Random, base: SyntheticOpening) -> SyntheticOpening:
    """Re-post ``base`` through another source with small wording differences."""
    copy = dataclasses.replace(base)
    copy.source = rng.choice([s for s in SOURCES if s != base.source])
    title, description = base.title, base.description
    changes = [pair for pair in REWORDINGS if pair[0] in title or pair[0] in description]
    for old, new in rng.sample(changes, min(len(changes), rng.randint(1, 3))):
        title = title.replace(old, new)
        description = description.replace(old, new, 1)
    if title == base.title:
        marks = (" (재공고)", " ★") if "급구" in title else (" (재공고)", " ★", " - 급구")
        title = title.rstrip() + rng.choice(marks)
    copy.title, copy.description = title, description
    if rng.random() < 0.4:
        area = next(a for a in AREAS if a.short == base.area)
        others = [s for s in area.spellings if s != base.region]
        copy.region = rng.choice(others) if others else base.region
    if rng.random() < 0.3:
        copy.company = other_legal_form(base.company)
    return copy


def assign_ids(rng: random.Random, openings: list[SyntheticOpening]) -> None:
    """Give every opening its source's id format, unique per source, in posting order."""
    counters = {s: rng.randint(100, 900) for s in SOURCES}
    per_day: dict[str, int] = {}
    for o in openings:
        reg = o.registered_on
        if o.source == "worknet":
            office = 16 + (counters["worknet"] % 3)
            counters["worknet"] += 1
            prefix = f"K15{office:02d}{reg:%y%m%d}"
            per_day[prefix] = per_day.get(prefix, 0) + 1
            o.source_id = f"{prefix}{per_day[prefix]:05d}"
        else:
            counters[o.source] += rng.randint(1, 4)
            seq = counters[o.source]
            if o.source == "gunsan_city":
                o.source_id = f"GS-{reg:%Y}-{seq:04d}"
            elif o.source == "jobcenter":
                o.source_id = f"JC{reg:%y%m}-{seq:04d}"
            else:
                o.source_id = f"KP{reg:%y}-{seq:03d}"
