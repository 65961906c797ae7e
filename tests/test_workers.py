"""Local worker processes: chunking, input order and bounded reading ahead."""

from __future__ import annotations

import pytest

from testimony_nlp.api import ExtractOptions, process_records
from testimony_nlp.records import DocumentRecord
from testimony_nlp.workers import CHUNKS_PER_WORKER, chunked


@pytest.mark.parametrize(
    ("n_items", "size", "expected"),
    [
        (0, 3, []),
        (3, 3, [[0, 1, 2]]),
        (7, 3, [[0, 1, 2], [3, 4, 5], [6]]),
        (2, 5, [[0, 1]]),
    ],
)
def test_workers_chunked_keeps_order_and_sizes(n_items, size, expected):
    assert list(chunked(iter(range(n_items)), size)) == expected


def record(i: int) -> DocumentRecord:
    return DocumentRecord(
        doc_id=f"doc-{i:03d}", source="test", text=f"Police detained activist number {i} in Minsk."
    )


@pytest.mark.slow
def test_workers_give_rows_in_input_order_and_read_ahead_boundedly():
    consumed = []

    def records():
        for i in range(40):
            consumed.append(i)
            yield record(i)

    options = ExtractOptions(workers=2, batch_size=3)
    rows = process_records(records(), options)
    first = next(rows)
    # the first chunk's rows arrive once at most CHUNKS_PER_WORKER chunks per worker are out
    assert len(consumed) <= CHUNKS_PER_WORKER * options.workers * options.batch_size
    from_workers = [first, *rows]
    assert [r.documents[0]["doc_id"] for r in from_workers] == [f"doc-{i:03d}" for i in range(40)]
    assert list(process_records(records(), ExtractOptions())) == from_workers


@pytest.mark.slow
def test_workers_spawned_processes_give_the_same_rows(monkeypatch):
    """Where fork is unsafe (threads in the parent, or no fork at all) workers are spawned
    and load the pipeline themselves; the rows do not change."""
    import multiprocessing

    from testimony_nlp import workers

    monkeypatch.setattr(workers, "_context", lambda: multiprocessing.get_context("spawn"))
    records = [record(i) for i in range(6)]
    spawned = list(process_records(records, ExtractOptions(workers=2, batch_size=2)))
    assert spawned == list(process_records(records, ExtractOptions()))
