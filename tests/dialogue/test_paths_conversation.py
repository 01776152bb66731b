"""Career paths in a whole conversation over Rasa's REST channel (issue 15 item 3): the trained
model, the rules and the action server, all real, on the sample openings."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue.conftest import Conversation

pytestmark = pytest.mark.slow


def paths(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r["custom"] for r in replies if (r.get("custom") or {}).get("type") == "paths"]


def test_asking_what_else_after_naming_a_trade_shows_its_paths(
    conversation: Conversation,
) -> None:
    conversation.say("조선소에서 용접 20년 했어요")
    [shown] = paths(conversation.say("다른 일은 뭐가 있어요?"))
    assert shown["paths"] and all(p["origin"] == "조선 용접 20년" for p in shown["paths"])
    assert conversation.slots()["open_question"] is None


def test_a_battery_plant_wish_from_a_body_shop_worker_shows_battery_paths_first(
    conversation: Conversation,
) -> None:
    [shown] = paths(conversation.say("GM에서 차체 15년 했는데 배터리 공장 쪽으로 가고 싶어요"))
    assert shown["paths"][0]["code"] in {"8351", "8360", "8512"}
