"""Shared fixtures: an isolated jobbot home per test, one embedding model per session,
and one imported + indexed copy of the sample openings per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.services import open_database, open_embedder, open_matcher
from bot.settings import Settings
from retrieval.embedder import Embedder
from retrieval.indexer import sync_index
from retrieval.matcher import Matcher
from storage.importer import import_files

# Shared fixtures living in helper modules: the Rasa stack, the Telegram Bot API and 고용24 stand-ins.
pytest_plugins = [
    "tests.helpers.rasa_stack",
    "tests.helpers.telegram_api",
    "tests.helpers.worknet_api",
]

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CSV = REPO / "data/openings/gunsan_openings.csv"
SAMPLE_XML = REPO / "data/openings/worknet_sample.xml"


def make_settings(home: Path) -> Settings:
    """Settings for a private home folder; the model cache is the repo's, built by `make setup`."""
    return Settings(home=home, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose database and index live in this test's temp folder."""
    return make_settings(tmp_path)


@pytest.fixture
def sessions(settings: Settings) -> sessionmaker[Session]:
    """A migrated SQLite database in the test's temp folder."""
    return open_database(settings)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One session on the test's database."""
    with sessions() as s:
        yield s


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The bundled e5 model, loaded once per test session from the repo's model cache."""
    return open_embedder(Settings(home=REPO / "var", _env_file=None))  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def sample_settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """A home with the sample openings imported and indexed (shared, read-only for tests)."""
    settings = make_settings(tmp_path_factory.mktemp("sample-home"))
    sessions = open_database(settings)
    with sessions() as s:
        import_files(s, [SAMPLE_CSV, SAMPLE_XML])
    with sessions() as s:
        sync_index(s, folder=settings.index_dir, embedder=embedder)
    return settings


@pytest.fixture(scope="session")
def matcher(sample_settings: Settings, embedder: Embedder) -> Matcher:
    """A matcher over the indexed sample openings."""
    return open_matcher(sample_settings, embedder=embedder)
