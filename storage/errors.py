"""Errors of the storage package.

StorageError
├── UnreadableFileError       a whole import file cannot be read (encoding, format, size)
│   ├── SourceErrorResponse   the source answered with an error envelope (고용24 messageCd …)
│   └── MissingColumnsError   a CSV header without the required columns; suggests a mapping
├── ColumnMapError            a column mapping (--columns, data/sources/NAME.yml) that is unusable
├── SourceUnavailable         a source's API kept failing (timeouts, 5xx) or refused the call
└── RowRejected               one record is invalid; the import goes on without it

Every message is for center staff, in Korean, and never carries personal data.
"""

from __future__ import annotations

from storage import messages


class StorageError(Exception):
    """Base of storage errors."""


class UnreadableFileError(StorageError):
    """An import file that cannot be read at all; the message is for center staff (Korean)."""


class SourceErrorResponse(UnreadableFileError):
    """A response body that is the source's error envelope, not postings (HTTP 200 all the same).

    ``code`` is the source's own code (고용24 ``messageCd`` such as ``006``), ``None`` when the
    envelope has none; ``source_message`` its own words.
    """

    def __init__(self, label: str, code: str | None, source_message: str) -> None:
        self.code = code
        self.source_message = source_message
        template = messages.SOURCE_ERROR_CODED if code else messages.SOURCE_ERROR
        super().__init__(template.format(label=label, code=code, message=source_message))


class MissingColumnsError(UnreadableFileError):
    """A CSV header lacking required columns; the message lists the headers seen and suggests
    the ``--columns`` line that would map them."""


class ColumnMapError(UnreadableFileError):
    """A column mapping that names an unknown column or is malformed; the message says which.

    An :class:`UnreadableFileError`, so a broken ``data/sources`` file fails each file's import
    with its message, like any file that cannot be read.
    """


class RowRejected(StorageError):
    """One record that cannot be imported; the message says why, in Korean."""


class SourceUnavailable(StorageError):
    """A source's API did not answer usably (timeouts, 5xx after retries, refused); the
    message says what happened and never carries the request URL (it holds the auth key)."""
