"""HTTP plumbing for the Bot API stand-in: a loopback server and request-parameter decoding.

python-telegram-bot 22 (``HTTPXRequest``) POSTs ``application/x-www-form-urlencoded`` bodies,
or ``multipart/form-data`` when a file is uploaded. String values go as they are and every other
value JSON-encoded (``chat_id=42``, ``reply_markup={"inline_keyboard": ...}``,
``disable_notification=true``). Other clients may POST JSON or use a query string; all decode
to one dict here.
"""

from __future__ import annotations

import contextlib
import json
import re
import select
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["App", "LoopbackServer", "Response", "UploadedFile", "decode_params"]

# Parameters that are strings even when they look like JSON ("123", "true", "[1]").
_STRING_PARAMS = frozenset(
    [
        "text",
        "caption",
        "data",
        "name",
        "title",
        "description",
        "callback_query_id",
        "inline_message_id",
        "parse_mode",
        "url",
        "file_id",
        "photo",
        "document",
        "voice",
        "sticker",
        "video",
        "audio",
        "animation",
        "action",
        "secret_token",
        "language_code",
        "emoji",
        "question",
        "address",
        "phone_number",
        "first_name",
        "last_name",
        "icon_custom_emoji_id",
        "business_connection_id",
        "message_effect_id",
        "custom_title",
    ]
)
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?')
_NAME = re.compile(r'\bname="([^"]*)"')
_FILENAME = re.compile(r'\bfilename="([^"]*)"')


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart upload."""

    filename: str | None
    content: bytes
    mime_type: str


@dataclass(frozen=True)
class Response:
    """What the server answers: status, body and its content type."""

    status: int
    body: bytes
    content_type: str = "application/json"


# Called with the URL path, the decoded parameters and a check whether the client hung up;
# runs on the connection's thread.
App = Callable[[str, dict[str, Any], Callable[[], bool]], Response]


def _decode_value(name: str, raw: str) -> Any:
    if name in _STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw  # e.g. chat_id="@channel"


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    # Parsed by hand: the stdlib email parser mangles UTF-8 file names such as "이력서.pdf".
    match = _BOUNDARY.search(content_type)
    if not match:
        raise ValueError("multipart body without boundary")
    params: dict[str, Any] = {}
    for chunk in body.split(b"--" + match.group(1).encode())[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, data = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        data = data.removesuffix(b"\r\n")
        headers = {}
        for line in head.decode().split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        name = _NAME.search(disposition)
        if not name:
            continue
        filename = _FILENAME.search(disposition)
        if filename or "content-type" in headers:
            params[name.group(1)] = UploadedFile(
                filename=filename.group(1) if filename else None,
                content=data,
                mime_type=headers.get("content-type", "application/octet-stream"),
            )
        else:
            params[name.group(1)] = _decode_value(name.group(1), data.decode())
    return params


def decode_params(content_type: str, body: bytes, query: str = "") -> dict[str, Any]:
    """Parameters of one request, typed: JSON values decoded, uploads as `UploadedFile`."""
    params = {k: _decode_value(k, v) for k, v in parse_qsl(query, keep_blank_values=True)}
    kind = content_type.split(";")[0].strip().lower()
    if not body:
        return params
    if kind == "application/json":
        params.update(json.loads(body))
    elif kind == "multipart/form-data":
        params.update(_multipart(content_type, body))
    else:
        pairs = parse_qsl(body.decode(), keep_blank_values=True)
        params.update({k: _decode_value(k, v) for k, v in pairs})
    return params


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects
    server: LoopbackServer

    def do_POST(self) -> None:  # noqa: N802 - the name http.server dispatches to
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        try:
            params = decode_params(self.headers.get("Content-Type", ""), body, url.query)
        except ValueError as exc:
            error = {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
            response = Response(400, json.dumps(error).encode())
        else:
            # PTB percent-encodes file paths, so the token's ":" arrives as "%3A".
            response = self.server.app(unquote(url.path), params, self._client_gone)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.write(response.body)

    do_GET = do_POST

    def _client_gone(self) -> bool:
        """Whether the client hung up (EOF waiting on the socket) while we work on its request."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Stay quiet; the stand-in records calls itself."""


class LoopbackServer(ThreadingHTTPServer):
    """A threaded HTTP server on a free 127.0.0.1 port that joins its threads on `stop`."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, app: App) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._closing = False
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self.server_address[1])

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread = threading.Thread(
            target=self.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"telegram-stand-in:{self.port}",
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, cut idle keep-alive connections and join every thread."""
        self._closing = True
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the client
                connection.shutdown(socket.SHUT_RDWR)
        self.server_close()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (PTB cancels its long poll on stop) or our own shutdown
        # cutting a connection is no error.
        if not self._closing and not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)
