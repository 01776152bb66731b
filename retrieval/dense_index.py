"""Dense channel: a FAISS inner-product index keyed by opening id, persisted to disk.

Exact (flat) search: at the center's scale (thousands to ~100k openings) it stays within
the latency budget and supports add, update and remove by id without retraining.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DenseIndex"]


class DenseIndex:
    """Opening vectors in a FAISS ``IndexIDMap2(IndexFlatIP)``."""

    FILE = "dense.faiss"

    def __init__(self, index: Any) -> None:
        self._index = index

    @classmethod
    def empty(cls, dim: int) -> DenseIndex:
        """A new index for vectors of width ``dim``."""
        import faiss

        return cls(faiss.IndexIDMap2(faiss.IndexFlatIP(dim)))

    @classmethod
    def load(cls, folder: Path) -> DenseIndex:
        """Read the index saved in ``folder``."""
        import faiss

        return cls(faiss.read_index(str(folder / cls.FILE)))

    def save(self, folder: Path) -> None:
        """Write the index into ``folder`` (atomically: temp file, then rename)."""
        import faiss

        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / (self.FILE + ".tmp")
        faiss.write_index(self._index, str(tmp))
        tmp.replace(folder / self.FILE)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def dim(self) -> int:
        """Vector width."""
        return int(self._index.d)

    def upsert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors (float32, shape (n, dim), normalized) under int64 ``ids``, replacing any."""
        self.remove(ids)
        self._index.add_with_ids(vectors, ids)

    def remove(self, ids: np.ndarray) -> None:
        """Drop the vectors of these int64 ids (unknown ids are ignored)."""
        import faiss
        import numpy as np

        if len(ids):
            self._index.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, dtype=np.int64)))

    def search(
        self, query: np.ndarray, k: int, *, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top ``k`` ids (int64) and cosine scores (float32) for one query vector, best first.

        ``allowed`` (sorted int64 ids) restricts the search to those openings. Fewer than
        ``k`` results come back when fewer vectors qualify; padding (-1) is removed.
        """
        import faiss
        import numpy as np

        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            # Keep a Python reference: SWIG does not, and the selector must outlive the search.
            selector = faiss.IDSelectorBatch(allowed)
            params = faiss.SearchParameters()
            params.sel = selector
        scores, ids = self._index.search(query.reshape(1, -1), k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]
