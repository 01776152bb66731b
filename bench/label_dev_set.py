"""Label the retrieval dev set from the generator's ground truth.

Reads the hand-written seeker texts and intents (``data/eval/dev_queries.jsonl``),
regenerates the committed openings with :mod:`synth_openings` (and checks they still
equal ``data/openings/gunsan_openings.csv`` byte for byte), judges every opening against
every intent with the rules below, and writes ``data/eval/retrieval_dev.jsonl``.
Nothing here reads the seeker text or matches keywords: labels come from the intent and
the openings' ground-truth attributes only.

Rules (one opening, one intent):

* Expired openings (``closes_on`` before the as-of date) are never relevant.
* Family: grade 2 needs a wanted family; an acceptable family (the intent's
  ``acceptable_families``, or :data:`RELATED` of the wanted ones when that is null) caps
  the grade at 1.
* Hard constraints make an opening irrelevant: distance from home over the commute limit
  plus :data:`EDGE_KM`; a required certificate the seeker lacks (``certs_lacking``; ``"*"``
  means every certificate not in ``certs_held``); 내국인만 for any foreign visa; 일용직 or
  파견직 for E-9; an excluded shift or employment type; no dormitory when one is needed;
  best monthly pay under :data:`PAY_TOLERANCE` × the wish.
* Soft mismatches cap the grade at 1: distance within :data:`EDGE_KM` past the limit; pay
  under the wish but within the tolerance; E-9 seeker and the posting silent about
  foreigners; fewer years in the family than the posting asks (only where the intent
  states the seeker's years in that family; 0 for a beginner).
* A trap is an opening that would be grade 2 but for flaws of the trap kinds only
  (expired, cert_required, nationals_only, night_shift, daily_labor, employment_type), or
  a look-alike of a wanted family within commuting reach.

Usage: ``python bench/label_dev_set.py`` (from the repository root).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from statistics import mean
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_openings import (  # noqa: E402
    AS_OF,
    COMMITTED_COUNT,
    COMMITTED_SEED,
    EMPLOYMENT_TYPES,
    FAMILY_IDS,
    SHIFTS,
    SyntheticOpening,
    generate_openings,
    render_csv,
)

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "data" / "eval" / "dev_queries.jsonl"
OUTPUT = ROOT / "data" / "eval" / "retrieval_dev.jsonl"
OPENINGS_CSV = ROOT / "data" / "openings" / "gunsan_openings.csv"

DEFAULT_HOME = "gunsan"  # the center is in Gunsan; a seeker who names no town lives there
DEFAULT_COMMUTE_KM = 35
EDGE_KM = 10  # up to this far past the limit is "at the edge" (grade 1), not out
PAY_TOLERANCE = 0.9  # pay within 10% under the wish is a soft mismatch

#: Road distances in km between the towns the openings name (rounded; same town = 0).
DISTANCES_KM: dict[frozenset[str], int] = {
    frozenset(pair): km
    for pair, km in {
        ("gunsan", "iksan"): 27, ("gunsan", "gimje"): 30, ("gunsan", "jeonju"): 50,
        ("gunsan", "wanju"): 55, ("gunsan", "buan"): 42, ("gunsan", "seocheon"): 20,
        ("iksan", "gimje"): 20, ("iksan", "jeonju"): 27, ("iksan", "wanju"): 20,
        ("iksan", "buan"): 45, ("iksan", "seocheon"): 40, ("gimje", "jeonju"): 25,
        ("gimje", "wanju"): 35, ("gimje", "buan"): 22, ("gimje", "seocheon"): 50,
        ("jeonju", "wanju"): 15, ("jeonju", "buan"): 45, ("jeonju", "seocheon"): 65,
        ("wanju", "buan"): 55, ("wanju", "seocheon"): 60, ("buan", "seocheon"): 60,
        ("ulsan", "geoje"): 130, ("ulsan", "yeongam"): 330, ("geoje", "yeongam"): 230,
        ("gunsan", "yeongam"): 170, ("iksan", "yeongam"): 175, ("gimje", "yeongam"): 150,
        ("jeonju", "yeongam"): 160, ("buan", "yeongam"): 130, ("seocheon", "yeongam"): 190,
        ("wanju", "yeongam"): 170, ("gunsan", "ulsan"): 330, ("gunsan", "geoje"): 290,
    }.items()
}  # fmt: skip
FAR_DEFAULT_KM = 250  # any pair not in the table is at least this far apart
CITIES = frozenset(city for pair in DISTANCES_KM for city in pair)

#: Families a seeker of the key family could do instead (grade 1 at best).
RELATED: dict[str, tuple[str, ...]] = {
    "welder": ("ship_fitter", "sheet_metal", "pipe_fitter"),
    "ship_fitter": ("welder", "sheet_metal"),
    "sheet_metal": ("welder", "ship_fitter"),
    "pipe_fitter": ("welder",),
    "auto_assembler": ("production_worker",),
    "production_worker": ("auto_assembler", "food_production"),
    "forklift_driver": ("logistics_loader",),
    "logistics_loader": ("production_worker",),
    "electrician": ("maintenance_mechanic",),
    "maintenance_mechanic": ("electrician",),
    "ndt_inspector": ("quality_inspector",),
    "chemical_operator": ("production_worker",),
    "food_production": ("production_worker",),
}

#: Violations that make an otherwise perfect opening a trap rather than plain noise.
TRAP_VIOLATIONS = frozenset(
    {"expired", "cert_required", "nationals_only", "night_shift", "daily_labor",
     "employment_type"}
)  # fmt: skip
FOREIGN_VISAS_RESTRICTED = frozenset({"E-9", "H-2"})
INTENT_KEYS = frozenset({
    "wanted_families", "acceptable_families", "experience", "certs_held", "certs_lacking",
    "home_city", "max_commute_km", "min_monthly_pay", "excluded_shifts",
    "excluded_employment_types", "visa", "dormitory_needed",
})  # fmt: skip


def distance_km(a: str, b: str) -> int:
    """Road distance between two towns of :data:`DISTANCES_KM`."""
    if a == b:
        return 0
    return DISTANCES_KM.get(frozenset((a, b)), FAR_DEFAULT_KM)


def check_intent(qid: str, intent: dict[str, Any]) -> None:
    """Raise ``ValueError`` if ``intent`` uses an unknown key, family, town or value."""
    unknown = set(intent) - INTENT_KEYS
    missing = INTENT_KEYS - set(intent)
    if unknown or missing:
        raise ValueError(f"{qid}: unknown keys {sorted(unknown)}, missing {sorted(missing)}")
    families = list(intent["wanted_families"]) + list(intent["acceptable_families"] or [])
    families += list(intent["experience"])
    for family in families:
        if family not in FAMILY_IDS:
            raise ValueError(f"{qid}: unknown family {family!r}")
    if not intent["wanted_families"]:
        raise ValueError(f"{qid}: no wanted family")
    if intent["home_city"] is not None and intent["home_city"] not in CITIES:
        raise ValueError(f"{qid}: unknown home_city {intent['home_city']!r}")
    commute = intent["max_commute_km"]
    if not (commute is None or commute == "anywhere" or isinstance(commute, int)):
        raise ValueError(f"{qid}: max_commute_km must be km, 'anywhere' or null")
    if set(intent["excluded_shifts"]) - set(SHIFTS):
        raise ValueError(f"{qid}: unknown shift in {intent['excluded_shifts']}")
    if set(intent["excluded_employment_types"]) - set(EMPLOYMENT_TYPES):
        raise ValueError(f"{qid}: unknown employment type")


def violations(o: SyntheticOpening, intent: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The hard and the soft mismatches between opening ``o`` and ``intent``."""
    hard: set[str] = set()
    soft: set[str] = set()
    if o.expired:
        hard.add("expired")

    commute = intent["max_commute_km"]
    if commute != "anywhere":
        limit = DEFAULT_COMMUTE_KM if commute is None else commute
        km = distance_km(intent["home_city"] or DEFAULT_HOME, o.city)
        if km > limit + EDGE_KM:
            hard.add("region")
        elif km > limit:
            soft.add("region_edge")
    if intent["dormitory_needed"] and not o.dormitory:
        hard.add("no_dormitory")

    wish = intent["min_monthly_pay"]
    if wish:
        best = o.monthly_pay_max
        if best < wish * PAY_TOLERANCE:
            hard.add("pay")
        elif best < wish:
            soft.add("pay_below")

    held = set(intent["certs_held"])
    lacking = set(intent["certs_lacking"])
    for cert in o.required_certs:
        if cert not in held and (cert in lacking or "*" in lacking):
            hard.add("cert_required")

    visa = intent["visa"]
    if visa:
        if o.e9_ok is False:
            hard.add("nationals_only")
        if visa in FOREIGN_VISAS_RESTRICTED:
            if o.employment_type in ("일용직", "파견직"):
                hard.add("e9_employment")  # E-9 cannot be day or dispatched labour
            if o.e9_ok is None:
                soft.add("e9_unstated")

    if o.work_shift in intent["excluded_shifts"]:
        hard.add("night_shift")
    if o.employment_type in intent["excluded_employment_types"]:
        hard.add("daily_labor" if o.employment_type == "일용직" else "employment_type")

    # Experience counts only where the seeker stated it (0 for a beginner); a family
    # missing from ``experience`` or given as null is unknown and never penalized.
    years = intent["experience"].get(o.family)
    if o.career == "경력" and years is not None and years < (o.career_years_min or 1):
        soft.add("career_short")
    return hard, soft


def judge(o: SyntheticOpening, intent: dict[str, Any]) -> tuple[int, str | None]:
    """Grade ``o`` for ``intent`` (0, 1 or 2) and name its trap kind if it is a trap."""
    wanted = set(intent["wanted_families"])
    if intent["acceptable_families"] is None:
        acceptable = {r for w in wanted for r in RELATED.get(w, ())} - wanted
    else:
        acceptable = set(intent["acceptable_families"]) - wanted
    if o.family in wanted:
        base = 2
    elif o.family in acceptable:
        base = 1
    elif o.lookalike_of in wanted:
        hard, _soft = violations(o, intent)
        within_reach = not hard & {"region", "no_dormitory", "expired"}
        return 0, (o.family if within_reach else None)
    else:
        return 0, None
    hard, soft = violations(o, intent)
    if not hard:
        return (1 if soft else base), None
    if base == 2 and not soft and hard <= TRAP_VIOLATIONS:
        return 0, "+".join(sorted(hard))
    return 0, None


def label(
    queries: Sequence[dict[str, Any]], openings: Sequence[SyntheticOpening]
) -> list[dict[str, Any]]:
    """Add ``relevant``, ``traps`` and ``trap_kinds`` to each query record."""
    out = []
    for query in queries:
        check_intent(query["id"], query["intent"])
        relevant: dict[str, int] = {}
        trap_kinds: dict[str, str] = {}
        for o in openings:
            grade, trap = judge(o, query["intent"])
            if grade:
                relevant[o.key] = grade
            elif trap:
                trap_kinds[o.key] = trap
        ordered = dict(sorted(relevant.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append({
            "id": query["id"], "text": query["text"], "tags": query["tags"],
            "intent": query["intent"], "relevant": ordered, "traps": sorted(trap_kinds),
            "trap_kinds": dict(sorted(trap_kinds.items())),
        })  # fmt: skip
    return out


def summarize(records: Sequence[dict[str, Any]]) -> str:
    """A few lines on the labeled set: sizes, grades and traps."""
    n = len(records)
    rel = [len(r["relevant"]) for r in records]
    g2 = [sum(1 for g in r["relevant"].values() if g == 2) for r in records]
    traps = [len(r["traps"]) for r in records]
    kinds: Counter[str] = Counter()
    for r in records:
        for kind in r["trap_kinds"].values():
            kinds.update(kind.split("+"))
    lookalikes = {"vocational_instructor", "sales_rep", "equipment_mechanic"}
    by_constraint = sum(
        any(set(k.split("+")) - lookalikes - {"expired"} for k in r["trap_kinds"].values())
        for r in records
    )
    by_lookalike = sum(any(k in lookalikes for k in r["trap_kinds"].values()) for r in records)
    lines = [
        f"queries: {n}",
        f"relevant per query: mean {mean(rel):.1f} (grade 2: mean {mean(g2):.1f}, "
        f"min {min(g2)}; grade 1: mean {mean(rel) - mean(g2):.1f})",
        f"traps per query: mean {mean(traps):.1f}; queries with traps: "
        f"{sum(1 for t in traps if t)}/{n} (look-alike of a wanted family: {by_lookalike}, "
        f"from a constraint the seeker stated: {by_constraint})",
        "trap kinds: " + ", ".join(f"{k} {c}" for k, c in kinds.most_common()),
    ]
    short = [r["id"] for r, g in zip(records, g2, strict=True) if g < 2]
    if short:
        lines.append(f"WARNING: fewer than 2 grade-2 openings: {', '.join(short)}")
    return "\n".join(lines)


def committed_openings(check: bool = True) -> list[SyntheticOpening]:
    """Regenerate the committed openings; with ``check``, insist they equal the CSV."""
    openings = generate_openings(COMMITTED_COUNT, seed=COMMITTED_SEED, as_of=AS_OF)
    if check and render_csv(openings).encode("utf-8") != OPENINGS_CSV.read_bytes():
        raise SystemExit(
            f"{OPENINGS_CSV} differs from the generator's output; regenerate it with "
            f"`python bench/synth_openings.py {COMMITTED_COUNT} {OPENINGS_CSV} "
            f"--seed {COMMITTED_SEED}` first."
        )
    return openings


def main(argv: Sequence[str] | None = None) -> int:
    """Label the dev queries and write the dev set; print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--no-check", action="store_true", help="skip the CSV comparison")
    args = parser.parse_args(argv)
    openings = committed_openings(check=not args.no_check)
    with open(args.queries, encoding="utf-8") as handle:
        queries = [json.loads(line) for line in handle if line.strip()]
    records = label(queries, openings)
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(summarize(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
