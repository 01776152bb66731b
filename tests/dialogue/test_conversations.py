"""Whole conversations over Rasa's REST channel: Rasa 3.6 server + rasa-sdk 3.21 actions +
retrieval over the sample openings, all real, on loopback."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from bot.runtime.stack import Stack
from tests.dialogue.conftest import Conversation

pytestmark = pytest.mark.slow


def payloads(replies: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [
        r["custom"]
        for r in replies
        if isinstance(r.get("custom"), dict) and r["custom"].get("type") == kind
    ]


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(
        str(r.get("text") or (r.get("custom") or {}).get("text") or "") for r in replies
    )


def test_the_action_server_of_the_app_environment_serves_rasa(stack: Stack) -> None:
    assert stack.settings.action_token is not None  # the action server answers only Rasa
    token = stack.settings.action_token.get_secret_value()
    listed = httpx.get(f"{stack.actions_url}/actions", params={"token": token}).json()
    assert {"action_read_profile", "action_next_step"} <= {a["name"] for a in listed}


def test_a_welder_gets_welding_openings_within_three_turns(conversation: Conversation) -> None:
    turns = [
        "조선소에서 용접 15년 했고 특수용접 있어요. 군산 살아요",
        "월 300 이상이요",
        "야간은 못해요",
    ]
    found: list[dict[str, Any]] = []
    for text in turns:
        found = payloads(conversation.say(text), "openings")
        if found:
            break
    assert found, "no openings within three turns"
    cards = found[0]["openings"]
    assert cards and all("용접" in " ".join([c["title"], *c["reasons"]]) for c in cards)
    assert not {c["shift"] for c in cards} & {"야간", "2교대", "3교대"}
    slots = conversation.slots()
    assert slots["occupation"] == "용접원 15년"
    assert slots["region"] == "군산시"


def test_a_trade_alone_brings_results_at_once_with_the_default_region_said(
    conversation: Conversation,
) -> None:
    replies = conversation.say("배관 일 십 년 했어요")
    [page] = payloads(replies, "openings")
    assert page["openings"] and "군산 기준" in page["text"]
    # nothing asked before the results; after them, once, the trade's certificates
    questions = [str(r["text"]) for r in replies if "?" in str(r.get("text") or "")]
    assert questions == [replies[-1]["text"]] and "자격증이 있으세요?" in questions[0]


def test_going_back_to_work_is_a_search_not_a_restart(conversation: Conversation) -> None:
    first = texts(conversation.say("쉬다가 다시 일을 해 보려고요"))
    assert "처음부터 다시" not in first and "어떤 일" in first
    assert payloads(conversation.say("예전에 공장에서 포장 했어요"), "openings")


def test_facts_out_of_order_and_a_bare_yes_never_loop(conversation: Conversation) -> None:
    said: list[str] = []
    for text in ["용접 오년 했어요", "익산 살아요", "예", "자격증 있어요", "아니요"]:
        said += [t for t in texts(conversation.say(text)).splitlines() if t.strip()]
    assert conversation.slots()["region"] == "익산시"
    assert "더 도와드릴 게 있으면" not in "\n".join(said)
    questions = [t for t in said if t.endswith("?")]
    assert all(questions.count(q) <= 2 for q in questions)


@pytest.mark.parametrize("turns_before", [0, 1, 2])
def test_asking_for_a_counselor_at_any_point_hands_off(
    conversation: Conversation, turns_before: int
) -> None:
    for text in ["용접 15년 했어요", "특수용접 있어요"][:turns_before]:
        conversation.say(text)
    replies = conversation.say("상담사 연결해 주세요")
    [handoff] = payloads(replies, "handoff")
    assert handoff["reason"] == "requested"
    assert handoff["handoff_id"] > 0


def test_a_correction_after_the_results_searches_again(conversation: Conversation) -> None:
    conversation.say("용접 15년 특수용접 있어요 군산 살아요 월 300 이상 야간 빼고요")
    replies = conversation.say("아 지역은 익산이요")
    assert payloads(replies, "openings")
    assert conversation.slots()["region"] == "익산시"


def test_restart_clears_the_profile(conversation: Conversation) -> None:
    conversation.say("용접 15년 했어요 군산 살아요")
    assert conversation.slots()["occupation"]
    replies = conversation.say("처음부터 다시 할게요")
    assert "처음부터" in texts(replies)
    slots = conversation.slots()
    assert slots["profile"] is None and slots["occupation"] is None


@pytest.mark.parametrize("text", ["ㅁㄴㅇㄹㅁㄴㅇㄹ", "😀😀😀", "asdkfj qwpeoi", "..."])
def test_gibberish_and_emoji_get_a_polite_answer(conversation: Conversation, text: str) -> None:
    replies = conversation.say(text)
    answer = texts(replies)
    assert answer.strip()
    assert any(word in answer for word in ("요", "세요"))


def test_two_misunderstandings_in_a_row_offer_a_counselor(conversation: Conversation) -> None:
    conversation.say("ㅁㄴㅇㄹㅁㄴㅇㄹ")
    replies = conversation.say("오늘 날씨 어때요")
    assert "상담사" in texts(replies)
    [handoff] = payloads(conversation.say("네"), "handoff")
    assert handoff["reason"] == "fallback"


def test_more_and_details_after_results(conversation: Conversation) -> None:
    first = payloads(
        conversation.say("용접 15년 특수용접 있어요 군산 살아요 월급 상관없고 야간도 괜찮아요"),
        "openings",
    )
    assert first
    more = payloads(conversation.say("더 보여주세요"), "openings")
    shown = {c["opening_id"] for c in first[0]["openings"]}
    assert more and not shown & {c["opening_id"] for c in more[0]["openings"]}
    [details] = payloads(conversation.say("1번 자세히 알려줘"), "opening_details")
    assert details["opening"]["opening_id"] == first[0]["openings"][0]["opening_id"]
