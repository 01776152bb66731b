"""Each action on its own: the exact events it returns and what it sends, over real data."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import pytest
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from actions.apply import Apply
from actions.context import ActionContext
from actions.details import JobDetails
from actions.next_step_action import NextStep, RequestCounselor, RestartProfile
from actions.profile import ReadProfile
from actions.search import MoreResults, find_openings
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


@pytest.mark.parametrize(
    ("text", "intent", "question"),
    [
        ("없어요", "deny", "which_certificates"),
        ("아녀라", "nlu_fallback", "which_certificates"),
        ("아니요", "deny", "has_certificates"),
        ("자격증 업어요", "inform", "has_certificates"),
    ],
)
def test_read_profile_takes_a_bare_no_as_the_answer_to_the_certificate_question(
    context: ActionContext, text: str, intent: str, question: str
) -> None:
    tracker = make_tracker(
        text=text,
        intent=intent,
        slots={"open_question": question, "occupation": "용접원 15년"},
    )
    events, _ = run(ReadProfile(context), tracker)
    assert SlotSet("certificates", "없음") in events


@pytest.mark.parametrize("text", ["특수허고 일반 다 있어라", "특수용접이랑 일반 용접 다 있당께요"])
def test_read_profile_reads_short_certificate_names_as_the_answer(
    context: ActionContext, text: str
) -> None:
    profile = merge(SeekerProfile(), parse_seeker_text("용접 허요")).to_dict()
    tracker = make_tracker(text=text, slots={"profile": profile,
                           "open_question": "which_certificates"})  # fmt: skip
    events, _ = run(ReadProfile(context), tracker)
    assert SlotSet("certificates", "특수용접기능사, 용접기능사") in events


def test_read_profile_reads_the_certificate_named_after_the_claim(
    context: ActionContext,
) -> None:
    profile = merge(SeekerProfile(), parse_seeker_text("거제서 골리앗 탓어요 십년")).to_dict()
    tracker = make_tracker(text="자격증잇어요 천장크래인", slots={"profile": profile})
    events, _ = run(ReadProfile(context), tracker)
    assert SlotSet("certificates", "천장크레인운전기능사") in events


def test_read_profile_reads_facts_from_a_message_taken_for_start_over(
    context: ActionContext,
) -> None:
    tracker = make_tracker(text="다시 지게차 일 해 보려고요", intent="start_over")
    events, _ = run(ReadProfile(context), tracker)
    assert SlotSet("occupation", "지게차 운전원") in events


def test_read_profile_resets_the_fallback_count_on_an_understood_message(
    context: ActionContext,
) -> None:
    tracker = make_tracker(text="더 보여줘", intent="more_results", slots={"fallback_count": 1.0})
    events, _ = run(ReadProfile(context), tracker)
    assert events == [SlotSet("fallback_count", 0.0)]


def search_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_a_trade_is_enough_to_search_and_the_default_region_is_said(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    profile = merge(SeekerProfile(), parse_seeker_text("용접 15년 했어요")).to_dict()
    tracker = make_tracker(text="용접 15년 했어요", intent="nlu_fallback",
                           slots={"profile": profile}, turn_events=[profile_set(profile)])  # fmt: skip
    events, sent = run(NextStep(context), tracker)
    [message, question] = sent
    payload = message["custom"]
    assert payload["type"] == "openings"
    cards = payload["openings"]
    assert [c["rank"] for c in cards] == [1, 2, 3]
    ids = [c["opening_id"] for c in cards]
    slots = search_events(events)
    assert slots["shown_openings"] == ids and slots["focus_opening"] is None
    assert slots["searched"] and slots["open_question"] == "has_certificates"
    assert slots["fallback_count"] == 0.0
    assert "군산 기준으로 찾았어요" in payload["text"]
    with action_sessions() as session:
        families = {session.get(Opening, i).occupation_family for i in ids}  # type: ignore[union-attr]
    assert families == {"welder"}
    labels = [b["title"] for b in payload["buttons"]]
    assert labels == [
        "주간만",
        "월 300 이상",
        "자격증 있어요",
        "다른 지역",
        "더 보기",
        "상담사 연결",
    ]
    # under the results, once: does the seeker hold one of the trade's certificates?
    assert "자격증이 있으세요" in question["text"]
    titles = [b["title"] for b in question["buttons"]]
    assert titles[:2] == ["용접기능사", "특수용접기능사"] and titles[-1] == "자격증 없어요"


def test_no_certificates_leaves_out_openings_that_require_one(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    slots = welder_search(context, text="용접 15년 했어요")
    events, _ = run(ReadProfile(context), make_tracker(text="아니요", intent="deny", slots=slots))
    slots |= search_events(events)
    profile = SeekerProfile.from_dict(slots["profile"])
    assert profile.no_certificates
    events, sent = run(NextStep(context), make_tracker(text="아니요", intent="deny", slots=slots,
                                                       turn_events=[profile_set(slots["profile"])]))  # fmt: skip
    assert search_events(events)["shown_openings"] and "자격증 없음" in sent[0]["custom"]["text"]

    def required(searched: SeekerProfile) -> int:
        """How many of the first four pages need a certificate."""
        shown: list[int] = []
        for _ in range(4):
            shown += [m.opening_id for m in asyncio.run(find_openings(context, searched, shown))]
        with action_sessions() as session:
            needs = [session.get(Opening, i).certificates for i in shown]  # type: ignore[union-attr]
        return sum("required" in need.values() for need in needs)

    assert required(replace(profile, no_certificates=False)) > 0
    assert required(profile) == 0


def profile_set(profile: dict[str, object]) -> dict[str, Any]:
    """The slot event action_read_profile leaves after the user message."""
    return {"event": "slot", "name": "profile", "value": profile}


def welder_search(
    context: ActionContext, sender_id: str = "seeker-1", text: str = WELDER
) -> dict[str, Any]:
    """The slots after the welder's first search."""
    profile = merge(SeekerProfile(), parse_seeker_text(text)).to_dict()
    slots: dict[str, Any] = {"profile": profile}
    tracker = make_tracker(text=text, slots=slots, sender_id=sender_id,
                           turn_events=[profile_set(profile)])  # fmt: skip
    events, _ = run(NextStep(context), tracker)
    return {**slots, **search_events(events)}


def test_search_shows_welding_openings_and_remembers_them(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    slots = welder_search(context)
    ids = slots["shown_openings"]
    with action_sessions() as session:
        shifts = {session.get(Opening, i).work_shift for i in ids}  # type: ignore[union-attr]
        seeker = session.scalar(select(Seeker).where(Seeker.sender_id == "seeker-1"))
    assert not shifts & {"야간", "2교대", "3교대"}
    assert seeker is not None  # the profile itself is kept only with consent (storage tests)


def test_the_same_profile_is_not_searched_twice(context: ActionContext) -> None:
    slots = welder_search(context)
    events, sent = run(NextStep(context), make_tracker(text="군산이요", slots=slots))
    assert len(sent) == 1 and not sent[0].get("custom")
    assert "반영" in sent[0]["text"] or "조건에 맞는" in sent[0]["text"]
    assert "shown_openings" not in search_events(events)


def test_a_correction_searches_again(context: ActionContext) -> None:
    slots = welder_search(context)
    changed = merge(SeekerProfile.from_dict(slots["profile"]), parse_seeker_text("익산 살아요"))
    slots["profile"] = changed.to_dict()
    tracker = make_tracker(
        text="익산 살아요", slots=slots, turn_events=[profile_set(slots["profile"])]
    )
    events, sent = run(NextStep(context), tracker)
    assert sent[0]["custom"]["type"] == "openings"
    assert "익산" in sent[0]["custom"]["text"] and "기준으로" not in sent[0]["custom"]["text"]
    assert search_events(events)["searched"] != slots["searched"]


def test_a_search_request_without_a_trade_asks_for_it_at_most_twice(
    context: ActionContext,
) -> None:
    slots: dict[str, Any] = {}
    asked = []
    for text in ["일자리 찾아요", "글쎄요", "음"]:
        events, sent = run(NextStep(context), make_tracker(text=text, intent="search_jobs",
                                                           slots=slots))  # fmt: skip
        slots.update(search_events(events))
        asked.append(sent[-1])
    assert asked[0]["text"] != asked[1]["text"]
    assert slots["asked"] == {"occupation": 2}
    assert asked[2]["custom"]["type"] == "openings"


def test_a_jeolla_yes_to_the_counselor_offer_hands_off(context: ActionContext) -> None:
    slots = {"open_question": "counselor_offer", "counselor_offered": True}
    tracker = make_tracker(text="야", intent="nlu_fallback", slots=slots, sender_id="seeker-ya")
    events, sent = run(NextStep(context), tracker)
    assert sent[0]["custom"]["type"] == "handoff"
    assert sent[0]["custom"]["reason"] == "fallback"
    assert events == [SlotSet("open_question", None)]


def test_a_certificate_without_a_name_is_asked_with_buttons_of_the_trade(
    context: ActionContext,
) -> None:
    slots = welder_search(context, text="용접 15년 했어요")
    events, sent = run(NextStep(context), make_tracker(text="ㅇㅇ 자격증 있음", slots=slots))
    [question] = sent
    assert "어떤 자격증" in question["text"]
    titles = [b["title"] for b in question["buttons"]]
    assert "용접기능사" in titles and titles[-1] == "자격증 없어요"
    assert search_events(events)["open_question"] == "which_certificates"


def test_more_results_never_repeats(context: ActionContext) -> None:
    slots = welder_search(context)
    shown = slots["shown_openings"]
    events, sent = run(MoreResults(context), make_tracker(text="더 보여줘", slots=slots))
    more = [c["opening_id"] for c in sent[0]["custom"]["openings"]]
    assert more and not set(more) & set(shown)
    assert [c["rank"] for c in sent[0]["custom"]["openings"]] == [4, 5, 6][: len(more)]
    assert events == [SlotSet("shown_openings", shown + more)]


def test_yes_after_the_results_shows_more(context: ActionContext) -> None:
    slots = welder_search(context)
    events, sent = run(NextStep(context), make_tracker(text="예", intent="affirm", slots=slots))
    more = [c["opening_id"] for c in sent[0]["custom"]["openings"]]
    assert more and not set(more) & set(slots["shown_openings"])


def test_more_results_without_a_profile_asks_for_one(context: ActionContext) -> None:
    events, sent = run(MoreResults(context), make_tracker(text="더 보여줘", intent="more_results"))
    assert events == []
    assert "알려 주세요" in sent[0]["text"]


def test_a_trade_taken_for_apply_before_any_result_is_searched(context: ActionContext) -> None:
    tracker = make_tracker(text="용접 십년 햇어요", intent="apply")
    events, _ = run(ReadProfile(context), tracker)
    profile = search_events(events)["profile"]
    tracker = make_tracker(text="용접 십년 햇어요", intent="apply", slots={"profile": profile},
                           turn_events=[profile_set(profile)])  # fmt: skip
    events, sent = run(Apply(context), tracker)
    assert sent[0]["custom"]["type"] == "openings" and search_events(events)["shown_openings"]


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


def test_a_fact_taken_for_job_details_after_the_results_is_searched(
    context: ActionContext,
) -> None:
    slots = welder_search(context)
    text = "나이는 쉰여섯이여"
    tracker = make_tracker(text=text, intent="job_details", slots=slots)
    events, _ = run(ReadProfile(context), tracker)
    profile = search_events(events)["profile"]
    assert SeekerProfile.from_dict(profile).age == 56
    tracker = make_tracker(text=text, intent="job_details", slots={**slots, "profile": profile},
                           turn_events=[profile_set(profile)])  # fmt: skip
    events, sent = run(JobDetails(context), tracker)
    assert sent[0]["custom"]["type"] == "openings"
    assert search_events(events)["searched"] != slots["searched"]


def test_a_known_fact_taken_for_job_details_asks_nothing_about_a_card(
    context: ActionContext,
) -> None:
    slots = welder_search(context, text="용접 처음 해 봐요")
    tracker = make_tracker(text="경력은 업는데 괜찮나요", intent="job_details", slots=slots)
    events, sent = run(JobDetails(context), tracker)
    assert "몇 번째" not in sent[0].get("text", "")
    assert "focus_opening" not in search_events(events)


def test_a_question_about_a_named_card_is_not_read_as_facts(context: ActionContext) -> None:
    slots = welder_search(context)
    tracker = make_tracker(text="2번 회사 야간 있어요?", intent="job_details", slots=slots)
    events, _ = run(ReadProfile(context), tracker)
    assert events == []
    events, sent = run(JobDetails(context), tracker)
    assert sent[0]["custom"]["opening"]["opening_id"] == slots["shown_openings"][1]


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
        slots={"profile": welder_profile(), "open_question": "occupation"},
        sender_id="seeker-handoff",
    )
    events, sent = run(RequestCounselor(context), tracker)
    payload = sent[0]["custom"]
    assert payload["type"] == "handoff" and payload["reason"] == "requested"
    assert payload["profile"]["occupation"] == "용접원 15년"
    assert events == [SlotSet("open_question", None)]
    with action_sessions() as session:
        handoff = session.get(Handoff, payload["handoff_id"])
        assert handoff is not None and handoff.seeker.sender_id == "seeker-handoff"
        assert handoff.status == "open"


def test_facts_read_as_a_counselor_request_are_searched_not_handed_off(
    context: ActionContext,
) -> None:
    # a nationality said as "…사람" next to a trade: the classifier heard a request for a person
    text = "필리핀사람 e9 자동차부품 공장 햇어요"
    events, _ = run(ReadProfile(context), make_tracker(text=text, intent="request_counselor"))
    profile = search_events(events)["profile"]
    assert profile["visa"] == "E-9" and profile["experience"]
    tracker = make_tracker(text=text, intent="request_counselor", slots={"profile": profile},
                           turn_events=[profile_set(profile)])  # fmt: skip
    _, sent = run(RequestCounselor(context), tracker)
    assert sent[0]["custom"]["type"] == "openings"


def test_a_counselor_asked_for_in_words_is_handed_off_even_with_facts(
    context: ActionContext,
) -> None:
    text = "용접 10년 했는디 사람허고 얘기허고 싶어라"
    events, _ = run(ReadProfile(context), make_tracker(text=text, intent="request_counselor"))
    assert events == []  # a request for a person: its facts wait for the counselor
    _, sent = run(RequestCounselor(context), make_tracker(text=text, intent="request_counselor"))
    assert sent[0]["custom"]["type"] == "handoff"


def test_misses_rephrase_then_offer_a_counselor_once_then_never_repeat(
    context: ActionContext,
) -> None:
    slots: dict[str, Any] = {}
    history: list[dict[str, Any]] = []
    replies = []
    for text in ["ㅁㄴㅇㄹ", "asdf", "ㅋㅋ", "ㅎㅎ"]:
        tracker = make_tracker(text=text, intent="nlu_fallback", slots=slots, events=history)
        events, sent = run(NextStep(context), tracker)
        slots.update(search_events(events))
        replies.append([m["text"] for m in sent])
        history = [*history, {"event": "user", "text": text},
                   *({"event": "bot", "text": t} for t in replies[-1])]  # fmt: skip
    assert len(replies[0]) == 1 and "상담사" not in replies[0][0]
    assert any("상담사를 연결해 드릴까요" in t for t in replies[1])
    assert not any("연결해 드릴까요" in t for r in replies[2:] for t in r)
    assert replies[2] != replies[3]
    assert slots["counselor_offered"] is True and slots["open_question"] == "counselor_offer"


def test_abuse_gets_one_calm_answer_and_the_offer(context: ActionContext) -> None:
    events, sent = run(NextStep(context), make_tracker(text="이 멍청한 봇아", intent="inform"))
    assert [m["text"] for m in sent][0].startswith(("불편", "마음"))
    assert "상담사" in sent[1]["text"]
    assert [b["payload"] for b in sent[1]["buttons"]] == ["/affirm", "/deny"]


def test_restart_forgets_the_profile(
    context: ActionContext, action_sessions: sessionmaker[Session]
) -> None:
    slots = welder_search(context, sender_id="seeker-restart")
    tracker = make_tracker(text="처음부터 할게요", intent="start_over", slots=slots,
                           sender_id="seeker-restart")  # fmt: skip
    events, sent = run(RestartProfile(context), tracker)
    assert events == [AllSlotsReset()]
    assert sent[0]["text"].startswith("처음부터")
    with action_sessions() as session:
        seeker = session.scalar(select(Seeker).where(Seeker.sender_id == "seeker-restart"))
        assert seeker is not None and seeker.profile == {}


def test_going_back_to_work_is_not_a_restart(context: ActionContext) -> None:
    tracker = make_tracker(text="다시 일을 해 보려고요", intent="start_over")
    events, sent = run(RestartProfile(context), tracker)
    assert AllSlotsReset() not in events
    assert "어떤 일을 찾으세요" in sent[-1]["text"]


def test_a_failing_action_apologizes_instead_of_going_silent(context: ActionContext) -> None:
    broken = ActionContext(sessions=context.sessions, matcher=None)  # type: ignore[arg-type]
    events, sent = run(NextStep(broken), make_tracker(slots={"profile": welder_profile()}))
    assert events == []
    assert "문제가 생겼어요" in sent[0]["text"]


def test_read_profile_widens_the_commute_to_a_place_the_seeker_would_go_to(
    context: ActionContext,
) -> None:
    tracker = make_tracker(text="전주까지 다닐 수 있어요", slots={"profile": welder_profile()})
    events, _ = run(ReadProfile(context), tracker)
    [profile] = [e["value"] for e in events if e["name"] == "profile"]
    assert profile["max_commute_km"] > 35  # 전주 lies beyond the default commute from 군산
    # a place already within reach changes nothing
    near = make_tracker(text="익산도 갈 수 있어라", slots={"profile": welder_profile()})
    assert run(ReadProfile(context), near)[0] == []


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("license 있어요", "has_certificates"),
        ("면허 있고 경력은 2년", None),
        ("자격증은 있어요", "which_certificates"),
    ],
)
def test_read_profile_takes_a_licence_claim_as_the_trades_licence(
    context: ActionContext, text: str, question: str | None
) -> None:
    profile = merge(SeekerProfile(), parse_seeker_text("지게차 운전 해요")).to_dict()
    tracker = make_tracker(text=text, slots={"profile": profile, "open_question": question})
    events, _ = run(ReadProfile(context), tracker)
    assert SlotSet("certificates", "지게차운전기능사") in events


def test_read_profile_asks_which_for_a_first_unnamed_certificate(context: ActionContext) -> None:
    profile = merge(SeekerProfile(), parse_seeker_text("지게차 운전 해요")).to_dict()
    tracker = make_tracker(text="자격증 있어요", slots={"profile": profile})
    events, _ = run(ReadProfile(context), tracker)
    assert not any(e.get("name") == "certificates" for e in events)


def test_read_profile_leaves_the_certificate_question_open_for_other_facts(
    context: ActionContext,
) -> None:
    profile = merge(SeekerProfile(), parse_seeker_text("용접 일 하고 싶어요")).to_dict()
    slots = {"profile": profile, "open_question": "has_certificates"}
    events, _ = run(ReadProfile(context), make_tracker(text="경력 없어도 돼요?", slots=slots))
    assert not any(e.get("name") == "certificates" for e in events)
    assert any(e.get("name") == "profile" and e["value"]["newcomer"] for e in events)
