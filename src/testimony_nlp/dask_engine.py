"""Scale-out on Dask: the same four tables, computed on a Dask cluster.

Each Dask worker builds the pipeline once (``cached_pipeline``) and processes whole
partitions of documents; the client reads inputs lazily, keeps a bounded number of
partitions in flight, and writes their rows in input order with the same
:class:`~testimony_nlp.writer.TableWriter` as the local engine, so both engines give
identical rows and the same ``--resume`` behaviour.

Two entry points:

- :func:`extract_with_dask` backs ``testimony-nlp extract --engine dask [--scheduler ADDR]``.
- :func:`extract_bag` maps the pipeline over an existing Dask Bag of documents (dicts with
  the corpus fields, or :class:`DocumentRecord`), or a Dask DataFrame via
  :func:`records_bag_from_dataframe`, and writes the tables.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from .api import ExtractOptions, RunSummary, manifest, read_records
from .records import DocumentRecord
from .tables import DocumentRows
from .writer import TableWriter


def process_partition(records: list[DocumentRecord], options: ExtractOptions) -> list[DocumentRows]:
    """Annotate one partition on a worker, reusing the worker's pipeline."""
    from .api import process_records
    from .pipeline import cached_pipeline

    nlp = cached_pipeline(options.model)
    single = ExtractOptions(**{**_as_dict(options), "workers": 1})
    return list(process_records(records, single, nlp=nlp))


def _as_dict(options: ExtractOptions) -> dict:
    return {name: getattr(options, name) for name in options.__slots__}


def _chunks(records: Iterable[DocumentRecord], size: int) -> Iterator[list[DocumentRecord]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _client(scheduler: str | None, workers: int):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    return Client(cluster), cluster


def extract_with_dask(
    inputs: Sequence[str],
    out: str | Path,
    options: ExtractOptions,
    *,
    scheduler: str | None = None,
    overwrite: bool = False,
    resume: bool = False,
    partition_size: int = 64,
    part_size: int = 10_000,
    client=None,
) -> RunSummary:
    """Like :func:`testimony_nlp.api.extract`, with the NLP work done by Dask workers."""
    from .readers import expand_inputs

    expand_inputs(inputs)
    writer = TableWriter(Path(out), overwrite=overwrite, resume=resume, docs_per_part=part_size)
    records = (r for r in read_records(inputs, options) if r.doc_id not in writer.done_doc_ids)
    own_client, cluster = (
        (client, None) if client is not None else _client(scheduler, options.workers)
    )
    try:
        partitions = _submit_in_order(own_client, _chunks(records, partition_size), options)
        return _write(writer, partitions, options)
    finally:
        if client is None:
            own_client.close()
            if cluster is not None:
                cluster.close()


def _submit_in_order(client, chunks: Iterable[list[DocumentRecord]], options: ExtractOptions):
    """Results of each chunk in input order, with a bounded number of chunks in flight."""
    in_flight: deque = deque()
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    for chunk in chunks:
        in_flight.append(client.submit(process_partition, chunk, options, pure=False))
        if len(in_flight) >= limit:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


def _write(writer: TableWriter, partitions: Iterable[list[DocumentRows]], options) -> RunSummary:
    import time

    started = time.perf_counter()
    summary = RunSummary(out=writer.out)
    summary.documents_skipped = len(writer.done_doc_ids)
    try:
        for partition in partitions:
            for rows in partition:
                writer.add(rows)
                summary.count(rows)
    except BaseException:
        writer.abort()
        raise
    summary.seconds = round(time.perf_counter() - started, 3)
    writer.close(manifest(summary, options) | {"engine": "dask"})
    return summary


def record_from_mapping(row: dict, index: int = 0) -> DocumentRecord:
    """A DocumentRecord from a corpus-style mapping (id/doc_id, text, published, ...)."""
    from .language import detect_language

    doc_id = str(row.get("doc_id") or row.get("id") or f"doc-{index}")
    text = row.get("text")
    published = row.get("published")
    record = DocumentRecord(doc_id=doc_id, source=str(row.get("source") or "dask"))
    if not isinstance(text, str) or not text.strip():
        record.error = "the row has no text"
        return record
    from .cleaning import clean_text

    record.text = clean_text(text)
    record.title, record.author, record.url = row.get("title"), row.get("author"), row.get("url")
    try:
        record.published = _as_date(published)
    except ValueError:
        record.error = f"unparseable published date {published!r}; use YYYY-MM-DD"
        return record
    record.language = detect_language(record.text)
    return record


def _as_date(value) -> dt.date | None:
    if value is None or value != value:  # None or NaN/NaT
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def records_bag_from_dataframe(frame):
    """A Dask Bag of DocumentRecords from a Dask DataFrame with corpus columns."""
    return frame.to_bag(index=False, format="dict").map(record_from_mapping)


def extract_bag(
    bag, out: str | Path, options: ExtractOptions | None = None, *, overwrite: bool = False
) -> RunSummary:
    """Map the pipeline over a Dask Bag of documents and write the four tables.

    Partitions are computed in order on the current Dask scheduler (a ``Client`` if one is
    active); each worker loads the model once.
    """
    import dask

    options = options or ExtractOptions()
    records = bag.map(lambda r: r if isinstance(r, DocumentRecord) else record_from_mapping(r))
    processed = records.map_partitions(process_partition, options)
    writer = TableWriter(Path(out), overwrite=overwrite)
    delayed_parts = processed.to_delayed()

    def computed() -> Iterator[list[DocumentRows]]:
        for start in range(0, len(delayed_parts), 4):
            yield from dask.compute(*delayed_parts[start : start + 4])

    return _write(writer, computed(), options)
