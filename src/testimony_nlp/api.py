"""The importable API: ``extract`` reads inputs, runs the pipeline and writes the tables."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .errors import InputError
from .pipeline import DEFAULT_MODEL, annotate, cached_pipeline, skip_failed_docs
from .records import DocumentRecord
from .tables import DocumentRows, error_rows, rows_from_doc
from .writer import TableWriter


@dataclass(slots=True)
class ExtractOptions:
    """Everything that changes what ``extract`` writes (recorded in the manifest)."""

    published: dt.date | None = None
    author: str | None = None
    fmt: str = "auto"
    id_field: str | None = None
    text_field: str | None = None
    date_field: str | None = None
    model: str = DEFAULT_MODEL
    workers: int = 1
    batch_size: int = 32
    strict: bool = False
    pseudonymize: bool = False
    pseudonym_key: str | None = None  # a key file's path; the secret itself is never stored
    pseudonymize_author: bool = False


@dataclass(slots=True)
class RunSummary:
    """What a run did: the CLI prints it and the manifest stores it."""

    out: Path
    documents_ok: int = 0
    documents_failed: int = 0
    documents_skipped: int = 0  # already written by an interrupted run (--resume)
    documents_unsupported: int = 0  # read (status ok), but not in English: not analysed
    events_by_type: Counter = field(default_factory=Counter)
    n_mentions: int = 0
    n_participants: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def n_events(self) -> int:
        return sum(self.events_by_type.values())

    def count(self, rows: DocumentRows) -> None:
        document = rows.documents[0]
        if document["status"] == "ok":
            self.documents_ok += 1
            self.documents_unsupported += document.get("note") is not None
        else:
            self.documents_failed += 1
            self.errors.append((document["doc_id"], document["error"] or "unknown error"))
        self.events_by_type.update(event["event_type"] for event in rows.events)
        self.n_mentions += len(rows.mentions)
        self.n_participants += len(rows.participants)


def read_records(inputs: Sequence[str], options: ExtractOptions) -> Iterator[DocumentRecord]:
    """Records from the readers, with the language identified where the reader did not."""
    from .language import detect_language
    from .readers import iter_records

    for record in iter_records(
        inputs,
        fmt=options.fmt,
        id_field=options.id_field,
        text_field=options.text_field,
        date_field=options.date_field,
    ):
        if record.ok and record.language is None:
            record.language = detect_language(record.text)
        yield record


def process_records(
    records: Iterable[DocumentRecord], options: ExtractOptions, nlp=None
) -> Iterator[DocumentRows]:
    """Annotate records and turn each into its table rows (no I/O).

    With ``options.workers > 1`` (and no ``nlp`` given) the work is done by that many
    worker processes, see :mod:`testimony_nlp.workers`; the rows are the same.
    """
    if options.workers > 1 and nlp is None:
        from .workers import process_in_workers

        yield from process_in_workers(records, options)
        return
    anonymise = _pseudonymizer(options)
    nlp = nlp if nlp is not None else cached_pipeline(options.model)
    # Language.set_error_handler fails on spaCy's compiled trainable pipes (no error_handler
    # slot), so only the default handler is set: it covers our Python components.
    nlp.default_error_handler = skip_failed_docs
    annotated = annotate(
        nlp,
        records,
        published=options.published,
        author=options.author,
        batch_size=options.batch_size,
    )
    for record, doc in annotated:
        if not record.ok:
            yield error_rows(record)
        elif doc is None:
            record.error = "the pipeline failed on this document (see the log for the component)"
            yield error_rows(record)
        else:
            yield anonymise(rows_from_doc(record, doc))


def _pseudonymizer(options: ExtractOptions) -> Callable[[DocumentRows], DocumentRows]:
    """Identity, or the row transformation ``--pseudonymize`` asks for."""
    if not options.pseudonymize:
        return lambda rows: rows
    from .pseudonymize import load_salt, pseudonymize_rows

    salt = load_salt(options.pseudonym_key)
    keep = set() if options.pseudonymize_author else {options.author or ""}

    def anonymise(rows: DocumentRows) -> DocumentRows:
        return pseudonymize_rows(rows, salt, keep=keep | {rows.documents[0].get("author") or ""})

    return anonymise


def extract(
    inputs: Sequence[str],
    out: str | Path,
    options: ExtractOptions | None = None,
    *,
    overwrite: bool = False,
    resume: bool = False,
    on_document: Callable[[DocumentRows], None] | None = None,
    part_size: int = 10_000,
) -> RunSummary:
    """Extract events from ``inputs`` into the four Parquet tables under ``out``.

    Raises:
        UsageError: an input matches nothing or ``out`` is not empty (without overwrite/resume).
        ModelNotFoundError: the spaCy pipeline is not installed.
        InputError: with ``options.strict``, the first document that cannot be read.
    """
    from .readers import expand_inputs

    options = options or ExtractOptions()
    started = time.perf_counter()
    expand_inputs(inputs)  # a usage error before any output or model work
    summary = RunSummary(out=Path(out))
    writer = TableWriter(Path(out), overwrite=overwrite, resume=resume, docs_per_part=part_size)
    records = _not_yet_written(read_records(inputs, options), writer.done_doc_ids, summary)
    try:
        for rows in process_records(_strict(records, options.strict), options):
            writer.add(rows)
            summary.count(rows)
            if on_document is not None:
                on_document(rows)
    except BaseException:
        writer.abort()
        raise
    summary.seconds = round(time.perf_counter() - started, 3)
    writer.close(manifest(summary, options))
    return summary


def _not_yet_written(
    records: Iterable[DocumentRecord], done: set[str], summary: RunSummary
) -> Iterator[DocumentRecord]:
    """Drop the documents an interrupted run already wrote (``--resume``)."""
    for record in records:
        if record.doc_id in done:
            summary.documents_skipped += 1
        else:
            yield record


def _strict(records: Iterable[DocumentRecord], strict: bool) -> Iterator[DocumentRecord]:
    for record in records:
        if strict and not record.ok:
            raise InputError(
                f"{record.source}: {record.error} (stopped by --strict; "
                "run without it to record the error and go on)"
            )
        yield record


def manifest(summary: RunSummary, options: ExtractOptions) -> dict:
    return {
        "version": __version__,
        "model": options.model,
        "options": asdict(options),
        "counts": {
            "documents_ok": summary.documents_ok,
            "documents_failed": summary.documents_failed,
            "documents_unsupported_language": summary.documents_unsupported,
            "documents_skipped_resume": summary.documents_skipped,
            "mentions": summary.n_mentions,
            "events": summary.n_events,
            "participants": summary.n_participants,
            "events_by_type": dict(sorted(summary.events_by_type.items())),
        },
        "seconds": summary.seconds,
        "tables": ["documents", "mentions", "events", "participants"],
    }
