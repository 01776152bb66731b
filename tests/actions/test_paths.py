"""Career paths in the conversation (issue 15 item 3): action_show_paths and the next step
that leads to it, over the sample openings and the hand-written local courses."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from actions import messages
from actions.context import ActionContext
from actions.next_step import DialogueState, Step, Turn, decide, search_key
from actions.next_step_action import NextStep
from actions.paths import ShowPaths, asks_for_paths, paths_button, seeker_text
from actions.replies import OPENINGS
from nlu import parse_seeker_text
from nlu.profile import SeekerProfile
from nlu.profile_merge import merge
from retrieval.matcher import Match
from storage.importer import import_files
from storage.models import Opening
from tests.actions.conftest import make_tracker

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def courses(action_sessions: sessionmaker[Session]) -> None:
    """The local courses next to the sample openings (this module's own copy of the home)."""
    with action_sessions() as session:
        import_files(session, [REPO / "data/courses/local_courses.csv"])


def said(*texts: str, intent: str = "inform") -> Any:
    """A tracker after ``texts`` (the last is the latest message), profile merged from all."""
    profile = SeekerProfile()
    for text in texts:
        profile = merge(profile, parse_seeker_text(text))
    events = [{"event": "user", "text": t} for t in texts[:-1]]
    return make_tracker(
        text=texts[-1], intent=intent, slots={"profile": profile.to_dict()}, events=events
    )


def run(action: Any, tracker: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, dispatcher.messages


def paths_of(sent: list[dict[str, Any]]) -> dict[str, Any]:
    [message] = sent
    payload = message["custom"]
    assert payload["type"] == "paths"
    return payload


def test_offshore_wind_for_a_shipyard_welder_comes_first_with_what_carries_over(
    context: ActionContext,
) -> None:
    tracker = said(
        "조선소 용접 20년 했어요, 특수용접 있어요", "해상풍력 쪽은 어때요?", intent="ask_paths"
    )
    events, sent = run(ShowPaths(context), tracker)
    payload = paths_of(sent)
    first = payload["paths"][0]
    assert (first["origin"], first["code"]) == ("조선 용접 20년", "8241")
    assert "해상풍력" in first["occupation"]
    # he said he holds 특수용접기능사: it carries over as it is, and is not "helpful" again
    assert first["certificates_kept"] == ["특수용접기능사"]
    assert "특수용접기능사" not in first["certificates_helpful"]
    assert first["carry_over"] and first["missing"]
    assert (
        payload["text"]
        .splitlines()[2]
        .startswith(
            "1. 조선 용접 20년 → 해상풍력 하부구조물·타워·압력용기 용접: 가지신 특수용접기능사 그대로, 군산 근처"
        )
    )
    assert [p["rank"] for p in payload["paths"]] == [1, 2, 3]
    assert events == [
        SlotSet("open_question", None),
        SlotSet("fallback_count", 0.0),
        SlotSet("paths_pending", False),
    ]


def test_nothing_is_said_to_be_held_that_the_seeker_did_not_say(context: ActionContext) -> None:
    payload = paths_of(
        run(ShowPaths(context), said("조선소 용접 20년, 해상풍력 쪽 가고 싶어요"))[1]
    )
    first = payload["paths"][0]
    assert first["certificates_kept"] == []
    assert "특수용접기능사" in first["certificates_helpful"]
    assert "가지신" not in payload["text"]


def test_openings_demanding_experience_in_another_trade_are_left_out(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    payload = paths_of(
        run(ShowPaths(context), said("조선소 용접 3년 했어요 제관 일 해 보고 싶어요"))[1]
    )
    [sheet_metal] = [p for p in payload["paths"] if p["code"] == "8223"]
    assert payload["paths"][0] is sheet_metal  # the path he asked for comes first
    welding = [p for p in payload["paths"] if p["code"] == "8241"]
    with action_sessions() as session:
        careers = {
            o["opening_id"]: session.get(Opening, o["opening_id"]) for o in sheet_metal["openings"]
        }
        assert sheet_metal["openings"], "the sample has 제관 openings open to newcomers"
        assert all(o is not None and o.career != "경력" for o in careers.values())
        # his own trade: experience required up to his 3 years is fine, more is not
        for path in welding:
            for ref in path["openings"]:
                opening = session.get(Opening, ref["opening_id"])
                assert opening is not None
                assert opening.career != "경력" or (opening.career_years_min or 1) <= 3
    assert [b["payload"] for b in sheet_metal["buttons"]] == [
        f'/job_details{{"opening_id":{o["opening_id"]}}}' for o in sheet_metal["openings"]
    ]


def test_courses_that_close_the_gap_come_as_cards_with_a_counselor_button(
    context: ActionContext,
) -> None:
    payload = paths_of(
        run(ShowPaths(context), said("GM에서 차체 15년, 배터리 공장 가고 싶어요"))[1]
    )
    assert payload["paths"][0]["code"] in {"8351", "8360", "8512"}
    titles = [c["title"] for c in payload["courses"]]
    assert any("이차전지" in t or "배터리" in t for t in titles)
    for course in payload["courses"]:
        assert course["starts_on"] >= context.today().isoformat()
        assert course["buttons"] == [{"title": "상담사와 상의", "payload": "/request_counselor"}]
    assert "자부담 없음" in payload["text"]  # the cost to the seeker, not the course's list price
    assert [b["payload"] for b in payload["buttons"]] == ["/search_jobs", "/request_counselor"]


def test_without_a_trade_the_bot_asks_for_it_and_shows_the_paths_once_it_is_said(
    context: ActionContext,
) -> None:
    events, sent = run(ShowPaths(context), said("다른 일은 뭐가 있어요?", intent="ask_paths"))
    assert sent[0]["text"] == messages.PATHS_NEED_TRADE
    assert events == [
        SlotSet("open_question", None),
        SlotSet("fallback_count", 0.0),
        SlotSet("paths_pending", True),
    ]
    answer = said("다른 일은 뭐가 있어요?", "배 도장 10년 했어요")
    assert not asks_for_paths(answer)  # a trade alone is a search ...
    answer.slots["paths_pending"] = True
    assert asks_for_paths(answer)  # ... unless the paths were asked for
    steps, replies = run(NextStep(context), answer)
    assert paths_of(replies)["paths"][0]["origin"] == "조선 도장 10년"
    assert SlotSet("paths_pending", False) in steps


def test_a_trade_the_table_does_not_know_is_told_so_with_the_counselor_button(
    context: ActionContext,
) -> None:
    _, sent = run(ShowPaths(context), said("경비 10년 했어요 다른 일은 뭐가 있어요?"))
    assert sent[0]["text"] == messages.PATHS_UNKNOWN_TRADE
    assert sent[0]["buttons"] == [{"title": "상담사 연결", "payload": "/request_counselor"}]


def test_the_same_intro_is_not_sent_twice_in_a_row(context: ActionContext) -> None:
    first = paths_of(run(ShowPaths(context), said("용접 20년 했어요 다른 일은요?"))[1])
    tracker = said("용접 20년 했어요 다른 일은요?", "다른 길 다시 보여 줘요")
    tracker.events.insert(-1, {"event": "bot", "text": None, "data": {"custom": first}})
    again = paths_of(run(ShowPaths(context), tracker)[1])
    assert again["text"].partition("\n\n")[0] == messages.PATHS_INTRO_AGAIN.format(
        origin="조선 용접 20년"
    )


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("조선소 용접 20년 했어요", "해상풍력 쪽은 어때요?"), True),
        (("GM에서 차체 15년, 배터리 공장 가고 싶어요",), True),
        (("용접 10년", "제관 일 해 보고 싶어요"), True),  # a table occupation he has not done
        (("용접 15년 특수용접 있어요 군산 살아요 월 300 이상 야간은 못해요",), False),
        (("군산조선소에서 용접 15년 했어요",), False),  # his own industry, not a new field
        (("용접 10년", "협력사 들어가고 싶어요"), False),  # going back is not a new field
        (("배터리 공장 가고 싶어요",), False),  # no trade yet: no path to show
        (("용접 10년", '/job_details{"opening_id":3}'), False),  # a button
    ],
)
def test_a_field_outside_the_trade_asks_for_paths(texts: tuple[str, ...], expected: bool) -> None:
    assert asks_for_paths(said(*texts)) is expected


def test_the_seekers_words_skip_buttons_and_start_after_a_reset() -> None:
    tracker = said("용접 10년", "/request_counselor", "배터리는요?")
    tracker.events.insert(0, {"event": "user", "text": "지게차 3년"})
    tracker.events.insert(1, {"event": "reset_slots"})
    assert seeker_text(tracker) == "용접 10년\n배터리는요?"


def test_asking_what_else_shows_paths_only_without_new_facts_and_from_a_trade_or_nothing() -> None:
    welder = merge(SeekerProfile(), parse_seeker_text("용접 20년 했어요"))
    wish = merge(SeekerProfile(), parse_seeker_text("용접 배워서 해 보고 싶어요"))
    ask = Turn(intent="ask_paths", asks_other_work=True)
    assert decide(DialogueState(profile=welder), ask) == Step(act="paths")
    assert decide(DialogueState(profile=SeekerProfile()), ask) == Step(act="paths")
    # a learner's wish is no trade to start from: the search goes on as without the intent
    assert decide(DialogueState(profile=wish), ask).act == "search"
    assert decide(DialogueState(profile=welder), replace(ask, added_facts=True)).act == "search"


def test_a_statement_taken_for_ask_paths_is_a_next_step() -> None:
    """ "직업군인 전역했어요" is read as ask_paths by the classifier, but asks nothing."""
    soldier = merge(SeekerProfile(), parse_seeker_text("용접 20년 했어요"))
    said_only = Turn(intent="ask_paths", asks_other_work=False)
    assert decide(DialogueState(profile=soldier), said_only).act == "search"
    assert decide(DialogueState(profile=SeekerProfile()), said_only) == Step(ask="occupation")
    told = said("조선소 용접 20년 했어요", "용접 허다 그만뒀어요 오십둘이요", intent="ask_paths")
    assert not asks_for_paths(told)


def test_a_wish_alone_is_no_trade_to_draw_paths_from(context: ActionContext) -> None:
    _, sent = run(ShowPaths(context), said("용접 배워서 해 보고 싶어요", intent="ask_paths"))
    assert sent[0]["text"] == messages.PATHS_NEED_TRADE  # never "조선 용접 경력으로 …"


def test_decide_shows_paths_for_a_field_outside_the_trade_even_with_new_facts() -> None:
    state = DialogueState(profile=SeekerProfile())
    assert decide(state, Turn(intent="inform", added_facts=True, asks_paths=True)) == Step(
        act="paths"
    )
    offer = DialogueState(profile=SeekerProfile(), open_question="counselor_offer")
    assert decide(offer, Turn(intent="affirm", answer="yes", asks_paths=False)) == Step(
        act="handoff"
    )


def test_the_next_step_shows_paths_when_a_message_names_a_new_field(
    context: ActionContext,
) -> None:
    tracker = said("조선소 용접 20년 했어요", "해상풍력 쪽으로 가고 싶어요")
    events, sent = run(NextStep(context), tracker)
    assert paths_of(sent)["paths"][0]["code"] == "8241"
    assert SlotSet("open_question", None) in events


def test_results_where_the_own_trade_is_thin_offer_the_paths(
    action_sessions: sessionmaker[Session],
) -> None:
    def page(family: str | None) -> list[Match]:
        with action_sessions() as session:
            query = select(Opening.id).where(
                Opening.occupation_family == family
                if family
                else Opening.occupation_family.not_in(["welder"])
            )
            ids = list(session.scalars(query.limit(3)))
        assert len(ids) == 3
        return [Match(opening_id=i, title="", company="", sources=[], score=1.0, reasons=[])
                for i in ids]  # fmt: skip

    welder = merge(SeekerProfile(), parse_seeker_text("용접 20년 했어요"))
    with action_sessions() as session:
        assert paths_button(session, page("welder"), welder) == []
        assert paths_button(session, page(None), welder) == [
            {"title": "경력 살려 갈 다른 길 보기", "payload": "/ask_paths"}
        ]
        assert paths_button(session, page(None), SeekerProfile()) == []  # no trade said


def test_asking_what_else_counts_even_with_new_facts_once_the_trade_is_in_the_table() -> None:
    asks = said(
        "배 선각 조립 12년 했어요", "익산 사는데 요새 뜨는 일이 뭐가 있을까요", intent="ask_paths"
    )
    assert asks_for_paths(asks)
    unknown = said("경비 8년 했어요", "익산 사는데 다른 일은 뭐가 있을까요", intent="ask_paths")
    assert not asks_for_paths(unknown)  # no path from 경비: the facts make a search
    learner = said("용접 배워서 해 보고 싶어요", intent="ask_paths")
    assert not asks_for_paths(learner)


def test_a_field_wished_for_shows_its_openings_before_the_paths(context: ActionContext) -> None:
    """ "용접은 이제 그만하고 배터리 공장 같은데 가보고 싶어요" (dialogs dev 3 g002): the
    battery plants' openings answer the wish; the paths from welding follow."""
    tracker = said(
        "조선소에서 용접만 십오년 했는데요", "용접은 이제 그만하고 배터리 공장 같은데 가보고 싶어요"
    )
    tracker.events.append({"event": "slot", "name": "profile", "value": tracker.slots["profile"]})
    events, sent = run(NextStep(context), tracker)
    kinds = [m.get("custom", {}).get("type") for m in sent]
    assert kinds[0] == OPENINGS and kinds[-1] == "paths"
    assert any(e.get("name") == "searched" and e.get("value") for e in events)


def test_decide_searches_with_the_paths_only_a_new_wished_work() -> None:
    wish = merge(SeekerProfile(), parse_seeker_text("배터리 공장 가고 싶어요"))
    turn = Turn(intent="inform", added_facts=True, asks_paths=True)
    assert decide(DialogueState(profile=wish), turn) == Step(act="paths", search_too=True)
    searched = DialogueState(profile=wish, searched=search_key(wish, None))
    assert decide(searched, turn) == Step(act="paths")
