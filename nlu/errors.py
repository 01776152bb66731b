"""Exceptions raised by the normalization layer.

NluError
├── TableError      a normalization table is missing, malformed or inconsistent
└── PayError        an unknown salary type (also a ValueError)
"""

from __future__ import annotations

__all__ = ["NluError", "PayError", "TableError"]


class NluError(Exception):
    """Base class of every error raised by :mod:`nlu`."""


class TableError(NluError):
    """A normalization table under ``data/normalization`` cannot be used as it is."""


class PayError(NluError, ValueError):
    """A salary type that is not 월급, 시급, 연봉 or 일급 (or one of their codes)."""
