"""Lexical channel: Okapi BM25 over Kiwi morphemes.

Korean attaches particles and endings to words (용접을, 용접했어요), so whole words match
poorly; Kiwi's morphemes (용접, 하, 었, 어요 → kept: 용접) are the terms here.
The term-document matrix is a SciPy CSR of BM25 weights, one row (posting list) per term;
a query's scores are the sum of its terms' rows, and ranking reads only those postings.
A seeker's text nearly always holds a word most postings have (모집, 근무, 가능): at 100k
openings a query reads ~250k postings, so the rows of the commonest terms are also kept
dense (:data:`DENSE_SHARE`), and the top ``k`` are found without sorting every score.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nlu.clauses

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BM25Index", "TERMS", "tokenize"]

#: Kiwi tags kept as terms: nouns, verb/adjective stems, roots, foreign words, numbers, hanja.
KEPT_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "VV", "VA", "XR", "SL", "SN", "SH", "MAG"})
#: How documents become terms; an index whose manifest names other terms is rebuilt (its
#: term lists would no longer meet a query's). Compounds are split (split_complex): Kiwi
#: read "통근버스" as one noun in "차 없어요 통근버스 되는데" and as 통근 + 버스 in a title.
TERMS = "kiwi-morphemes-split-complex"
#: Very common words that carry no matching signal in postings and seeker texts.
STOP_TERMS = frozenset({"있", "하", "되", "없", "않", "것", "수", "등", "및", "같", "좋"})
#: A term in more than 1/DENSE_SHARE of the documents keeps its row dense as well: adding a
#: vector over all documents costs less than scattering that many postings into it, and
#: adding the row's zeros changes no sum. A dense row takes at most twice its postings'
#: memory (100k openings: 56 rows, 21 MB beside the 50 MB matrix).
DENSE_SHARE = 4
#: :meth:`BM25Index.top` first takes the k-th best of every TOP_SAMPLE-th score, a bound
#: below the true k-th best, so only the ~TOP_SAMPLE·k scores above it are sorted.
TOP_SAMPLE = 8


def _kiwi() -> Any:
    """The normalizer's Kiwi (`nlu.clauses.shared_kiwi`): one model loaded per process."""
    kiwi = nlu.clauses.shared_kiwi()
    if kiwi is None:
        raise RuntimeError("kiwipiepy is required for the lexical channel")
    return kiwi


def tokenize(text: str) -> list[str]:
    """BM25 terms of ``text``: Kiwi morphemes with a kept tag, lower-cased, stop terms dropped."""
    if not text.strip():
        return []
    return [
        token.form.lower()
        for token in _kiwi().tokenize(text, split_complex=True)
        if token.tag in KEPT_TAGS and token.form not in STOP_TERMS
    ]


def tokenize_many(texts: Sequence[str]) -> list[list[str]]:
    """:func:`tokenize` for many texts at once (Kiwi batches them internally)."""
    results = _kiwi().tokenize(list(texts), split_complex=True)
    return [
        [t.form.lower() for t in tokens if t.tag in KEPT_TAGS and t.form not in STOP_TERMS]
        for tokens in results
    ]


class BM25Index:
    """BM25 (k1=1.2, b=0.75) over documents keyed by opening id; persisted as term lists."""

    FILE = "lexical.jsonl"

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._docs: dict[int, list[str]] = {}
        self._matrix: Any = None  # CSR (terms × docs) of BM25 weights, built lazily
        self._dense: dict[int, np.ndarray] = {}  # term row → its weights over all docs
        self._vocab: dict[str, int] = {}
        self._ids: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def ids(self) -> np.ndarray:
        """Opening ids in the column order of :meth:`scores` (int64, ascending)."""
        self._ensure_built()
        assert self._ids is not None
        return self._ids

    def upsert(self, doc_id: int, terms: list[str]) -> None:
        """Set the terms of one document."""
        self._docs[int(doc_id)] = terms
        self._matrix = None

    def remove(self, doc_ids: Iterable[int]) -> None:
        """Drop documents (unknown ids are ignored)."""
        for doc_id in doc_ids:
            self._docs.pop(int(doc_id), None)
        self._matrix = None

    def scores(self, query_terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every document (float32, aligned with :attr:`ids`); 0 = no term shared."""
        import numpy as np

        self._ensure_built()
        scores = np.zeros(len(self._docs), dtype=np.float32)
        rows = sorted({self._vocab[t] for t in query_terms if t in self._vocab})
        # Term by term in row order, so every document's float32 sum adds its weights in the
        # same order whichever way a row is added: runs of sparse rows unbuffered in posting
        # order, a dense row as one vector add.
        pending: list[int] = []  # sparse rows not added yet
        for row in rows:
            dense = self._dense.get(row)
            if dense is None:
                pending.append(row)
            else:
                np.add.at(scores, *self._postings(pending))
                pending = []
                scores += dense
        np.add.at(scores, *self._postings(pending))
        return scores

    def top(
        self, query_terms: Sequence[str], k: int, *, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best documents sharing a term with the query: ids (int64), scores (float32).

        Best first, equal scores in id order. ``allowed`` (bool, aligned with :attr:`ids`)
        restricts the ranking to those documents. Only the query terms' postings are read.
        """
        import numpy as np

        scores = self.scores(query_terms)
        if allowed is not None:
            scores = np.where(allowed, scores, np.float32(0))
        # BM25 weights are positive, so a score above 0 means a shared term. The k-th best of
        # a sample is at most the k-th best of all: every score that can make the top k is
        # at or above it.
        sample = scores[::TOP_SAMPLE]
        floor = np.partition(sample, len(sample) - k)[len(sample) - k] if 0 < k < len(sample) else 0
        columns = np.flatnonzero(scores >= floor if floor > 0 else scores > 0)
        values = scores[columns]
        if len(columns) > k:
            # Keep everything tied with the k-th best, so the stable sort below breaks ties
            # by id exactly as a sort of all candidates would.
            kth = np.partition(values, len(values) - k)[len(values) - k]
            keep = values >= kth
            columns, values = columns[keep], values[keep]
        order = np.argsort(-values, kind="stable")[:k]
        return self.ids[columns[order]], values[order]

    def _postings(self, rows: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """Document columns and BM25 weights of these term rows' postings, row by row."""
        import numpy as np

        if not rows:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        matrix = self._matrix
        starts, ends = matrix.indptr[rows], matrix.indptr[np.asarray(rows) + 1]
        columns = np.concatenate([matrix.indices[a:b] for a, b in zip(starts, ends, strict=True)])
        weights = np.concatenate([matrix.data[a:b] for a, b in zip(starts, ends, strict=True)])
        return columns, weights

    def save(self, folder: Path) -> None:
        """Write the documents' terms to ``folder`` (one JSON line per document)."""
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / (self.FILE + ".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for doc_id in sorted(self._docs):
                out.write(json.dumps([doc_id, self._docs[doc_id]], ensure_ascii=False) + "\n")
        tmp.replace(folder / self.FILE)

    @classmethod
    def load(cls, folder: Path) -> BM25Index:
        """Read an index saved by :meth:`save`."""
        index = cls()
        with (folder / cls.FILE).open(encoding="utf-8") as lines:
            for line in lines:
                doc_id, terms = json.loads(line)
                index._docs[doc_id] = terms
        return index

    def _ensure_built(self) -> None:
        if self._matrix is not None:
            return
        import numpy as np
        from scipy.sparse import csr_matrix

        ids = sorted(self._docs)
        self._ids = np.asarray(ids, dtype=np.int64)
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[int] = []
        lengths = np.zeros(len(ids), dtype=np.float32)
        for col, doc_id in enumerate(ids):
            terms = self._docs[doc_id]
            lengths[col] = len(terms)
            for term, tf in Counter(terms).items():
                rows.append(vocab.setdefault(term, len(vocab)))
                cols.append(col)
                tfs.append(tf)
        n_docs = max(len(ids), 1)
        avg_len = float(lengths.mean()) if len(ids) else 1.0
        tf_values = np.asarray(tfs, dtype=np.float32)
        col_idx = np.asarray(cols, dtype=np.int64)
        row_idx = np.asarray(rows, dtype=np.int64)
        df = np.bincount(row_idx, minlength=len(vocab)).astype(np.float32)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
        norm = self.k1 * (1 - self.b + self.b * lengths[col_idx] / max(avg_len, 1e-6))
        weights = idf[row_idx] * tf_values * (self.k1 + 1) / (tf_values + norm)
        self._matrix = csr_matrix((weights, (row_idx, col_idx)), shape=(len(vocab), len(ids)))
        self._vocab = vocab
        common = np.flatnonzero(df * DENSE_SHARE > n_docs)
        self._dense = {int(row): self._matrix[row].toarray().ravel() for row in common}
