"""Build and keep in step the on-disk indexes (dense FAISS + Kiwi BM25) with the database.

The folder's ``manifest.json`` records the embedding model, the kind of dense index,
each indexed opening's content hash, the catalog version of the database it was built
from and a stamp that changes with every build; a sync embeds only openings that are new
or whose text changed (in batches of similar length, so padding stays short), and drops
openings that are gone or retired. A different model, other BM25 terms
(:data:`retrieval.lexical.TERMS`) or ``full=True`` rebuild everything. The dense index
turns from flat into an inverted file (and back) as the corpus crosses
:data:`retrieval.dense_index.APPROXIMATE_FROM` openings. The manifest is written last,
atomically: whoever sees a new one finds the index files it describes.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from tqdm import tqdm

from retrieval.dense_index import DenseIndex
from retrieval.documents import dense_text, lexical_text
from retrieval.embedder import Embedder
from retrieval.lexical import TERMS, BM25Index, tokenize_many
from storage.catalog_version import catalog_version
from storage.openings import iter_openings

logger = logging.getLogger(__name__)

__all__ = ["IndexReport", "MANIFEST", "index_lags", "read_manifest", "sync_index", "write_manifest"]

MANIFEST = "manifest.json"
BATCH = 256


@dataclass(frozen=True)
class IndexReport:
    """What a sync did."""

    added: int
    updated: int
    removed: int
    total: int
    rebuilt: bool


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The index's manifest, or ``None`` when there is no (readable) index in ``folder``."""
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return None


def index_lags(session: Session, *, folder: Path, model: str) -> bool:
    """Whether the index misses changes in the database (or is missing, or of another model
    or other terms)."""
    manifest = read_manifest(folder)
    return (
        manifest is None
        or _outdated(manifest, model)
        or manifest.get("catalog_version") != catalog_version(session=session)
    )


def _outdated(manifest: dict[str, Any] | None, model: str) -> bool:
    """Whether an index must be built anew: none yet, another model or other BM25 terms."""
    return manifest is None or manifest.get("model") != model or manifest.get("terms") != TERMS


def sync_index(
    session: Session,
    *,
    folder: Path,
    embedder: Embedder,
    full: bool = False,
    progress: bool = False,
) -> IndexReport:
    """Bring the indexes in ``folder`` in line with the database's openings."""
    import numpy as np

    # Read first: a change committed while this sync runs leaves the index marked as lagging.
    version = catalog_version(session=session)
    manifest = None if full else read_manifest(folder)
    rebuilt = _outdated(manifest, embedder.name)
    if rebuilt:
        dense, lexical, indexed = DenseIndex.empty(embedder.dim), BM25Index(), {}
    else:
        assert manifest is not None
        dense, lexical = DenseIndex.load(folder), BM25Index.load(folder)
        docs: dict[str, str] = manifest["docs"]  # type: ignore[assignment]
        indexed = {int(k): str(v) for k, v in docs.items()}

    current: dict[int, str] = {}
    pending: list[tuple[int, str, str]] = []
    added = updated = 0
    for opening in iter_openings(session=session):
        if opening.retired_at is not None:
            continue
        current[opening.id] = opening.content_hash
        previous = indexed.get(opening.id)
        if previous == opening.content_hash:
            continue
        added += previous is None
        updated += previous is not None
        pending.append((opening.id, dense_text(opening), lexical_text(opening)))

    gone = sorted(set(indexed) - set(current))
    dense.remove(np.asarray(gone, dtype=np.int64))
    lexical.remove(gone)
    # Batches of similar length: a batch is padded to its longest text.
    pending.sort(key=lambda doc: len(doc[1]))
    with tqdm(total=len(pending), desc="색인", unit="건", disable=not progress) as bar:
        for start in range(0, len(pending), BATCH):
            chunk = pending[start : start + BATCH]
            ids = np.asarray([doc_id for doc_id, _, _ in chunk], dtype=np.int64)
            dense.upsert(ids, embedder.encode_passages([d for _, d, _ in chunk]))
            for doc_id, terms in zip(ids, tokenize_many([t for _, _, t in chunk]), strict=True):
                lexical.upsert(int(doc_id), terms)
            bar.update(len(chunk))
            logger.info("indexed %d/%d openings", min(start + BATCH, len(pending)), len(pending))

    dense = dense.fitted()
    dense.save(folder)
    lexical.save(folder)
    write_manifest(folder, model=embedder.name, dense=dense, docs=current, catalog_version=version)
    return IndexReport(added, updated, len(gone), len(current), rebuilt)


def write_manifest(
    folder: Path,
    *,
    model: str,
    dense: DenseIndex,
    docs: dict[int, str],
    catalog_version: int | None = None,
) -> None:
    """Write ``manifest.json``: model, BM25 terms, dense index kind, content hash per opening
    id, the catalog version indexed (``None``: unknown, so the index counts as lagging) and a fresh
    build stamp (a running matcher reloads when it changes)."""
    manifest = {
        "model": model,
        "terms": TERMS,
        "dim": dense.dim,
        "dense": {"kind": dense.kind, "lists": dense.lists},
        "catalog_version": catalog_version,
        "stamp": uuid.uuid4().hex,
        "docs": docs,
    }
    path = folder / MANIFEST
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest), encoding="utf-8")
    tmp.replace(path)
