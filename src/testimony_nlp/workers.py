"""Local worker processes for ``extract --workers N``.

Each worker runs the whole pipeline and turns a chunk of records into table rows, so the
parent only reads inputs and writes tables. Shipping rows (small dicts) rather than spaCy
Docs both ways is what lets two workers approach twice the speed of one: with
``nlp.pipe(n_process=N)`` the parent tokenises, serialises and deserialises every Doc and
becomes the bottleneck. Chunks come back in input order, and only two chunks per worker
are in flight, so memory stays bounded however long the input.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .api import ExtractOptions
    from .records import DocumentRecord
    from .tables import DocumentRows

CHUNKS_PER_WORKER = 2
J = TypeVar("J")
R = TypeVar("R")


def chunked(records: Iterable[DocumentRecord], size: int) -> Iterator[list[DocumentRecord]]:
    """Consecutive lists of ``size`` records (the last may be shorter)."""
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def process_in_workers(
    records: Iterable[DocumentRecord], options: ExtractOptions
) -> Iterator[DocumentRows]:
    """The rows of every record, in input order, computed by ``options.workers`` processes."""
    from .pipeline import cached_pipeline

    # Load here first: a missing model is reported once, cleanly, and forked workers
    # share the loaded pipeline instead of loading it again.
    cached_pipeline(options.model)
    single = replace(options, workers=1)
    with _context().Pool(options.workers) as pool:
        jobs = (
            pool.apply_async(_process_chunk, (chunk, single))
            for chunk in chunked(records, options.batch_size)
        )
        for rows in in_submission_order(jobs, CHUNKS_PER_WORKER * options.workers, _get):
            yield from rows


def in_submission_order(jobs: Iterable[J], limit: int, result: Callable[[J], R]) -> Iterator[R]:
    """The results of jobs submitted as ``jobs`` is iterated, in submission order, with at
    most ``limit`` jobs in flight (a local pool's or a Dask cluster's)."""
    in_flight: deque[J] = deque()
    for job in jobs:
        in_flight.append(job)
        if len(in_flight) >= limit:
            yield result(in_flight.popleft())
    while in_flight:
        yield result(in_flight.popleft())


def _get(job):
    return job.get()


def _context():
    """Fork where it is safe (a POSIX parent with one thread): workers then start at once
    with the parent's pipeline. Otherwise spawn, and each worker loads the model."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _process_chunk(chunk: list[DocumentRecord], options: ExtractOptions) -> list[DocumentRows]:
    from .api import process_records

    return list(process_records(chunk, options))
