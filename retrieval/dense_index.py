"""Dense channel: a FAISS inner-product index keyed by opening id, persisted to disk.

The kind of index follows the corpus size (:func:`kind_for`):

- below APPROXIMATE_FROM vectors, exact search in an ``IndexIDMap2(IndexFlatIP)``;
- from APPROXIMATE_FROM on, an inverted file (``IVF<nlist>,Flat``, inner product): a
  flat scan reads every vector for every query (100k × 384 floats is 150 MB, 13-16 ms
  on the center's 2-core CPU), the inverted file reads only the lists nearest the query.
  Scores inside the probed lists are still exact; only vectors in lists never probed
  can be missed (recall@10 against flat is printed by ``bench/retrieval_bench.py``).

Both kinds support add, update and remove by id without retraining; :meth:`DenseIndex.fitted`
rebuilds (from the stored vectors, no re-embedding) when the corpus has crossed the
threshold or outgrown the number of lists it was trained for.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["APPROXIMATE_FROM", "DenseIndex", "kind_for", "lists_for"]

#: Corpus size from which the index is an inverted file rather than flat. At 10k openings
#: flat search takes ~1 ms and is exact; at 100k it takes a third of the latency budget.
APPROXIMATE_FROM = 20_000
#: Allowed vectors an IVF search aims to score (see :meth:`DenseIndex.search`).
IVF_SCAN = 8_000
#: Fewest lists an IVF search probes, however loose the filters.
IVF_MIN_PROBE = 16
#: Largest opening id for which an id filter is a bitmap (a byte per id while built).
BITMAP_IDS = 1 << 24
#: k-means iterations and training sample per list when (re)building an IVF index.
IVF_TRAIN_ITERATIONS = 10
IVF_TRAIN_PER_LIST = 64


def kind_for(size: int) -> str:
    """The index kind for a corpus of ``size`` vectors: ``"flat"`` or ``"ivf"``."""
    return "flat" if size < APPROXIMATE_FROM else "ivf"


def lists_for(size: int) -> int:
    """Number of IVF lists for ``size`` vectors: 4·√size (FAISS's guideline is 4-16·√size)."""
    return max(1, round(4 * math.sqrt(size)))


class DenseIndex:
    """Opening vectors in a FAISS flat or IVF inner-product index (ids = opening ids)."""

    FILE = "dense.faiss"

    def __init__(self, index: Any) -> None:
        import faiss

        self._index = index
        self._ivf = faiss.try_extract_index_ivf(index)  # None for flat

    @classmethod
    def empty(cls, dim: int) -> DenseIndex:
        """A new (flat) index for vectors of width ``dim``."""
        import faiss

        return cls(faiss.IndexIDMap2(faiss.IndexFlatIP(dim)))

    @classmethod
    def build(cls, ids: np.ndarray, vectors: np.ndarray) -> DenseIndex:
        """An index of the kind :func:`kind_for` picks, holding ``vectors`` under ``ids``.

        ``ids`` int64, ``vectors`` float32 of shape (len(ids), dim), rows L2-normalized.
        """
        import faiss
        import numpy as np

        dim = vectors.shape[1]
        if kind_for(len(ids)) == "flat":
            index = cls.empty(dim)
            index.upsert(ids, vectors)
            return index
        nlist = lists_for(len(ids))
        ivf_index = faiss.index_factory(dim, f"IVF{nlist},Flat", faiss.METRIC_INNER_PRODUCT)
        ivf = faiss.extract_index_ivf(ivf_index)
        ivf.cp.niter = IVF_TRAIN_ITERATIONS
        ivf.cp.max_points_per_centroid = IVF_TRAIN_PER_LIST
        ivf.cp.seed = 1234
        sample = np.random.default_rng(0).permutation(len(ids))[: nlist * IVF_TRAIN_PER_LIST]
        ivf_index.train(np.ascontiguousarray(vectors[np.sort(sample)]))
        ivf_index.add_with_ids(np.ascontiguousarray(vectors), np.asarray(ids, dtype=np.int64))
        return cls(ivf_index)

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

    @property
    def kind(self) -> str:
        """``"flat"`` or ``"ivf"``."""
        return "flat" if self._ivf is None else "ivf"

    @property
    def lists(self) -> int:
        """Number of IVF lists (0 for a flat index)."""
        return 0 if self._ivf is None else int(self._ivf.nlist)

    def fitted(self) -> DenseIndex:
        """This index if its kind and list count suit its size, else a rebuilt one."""
        size = len(self)
        if kind_for(size) == self.kind and (
            self._ivf is None or self.lists / 2 <= lists_for(size) <= self.lists * 2
        ):
            return self
        return DenseIndex.build(*self.vectors())

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """Every id (int64, ascending) and its vector (float32, shape (n, dim))."""
        import faiss
        import numpy as np

        if self._ivf is None:
            ids = faiss.vector_to_array(self._index.id_map).astype(np.int64)
            vectors = self._index.index.reconstruct_n(0, len(ids))
        else:
            from faiss.contrib.inspect_tools import get_invlist

            parts = [get_invlist(self._ivf.invlists, i) for i in range(self._ivf.nlist)]
            ids = np.concatenate([p[0] for p in parts])
            vectors = np.concatenate([p[1] for p in parts]).view(np.float32)
        order = np.argsort(ids)
        return ids[order], np.ascontiguousarray(vectors[order].reshape(len(ids), self.dim))

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
        self,
        query: np.ndarray,
        k: int,
        *,
        allowed: np.ndarray | None = None,
        mask: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top ``k`` ids (int64) and cosine scores (float32) for one query vector, best first.

        ``allowed`` (sorted int64 ids) restricts the search to those openings; with ``mask``
        (bool, aligned with ``allowed``) to ``allowed[mask]``, without building that array
        (the matcher's filters are a mask over all openings). Fewer than ``k`` results come
        back when fewer vectors qualify; padding (-1) is removed.

        An IVF index probes enough lists to meet about IVF_SCAN allowed vectors: few
        when most openings pass the filters, all of them (an exact search) when few do.
        """
        import faiss
        import numpy as np

        selector: Any = None
        allowed_count = len(self)
        if allowed is not None:
            allowed_count = len(allowed) if mask is None else int(np.count_nonzero(mask))
            if allowed_count == 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            if allowed[0] >= 0 and allowed[-1] < BITMAP_IDS:
                # One bit per id up to the largest: membership is a bit test, and building
                # it is one scatter (a hash set of ~100k ids costs milliseconds).
                bits = np.zeros(int(allowed[-1]) + 1, dtype=bool)
                bits[allowed] = True if mask is None else mask
                packed = np.packbits(bits, bitorder="little")
                selector = faiss.IDSelectorBitmap(len(packed), faiss.swig_ptr(packed))
            else:
                selector = faiss.IDSelectorBatch(allowed if mask is None else allowed[mask])
        if self._ivf is None:
            params = faiss.SearchParameters()
        else:
            wanted = math.ceil(self._ivf.nlist * IVF_SCAN / max(allowed_count, 1))
            params = faiss.SearchParametersIVF()
            params.nprobe = min(self._ivf.nlist, max(IVF_MIN_PROBE, wanted))
        params.sel = selector
        # The selector and its bitmap stay referenced (names above) until the search returns:
        # SWIG keeps no reference of its own.
        scores, ids = self._index.search(query.reshape(1, -1), k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]
