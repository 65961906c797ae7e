"""Terminal output of a run: a progress bar on a terminal and the closing summary."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .api import RunSummary
from .tables import DocumentRows


@contextmanager
def progress_callback() -> Iterator[Callable[[DocumentRows], None] | None]:
    """A per-document callback that advances a progress bar, or None off a terminal."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("extract", total=None, rate="-")

        def advance(rows: DocumentRows) -> None:
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0.0
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f}" if elapsed else "-")

        yield advance


def print_summary(summary: RunSummary, console: Console | None = None) -> None:
    console = console or Console(file=sys.stdout)
    console.print(
        f"documents: {summary.documents_ok} ok, {summary.documents_failed} failed"
        + (
            f", {summary.documents_unsupported} not in English (recorded, not analysed)"
            if summary.documents_unsupported
            else ""
        )
        + (f", {summary.documents_skipped} already written" if summary.documents_skipped else "")
        + f" in {summary.seconds:.1f} s"
    )
    for doc_id, error in summary.errors[:20]:
        console.print(f"  error {doc_id}: {error}", markup=False, highlight=False)
    if len(summary.errors) > 20:
        console.print(f"  ... and {len(summary.errors) - 20} more (see the documents table)")
    table = Table(title=f"events by type ({summary.n_events})", title_justify="left")
    table.add_column("event_type")
    table.add_column("events", justify="right")
    for event_type, count in sorted(summary.events_by_type.items()):
        table.add_row(event_type, str(count))
    console.print(table)
    console.print(f"mentions: {summary.n_mentions}, participants: {summary.n_participants}")
    console.print(f"tables written to {summary.out}/{{documents,mentions,events,participants}}")
