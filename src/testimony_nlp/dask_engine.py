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

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .api import ExtractOptions, RunSummary, manifest, read_records
from .readers import records_from_mappings
from .records import DocumentRecord
from .tables import DocumentRows
from .workers import chunked, in_submission_order
from .writer import TableWriter


def process_partition(records: list[DocumentRecord], options: ExtractOptions) -> list[DocumentRows]:
    """Annotate one partition on a worker, reusing the worker's pipeline."""
    from .api import process_records
    from .pipeline import cached_pipeline

    nlp = cached_pipeline(options.model)
    return list(process_records(records, replace(options, workers=1), nlp=nlp))


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
        partitions = _submit_in_order(own_client, chunked(records, partition_size), options)
        return _write(writer, partitions, options)
    finally:
        if client is None:
            own_client.close()
            if cluster is not None:
                cluster.close()


def _submit_in_order(client, chunks: Iterable[list[DocumentRecord]], options: ExtractOptions):
    """Results of each chunk in input order, with a bounded number of chunks in flight."""
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    futures = (client.submit(process_partition, chunk, options, pure=False) for chunk in chunks)
    return in_submission_order(futures, limit, lambda future: future.result())


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


def _as_records(items) -> list[DocumentRecord]:
    """A partition of DocumentRecords, or of corpus-style mappings turned into records."""
    items = list(items)
    if all(isinstance(item, DocumentRecord) for item in items):
        return items
    return list(records_from_mappings(items, name="bag"))


def records_bag_from_dataframe(frame):
    """A Dask Bag of DocumentRecords from a Dask DataFrame with corpus columns (read by the
    same rules as a JSONL corpus, see :func:`~testimony_nlp.readers.records_from_mappings`)."""
    return frame.to_bag(index=False, format="dict").map_partitions(
        lambda rows: list(records_from_mappings(rows, name="dataframe"))
    )


def extract_bag(
    bag, out: str | Path, options: ExtractOptions | None = None, *, overwrite: bool = False
) -> RunSummary:
    """Map the pipeline over a Dask Bag of documents and write the four tables.

    Partitions are computed in order on the current Dask scheduler (a ``Client`` if one is
    active); each worker loads the model once.
    """
    import dask

    options = options or ExtractOptions()
    processed = bag.map_partitions(_as_records).map_partitions(process_partition, options)
    writer = TableWriter(Path(out), overwrite=overwrite)
    delayed_parts = processed.to_delayed()

    def computed() -> Iterator[list[DocumentRows]]:
        for start in range(0, len(delayed_parts), 4):
            yield from dask.compute(*delayed_parts[start : start + 4])

    return _write(writer, computed(), options)
