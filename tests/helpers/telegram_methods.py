"""The Bot API methods of the stand-in, over in-memory chats, messages, topics and updates.

Each method takes the decoded parameters and returns the ``result`` or raises `ApiError` with
the status and description api.telegram.org uses. Thread ids of forum topics are message ids
(the id of the "topic created" service message), as in Telegram.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from tests.helpers import telegram_objects as tg
from tests.helpers.telegram_http import UploadedFile
from tests.helpers.telegram_media import MediaStore
from tests.helpers.telegram_objects import ApiError, JsonDict, bad_request

__all__ = ["Abandoned", "BotApi"]

_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
_COPIED = [
    "text",
    "entities",
    "caption",
    "caption_entities",
    "photo",
    "document",
    "voice",
    "sticker",
    "location",
]
_DEFAULT_ICON_COLOR = 7322096  # Telegram's first topic colour (0x6FB9F0)


class Abandoned(Exception):
    """The client hung up on a long poll (PTB cancels its getUpdates on stop): no answer."""


class BotApi:
    """Bot API state and methods; the caller holds `cond` around every `call`."""

    def __init__(self, bot_user: JsonDict, cond: threading.Condition) -> None:
        self.bot_user = bot_user
        self.cond = cond
        self.closing = False
        self.media = MediaStore()
        self.updates: list[JsonDict] = []
        self.confirmed_offset = 0  # updates below the highest offset seen are forgotten
        self.users: dict[int, JsonDict] = {}
        self.chats: dict[int, JsonDict] = {}
        self.messages: dict[tuple[int, int], JsonDict] = {}
        self.topics: dict[tuple[int, int], JsonDict] = {}
        self.members: dict[tuple[int, int], str] = {}
        self.open_queries: set[str] = set()
        self.commands: dict[str, list[JsonDict]] = {}
        self.webhook: JsonDict | None = None
        self._next_update_id = 1
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._poll = 0  # generation of the newest getUpdates; older waiting ones end with 409
        methods: dict[str, Callable[[JsonDict], Any]] = {
            "getMe": lambda p: self.bot_user | {"can_join_groups": True},
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "logOut": lambda p: True,
            "close": lambda p: True,
            "sendMessage": lambda p: self._send(p, self._text),
            "sendPhoto": lambda p: self._send(p, self._photo),
            "sendDocument": lambda p: self._send(p, self._document),
            "forwardMessage": self._forward_message,
            "copyMessage": self._copy_message,
            "editMessageText": lambda p: self._edit(p, self._text),
            "editMessageReplyMarkup": lambda p: self._edit(p, self._markup),
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendChatAction": self._send_chat_action,
            "createForumTopic": self._create_forum_topic,
            "editForumTopic": self._edit_forum_topic,
            "closeForumTopic": lambda p: self._set_topic_closed(p, closed=True),
            "reopenForumTopic": lambda p: self._set_topic_closed(p, closed=False),
            "deleteForumTopic": self._delete_forum_topic,
            "getChat": lambda p: tg.chat_full_info(self.chat(p.get("chat_id"))),
            "getChatMember": self._get_chat_member,
            "getFile": lambda p: self.media.file(p.get("file_id")),
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getMyCommands": lambda p: self.commands.get(_scope_key(p), []),
        }
        # Telegram matches method names case-insensitively.
        self._methods = {name.lower(): method for name, method in methods.items()}

    def call(
        self, method: str, params: JsonDict, client_gone: Callable[[], bool] = lambda: False
    ) -> Any:
        """Run one method; raises `ApiError` as Telegram would answer, or `Abandoned`."""
        if method.lower() == "getupdates":
            return self._get_updates(params, client_gone)
        handler = self._methods.get(method.lower())
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(params)

    # -- state used by the user side ---------------------------------------------------------

    def queue(self, update: JsonDict) -> JsonDict:
        """Queue an update; an `update_id` already present is kept (duplicates allowed)."""
        update = copy.deepcopy(update)
        update.setdefault("update_id", self._next_update_id)
        self._next_update_id = max(self._next_update_id, update["update_id"] + 1)
        self.updates.append(update)
        self.cond.notify_all()
        return copy.deepcopy(update)

    def user(self, user_id: int, first_name: str | None = None) -> JsonDict:
        """The User with this id, (re)named when `first_name` is given."""
        if first_name is not None or user_id not in self.users:
            self.users[user_id] = tg.user(user_id, first_name or "테스트")
        return self.users[user_id]

    def chat(self, chat_id: Any) -> JsonDict:
        """The chat with this id; unknown ids are registered the way Telegram numbers them."""
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        if isinstance(chat_id, str):
            raise bad_request("chat not found")  # @usernames are not modelled
        if not isinstance(chat_id, int):
            raise bad_request("chat_id is empty")
        if chat_id not in self.chats:
            self.chats[chat_id] = tg.chat(chat_id)
        return self.chats[chat_id]

    def new_message(
        self, chat: JsonDict, sender: JsonDict, thread_id: int | None, content: JsonDict
    ) -> JsonDict:
        """Store a message with the chat's next message_id; returns a copy."""
        self._last_message_id[chat["id"]] += 1
        message_id = self._last_message_id[chat["id"]]
        message = {"message_id": message_id, "date": tg.now(), "chat": dict(chat)}
        message |= {"from": dict(sender), **content}
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            if chat.get("is_forum"):
                message["is_topic_message"] = True
        self.messages[(chat["id"], message_id)] = message
        return copy.deepcopy(message)

    def add_topic(self, chat: JsonDict, name: str, icon_color: int, **extra: Any) -> JsonDict:
        """Create a forum topic; its id is the id of its "topic created" service message."""
        topic = {"name": name, "icon_color": icon_color, **extra}
        thread_id = self._last_message_id[chat["id"]] + 1
        self.new_message(chat, self.bot_user, thread_id, {"forum_topic_created": dict(topic)})
        topic = {"message_thread_id": thread_id, **topic}
        self.topics[(chat["id"], thread_id)] = topic | {"closed": False, "deleted": False}
        return topic

    # -- updates -----------------------------------------------------------------------------

    def _get_updates(self, p: JsonDict, client_gone: Callable[[], bool]) -> list[JsonDict]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset, limit = int(p.get("offset", 0)), min(max(int(p.get("limit", 100)), 1), 100)
        if offset < 0:  # the last -offset updates; earlier ones are forgotten
            ids = sorted({u["update_id"] for u in self.updates})
            offset = ids[offset] if len(ids) >= -offset else 0
        self.confirmed_offset = max(self.confirmed_offset, offset)
        self.updates = [u for u in self.updates if u["update_id"] >= self.confirmed_offset]
        self._poll += 1
        poll = self._poll
        self.cond.notify_all()
        deadline = time.monotonic() + float(p.get("timeout", 0))
        while True:
            if client_gone():
                raise Abandoned
            if poll != self._poll:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            batch: dict[int, JsonDict] = {}
            for update in sorted(self.updates, key=lambda u: u["update_id"]):
                if update["update_id"] >= self.confirmed_offset:
                    batch.setdefault(update["update_id"], update)  # one update per id
            remaining = deadline - time.monotonic()
            if batch or remaining <= 0 or self.closing:
                return [copy.deepcopy(u) for u in list(batch.values())[:limit]]
            self.cond.wait(min(remaining, 0.05))  # wakes on queue(); polls for hang-ups

    def _delete_webhook(self, p: JsonDict) -> bool:
        self.webhook = None
        if p.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _set_webhook(self, p: JsonDict) -> bool:
        if not p.get("url"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {k: v for k, v in p.items() if not isinstance(v, UploadedFile)}
        if p.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _get_webhook_info(self, p: JsonDict) -> JsonDict:
        url = (self.webhook or {}).get("url", "")
        pending = len({u["update_id"] for u in self.updates})
        return {"url": url, "has_custom_certificate": False, "pending_update_count": pending}

    # -- message content ---------------------------------------------------------------------

    def _markup(self, p: JsonDict) -> JsonDict:
        markup = p.get("reply_markup")
        if error := tg.inline_keyboard_error(markup):
            raise bad_request(error)
        # Only inline keyboards are part of a Message; reply keyboards are not echoed.
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            return {"reply_markup": markup}
        return {}

    def _text(self, p: JsonDict) -> JsonDict:
        text = p.get("text")
        if not text:
            raise bad_request("message text is empty")
        if len(text) > tg.MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        entities = {"entities": p["entities"]} if p.get("entities") else {}
        return {"text": text} | entities | self._markup(p)

    def _caption(self, p: JsonDict) -> JsonDict:
        caption = p.get("caption")
        if caption and len(caption) > tg.MAX_CAPTION_LENGTH:
            raise bad_request("message caption is too long")
        return ({"caption": caption} if caption else {}) | self._markup(p)

    def _photo(self, p: JsonDict) -> JsonDict:
        return {"photo": self.media.photo(p.get("photo"))} | self._caption(p)

    def _document(self, p: JsonDict) -> JsonDict:
        return {"document": self.media.document(p.get("document"))} | self._caption(p)

    def _thread(self, chat: JsonDict, p: JsonDict) -> int | None:
        thread_id = p.get("message_thread_id")
        if thread_id is None:
            return None
        topic = self.topics.get((chat["id"], int(thread_id)))
        if topic is None or topic["deleted"]:
            raise bad_request("message thread not found")
        return int(thread_id)

    def _reply(self, chat: JsonDict, p: JsonDict) -> JsonDict:
        reply: JsonDict = p.get("reply_parameters") or {}
        message_id = reply.get("message_id") or p.get("reply_to_message_id")
        if not isinstance(message_id, int):
            return {}
        target = self.messages.get((int(reply.get("chat_id") or chat["id"]), message_id))
        if target is not None:
            return {"reply_to_message": copy.deepcopy(target)}
        if reply.get("allow_sending_without_reply") or p.get("allow_sending_without_reply"):
            return {}
        raise bad_request("message to be replied not found")

    # -- sending and editing -----------------------------------------------------------------

    def _send(self, p: JsonDict, content: Callable[[JsonDict], JsonDict]) -> JsonDict:
        chat = self.chat(p.get("chat_id"))
        thread_id = self._thread(chat, p)
        body = content(p) | self._reply(chat, p)
        return self.new_message(chat, self.bot_user, thread_id, body)

    def _source(self, p: JsonDict, verb: str) -> JsonDict:
        source = self.messages.get((int(p.get("from_chat_id", 0)), int(p.get("message_id", 0))))
        if source is None:
            raise bad_request(f"message to {verb} not found")
        return source

    def _forward_message(self, p: JsonDict) -> JsonDict:
        def content(p: JsonDict) -> JsonDict:
            source = self._source(p, "forward")
            origin = {"type": "user", "date": source["date"], "sender_user": source["from"]}
            copied = {k: copy.deepcopy(source[k]) for k in _COPIED if k in source}
            return copied | {"forward_origin": origin}

        return self._send(p, content)

    def _copy_message(self, p: JsonDict) -> JsonDict:
        def content(p: JsonDict) -> JsonDict:
            source = self._source(p, "copy")
            copied = {k: copy.deepcopy(source[k]) for k in _COPIED if k in source}
            if "caption" in p:
                copied["caption"] = p["caption"]
            return copied | self._markup(p)

        return {"message_id": self._send(p, content)["message_id"]}

    def _edit(self, p: JsonDict, changes: Callable[[JsonDict], JsonDict]) -> JsonDict | bool:
        if p.get("inline_message_id"):
            return True
        message = self.messages.get((int(p.get("chat_id", 0)), int(p.get("message_id", 0))))
        if message is None:
            raise bad_request("message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        edited = {k: v for k, v in message.items() if k != "reply_markup"}  # omitted → removed
        edited |= changes(p)
        if all(edited.get(k) == message.get(k) for k in ("text", "caption", "reply_markup")):
            raise bad_request(_NOT_MODIFIED)
        message.clear()
        message.update(edited, edit_date=tg.now())
        return copy.deepcopy(message)

    def _delete_message(self, p: JsonDict) -> bool:
        key = (int(p.get("chat_id", 0)), int(p.get("message_id", 0)))
        if self.messages.pop(key, None) is None:
            raise bad_request("message to delete not found")
        return True

    def _answer_callback_query(self, p: JsonDict) -> bool:
        query_id = str(p.get("callback_query_id", ""))
        if query_id not in self.open_queries:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self.open_queries.discard(query_id)
        return True

    def _send_chat_action(self, p: JsonDict) -> bool:
        self._thread(self.chat(p.get("chat_id")), p)
        if not p.get("action"):
            raise bad_request("action is empty")
        return True

    # -- forum topics ------------------------------------------------------------------------

    def _create_forum_topic(self, p: JsonDict) -> JsonDict:
        chat = self.chat(p.get("chat_id"))
        if not chat.get("is_forum"):
            raise bad_request("the chat is not a forum")
        if not p.get("name"):
            raise bad_request("TOPIC_TITLE_EMPTY")
        extra = (
            {"icon_custom_emoji_id": p["icon_custom_emoji_id"]}
            if p.get("icon_custom_emoji_id")
            else {}
        )
        return self.add_topic(
            chat, p["name"], int(p.get("icon_color", _DEFAULT_ICON_COLOR)), **extra
        )

    def _topic(self, p: JsonDict) -> JsonDict:
        key = (self.chat(p.get("chat_id"))["id"], int(p.get("message_thread_id", 0)))
        topic = self.topics.get(key)
        if topic is None or topic["deleted"]:
            raise bad_request("TOPIC_ID_INVALID")
        return topic

    def _edit_forum_topic(self, p: JsonDict) -> bool:
        topic = self._topic(p)
        changes: JsonDict = {k: p[k] for k in ("name", "icon_custom_emoji_id") if k in p}
        if all(topic.get(k) == v for k, v in changes.items()):
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.update(changes)
        return True

    def _set_topic_closed(self, p: JsonDict, *, closed: bool) -> bool:
        topic = self._topic(p)
        if topic["closed"] == closed:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic["closed"] = closed  # not enforced on sends: admins (the bot) may still post
        return True

    def _delete_forum_topic(self, p: JsonDict) -> bool:
        topic = self._topic(p)
        topic["deleted"] = True
        chat_id, thread_id = self.chat(p.get("chat_id"))["id"], topic["message_thread_id"]
        for key, message in list(self.messages.items()):
            if key[0] == chat_id and message.get("message_thread_id") == thread_id:
                del self.messages[key]
        return True

    # -- members and commands ----------------------------------------------------------------

    def _get_chat_member(self, p: JsonDict) -> JsonDict:
        chat = self.chat(p.get("chat_id"))
        user_id = int(p.get("user_id", 0))
        is_bot = user_id == self.bot_user["id"]
        status = self.members.get((chat["id"], user_id), "member" if is_bot else "left")
        return tg.chat_member(status, self.bot_user if is_bot else self.user(user_id))

    def _set_my_commands(self, p: JsonDict) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or not commands:
            raise bad_request("commands is empty")
        for command in commands:
            name, description = command.get("command", ""), command.get("description", "")
            if not (tg.COMMAND_NAME.fullmatch(name) and 1 <= len(description) <= 256):
                raise bad_request("BOT_COMMAND_INVALID")
        self.commands[_scope_key(p)] = commands
        return True

    def _delete_my_commands(self, p: JsonDict) -> bool:
        self.commands.pop(_scope_key(p), None)
        return True


def _scope_key(p: JsonDict) -> str:
    return json.dumps([p.get("scope") or {"type": "default"}, p.get("language_code", "")])
