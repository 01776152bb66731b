"""The action server's matcher follows imports: a new opening is found without a restart."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.runtime import action_server
from bot.settings import Settings
from retrieval.embedder import Embedder
from retrieval.indexer import MANIFEST, sync_index
from retrieval.live import LiveMatcher
from storage.importer import import_files
from tests.conftest import make_settings

AS_OF = date(2026, 11, 1)
SEEKER = "풍력발전기 블레이드 정비 일 하고 싶어요"
BLADE = (
    '{"source":"city","source_id":"B-1","company":"새만금풍력정비(주)",'
    '"title":"풍력발전기 블레이드 정비원","occupation":"풍력발전기 정비원",'
    '"description":"해상 풍력발전기 블레이드 점검과 보수. 주간 근무.",'
    '"region":"군산시 오식도동","closes_on":"2026-12-31"}\n'
)


@pytest.fixture
def live_home(
    sample_settings: Settings,
    tmp_path: Path,
    embedder: Embedder,
    monkeypatch: pytest.MonkeyPatch,
) -> Settings:
    """A private copy of the indexed sample home; the action server reuses the session's model."""
    shutil.copytree(sample_settings.home, tmp_path / "home")
    monkeypatch.setattr(action_server, "open_embedder", lambda *_args, **_kw: embedder)
    return make_settings(tmp_path / "home")


def found(matcher: LiveMatcher) -> list[str]:
    return [m.title for m in matcher.match(SEEKER, top=10, as_of=AS_OF)]


def test_an_opening_imported_while_serving_is_found(
    live_home: Settings, embedder: Embedder, tmp_path: Path
) -> None:
    context = action_server.action_context(live_home)
    matcher = context.matcher
    assert isinstance(matcher, LiveMatcher)
    before = matcher.current
    assert "풍력발전기 블레이드 정비원" not in found(matcher)

    export = tmp_path / "blade.jsonl"
    export.write_text(BLADE, encoding="utf-8")
    with context.sessions() as session:
        import_files(session, [export])
    assert matcher.check() is None  # the database alone changes nothing: the index decides
    with context.sessions() as session:
        sync_index(session, folder=live_home.index_dir, embedder=embedder)

    loading = matcher.check()
    assert loading is not None
    # Searches keep being answered while the new build loads.
    assert len(matcher.match(SEEKER, top=3, as_of=AS_OF)) == 3
    loading.join(timeout=60)
    assert matcher.current is not before
    assert "풍력발전기 블레이드 정비원" in found(matcher)
    assert matcher.check() is None


def test_a_build_that_cannot_be_loaded_keeps_the_previous_one(live_home: Settings) -> None:
    matcher = action_server.action_context(live_home).matcher
    assert isinstance(matcher, LiveMatcher)
    before = matcher.current
    manifest = live_home.index_dir / MANIFEST
    good = manifest.read_text(encoding="utf-8")
    manifest.write_text(good.replace('"model": "', '"model": "other-'), encoding="utf-8")
    loading = matcher.check()
    assert loading is not None
    loading.join(timeout=60)
    assert matcher.current is before
    assert matcher.check() is None  # the broken build is not retried on every search
    assert found(matcher)

    manifest.write_text(good, encoding="utf-8")
    loading = matcher.check()
    assert loading is not None
    loading.join(timeout=60)
    assert matcher.current is not before
