"""Each action on its own: the exact events it returns and what it sends, over real data."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from actions.apply import Apply
from actions.context import ActionContext
from actions.handoff import HandleFallback, RequestCounselor
from actions.profile import ReadProfile, RestartProfile
from actions.search import JobDetails, MoreResults, SearchJobs
from nlu import parse_seeker_text
from nlu.profile import SeekerProfile
from nlu.profile_merge import merge
from storage.models import Application, Handoff, Opening, Seeker
from tests.actions.conftest import make_tracker

WELDER = "조선소 용접 15년, 특수용접 있고 군산 살아요. 야간은 못해요"


def run(action: Any, tracker: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, dispatcher.messages


def welder_profile() -> dict[str, object]:
    return merge(SeekerProfile(), parse_seeker_text(WELDER)).to_dict()


def test_read_profile_fills_every_slot_one_message_names(context: ActionContext) -> None:
    events, sent = run(ReadProfile(context), make_tracker(text=WELDER))
    assert sent == []
    assert events == [
        SlotSet("profile", welder_profile()),
        SlotSet("occupation", "용접원 15년"),
        SlotSet("certificates", "특수용접기능사"),
        SlotSet("region", "군산시"),
        SlotSet("shift", "2교대, 3교대, 야간 불가"),
    ]


def test_read_profile_changes_nothing_while_a_counselor_has_the_conversation(
    context: ActionContext,
) -> None:
    events, _ = run(ReadProfile(context), make_tracker(text="아 지역은 익산이요", paused=True))
    assert events == []


def test_read_profile_takes_a_bare_no_as_the_answer_to_the_certificate_question(
    context: ActionContext,
) -> None:
    tracker = make_tracker(
        text="없어요",
        intent="deny",
        slots={"requested_slot": "certificates", "occupation": "용접원 15년"},
        active_loop="profile_form",
    )
    events, _ = run(ReadProfile(context), tracker)
    assert SlotSet("certificates", "없음") in events


def test_read_profile_resets_the_fallback_count_on_an_understood_message(
    context: ActionContext,
) -> None:
    tracker = make_tracker(text="더 보여줘", intent="more_results", slots={"fallback_count": 1.0})
    events, _ = run(ReadProfile(context), tracker)
    assert events == [SlotSet("fallback_count", 0.0)]


def test_search_shows_welding_openings_and_remembers_them(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    tracker = make_tracker(text="찾아줘", intent="search_jobs", slots={"profile": welder_profile()})
    events, sent = run(SearchJobs(context), tracker)
    [message] = sent
    payload = message["custom"]
    assert payload["type"] == "openings"
    cards = payload["openings"]
    assert [c["rank"] for c in cards] == [1, 2, 3]
    ids = [c["opening_id"] for c in cards]
    assert events == [SlotSet("shown_openings", ids), SlotSet("focus_opening", None)]
    with action_sessions() as session:
        families = {session.get(Opening, i).occupation_family for i in ids}  # type: ignore[union-attr]
        shifts = {session.get(Opening, i).work_shift for i in ids}  # type: ignore[union-attr]
        seeker = session.scalar(select(Seeker).where(Seeker.sender_id == "seeker-1"))
    assert families == {"welder"}
    assert not shifts & {"야간", "2교대", "3교대"}
    assert seeker is not None and seeker.profile["home_region"] == "gunsan"
    assert all(c["reasons"] for c in cards)
    assert cards[0]["buttons"][0]["payload"] == f'/job_details{{"opening_id":{ids[0]}}}'
    assert "용접" in payload["text"]


def test_more_results_never_repeats(context: ActionContext) -> None:
    slots: dict[str, Any] = {"profile": welder_profile()}
    _, first = run(SearchJobs(context), make_tracker(text="찾아줘", slots=slots))
    shown = [c["opening_id"] for c in first[0]["custom"]["openings"]]
    slots["shown_openings"] = shown
    events, sent = run(MoreResults(context), make_tracker(text="더 보여줘", slots=slots))
    more = [c["opening_id"] for c in sent[0]["custom"]["openings"]]
    assert more and not set(more) & set(shown)
    assert [c["rank"] for c in sent[0]["custom"]["openings"]] == [4, 5, 6][: len(more)]
    assert events == [SlotSet("shown_openings", shown + more)]


def test_more_results_without_a_profile_asks_for_one(context: ActionContext) -> None:
    events, sent = run(MoreResults(context), make_tracker(text="더 보여줘", intent="more_results"))
    assert events == []
    assert "알려 주세요" in sent[0]["text"]


def test_details_of_the_second_shown_opening(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    with action_sessions() as session:
        ids = list(session.scalars(select(Opening.id).limit(3)))
    tracker = make_tracker(
        text="두 번째 거 자세히 알려줘", intent="job_details", slots={"shown_openings": ids}
    )
    events, sent = run(JobDetails(context), tracker)
    assert events == [SlotSet("focus_opening", ids[1])]
    assert sent[0]["custom"]["type"] == "opening_details"
    assert sent[0]["custom"]["opening"]["opening_id"] == ids[1]


def test_details_when_unclear_asks_which(context: ActionContext) -> None:
    tracker = make_tracker(text="자세히요", intent="job_details", slots={"shown_openings": [1, 2]})
    events, sent = run(JobDetails(context), tracker)
    assert events == []
    assert "몇 번째" in sent[0]["text"]


def test_apply_by_button_records_interest_once(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    with action_sessions() as session:
        opening_id = session.scalars(select(Opening.id)).first()
    entity = [{"entity": "opening_id", "value": str(opening_id)}]
    tracker = make_tracker(text=f'/apply{{"opening_id":{opening_id}}}', intent="apply",
                           entities=entity, sender_id="seeker-apply")  # fmt: skip
    events, sent = run(Apply(context), tracker)
    run(Apply(context), tracker)
    assert events == [SlotSet("focus_opening", opening_id)]
    assert sent[0]["custom"]["type"] == "application"
    with action_sessions() as session:
        rows = session.scalars(select(Application).where(Application.opening_id == opening_id))
        assert [(r.status, r.seeker.sender_id) for r in rows] == [("interested", "seeker-apply")]


def test_counselor_request_records_a_handoff_with_the_profile_so_far(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    tracker = make_tracker(
        text="상담사 연결해 주세요",
        intent="request_counselor",
        slots={"profile": welder_profile(), "requested_slot": "pay"},
        active_loop="profile_form",
        sender_id="seeker-handoff",
    )
    events, sent = run(RequestCounselor(context), tracker)
    payload = sent[0]["custom"]
    assert payload["type"] == "handoff" and payload["reason"] == "requested"
    assert payload["profile"]["occupation"] == "용접원 15년"
    assert events == [SlotSet("counselor_offered", False)]
    with action_sessions() as session:
        handoff = session.get(Handoff, payload["handoff_id"])
        assert handoff is not None and handoff.seeker.sender_id == "seeker-handoff"
        assert handoff.status == "open"


def test_second_fallback_in_a_row_offers_a_counselor(context: ActionContext) -> None:
    events, sent = run(
        HandleFallback(context), make_tracker(text="ㅁㄴㅇㄹ", intent="nlu_fallback")
    )
    assert events == [SlotSet("fallback_count", 1.0)]
    tracker = make_tracker(text="asdf", intent="nlu_fallback", slots={"fallback_count": 1.0})
    events, sent = run(HandleFallback(context), tracker)
    assert events == [SlotSet("fallback_count", 0.0), SlotSet("counselor_offered", True)]
    assert [b["payload"] for b in sent[0]["buttons"]] == ["/request_counselor", "/deny"]


def test_restart_forgets_the_profile(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    slots = {"profile": welder_profile()}
    run(SearchJobs(context), make_tracker(text="찾아줘", slots=slots, sender_id="seeker-restart"))
    tracker = make_tracker(text="처음부터 할게요", intent="start_over", slots=slots,
                           sender_id="seeker-restart")  # fmt: skip
    events, sent = run(RestartProfile(context), tracker)
    assert events == [AllSlotsReset()]
    assert sent[0]["text"].startswith("처음부터")
    with action_sessions() as session:
        seeker = session.scalar(select(Seeker).where(Seeker.sender_id == "seeker-restart"))
        assert seeker is not None and seeker.profile == {}


def test_a_failing_action_apologizes_instead_of_going_silent(context: ActionContext) -> None:
    broken = ActionContext(sessions=context.sessions, matcher=None)  # type: ignore[arg-type]
    events, sent = run(SearchJobs(broken), make_tracker(slots={"profile": welder_profile()}))
    assert events == []
    assert "문제가 생겼어요" in sent[0]["text"]


def test_an_out_of_scope_message_counts_as_a_miss_with_its_own_answer(
    context: ActionContext,
) -> None:
    events, sent = run(
        HandleFallback(context), make_tracker(text="오늘 날씨 어때요", intent="out_of_scope")
    )
    assert events == [SlotSet("fallback_count", 1.0)]
    assert sent[0]["response"] == "utter_out_of_scope"
