"""Keeping the index in step with the database: lag detection, retired openings, the stamp."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from retrieval.embedder import Embedder
from retrieval.indexer import index_lags, read_manifest, sync_index
from storage.importer import import_files
from storage.models import Opening
from tests.storage.test_importer import FORKLIFT, WELDER, write_csv


def test_index_follows_the_catalog_version(
    session: Session, tmp_path: Path, embedder: Embedder
) -> None:
    folder = tmp_path / "index"
    path = write_csv(tmp_path / "a.csv", WELDER)
    import_files(session, [path])
    assert index_lags(session, folder=folder, model=embedder.name)  # no index yet
    sync_index(session, folder=folder, embedder=embedder)
    first = read_manifest(folder)
    assert first is not None
    assert not index_lags(session, folder=folder, model=embedder.name)
    assert index_lags(session, folder=folder, model="another-model")

    import_files(session, [write_csv(path, WELDER, FORKLIFT)])
    assert index_lags(session, folder=folder, model=embedder.name)
    report = sync_index(session, folder=folder, embedder=embedder)
    assert (report.added, report.total) == (1, 2)
    second = read_manifest(folder)
    assert second is not None and second["stamp"] != first["stamp"]


def test_retired_openings_leave_the_index(
    session: Session, tmp_path: Path, embedder: Embedder
) -> None:
    folder = tmp_path / "index"
    path = write_csv(tmp_path / "worknet.csv", WELDER, FORKLIFT.replace("gunsan_city", "worknet"))
    import_files(session, [path])
    sync_index(session, folder=folder, embedder=embedder)
    import_files(session, [write_csv(path, WELDER)], source="worknet", full=True)
    report = sync_index(session, folder=folder, embedder=embedder)
    forklift = session.scalars(select(Opening).where(Opening.title.contains("지게차"))).one()
    manifest = read_manifest(folder)
    assert manifest is not None
    assert (report.removed, report.total) == (1, 1)
    assert str(forklift.id) not in manifest["docs"]


def test_an_index_of_other_terms_is_rebuilt(
    session: Session, tmp_path: Path, embedder: Embedder
) -> None:
    import json

    from retrieval.indexer import MANIFEST

    folder = tmp_path / "index"
    import_files(session, [write_csv(tmp_path / "a.csv", WELDER, FORKLIFT)])
    sync_index(session, folder=folder, embedder=embedder)
    manifest = read_manifest(folder)
    assert manifest is not None and not index_lags(session, folder=folder, model=embedder.name)
    # an index written before compounds were split: its terms no longer meet a query's
    manifest["terms"] = "kiwi-morphemes"
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert index_lags(session, folder=folder, model=embedder.name)
    report = sync_index(session, folder=folder, embedder=embedder)
    assert report.rebuilt and (report.added, report.total) == (2, 2)
    assert not index_lags(session, folder=folder, model=embedder.name)
