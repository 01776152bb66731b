"""Errors of the storage package.

StorageError
├── UnreadableFileError   a whole import file cannot be read (encoding, format)
└── RowRejected           one record is invalid; the import goes on without it
"""

from __future__ import annotations


class StorageError(Exception):
    """Base of storage errors."""


class UnreadableFileError(StorageError):
    """An import file that cannot be read at all; the message is for center staff (Korean)."""


class RowRejected(StorageError):
    """One record that cannot be imported; the message says why, in Korean."""
