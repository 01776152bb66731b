"""Shared fixtures for the normalization tests: the repo's real tables, loaded once."""

from __future__ import annotations

import pytest

from nlu.tables import Tables, load_tables


@pytest.fixture(scope="session")
def tables() -> Tables:
    """The tables under data/normalization."""
    return load_tables()
