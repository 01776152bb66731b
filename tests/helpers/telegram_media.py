"""Files in the Bot API stand-in: uploads, file_ids, getFile and downloads.

Every file gets a ``file_id`` and a ``file_path``; the bytes are served at
``{base_file_url}{token}/{file_path}``, which is where python-telegram-bot's
``File.download_to_memory`` fetches them after ``getFile``.
"""

from __future__ import annotations

import itertools
from typing import Any

from tests.helpers.telegram_http import UploadedFile
from tests.helpers.telegram_objects import JsonDict, bad_request

__all__ = ["JPEG", "OGG", "PDF", "WEBP", "MediaStore"]

# Just the magic numbers; enough for code that sniffs a file type.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32 + b"\xff\xd9"
OGG = b"OggS\x00\x02" + b"\x00" * 32
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 24


class MediaStore:
    """file_id → bytes for everything the bot or a user sent; not thread-safe on its own."""

    def __init__(self) -> None:
        self._numbers = itertools.count(1)
        self._records: dict[str, JsonDict] = {}  # file_id → File object incl. file_path
        self._contents: dict[str, bytes] = {}  # file_path → bytes

    def register(self, content: bytes, *, kind: str, extension: str, **fields: Any) -> JsonDict:
        """Store `content`; return its File fields (file_id, file_unique_id, file_size, ...)."""
        number = next(self._numbers)
        file_id, file_path = f"{kind}-file-{number:04d}", f"{kind}s/file_{number}{extension}"
        record: JsonDict = {
            "file_id": file_id,
            "file_unique_id": f"unique-{number:04d}",
            "file_size": len(content),
        }
        self._records[file_id] = record | {"file_path": file_path}
        self._contents[file_path] = content
        return record | fields

    def _resolve(self, value: Any, *, kind: str, extension: str, **fields: Any) -> JsonDict:
        """An uploaded file, a known file_id or an HTTP URL, as File fields."""
        if isinstance(value, UploadedFile):
            if value.filename:
                fields.setdefault("file_name", value.filename)
            return self.register(value.content, kind=kind, extension=extension, **fields)
        if isinstance(value, str) and value in self._records:
            record = self._records[value]
            return {k: v for k, v in record.items() if k != "file_path"} | fields
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self.register(b"", kind=kind, extension=extension, **fields)
        if not value:
            raise bad_request(f"there is no {kind} in the request")
        raise bad_request("wrong file identifier/HTTP URL specified")

    def photo(self, value: Any = None, *, content: bytes | None = None) -> list[JsonDict]:
        """PhotoSize list (thumbnail, full size), from a sendPhoto value or raw `content`."""
        if content is not None:
            value = UploadedFile("photo.jpg", content, "image/jpeg")
        full = self._resolve(value, kind="photo", extension=".jpg")
        full.pop("file_name", None)
        if not isinstance(value, UploadedFile):
            return [full | {"width": 1280, "height": 960}]
        thumb = self.register(value.content, kind="photo", extension=".jpg")
        return [thumb | {"width": 90, "height": 68}, full | {"width": 1280, "height": 960}]

    def document(self, value: Any) -> JsonDict:
        """A Document from a sendDocument value (upload or file_id)."""
        mime_type = value.mime_type if isinstance(value, UploadedFile) else None
        document = self._resolve(value, kind="document", extension="")
        if mime_type:
            document["mime_type"] = mime_type
        return document

    def voice(self, content: bytes, duration: int) -> JsonDict:
        """A Voice note."""
        fields = {"duration": duration, "mime_type": "audio/ogg"}
        return self.register(content, kind="voice", extension=".oga", **fields)

    def sticker(self, emoji: str) -> JsonDict:
        """A static regular Sticker."""
        fields = {"type": "regular", "width": 512, "height": 512, "emoji": emoji}
        fields |= {"is_animated": False, "is_video": False}
        return self.register(WEBP, kind="sticker", extension=".webp", **fields)

    def file(self, file_id: Any) -> JsonDict:
        """The getFile answer for `file_id`."""
        if not isinstance(file_id, str) or file_id not in self._records:
            raise bad_request("invalid file_id")
        return dict(self._records[file_id])

    def content(self, file_path: str) -> bytes | None:
        """The bytes served for a file_path, if any."""
        return self._contents.get(file_path)
