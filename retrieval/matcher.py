"""Match a seeker's Korean text to openings: understand, filter, retrieve, fuse, rank, explain.

One :class:`Matcher` holds the embedding model, both indexes and the facts catalog in
memory; build it once per process and call :meth:`Matcher.match` per request.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

import nlu
from nlu.industries import load_industries
from nlu.keco import load_keco, nested
from nlu.occupation_class import SeekerJobs, classify_opening, read_seeker_jobs
from nlu.opening_terms import SENIOR_AGE
from nlu.profile import DAY_LABOUR
from retrieval.catalog import Catalog
from retrieval.constraints import (
    MatchPolicy,
    allowed_rows,
    beyond_commute,
    distances_km,
    home_region,
    in_home_town,
    nearness,
)
from retrieval.dense_index import DenseIndex
from retrieval.embedder import Embedder
from retrieval.errors import IndexMissingError, IndexModelMismatch
from retrieval.explain import explain, format_pay, profile_jobs, search_words
from retrieval.fusion import Weights, reciprocal_rank_fusion, rescore, wanted_industries
from retrieval.indexer import MANIFEST
from retrieval.lexical import BM25Index, tokenize
from storage.openings import get_openings

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

__all__ = [
    "Match",
    "Matcher",
    "RankedCandidates",
    "dense_query",
    "lexical_query",
    "profile_query",
    "seeker_jobs",
]

#: How many candidates each channel contributes before ranking.
CHANNEL_DEPTH = 100
#: Searches whose filters and BM25 run beside their query embedding at once (more wait);
#: the machine's cores, not this, bound how many searches run well side by side.
SEARCHES_AT_ONCE = 4
#: Home regions whose distance column stays cached (one float64 per opening each).
DISTANCE_CACHE = 16


@dataclass
class Match:
    """One recommended opening, ready for display or JSON."""

    opening_id: int
    title: str
    company: str
    sources: list[dict[str, str]]
    score: float
    reasons: list[str]
    missing: list[str] = field(default_factory=list)
    occupation: str | None = None
    region: str = ""
    pay: str = ""
    work_shift: str | None = None
    employment_type: str | None = None
    closes_on: str | None = None
    contact: str = ""

    def as_dict(self) -> dict[str, object]:
        """JSON-ready dict (the stable `jobbot match --json` item shape)."""
        return asdict(self)


@dataclass(frozen=True)
class RankedCandidates:
    """Ranked opening ids per channel and after fusion (for evaluation)."""

    dense: list[int]
    lexical: list[int]
    fused: list[int]  # RRF alone, before constraint-aware tiers
    hybrid: list[int]


class Matcher:
    """The in-memory search engine over the center's openings.

    Thread-safe: the bot's actions search from worker threads.
    """

    def __init__(
        self,
        *,
        embedder: Embedder,
        dense: DenseIndex,
        lexical: BM25Index,
        catalog: Catalog,
        sessions: sessionmaker[Session],
        policy: MatchPolicy,
        weights: Weights | None = None,
    ) -> None:
        import numpy as np

        self.weights = weights or Weights()
        self.embedder = embedder
        self.dense = dense
        self.lexical = lexical
        self.catalog = catalog
        self.sessions = sessions
        self.policy = policy
        # Catalog row of each BM25 column, with len(catalog) (a padding row that is never
        # allowed) for documents the catalog lacks; None when both hold the same ids.
        lexical_ids = lexical.ids
        if np.array_equal(lexical_ids, catalog.ids):
            self._lexical_rows: np.ndarray | None = None
        else:
            rows = np.searchsorted(catalog.ids, lexical_ids)
            found = rows < len(catalog)
            found[found] = catalog.ids[rows[found]] == lexical_ids[found]
            self._lexical_rows = np.where(found, rows, len(catalog))
        #: Runs the filters and BM25 of a search beside its query embedding (:meth:`rank`).
        self._beside = ThreadPoolExecutor(max_workers=SEARCHES_AT_ONCE, thread_name_prefix="bm25")
        self._distances: OrderedDict[str | None, np.ndarray] = OrderedDict()
        self._distances_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        *,
        index_dir: Path,
        embedder: Embedder,
        sessions: sessionmaker[Session],
        policy: MatchPolicy,
    ) -> Matcher:
        """Load the indexes from ``index_dir`` and the facts from the database."""
        manifest_path = index_dir / MANIFEST
        if not manifest_path.exists():
            raise IndexMissingError(index_dir)
        built_with = json.loads(manifest_path.read_text(encoding="utf-8")).get("model")
        if built_with != embedder.name:
            raise IndexModelMismatch(str(built_with), embedder.name)
        with sessions() as session:
            catalog = Catalog.load(session)
        return cls(
            embedder=embedder,
            dense=DenseIndex.load(index_dir),
            lexical=BM25Index.load(index_dir),
            catalog=catalog,
            sessions=sessions,
            policy=policy,
        )

    def rank(
        self,
        text: str,
        *,
        as_of: date,
        exclude: Iterable[int] = (),
        depth: int = CHANNEL_DEPTH,
        profile: nlu.SeekerProfile | None = None,
    ) -> tuple[nlu.SeekerProfile, RankedCandidates, dict[int, float]]:
        """Rank openings for ``text``: the profile, each channel's ranking, and final scores.

        ``profile`` replaces the one parsed from ``text`` (a dialogue collects it over turns).
        """
        jobs = seeker_jobs(text, profile)
        return self._ranked(
            text,
            jobs,
            wanted_industries(text, jobs),
            as_of=as_of,
            exclude=exclude,
            depth=depth,
            profile=profile,
        )

    def _ranked(
        self,
        text: str,
        jobs: SeekerJobs,
        industries: frozenset[str],
        *,
        as_of: date,
        exclude: Iterable[int],
        depth: int,
        profile: nlu.SeekerProfile | None,
    ) -> tuple[nlu.SeekerProfile, RankedCandidates, dict[int, float]]:
        """:meth:`rank` given the seeker's occupations and wanted industries, which
        :meth:`match` also explains with (read once per search)."""
        import numpy as np

        collected = profile is not None  # a conversation's profile: its search text is built
        # a typed text is searched as a conversation searches its profile ("자격증은 따본적
        # 없어요": every certificate lacking)
        profile = profile or nlu.parse_seeker_text(text).for_search()
        named = named_targets(jobs)
        # The hard filters and BM25 run while the query is embedded: ONNX Runtime releases
        # the GIL and, on one short text, leaves part of the second core idle (2 threads
        # run it ≈ 1.5x faster than 1, not 2x; docs/benchmarks.md, session 12).
        filtered = self._beside.submit(
            self._filter_and_search_words,
            profile,
            lexical_query(
                text,
                profile,
                own_words=collected,
                targets=named,
                posted=[
                    *load_industries().posted_words(" ".join(jobs.target_words)),
                    *kind_words(jobs, named, text),
                    *day_labour_words(profile, text),
                ],
            ),
            as_of=as_of,
            exclude=tuple(exclude),
            depth=depth,
        )
        query = self.embedder.encode_queries(
            [dense_query(text, profile, own_words=collected, targets=named)]
        )[0]
        mask, lexical_ids, lexical_scores = filtered.result()
        dense_ids, _ = self.dense.search(query, depth, allowed=self.catalog.ids, mask=mask)
        lexical_ranked = list(zip(lexical_ids.tolist(), lexical_scores.tolist(), strict=True))

        fused = reciprocal_rank_fusion(dense_ids.tolist(), lexical_ranked)
        ids = np.fromiter(fused, dtype=np.int64, count=len(fused))
        base = np.fromiter(fused.values(), dtype=np.float64, count=len(fused))
        rows = self.catalog.rows_of(ids)
        distance = self._distances_from(home_region(profile, self.policy))
        beyond = beyond_commute(self.catalog, rows, profile, distance=distance, policy=self.policy)
        near = nearness(rows, profile, distance=distance, policy=self.policy)
        scores = rescore(
            self.catalog,
            rows,
            base,
            profile,
            jobs,
            beyond=beyond,
            near_home=near,
            home_town=in_home_town(self.catalog, rows, profile),
            industries=industries,
            weights=self.weights,
        )
        final = dict(zip(fused, scores.tolist(), strict=True))
        hybrid = sorted(final, key=lambda i: -final[i])
        candidates = RankedCandidates(
            dense=dense_ids.tolist(),
            lexical=lexical_ids.tolist(),
            fused=sorted(fused, key=lambda i: -fused[i]),
            hybrid=hybrid,
        )
        return profile, candidates, final

    def match(
        self,
        text: str,
        *,
        top: int = 5,
        as_of: date | None = None,
        exclude: Iterable[int] = (),
        profile: nlu.SeekerProfile | None = None,
    ) -> list[Match]:
        """The ``top`` openings for a seeker's text, best first, with explanations.

        ``exclude`` holds opening ids already shown (for paging without repeats);
        ``profile``, when given, is used instead of parsing ``text``.
        """
        import numpy as np

        as_of = as_of or date.today()
        jobs = seeker_jobs(text, profile)
        industries = wanted_industries(text, jobs)
        profile, candidates, final = self._ranked(
            text,
            jobs,
            industries,
            as_of=as_of,
            exclude=exclude,
            depth=CHANNEL_DEPTH,
            profile=profile,
        )
        chosen = candidates.hybrid[:top]
        keco = load_keco()
        commute = profile.max_commute_km or self.policy.commute_km
        far_ok = profile.moves_for_dormitory()
        home = home_region(profile, self.policy)
        distance = self._distances_from(home)[self.catalog.rows_of(np.asarray(chosen))]
        with self.sessions() as session:
            openings = get_openings(session=session, ids=chosen)
            results = []
            for opening_id, km in zip(chosen, distance.tolist(), strict=True):
                opening = openings[opening_id]
                occupation = classify_opening(
                    title=opening.title,
                    occupation=opening.occupation_raw or "",
                    jobs_cd=opening.occupation_code,
                    description=opening.description or "",
                )
                why = explain(
                    opening,
                    profile,
                    jobs=jobs,
                    occupation=occupation,
                    distance_km=km,
                    home_name=home.name_ko if home else None,
                    as_of=as_of,
                    commute_km=None
                    if profile.region_anywhere or far_ok and opening.dormitory
                    else commute,
                    industries=industries,
                )
                results.append(
                    Match(
                        opening_id=opening_id,
                        title=opening.title,
                        company=opening.company.name,
                        sources=[
                            {"source": p.source.name, "source_id": p.source_record_id}
                            for p in opening.postings
                        ],
                        score=round(final[opening_id], 4),
                        reasons=why.reasons,
                        missing=why.missing,
                        occupation=keco.name(occupation.code[:4]) if occupation.code else None,
                        region=opening.region_raw,
                        pay=format_pay(opening),
                        work_shift=opening.work_shift,
                        employment_type=opening.employment_type,
                        closes_on=opening.closes_on.isoformat() if opening.closes_on else None,
                        contact=opening.contact,
                    )
                )
        return results

    def _filter_and_search_words(
        self,
        profile: nlu.SeekerProfile,
        words: str,
        *,
        as_of: date,
        exclude: Iterable[int],
        depth: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The hard filters' mask over catalog rows, then BM25's ``depth`` best allowed ids
        for ``words`` and their scores."""
        mask = self._allowed(profile, as_of=as_of, exclude=exclude)
        allowed = mask if self._lexical_rows is None else self._lexical_mask(mask)
        ids, scores = self.lexical.top(tokenize(words), depth, allowed=allowed)
        return mask, ids, scores

    def _allowed(
        self, profile: nlu.SeekerProfile, *, as_of: date, exclude: Iterable[int]
    ) -> np.ndarray:
        """Boolean mask over catalog rows: hard filters passed and not excluded."""
        import numpy as np

        mask = allowed_rows(self.catalog, profile, as_of=as_of)
        excluded = np.fromiter({int(i) for i in exclude}, dtype=np.int64)
        if len(excluded):
            rows = self.catalog.rows_of(excluded)
            present = rows < len(self.catalog)
            present[present] = self.catalog.ids[rows[present]] == excluded[present]
            mask[rows[present]] = False
        return mask

    def _lexical_mask(self, mask: np.ndarray) -> np.ndarray:
        """The catalog-row mask as a mask over BM25 columns (absent documents: not allowed)."""
        import numpy as np

        assert self._lexical_rows is not None
        return np.append(mask, False)[self._lexical_rows]

    def _distances_from(self, home: nlu.Region | None) -> np.ndarray:
        """:func:`distances_km` from ``home``, cached for the most recent home regions.

        Seekers of one center live in a few dozen places; recomputing 100k haversines
        per query would cost more than the whole lexical channel.
        """
        key = home.region if home else None
        with self._distances_lock:
            cached = self._distances.get(key)
            if cached is not None:
                self._distances.move_to_end(key)
                return cached
        distance = distances_km(self.catalog, home)
        distance.flags.writeable = False
        with self._distances_lock:
            self._distances[key] = distance
            while len(self._distances) > DISTANCE_CACHE:
                self._distances.popitem(last=False)
        return distance


def seeker_jobs(text: str, profile: nlu.SeekerProfile | None) -> SeekerJobs:
    """The seeker's occupations as KECO codes: read from what they wrote, or, for a profile a
    conversation collected (whose search text is built from it), from the profile itself."""
    return read_seeker_jobs(text) if profile is None else profile_jobs(profile)


def kind_words(jobs: SeekerJobs, targets: Sequence[str], text: str) -> list[str]:
    """The names of the kinds of work the seeker named in other words within the units they
    want, as postings write them ("상자에 넣는 일" → 포장·선별; works.csv)."""
    return [
        kind
        for unit, kind in jobs.works
        if nested(unit, targets) and not any(part in text for part in kind.split("·"))
    ]


#: How postings say a day's work paid by the day ("일당 15만원 / 당일지급").
DAY_LABOUR_POSTED = ("일당", "당일지급", "일용직")


def day_labour_words(profile: nlu.SeekerProfile, text: str) -> list[str]:
    """The postings' words for day labour when the seeker asked for it in other words
    ("그날 돈 주는 일 있어요?" → 일당 당일지급 일용직)."""
    if DAY_LABOUR not in profile.wanted_employment_types:
        return []
    return [w for w in DAY_LABOUR_POSTED if w not in text]


def named_targets(jobs: SeekerJobs) -> tuple[str, ...]:
    """The classes whose names a search text may put in front: none for "아무거나"."""
    return () if jobs.any_occupation else jobs.targets


def profile_query(profile: nlu.SeekerProfile) -> str:
    """The search text of a profile a conversation collected: the jobs done (with years; the
    seeker's own words where the family name says more, :func:`retrieval.explain.search_words`),
    the certificates held and the home the seeker named; :func:`dense_query` puts the
    wanted jobs in front.

    The matcher embeds this instead of the chat lines: it carries no negations and stays
    the same however many turns the seeker took to say it.
    """
    tables = nlu.load_tables()
    _, done = search_words(profile)
    if done:
        years = max((e.years for e in profile.experience if e.years), default=None)
        parts = [" ".join(done) + (f" {years}년 경력" if years else "")]
    else:
        parts = [
            f"{tables.occupations[e.family].name_ko} {e.years}년 경력"
            if e.years
            else tables.occupations[e.family].name_ko
            for e in profile.experience
            if e.family in tables.occupations
        ]
    if not parts:  # work no family names ("큰 배 색칠하는 일 했습니다"): its unit's name
        parts = [
            f"{name} {years}년 경력" if years else name
            for name, years in zip(
                class_names(c for c, _ in profile.done_codes),
                (y for _, y in profile.done_codes),
                strict=False,
            )
        ]
    parts += [
        tables.certificates[c].name_ko
        for c in profile.certificates_held
        if c in tables.certificates
    ]
    if not parts and not profile.wanted_families:
        parts = ["일자리"]
    home = tables.regions.get(profile.home_region) if profile.home_region else None
    if home is not None and not profile.region_anywhere:
        parts += [home.name_ko, *home.aliases[:1]]  # as a typed "익산 살아요" would search
    return " ".join(parts)


def dense_query(
    text: str, profile: nlu.SeekerProfile, *, own_words: bool = False, targets: Sequence[str] = ()
) -> str:
    """The text embedded for the dense channel: the wanted jobs' names, then ``text``.

    Naming the wanted occupation steers e5 on career changes (용접 하다가 지게차 하고 싶어요)
    and on colloquial forms the model never saw (쇠 붙이는 일). ``own_words`` and
    ``targets`` (the KECO codes read from a typed text): see :func:`_wanted_names`.
    """
    return " ".join(part for part in [*_wanted_names(profile, own_words, targets), text] if part)


def lexical_query(
    text: str,
    profile: nlu.SeekerProfile,
    *,
    own_words: bool = False,
    targets: Sequence[str] = (),
    posted: Sequence[str] = (),
) -> str:
    """The text tokenized for BM25: the wanted jobs' names, the certificates held, and ``text``.

    Negated facts in ``text`` (특수용접은 없어요, 야간은 못해요) can no longer pull in what
    they rule out: the hard filters remove those postings before BM25 ranks. Keeping the
    seeker's own words finds postings the table's names miss (양극재, 배터리팩, 구내식당).
    ``posted``: the words postings use for an industry the seeker wants by another word
    ("배터리 공장 쪽으로" → 이차전지; :meth:`nlu.industries.Industries.posted_words`).
    """
    tables = nlu.load_tables()
    parts = [*posted, *_wanted_names(profile, own_words, targets)]
    parts += [
        tables.certificates[c].name_ko
        for c in profile.certificates_held
        if c in tables.certificates
    ]
    return " ".join([*parts, text]) if parts else text


#: Work a job center offers seekers of SENIOR_AGE and more who take any work ("칠십 넘었는디
#: 아무거나") or name none ("용돈벌이 할만한거", "버스타고 댕길만한 디"): guarding, cleaning,
#: parking.
SENIOR_WORK = ("경비", "미화", "청소", "주차")


def _wanted_names(
    profile: nlu.SeekerProfile, own_words: bool = False, targets: Sequence[str] = ()
) -> list[str]:
    """The wanted jobs' names; for a senior who takes any work or names none (neither wanted
    nor done), the work offered to seniors.

    ``own_words`` (a profile a conversation collected, searched with :func:`profile_query`):
    the seeker's own words where a name says more than they did
    (:func:`retrieval.explain.search_words`). A typed text holds those words already: in
    front of it the names stay; where no family names its work, the names of the ``targets``
    its classification read.
    """
    tables = nlu.load_tables()
    named = profile.wanted_families or profile.experience
    if (
        profile.age is not None
        and profile.age >= SENIOR_AGE
        and (profile.any_occupation or not named)
    ):
        return list(SENIOR_WORK)
    wanted, _ = search_words(profile) if own_words else ((), ())
    if wanted and not profile.any_occupation:
        return list(wanted)
    names = [
        tables.occupations[f].name_ko for f in profile.wanted_families if f in tables.occupations
    ]
    if names or profile.any_occupation:
        return names
    return class_names(targets)  # work no family names ("큰 배 색칠하는 일" is 8251)


def class_names(codes: Iterable[str]) -> list[str]:
    """The KECO units' names, without the bracketed aside ("도장원(도장기조작원)" → 도장원)."""
    keco = load_keco()
    return list(dict.fromkeys(keco.name(code).split("(")[0].strip() for code in codes))
