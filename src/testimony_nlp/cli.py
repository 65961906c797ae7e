"""The ``testimony-nlp`` command line: parse and validate, then call the API.

Heavy imports (spaCy, pandas, pyarrow) happen inside the commands so that ``--help``
and ``--version`` answer at once.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import TestimonyNLPError, UsageError

app = typer.Typer(
    name="testimony-nlp",
    help="Evidence-backed event tables (who did what to whom, when and where) from testimonies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class InputFormat(StrEnum):
    auto = "auto"
    txt = "txt"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"testimony-nlp {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Turn testimonies and articles into documents, mentions, events and participants tables."""


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


def reading_options(published, author, fmt, id_field, text_field, date_field, model, **extra):
    """ExtractOptions from the options that extract and render share, validated."""
    from .api import ExtractOptions

    return ExtractOptions(
        published=parse_date(published, "--published"),
        author=author,
        fmt=fmt.value,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        model=model,
        **extra,
    )


def fail(error: TestimonyNLPError) -> typer.Exit:
    """Print a domain error as one clean line and pick the exit code."""
    typer.secho(f"Error: {error}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=error.exit_code)


InputsArg = Annotated[
    list[str],
    typer.Argument(help="Files, folders (recursive), globs, or - for standard input."),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(help="Reference date (YYYY-MM-DD) for documents without a published date."),
]
AuthorOpt = Annotated[str | None, typer.Option(help="Name of the first-person narrator.")]
FormatOpt = Annotated[InputFormat, typer.Option("--format", help="Input format.")]
FieldOpt = Annotated[str | None, typer.Option(help="Corpus field holding this value.")]
ModelOpt = Annotated[str, typer.Option(help="Installed spaCy pipeline to build on.")]


@app.command()
def extract(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for the tables.")],
    published: PublishedOpt = None,
    author: AuthorOpt = None,
    fmt: FormatOpt = InputFormat.auto,
    id_field: FieldOpt = None,
    text_field: FieldOpt = None,
    date_field: FieldOpt = None,
    model: ModelOpt = "en_core_web_sm",
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    engine: Annotated[Engine, typer.Option(help="local processes or a Dask cluster.")] = (
        Engine.local
    ),
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (with --engine dask).")
    ] = None,
    overwrite: Annotated[
        bool, typer.Option(help="Replace the tables in a non-empty --out.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(help="Finish an interrupted run: keep what it wrote, skip those documents."),
    ] = False,
    strict: Annotated[bool, typer.Option(help="Stop at the first unreadable document.")] = False,
    part_size: Annotated[
        int,
        typer.Option(min=1, help="Documents per Parquet part; --resume redoes at most one part."),
    ] = 10_000,
    pseudonymize: Annotated[
        bool, typer.Option(help="Replace person names with salted pseudonyms in every table.")
    ] = False,
    pseudonym_key: Annotated[
        Path | None,
        typer.Option(help="File holding the pseudonym secret (else $TESTIMONY_NLP_PSEUDONYM_KEY)."),
    ] = None,
    pseudonymize_author: Annotated[
        bool, typer.Option(help="With --pseudonymize, replace the author's name too.")
    ] = False,
) -> None:
    """Extract events from INPUTS into Parquet tables under --out."""
    try:
        if overwrite and resume:
            raise UsageError("--overwrite and --resume exclude each other; choose one")
        if scheduler and engine is not Engine.dask:
            raise UsageError("--scheduler needs --engine dask")
        options = reading_options(
            published,
            author,
            fmt,
            id_field,
            text_field,
            date_field,
            model,
            workers=workers,
            strict=strict,
            pseudonymize=pseudonymize,
            pseudonym_key=str(pseudonym_key) if pseudonym_key else None,
            pseudonymize_author=pseudonymize_author,
        )
        if pseudonymize:
            from .pseudonymize import load_salt

            load_salt(options.pseudonym_key)  # fail before any work when no secret is set
        summary = _run_extract(
            inputs, out, options, engine, scheduler, overwrite, resume, part_size
        )
    except TestimonyNLPError as error:
        raise fail(error) from None
    from .report import print_summary

    print_summary(summary)
    if summary.documents_ok == 0 and summary.documents_failed:
        raise typer.Exit(code=1)


def _run_extract(inputs, out, options, engine, scheduler, overwrite, resume, part_size):
    if engine is Engine.dask:
        from .dask_engine import extract_with_dask

        return extract_with_dask(
            inputs,
            out,
            options,
            scheduler=scheduler,
            overwrite=overwrite,
            resume=resume,
            part_size=part_size,
        )
    from .api import extract as run
    from .report import progress_callback

    with progress_callback() as on_document:
        return run(
            inputs,
            out,
            options,
            overwrite=overwrite,
            resume=resume,
            on_document=on_document,
            part_size=part_size,
        )


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (see the README's format).")],
    types: Annotated[
        str | None,
        typer.Option(help="Comma-separated event types to score, e.g. detention,charge."),
    ] = None,
    report: Annotated[Path | None, typer.Option(help="Write the JSON report here.")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Keep the extracted tables here (default: a temp folder).")
    ] = None,
    model: ModelOpt = "en_core_web_sm",
) -> None:
    """Extract events from a gold file's documents and score them against its annotations."""
    try:
        if not gold.is_file():
            raise UsageError(f"gold file {gold} does not exist; give the path of a gold .jsonl")
        from .evaluation_run import run_evaluation

        score = run_evaluation(gold, out=out, types=_split_types(types), model=model)
    except TestimonyNLPError as error:
        raise fail(error) from None
    from rich.console import Console

    from .evaluate import render_report

    console = Console()
    for renderable in render_report(score):
        console.print(renderable)
    if report is not None:
        report.write_text(score.to_json(), encoding="utf-8")
        console.print(f"report written to {report}")


def _split_types(types: str | None) -> set[str] | None:
    if not types:
        return None
    from .assets import models_dir
    from .events.taxonomy import load_taxonomy

    wanted = {t.strip() for t in types.split(",") if t.strip()}
    _, event_types = load_taxonomy(models_dir() / "tnlp_events")
    known = set(event_types)
    unknown = wanted - known
    if unknown:
        raise UsageError(
            f"unknown event type(s): {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(sorted(known))}"
        )
    return wanted


@app.command()
def show(
    out: Annotated[Path, typer.Argument(help="Output folder written by `extract`.")],
    event_type: Annotated[
        str | None, typer.Option("--type", help="Only events of this type, e.g. detention.")
    ] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only events of this document.")] = None,
    status: Annotated[
        str | None, typer.Option(help="Only events with this status, e.g. attempted.")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Show at most N events.")] = None,
) -> None:
    """Show the events of an output folder as a table, each with its evidence sentence."""
    from rich.console import Console

    from .show import show_events

    try:
        table = show_events(out, event_type=event_type, doc_id=doc, status=status, limit=limit)
    except TestimonyNLPError as error:
        raise fail(error) from None
    Console().print(table)


@app.command()
def render(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="A document or a corpus.")],
    html: Annotated[Path, typer.Option("--html", help="Write the HTML page here.")],
    doc: Annotated[
        str | None, typer.Option("--doc", help="Id of the corpus document (default: the first).")
    ] = None,
    published: PublishedOpt = None,
    author: AuthorOpt = None,
    fmt: FormatOpt = InputFormat.auto,
    id_field: FieldOpt = None,
    text_field: FieldOpt = None,
    date_field: FieldOpt = None,
    model: ModelOpt = "en_core_web_sm",
) -> None:
    """Render one document as a self-contained HTML page: highlights and its events."""
    try:
        options = reading_options(published, author, fmt, id_field, text_field, date_field, model)
        from .render import render_input

        page = render_input(input_path, options, doc_id=doc)
        html.write_text(page, encoding="utf-8")
    except TestimonyNLPError as error:
        raise fail(error) from None
    typer.echo(f"wrote {html}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    sys.exit(main())
