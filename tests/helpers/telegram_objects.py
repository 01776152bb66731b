"""Builders for the JSON objects of the Telegram Bot API, as plain dicts.

Shaped like https://core.telegram.org/bots/api and complete enough for python-telegram-bot 22's
``de_json`` (every field it requires is present). Used by the stand-in in `telegram_api`.
"""

from __future__ import annotations

import re
import time
from typing import Any

__all__ = [
    "COMMAND_NAME",
    "MAX_CALLBACK_DATA_BYTES",
    "MAX_CAPTION_LENGTH",
    "MAX_TEXT_LENGTH",
    "MEMBER_STATUSES",
    "ApiError",
    "JsonDict",
    "bad_request",
    "chat",
    "chat_full_info",
    "chat_member",
    "chat_type_for",
    "command_entities",
    "inline_keyboard_error",
    "now",
    "user",
    "utf16_len",
]

JsonDict = dict[str, Any]

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
# Counted in UTF-8 bytes, so a Korean label fits only 21 syllables.
MAX_CALLBACK_DATA_BYTES = 64

# A command is a "/" at the start of a word; Telegram marks every one, not only the first.
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
# What setMyCommands accepts: lower case only, so "/Start" is BOT_COMMAND_INVALID.
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")

_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
    "can_manage_topics": True,
}
_RESTRICTED_RIGHTS = {
    "is_member": True,
    "until_date": 0,
    "can_edit_tag": False,
    **{
        f"can_{right}": False
        for right in [
            "change_info",
            "invite_users",
            "pin_messages",
            "send_messages",
            "send_polls",
            "send_other_messages",
            "add_web_page_previews",
            "manage_topics",
            "send_audios",
            "send_documents",
            "send_photos",
            "send_videos",
            "send_video_notes",
            "send_voice_notes",
        ]
    },
}
MEMBER_STATUSES = ("creator", "administrator", "member", "restricted", "left", "kicked")


class ApiError(Exception):
    """An error answer: HTTP status, Telegram's description, optional ResponseParameters."""

    def __init__(self, status: int, description: str, parameters: JsonDict | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JsonDict:
        """The JSON body Telegram sends with this error."""
        body: JsonDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(description: str) -> ApiError:
    """HTTP 400 with Telegram's "Bad Request: " prefix (PTB strips it and capitalizes)."""
    return ApiError(400, f"Bad Request: {description}")


def now() -> int:
    """The current Unix time, as Telegram stamps `date` fields."""
    return int(time.time())


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of entity offsets and lengths."""
    return len(text.encode("utf-16-le")) // 2


def user(
    user_id: int, first_name: str = "테스트", *, username: str | None = None, is_bot: bool = False
) -> JsonDict:
    """A User object."""
    result: JsonDict = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if username:
        result["username"] = username
    if not is_bot:
        result["language_code"] = "ko"
    return result


def chat_type_for(chat_id: int) -> str:
    """The chat type Telegram's id scheme implies: users > 0, supergroups -100…, groups < 0."""
    if chat_id > 0:
        return "private"
    return "supergroup" if str(chat_id).startswith("-100") else "group"


def chat(
    chat_id: int,
    chat_type: str | None = None,
    *,
    first_name: str = "테스트",
    title: str = "테스트 그룹",
    is_forum: bool = False,
) -> JsonDict:
    """A Chat object; private chats carry the user's name, groups a title."""
    chat_type = chat_type or chat_type_for(chat_id)
    result: JsonDict = {"id": chat_id, "type": chat_type}
    if chat_type == "private":
        result["first_name"] = first_name
    else:
        result["title"] = title
    if is_forum:
        result["is_forum"] = True
    return result


def chat_full_info(chat_obj: JsonDict) -> JsonDict:
    """The ChatFullInfo that getChat returns for `chat_obj`."""
    gift_types = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
    return {
        **chat_obj,
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {name: False for name in (*gift_types, "gifts_from_channels")},
    }


def chat_member(status: str, member: JsonDict) -> JsonDict:
    """A ChatMember of the given status ("creator", "administrator", "member", ...)."""
    if status not in MEMBER_STATUSES:
        raise ValueError(f"unknown chat member status {status!r}; one of {MEMBER_STATUSES}")
    result: JsonDict = {"status": status, "user": member}
    if status == "creator":
        result["is_anonymous"] = False
    elif status == "administrator":
        result.update(_ADMIN_RIGHTS)
    elif status == "restricted":
        result.update(_RESTRICTED_RIGHTS)
    elif status == "kicked":
        result["until_date"] = 0
    return result


def command_entities(text: str) -> list[JsonDict]:
    """`bot_command` entities for every command in `text`, offsets in UTF-16 units."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group()),
        }
        for match in _COMMAND.finditer(text)
    ]


def inline_keyboard_error(markup: Any) -> str | None:
    """Why Telegram would refuse this inline keyboard (after "Bad Request: "), else None."""
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    for row in markup["inline_keyboard"]:
        for button in row:
            data = button.get("callback_data")
            if data is not None and len(str(data).encode()) > MAX_CALLBACK_DATA_BYTES:
                return "BUTTON_DATA_INVALID"
            if not button.get("text"):
                return "text buttons are unallowed in the inline keyboard"
    return None
