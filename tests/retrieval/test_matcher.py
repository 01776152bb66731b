"""The whole search on the sample openings: real model, real FAISS, real SQLite."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

import nlu
from bot.settings import Settings
from retrieval import dense_index
from retrieval.dense_index import DenseIndex
from retrieval.embedder import Embedder
from retrieval.indexer import MANIFEST, write_manifest
from retrieval.matcher import Matcher
from storage.models import Opening

AS_OF = date(2026, 11, 1)


def openings(matcher: Matcher, ids: list[int]) -> list[Opening]:
    from storage.openings import get_openings

    with matcher.sessions() as session:
        found = get_openings(session=session, ids=ids)
    return [found[i] for i in ids]


def test_experienced_welder_gets_welding_jobs_that_respect_his_limits(matcher: Matcher) -> None:
    results = matcher.match(
        "조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요", top=5, as_of=AS_OF
    )
    assert len(results) == 5
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
    for result, opening in zip(
        results, openings(matcher, [r.opening_id for r in results]), strict=True
    ):
        assert opening.occupation_family == "welder", opening.title
        assert opening.work_shift not in {"야간", "2교대", "3교대"}
        assert opening.closes_on is None or opening.closes_on >= AS_OF
        assert any("용접" in reason for reason in result.reasons)


def _two_turns(*texts: str) -> nlu.SeekerProfile:
    from nlu.profile import SeekerProfile
    from nlu.profile_merge import merge

    profile = SeekerProfile()
    for text in texts:
        profile = merge(profile, nlu.parse_seeker_text(text))
    return profile.for_search()


@pytest.mark.parametrize(
    "said",
    [
        ("용접 십오년 혔는디 인자 허리가 아파서 못허것어요 가벼운거",),
        ("용접 20년 했어요 힘쓰는 일은 이제 무리에요",),
        ("용접 20년 했어요", "허리가 아파서 힘든 일은 못해요"),  # a conversation, two turns
    ],
)
def test_a_welder_whose_back_gave_out_gets_no_heavy_trade(
    matcher: Matcher, said: tuple[str, ...]
) -> None:
    from retrieval.matcher import profile_query

    if len(said) == 1:
        results = matcher.match(said[0], top=5, as_of=AS_OF)
    else:
        profile = _two_turns(*said)
        results = matcher.match(profile_query(profile), top=5, as_of=AS_OF, profile=profile)
    shown = openings(matcher, [r.opening_id for r in results])
    rows = matcher.catalog.rows_of(np.asarray([o.id for o in shown]))
    # heavy by its words or by its trade (welding, fitting, 제관, painting, construction)
    heavy = matcher.catalog.strain["heavy"]

    assert len(results) == 5 and not heavy[rows].any(), [o.title for o in shown]
    assert heavy.sum() > 20  # the sample's welding and fitting jobs are heavy
    assert any("강사" in o.title or "교사" in o.title for o in shown)  # teaching the trade


def test_a_plant_wanted_by_the_seekers_word_finds_postings_in_their_word(
    tmp_path: Path, embedder: Embedder
) -> None:
    from retrieval.constraints import MatchPolicy
    from retrieval.evaluation import DevSet, open_dev_home

    # "배터리 공장" in a seeker's mouth is "이차전지" in a posting (data/occupations/industries.csv)
    postings = tmp_path / "openings.csv"
    postings.write_text(
        "공고번호,회사명,직종,제목,근무지,급여,마감일,내용\n"
        "B-1,새만금소재,생산직,이차전지 양극재 소성 공정 오퍼레이터,군산시 새만금,월 300만원,"
        "2026-12-31,소성로 투입·배출\n"
        "C-1,군산모터스,생산직,전기차 부품 조립원 모집,군산시 소룡동,월 280만원,"
        "2026-12-31,부품 조립\n"
        "F-1,익산식품,생산직,식품 포장원 모집,익산시 왕궁면,월 250만원,2026-12-31,포장\n",
        encoding="utf-8",
    )
    dev = DevSet("tiny", postings, (postings,), AS_OF)
    small = open_dev_home(dev, tmp_path / "home", embedder=embedder, policy=MatchPolicy())
    _, ranked, _ = small.rank("자동차 조립 20년 했는데 배터리 공장 쪽으로 가고 싶어요", as_of=AS_OF)
    first = openings(small, ranked.lexical[:1])[0]
    assert first.title.startswith("이차전지"), first.title


def test_a_senior_who_takes_any_work_is_not_offered_heavy_work(matcher: Matcher) -> None:
    from retrieval.matcher import profile_query

    heavy = matcher.catalog.strain["heavy"]
    # by December most of the sample's guard and cleaning postings have closed, and heavy
    # ones (blasting, block fitting) were left to fill the cards of "아무거나" at 69
    late = date(2026, 12, 5)

    def heavy_shown(text: str) -> int:
        profile = _two_turns(text)  # as a conversation searches
        results = matcher.match(profile_query(profile), top=5, as_of=late, profile=profile)
        rows = matcher.catalog.rows_of(np.asarray([r.opening_id for r in results]))
        return int(heavy[rows].sum())

    assert heavy_shown("칠십 다 돼 가는디 아무거나 헐 수 있는 일 있소") == 0
    assert heavy_shown("칠십 다 돼 가는디 용접 일 있소") > 0  # a trade named is searched for


def test_the_catalog_knows_a_helpers_job_by_its_title(matcher: Matcher) -> None:
    ids = matcher.catalog.ids.tolist()
    titles = [o.title for o in openings(matcher, ids)]
    helper = matcher.catalog.helper
    assert helper is not None
    rows = matcher.catalog.rows_of(np.asarray(ids))
    flagged = {t for t, h in zip(titles, helper[rows], strict=True) if h}
    assert flagged and all("보조" in t for t in flagged)
    assert all(t in flagged for t in titles if "보조" in t and "보조금" not in t)


def test_lookalikes_rank_below_real_matches(matcher: Matcher) -> None:
    _, ranked, _ = matcher.rank("용접 경력 20년 입니다 군산 살아요", as_of=AS_OF)
    families = [o.occupation_family for o in openings(matcher, ranked.hybrid[:40])]
    lookalikes = [i for i, f in enumerate(families) if f in {"vocational_instructor", "sales_rep"}]
    welders = [i for i, f in enumerate(families) if f == "welder"]
    assert welders and lookalikes == [] or max(welders) < min(lookalikes)


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("일용직 말고 생산직 자리 있어요?", lambda o: o.employment_type != "일용직"),
        (
            "지게차 운전 월 300 이상 받고 싶어요",
            lambda o: (o.monthly_pay_max or o.monthly_pay_min or 10**9) >= 3_000_000,
        ),
        (
            "익산에서 출퇴근할 수 있는 용접 일",
            lambda o: o.region_id is None or "geoje" not in o.region_id,
        ),
        (  # none at all: a posting that requires one (a driving licence aside) is ruled out
            "용접 일 찾아요. 자격증은 따본 적 없어요",
            lambda o: all(
                level != "required" or nlu.load_tables().certificates[cert].licence
                for cert, level in o.certificates.items()
            ),
        ),
    ],
)
def test_hard_constraints_hold_for_every_result(matcher: Matcher, text: str, check) -> None:  # type: ignore[no-untyped-def]
    results = matcher.match(text, top=10, as_of=AS_OF)
    assert results
    for opening in openings(matcher, [r.opening_id for r in results]):
        assert check(opening), opening.title


def test_career_change_targets_the_new_occupation(matcher: Matcher) -> None:
    results = matcher.match("용접하다 허리 다쳐서 이제 지게차 하고 싶어요", top=3, as_of=AS_OF)
    families = [o.occupation_family for o in openings(matcher, [r.opening_id for r in results])]
    assert families == ["forklift_driver"] * 3


def test_paging_never_repeats(matcher: Matcher) -> None:
    first = matcher.match("자동차 부품 조립 주간", top=5, as_of=AS_OF)
    second = matcher.match(
        "자동차 부품 조립 주간", top=5, as_of=AS_OF, exclude=[r.opening_id for r in first]
    )
    assert not {r.opening_id for r in first} & {r.opening_id for r in second}


def test_searches_at_once_get_what_each_gets_alone(matcher: Matcher) -> None:
    """The bot searches from several threads; each search's filters and BM25 run in the
    matcher's worker pool beside its embedding, so one search must never get another's."""
    texts = [
        "조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요",
        "지게차 운전 월 300 이상 받고 싶어요",
        "익산 살아요 자동차 부품 조립 주간",
        "아무 일이나 일당으로",
    ] * 3
    pages = {t: [(m.opening_id, m.score) for m in matcher.match(t, as_of=AS_OF)] for t in texts}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda t: matcher.match(t, as_of=AS_OF), texts))
    assert len({tuple(page) for page in pages.values()}) == 4  # four different answers
    for text, results in zip(texts, together, strict=True):
        assert [(m.opening_id, m.score) for m in results] == pages[text], text


def test_expired_openings_come_back_only_before_they_close(matcher: Matcher) -> None:
    with matcher.sessions() as session:
        from sqlalchemy import select

        expired = session.scalars(
            select(Opening).where(Opening.closes_on < AS_OF, Opening.occupation_family == "welder")
        ).first()
    assert expired is not None
    text = expired.title
    shown_now = {r.opening_id for r in matcher.match(text, top=50, as_of=AS_OF)}
    shown_before = {r.opening_id for r in matcher.match(text, top=50, as_of=date(2026, 1, 1))}
    assert expired.id not in shown_now
    assert expired.id in shown_before


def test_merged_opening_lists_every_source(matcher: Matcher) -> None:
    results = matcher.match("한길중공업 선박 용접사 정규직", top=10, as_of=AS_OF)
    merged = [r for r in results if len(r.sources) > 1]
    assert merged, [r.title for r in results]
    assert all({"source", "source_id"} == set(s) for r in merged for s in r.sources)


def test_gibberish_and_emoji_still_return_a_list(matcher: Matcher) -> None:
    assert isinstance(matcher.match("ㅋㅋㅋ 🙏🙏", top=3, as_of=AS_OF), list)
    assert isinstance(matcher.match("", top=3, as_of=AS_OF), list)


def test_profile_parsing_is_what_the_constraints_use(matcher: Matcher) -> None:
    profile = nlu.parse_seeker_text("특수용접은 없어요 야간은 못해요")
    assert "special_welding" in profile.certificates_lacking
    assert "야간" in profile.excluded_shifts


def test_unknown_ids_in_exclude_are_ignored(matcher: Matcher) -> None:
    plain = matcher.match("지게차 운전", top=3, as_of=AS_OF)
    assert [
        r.opening_id for r in matcher.match("지게차 운전", top=3, as_of=AS_OF, exclude=[10**9, -1])
    ] == [r.opening_id for r in plain]


def test_an_ivf_index_probing_every_list_ranks_like_flat(
    matcher: Matcher, sample_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dense_index, "APPROXIMATE_FROM", 100)
    shutil.copytree(sample_settings.index_dir, tmp_path / "index")
    dense = DenseIndex.load(tmp_path / "index").fitted()
    assert dense.kind == "ivf"
    dense.save(tmp_path / "index")
    manifest = json.loads((tmp_path / "index" / MANIFEST).read_text(encoding="utf-8"))
    write_manifest(tmp_path / "index", model=manifest["model"], dense=dense, docs=manifest["docs"])
    ivf = Matcher.open(
        index_dir=tmp_path / "index",
        embedder=matcher.embedder,
        sessions=matcher.sessions,
        policy=matcher.policy,
    )
    assert (
        json.loads((tmp_path / "index" / MANIFEST).read_text(encoding="utf-8"))["dense"]["kind"]
        == "ivf"
    )
    for text in [
        "조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요",
        "익산 사는데 지게차 일 있나요",
    ]:
        # A few hundred openings: the search probes every list, so it is exact.
        assert ivf.rank(text, as_of=AS_OF)[1] == matcher.rank(text, as_of=AS_OF)[1]


def test_bm25_and_catalog_holding_different_openings_still_rank(
    matcher: Matcher, sample_settings: Settings
) -> None:
    from retrieval.lexical import BM25Index, tokenize

    with matcher.sessions() as session:
        welder = session.scalars(
            select(Opening.id).where(Opening.occupation_family == "welder")
        ).first()
    assert welder is not None
    lexical = BM25Index.load(sample_settings.index_dir)
    lexical.remove([welder])
    lexical.upsert(10**6, tokenize("선박 용접사 모집 용접 용접"))  # not in the catalog
    skewed = Matcher(
        embedder=matcher.embedder,
        dense=matcher.dense,
        lexical=lexical,
        catalog=matcher.catalog,
        sessions=matcher.sessions,
        policy=matcher.policy,
    )
    _, ranked, _ = skewed.rank("선박 용접", as_of=AS_OF)
    assert ranked.lexical and 10**6 not in ranked.lexical + ranked.hybrid
    assert welder not in ranked.lexical


def test_a_conversations_profile_names_the_wanted_job_once_in_front() -> None:
    from nlu.profile import SeekerProfile
    from nlu.profile_merge import merge
    from retrieval.matcher import dense_query, lexical_query, profile_query

    profile = SeekerProfile()
    for text in ("조선소 용접 15년 특수용접 있어요", "야간은 못해요 월 300 이상"):
        profile = merge(profile, nlu.parse_seeker_text(text))
    searched = profile.for_search()
    text = profile_query(searched)
    assert text == "용접원 15년 경력 특수용접기능사"
    assert dense_query(text, searched) == "용접원 용접원 15년 경력 특수용접기능사"
    assert lexical_query(text, searched) == f"용접원 특수용접기능사 {text}"
    assert profile_query(SeekerProfile()) == "일자리"
    # the town named in a reply ("익산이요") is searched like a typed "익산 살아요"
    moved = merge(profile, nlu.parse_seeker_text("익산이요")).for_search()
    assert profile_query(moved) == "용접원 15년 경력 특수용접기능사 익산시 익산"
    anything = SeekerProfile(any_occupation=True, home_region="seocheon_janghang")
    assert profile_query(anything) == "일자리 장항읍 장항"


def test_a_conversation_and_a_typed_search_leave_the_same_trade() -> None:
    from retrieval.matcher import seeker_jobs

    typed = seeker_jobs("용접 20년 했어요 힘쓰는 일은 이제 무리에요", None)
    talked = seeker_jobs("", _two_turns("용접 20년 했어요", "힘쓰는 일은 이제 무리에요"))
    assert typed.leaving and talked.leaving
    assert typed.targets == talked.targets == ()
    assert dict(typed.experience) == dict(talked.experience) == {"8241": 20}
    # a later wish is the target again
    wish = _two_turns("용접 20년 했어요", "힘든 일은 못해요", "경비 같은 거요")
    assert seeker_jobs("", wish).targets == ("5420",) and not seeker_jobs("", wish).leaving
    # said other ways in one message: the chat keeps it like the typed search
    for said in (
        "도장 10년 했는디 냄새땜에 인자 못허것어요",
        "용접 20년 했는데 다른 일 하고 싶어요",
    ):
        chat = _two_turns(said)
        assert seeker_jobs("", chat).leaving and not seeker_jobs("", chat).targets
        assert seeker_jobs(said, None).leaving
    # … and said on its own after the trade; "다른 거 보여줘요" asks for more results instead
    later = _two_turns("용접 20년 했어요", "냄새 땜에 이제 못하겠어요")
    assert seeker_jobs("", later).leaving and not seeker_jobs("", later).targets
    more = _two_turns("용접 20년 했어요", "다른 거 보여줘요")
    assert seeker_jobs("", more).targets == ("8241",)
    # the work done and refused by name is not brought back as the target
    refused = _two_turns("용접 20년 했는데 용접은 이제 못해요")
    assert "8241" not in seeker_jobs("", refused).targets


def test_a_conversations_profile_decides_the_target_not_its_search_text() -> None:
    from retrieval.matcher import seeker_jobs

    changer = nlu.SeekerProfile(
        wanted_families=("forklift_driver",), experience=(nlu.Experience("welder", 10),)
    )
    jobs = seeker_jobs("용접원 10년 경력", changer)
    assert jobs.targets == ("623004",)  # 지게차 운전원
    assert jobs.experience == (("8241", 10),)
    assert seeker_jobs("용접원 10년 경력", None).targets == ("8241",)


def test_a_senior_who_takes_any_work_is_searched_with_the_work_offered_to_seniors() -> None:
    from retrieval.matcher import SENIOR_WORK, dense_query, lexical_query

    senior = nlu.SeekerProfile(any_occupation=True, age=71, wanted_families=("farm_worker",))
    assert dense_query("일자리", senior) == " ".join([*SENIOR_WORK, "일자리"])
    assert lexical_query("아무거나 혀요", senior).startswith(" ".join(SENIOR_WORK))
    younger = nlu.SeekerProfile(any_occupation=True, age=40)
    assert dense_query("일자리", younger) == "일자리"
    # naming no work at all is the same ("용돈벌이 할만한거"); naming what they did is not
    text = "퇴직하고 노는데 용돈벌이 할만한거. 65세 기초연금 받아요"
    assert dense_query(text, nlu.parse_seeker_text(text)).startswith(" ".join(SENIOR_WORK))
    welder = "용접 30년 했어요 나이 60인데 써주는데 있냐"
    assert not dense_query(welder, nlu.parse_seeker_text(welder)).startswith(SENIOR_WORK[0])


def test_a_family_name_that_says_more_than_the_seeker_gives_way_to_their_words() -> None:
    from nlu.profile import SeekerProfile
    from nlu.profile_merge import merge
    from retrieval.matcher import dense_query, profile_query

    # '조립 생산직' is filed as 생산·포장 단순 종사원, whose name pulls simple packing jobs (d089)
    done = merge(SeekerProfile(), nlu.parse_seeker_text("조립 생산직 5년 해봤어요")).for_search()
    assert done.done_words and done.experience
    assert profile_query(done) == "조립 생산직 5년 경력"
    wish = nlu.parse_seeker_text("조립 생산직 하고 싶어요")
    assert dense_query("일자리", wish, own_words=True) == "조립 생산직 일자리"
    # a typed text holds the words already: the name stays in front of it
    typed = "조립 생산직 하고 싶어요"
    assert dense_query(typed, wish) == f"생산·포장 단순 종사원 {typed}"
    # a family that is what was said keeps its name
    welder = nlu.parse_seeker_text("용접 일 찾아요")
    assert dense_query("용접 일 찾아요", welder, own_words=True) == "용접원 용접 일 찾아요"


def test_work_only_the_classification_reads_is_named_in_front_of_the_text() -> None:
    from retrieval.matcher import dense_query, lexical_query, seeker_jobs

    # no family says "큰 배 색칠하는 일"; the KECO reading (8251) names it for both channels
    text = "큰 배 색칠하는 일 했습니다 군산에서 다시 하고 싶어요"
    profile = nlu.parse_seeker_text(text)
    targets = seeker_jobs(text, None).targets
    assert not profile.wanted_families and targets == ("8251",)
    assert dense_query(text, profile, targets=targets) == f"도장원 {text}"
    assert lexical_query(text, profile, targets=targets) == f"도장원 {text}"
    # a family's name stays the one name in front
    welder = nlu.parse_seeker_text("용접 일 찾아요")
    assert dense_query("용접 일 찾아요", welder, targets=("8241",)) == "용접원 용접 일 찾아요"


def test_a_conversation_about_work_no_family_names_searches_with_its_unit_name() -> None:
    from nlu.profile import SeekerProfile
    from nlu.profile_merge import merge
    from retrieval.matcher import dense_query, profile_query, seeker_jobs

    # "일자리" was searched before: the chat showed 노인 공익활동 to a ten-year ship painter
    said = merge(SeekerProfile(), nlu.parse_seeker_text("큰 배 색칠하는 일 했습니다 십년 정도요"))
    searched = said.for_search()
    assert not searched.experience and searched.done_codes
    text = profile_query(searched)
    assert text == "도장원"
    targets = seeker_jobs(text, searched).targets
    assert dense_query(text, searched, own_words=True, targets=targets) == "도장원 도장원"


def test_a_kind_of_work_said_in_other_words_is_searched_by_the_postings_word() -> None:
    """ "물건 상자에 넣는일 찾아요" shares no word with "냉동만두 생산·포장 사원": BM25 gets the
    kind's name (포장·선별) — unless the seeker said it already."""
    from retrieval.matcher import kind_words, seeker_jobs

    text = "한국말 잘 못해요 물건 상자에 넣는일 찾아요 익산 살아요"
    jobs = seeker_jobs(text, None)
    assert kind_words(jobs, jobs.targets, text) == ["포장·선별"]
    said = "포장 일 찾아요 상자에 넣는 거요"
    assert kind_words(seeker_jobs(said, None), ("8900",), said) == []


def test_day_labour_asked_in_other_words_searches_the_postings_words() -> None:
    from retrieval.matcher import day_labour_words

    asked = "그날 돈 주는 일 있어요?"  # fifth set v007
    assert day_labour_words(nlu.parse_seeker_text(asked), asked) == ["일당", "당일지급", "일용직"]
    said = "일당 당일지급 되는곳"
    assert day_labour_words(nlu.parse_seeker_text(said), said) == ["일용직"]
    assert day_labour_words(nlu.parse_seeker_text("용접 일 찾아요"), "용접 일 찾아요") == []
