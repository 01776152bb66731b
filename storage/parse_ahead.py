"""Normalizing the rows of a long import in worker processes, ahead of the importer.

Normalization (:func:`storage.records.parse_record`) is most of a new row's cost and the
database the rest; both run on one core in one process. Here the rows of a long file are read
in chunks, the rows that may need normalizing are sent to worker processes while the importer
stores the chunks before them, and every row is handed back in file order with its record
(or the reason it is rejected). The importer decides as before: a row it finds unchanged when
its turn comes ignores its record, and a row that was not sent (it looked unchanged when read)
is normalized in-process. So what is stored, merged, rejected and reported, and when it is
committed, is the same as without workers; a file cut short by a read error stores every row
read before the error, then raises it.

The first :data:`SERIAL_ROWS` rows of each file are imported in-process: a small file never
starts a worker, and by then the source's stored postings are loaded, so re-importing an
unchanged file sends nothing. A later row that needs normalizing (one in each :data:`CHUNK`
is looked at) starts the workers; they take seconds to start (Kiwi's model loads in each),
and meanwhile the importer goes on alone. In a file of :data:`LONG_FILE_BYTES` or more
(:meth:`ParseAhead.expect`), and in any file once they run, only the first chunk is imported
in-process before rows are looked at (enough to load the source's postings). Workers are spawned (a fresh interpreter each: no threads or database connections are
inherited), ignore Ctrl-C (the importer's process stops, its last batch uncommitted) and stop
with :meth:`ParseAhead.close`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from nlu.clauses import load_kiwi
from storage.errors import RowRejected
from storage.formats import RawRow
from storage.records import OpeningRecord, parse_record

__all__ = ["CHUNK", "LONG_FILE_BYTES", "SERIAL_ROWS", "Parsed", "ParseAhead", "default_workers"]

logger = logging.getLogger(__name__)

#: A record, the reason the row is rejected, or None: the importer normalizes the row itself.
Parsed = OpeningRecord | RowRejected | None
#: Rows per message to a worker.
CHUNK = 500
#: Rows of a file imported in-process before workers are started (a few thousand rows are
#: imported in seconds; starting the workers costs seconds of CPU).
SERIAL_ROWS = 5_000
#: Size from which a file surely has more than :data:`SERIAL_ROWS` rows (a posting is 0.3-1.5
#: KB in the formats read): its rows are looked at after its first :data:`CHUNK`, so the
#: workers start (and load Kiwi) while the importer stores the rows before :data:`SERIAL_ROWS`.
LONG_FILE_BYTES = 8 * 2**20


def default_workers() -> int:
    """Worker processes for this machine: none on one core, else two (the importer's own
    process keeps storing meanwhile; more only divides the same cores)."""
    cores = os.cpu_count() or 1
    return 0 if cores < 2 else 2


def _start_worker() -> None:
    """Ignore Ctrl-C (the importer's process handles it) and load Kiwi before any row."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_kiwi()


def _ready() -> bool:
    return True


def _parse_chunk(rows: list[dict[str, str]], source_override: str | None) -> list[Parsed]:
    """Normalize ``rows`` in a worker; an unexpected failure gives None (the importer's own
    process normalizes that row again, and logs and rejects it as it always does)."""
    parsed: list[Parsed] = []
    for fields in rows:
        try:
            parsed.append(parse_record(fields, source_override=source_override))
        except RowRejected as exc:
            parsed.append(exc)
        except Exception:  # noqa: BLE001 - reported by the importer's process
            parsed.append(None)
    return parsed


class ParseAhead:
    """Worker processes that normalize rows ahead of the importer; started on first need.

    ``workers`` 0 normalizes nothing ahead (every row is handed over with None).
    """

    def __init__(
        self,
        *,
        workers: int,
        source_override: str | None = None,
        serial_rows: int | None = None,
        chunk: int | None = None,
    ) -> None:
        self.workers = workers
        self.source_override = source_override
        self.serial_rows = SERIAL_ROWS if serial_rows is None else serial_rows
        self.chunk = CHUNK if chunk is None else chunk
        self._executor: ProcessPoolExecutor | None = None
        #: Done once a worker has started.
        self._ready: Future[bool] | None = None
        #: The file being read is long (see :meth:`expect`).
        self._long = False

    def rows(
        self, rows: Iterable[RawRow], known_unchanged: Callable[[dict[str, str]], bool]
    ) -> Iterator[tuple[RawRow, Parsed]]:
        """``rows`` in order, each with its record when a worker normalized it.

        ``known_unchanged(fields)`` says, without side effects, that a row need not be sent.
        """
        it = iter(rows)
        if self.workers <= 0:
            for raw in it:
                yield raw, None
            return
        serial = self.chunk if self._long or self._executor else self.serial_rows
        self._long = False
        for raw in islice(it, serial):
            yield raw, None
        for k, raw in enumerate(it):
            # one row in a chunk is a sample enough (checking costs a hash of the row)
            if self._ready is None and k % self.chunk == 0 and not known_unchanged(raw.fields):
                self._start()
            yield raw, None
            if self._ready is not None and self._ready.done():
                break
        else:
            return
        # Each entry: a chunk of rows, the positions sent, and the worker's answer for them.
        pending: deque[tuple[list[RawRow], list[int], Future[list[Parsed]] | None]] = deque()
        failure: Exception | None = None
        while True:
            while failure is None and len(pending) < 2 * self.workers:
                chunk: list[RawRow] = []
                try:
                    for raw in islice(it, self.chunk):
                        chunk.append(raw)
                except Exception as exc:  # raised once the rows read before it are stored
                    failure = exc
                if not chunk:
                    break
                sent = [k for k, raw in enumerate(chunk) if not known_unchanged(raw.fields)]
                future = self._submit([chunk[k].fields for k in sent]) if sent else None
                pending.append((chunk, sent, future))
            if not pending:
                break
            chunk, sent, future = pending.popleft()
            parsed = dict(zip(sent, future.result(), strict=True)) if future else {}
            for k, raw in enumerate(chunk):
                yield raw, parsed.get(k)
        if failure is not None:
            raise failure

    def expect(self, path: Path) -> None:
        """Note whether ``path``, the next file, is long (:data:`LONG_FILE_BYTES`).

        Its workers are not started before it is read: whether a row needs them is known only
        then (re-importing an unchanged file needs none).
        """
        try:
            self._long = path.stat().st_size >= LONG_FILE_BYTES
        except OSError:
            self._long = False  # the reader reports it

    def _start(self) -> ProcessPoolExecutor:
        """The workers, started if need be (``_ready`` tells when one has started)."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
            )
            # A spawned pool starts a process per task while none is idle: one task each
            # starts them all now, not the second one when the first is ready.
            self._ready, *_ = [self._executor.submit(_ready) for _ in range(self.workers)]
            logger.info("normalizing rows in %d worker processes", self.workers)
        return self._executor

    def _submit(self, rows: list[dict[str, str]]) -> Future[list[Parsed]]:
        return self._start().submit(_parse_chunk, rows, self.source_override)

    def close(self) -> None:
        """Stop the workers (work not yet taken is dropped)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            self._ready = None
