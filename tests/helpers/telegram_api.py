"""A Telegram Bot API stand-in on loopback, to run the real python-telegram-bot against.

    with TelegramStandIn() as api:
        application = (
            ApplicationBuilder().token(api.token)
            .base_url(api.base_url).base_file_url(api.base_file_url).build()
        )
        application.add_handler(...)
        async with polling(application):
            api.send_text(42, 42, "안녕하세요")
            call = await api.async_wait_for_call("sendMessage", chat_id=42)

It answers like api.telegram.org where a front end can tell: ``{"ok": true, "result": ...}``,
HTTP 429 with ``parameters.retry_after`` for flood control (`fail_next`), the same
"Bad Request: ..." descriptions, getUpdates long polling in which an update below the highest
offset seen never comes back, and 409 Conflict when a second getUpdates starts. Every request
is recorded as a `Call`, failed ones too. The methods themselves live in `telegram_methods`.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dtm
import itertools
import json
import threading
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Self, TypedDict, Unpack

import pytest

from tests.helpers import telegram_objects as tg
from tests.helpers.telegram_http import LoopbackServer, Response, UploadedFile
from tests.helpers.telegram_media import JPEG, OGG, PDF
from tests.helpers.telegram_methods import Abandoned, BotApi
from tests.helpers.telegram_objects import ApiError, JsonDict

if TYPE_CHECKING:
    from telegram.ext import Application

__all__ = ["Call", "Origin", "TelegramStandIn", "UploadedFile", "polling", "telegram_api"]


@dataclass(frozen=True)
class Call:
    """One request the bot made and how the stand-in answered it."""

    method: str  # as sent, e.g. "sendMessage"
    params: JsonDict  # decoded: ints, dicts for reply_markup, `UploadedFile` for uploads
    result: Any = None  # the "result" answered, None when failed
    failed: bool = False
    status: int = 200
    description: str | None = None  # Telegram's error description when failed
    at: float = field(default_factory=time.monotonic)  # when answered, time.monotonic()


class Origin(TypedDict, total=False):
    """Where a user's message is sent from.

    ``chat_type`` defaults to what the id implies (> 0 private, -100… supergroup, other < 0
    group); a ``thread_id`` makes it a forum topic message (the topic is created if unknown).
    """

    thread_id: int | None
    chat_type: str | None
    first_name: str


@dataclass
class _Failure:
    status: int
    description: str
    retry_after: int
    times: int


class TelegramStandIn:
    """The Bot API on 127.0.0.1: records calls, queues what users do, injects failures."""

    def __init__(self, token: str = "123456:TEST-TOKEN") -> None:
        self.token = token
        bot_id = int(token.split(":")[0])
        self.bot_user = tg.user(bot_id, "잡봇", username="jobbot_test_bot", is_bot=True)
        self._cond = threading.Condition()
        self._api = BotApi(self.bot_user, self._cond)
        self._calls: list[Call] = []
        self._failures: dict[str, list[_Failure]] = defaultdict(list)
        self._query_ids = itertools.count(4_200_000_001)
        self._server: LoopbackServer | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> Self:
        """Listen on a free loopback port, serving from a background thread."""
        with self._cond:
            self._api.closing = False
        self._server = LoopbackServer(self._answer)
        self._server.start()
        return self

    def close(self) -> None:
        """Answer waiting long polls, stop the server and join all its threads."""
        with self._cond:
            self._api.closing = True
            self._cond.notify_all()
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def base_url(self) -> str:
        """For `ApplicationBuilder.base_url`: PTB requests ``{base_url}{token}/{method}``."""
        return f"{self._origin}/bot"

    @property
    def base_file_url(self) -> str:
        """For `ApplicationBuilder.base_file_url`: downloads ``{base_file_url}{token}/{path}``."""
        return f"{self._origin}/file/bot"

    @property
    def _origin(self) -> str:
        if self._server is None:
            raise RuntimeError("TelegramStandIn is not started; use `with TelegramStandIn()`")
        return f"http://127.0.0.1:{self._server.port}"

    # -- what users do -----------------------------------------------------------------------

    def send_text(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        thread_id: int | None = None,
        chat_type: str | None = None,
        first_name: str | None = None,
    ) -> JsonDict:
        """Queue a text message from a user; returns the update (``["message"]["message_id"]``)."""
        origin = Origin(thread_id=thread_id, chat_type=chat_type)
        if first_name is not None:
            origin["first_name"] = first_name
        return self._user_message(chat_id, user_id, {"text": text}, origin)

    def send_command(
        self, chat_id: int, user_id: int, text: str, **origin: Unpack[Origin]
    ) -> JsonDict:
        """Queue a command such as "/start payload", with its `bot_command` entities."""
        content = {"text": text, "entities": tg.command_entities(text)}
        return self._user_message(chat_id, user_id, content, origin)

    def send_photo(
        self,
        chat_id: int,
        user_id: int,
        *,
        content: bytes = JPEG,
        caption: str | None = None,
        **origin: Unpack[Origin],
    ) -> JsonDict:
        """Queue a photo; its bytes are downloadable through getFile."""
        with self._cond:
            body = {"photo": self._api.media.photo(content=content)}
        return self._user_message(chat_id, user_id, body | _caption(caption), origin)

    def send_voice(
        self,
        chat_id: int,
        user_id: int,
        *,
        content: bytes = OGG,
        duration: int = 3,
        **origin: Unpack[Origin],
    ) -> JsonDict:
        """Queue a voice note."""
        with self._cond:
            body = {"voice": self._api.media.voice(content, duration)}
        return self._user_message(chat_id, user_id, body, origin)

    def send_sticker(
        self, chat_id: int, user_id: int, *, emoji: str = "👍", **origin: Unpack[Origin]
    ) -> JsonDict:
        """Queue a sticker."""
        with self._cond:
            body = {"sticker": self._api.media.sticker(emoji)}
        return self._user_message(chat_id, user_id, body, origin)

    def send_document(
        self,
        chat_id: int,
        user_id: int,
        *,
        content: bytes = PDF,
        file_name: str = "이력서.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        **origin: Unpack[Origin],
    ) -> JsonDict:
        """Queue a document (by default a PDF résumé)."""
        fields = {"file_name": file_name, "mime_type": mime_type}
        with self._cond:
            document = self._api.media.register(content, kind="document", extension="", **fields)
        body = {"document": document} | _caption(caption)
        return self._user_message(chat_id, user_id, body, origin)

    def send_location(
        self,
        chat_id: int,
        user_id: int,
        latitude: float,
        longitude: float,
        **origin: Unpack[Origin],
    ) -> JsonDict:
        """Queue a shared location."""
        location = {"latitude": latitude, "longitude": longitude}
        return self._user_message(chat_id, user_id, {"location": location}, origin)

    def press_button(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        data: str,
        *,
        first_name: str | None = None,
    ) -> JsonDict:
        """Queue a callback_query for a button the bot's message `message_id` shows now."""
        with self._cond:
            message = self._api.messages.get((chat_id, message_id))
            if message is None:
                raise ValueError(f"no message {message_id} in chat {chat_id}")
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            if data not in [button.get("callback_data") for row in rows for button in row]:
                raise ValueError(f"message {message_id} shows no button with data {data!r}")
            query_id = str(next(self._query_ids))
            self._api.open_queries.add(query_id)
            query = {
                "id": query_id,
                "from": self._api.user(user_id, first_name),
                "message": copy.deepcopy(message),
                "chat_instance": str(abs(chat_id) * 7919),
                "data": data,
            }
            return self._api.queue({"callback_query": query})

    def queue_update(self, update: JsonDict) -> JsonDict:
        """Queue any update; one that has an update_id keeps it, so queueing an update returned
        earlier queues the same update again (Telegram never returns an id below the offset)."""
        with self._cond:
            return self._api.queue(update)

    def _user_message(
        self, chat_id: int, user_id: int, content: JsonDict, origin: Origin
    ) -> JsonDict:
        thread_id = origin.get("thread_id")
        with self._cond:
            sender = self._api.user(user_id, origin.get("first_name"))
            chat = self._api.chats.get(chat_id)
            if chat is None:
                chat_type = origin.get("chat_type") or tg.chat_type_for(chat_id)
                is_forum = thread_id is not None and chat_type == "supergroup"
                chat = tg.chat(
                    chat_id, chat_type, first_name=sender["first_name"], is_forum=is_forum
                )
                self._api.chats[chat_id] = chat
            if thread_id is not None:
                topic = self._api.topics.setdefault(
                    (chat_id, thread_id),
                    {"message_thread_id": thread_id, "name": f"토픽 {thread_id}"}
                    | {"icon_color": 7322096, "closed": False, "deleted": False},
                )
                if topic["deleted"]:
                    raise ValueError(f"topic {thread_id} of chat {chat_id} was deleted")
            message = self._api.new_message(chat, sender, thread_id, content)
            return self._api.queue({"message": message})

    # -- setting the scene -------------------------------------------------------------------

    def add_chat(
        self,
        chat_id: int,
        *,
        chat_type: str | None = None,
        title: str = "테스트 그룹",
        is_forum: bool = False,
    ) -> JsonDict:
        """Register a chat, e.g. the staff forum (``is_forum=True``) topics are created in."""
        with self._cond:
            chat = tg.chat(chat_id, chat_type, title=title, is_forum=is_forum)
            self._api.chats[chat_id] = chat
            return dict(chat)

    def set_member_status(self, chat_id: int, user_id: int, status: str = "member") -> None:
        """What getChatMember answers for this user: "creator", "administrator", "member",
        "restricted", "left" (the default) or "kicked"."""
        if status not in tg.MEMBER_STATUSES:
            raise ValueError(f"unknown status {status!r}; one of {tg.MEMBER_STATUSES}")
        with self._cond:
            self._api.members[(chat_id, user_id)] = status

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` with an error: 429 flood control carrying
        ``parameters.retry_after`` by default, or e.g. ``status=502`` ("Bad Gateway")."""
        if status == 429 and retry_after < 1:
            raise ValueError("retry_after must be >= 1; PTB ignores a retry_after of 0")
        if description is None:
            phrase = HTTPStatus(status).phrase
            description = f"{phrase}: retry after {retry_after}" if status == 429 else phrase
        with self._cond:
            self._failures[method.lower()].append(_Failure(status, description, retry_after, times))

    def stop_failing(self, method: str) -> None:
        """Drop the failures still queued for `method` (the fault was fixed)."""
        with self._cond:
            self._failures.pop(method.lower(), None)

    # -- what the bot did --------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every request so far, in the order answered."""
        with self._cond:
            return list(self._calls)

    def calls_to(self, method: str, *, include_failed: bool = False) -> list[Call]:
        """The successful (or all) calls of one method."""
        return [c for c in self.calls if _matches(c, method, include_failed, {})]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """Texts of the messages the bot sent, optionally to one chat."""
        calls = self.calls_to("sendMessage")
        return [c.params["text"] for c in calls if chat_id in (None, c.params.get("chat_id"))]

    def message(self, chat_id: int, message_id: int) -> JsonDict | None:
        """A message as it stands now (after edits), or None if unknown or deleted."""
        with self._cond:
            return copy.deepcopy(self._api.messages.get((chat_id, message_id)))

    def topic(self, chat_id: int, thread_id: int) -> JsonDict | None:
        """A forum topic with its ``closed`` and ``deleted`` flags, or None."""
        with self._cond:
            return copy.deepcopy(self._api.topics.get((chat_id, thread_id)))

    @property
    def confirmed_offset(self) -> int:
        """The highest getUpdates offset seen: updates below it are gone for good."""
        with self._cond:
            return self._api.confirmed_offset

    def wait_for(
        self, predicate: Callable[[Call], bool], timeout: float = 10, *, since: int = 0
    ) -> Call:
        """Block until a call from index `since` on satisfies `predicate`; AssertionError with
        the recent calls on timeout. Not from inside the event loop: see `async_wait_for`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while (call := self._find(predicate, since)) is None:
                if (remaining := deadline - time.monotonic()) <= 0:
                    raise AssertionError(self._no_match(timeout))
                self._cond.wait(remaining)
            return call

    def wait_for_call(
        self,
        method: str,
        *,
        timeout: float = 10,
        since: int = 0,
        include_failed: bool = False,
        **match: Any,
    ) -> Call:
        """Block until `method` is called with params equal to `match` (`timeout` is the wait;
        to match getUpdates' own ``timeout`` param use `wait_for`)."""
        return self.wait_for(
            lambda c: _matches(c, method, include_failed, match), timeout, since=since
        )

    async def async_wait_for(
        self, predicate: Callable[[Call], bool], timeout: float = 10, *, since: int = 0
    ) -> Call:
        """`wait_for` for code running on the bot's event loop (it keeps the loop running)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                call = self._find(predicate, since)
            if call is not None:
                return call
            if time.monotonic() >= deadline:
                with self._cond:
                    raise AssertionError(self._no_match(timeout))
            await asyncio.sleep(0.01)

    async def async_wait_for_call(
        self,
        method: str,
        *,
        timeout: float = 10,
        since: int = 0,
        include_failed: bool = False,
        **match: Any,
    ) -> Call:
        """`wait_for_call` for code running on the bot's event loop."""
        return await self.async_wait_for(
            lambda c: _matches(c, method, include_failed, match), timeout, since=since
        )

    def _find(self, predicate: Callable[[Call], bool], since: int) -> Call | None:
        return next((c for c in self._calls[since:] if predicate(c)), None)

    def _no_match(self, timeout: float) -> str:
        recent = [c for c in self._calls if c.method != "getUpdates" or c.result or c.failed]
        lines = [f"  {c.method} {c.params} -> {c.description or 'ok'}" for c in recent[-15:]]
        return f"no matching call within {timeout} s; recent calls:\n" + "\n".join(lines)

    # -- the HTTP side -----------------------------------------------------------------------

    def _answer(self, path: str, params: JsonDict, client_gone: Callable[[], bool]) -> Response:
        if path.startswith("/file/bot"):
            token, _, file_path = path.removeprefix("/file/bot").partition("/")
            with self._cond:
                content = self._api.media.content(file_path) if token == self.token else None
            if content is None:
                return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return Response(200, content, "application/octet-stream")
        token, _, method = path.removeprefix("/bot").partition("/")
        with self._cond:
            try:
                if not path.startswith("/bot") or token != self.token:
                    raise ApiError(401, "Unauthorized")
                self._inject_failure(method)
                result = self._api.call(method, params, client_gone)
            except Abandoned:
                return _json(200, {"ok": True, "result": []})  # nobody reads it; not recorded
            except ApiError as error:
                failed = Call(method, params, None, True, error.status, error.description)
                self._record(failed)
                return _json(error.status, error.body())
            self._record(Call(method, params, copy.deepcopy(result)))
            return _json(200, {"ok": True, "result": result})

    def _record(self, call: Call) -> None:
        self._calls.append(call)
        self._cond.notify_all()

    def _inject_failure(self, method: str) -> None:
        queue = self._failures.get(method.lower())
        if not queue:
            return
        failure = queue[0]
        failure.times -= 1
        if failure.times <= 0:
            queue.pop(0)
        parameters = {"retry_after": failure.retry_after} if failure.status == 429 else None
        raise ApiError(failure.status, failure.description, parameters)


def _matches(call: Call, method: str, include_failed: bool, match: dict[str, Any]) -> bool:
    return (
        call.method.lower() == method.lower()
        and (include_failed or not call.failed)
        and all(call.params.get(key) == value for key, value in match.items())
    )


def _caption(caption: str | None) -> JsonDict:
    return {"caption": caption} if caption else {}


def _json(status: int, body: JsonDict) -> Response:
    return Response(status, json.dumps(body, ensure_ascii=False).encode())


@contextlib.asynccontextmanager
async def polling(
    application: Application[Any, Any, Any, Any, Any, Any], *, timeout: float = 1
) -> AsyncIterator[None]:
    """Run `application` with getUpdates long polling (`timeout` s), then shut it down cleanly.

    ``poll_interval=0`` and a short long-poll keep tests fast; stopping the updater cancels
    the waiting getUpdates and confirms fetched updates with one more getUpdates(timeout=0).
    """
    updater = application.updater
    if updater is None:
        raise ValueError("the application was built without an updater")
    async with application:
        await application.start()
        await updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=timeout))
        try:
            yield
        finally:
            await updater.stop()
            await application.stop()


@pytest.fixture
def telegram_api() -> Iterator[TelegramStandIn]:
    """A started stand-in, closed after the test. Register with
    ``pytest_plugins = ["tests.helpers.telegram_api"]`` in the root conftest, or import it."""
    with TelegramStandIn() as api:
        yield api
