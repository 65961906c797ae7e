"""Read an output folder back and show its events as a terminal table (``testimony-nlp show``)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .schemas import TABLES

STATUSES = ("occurred", "attempted", "threatened", "negated", "hypothetical")
EVIDENCE_WINDOW = 320  # characters of a long sentence kept around its trigger
SEASONS = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}


# -- loading --------------------------------------------------------------------------------
def load_tables(out: str | Path) -> dict[str, pd.DataFrame]:
    """The four tables of an output folder as DataFrames, typed by ``schemas.TABLES``.

    Each table may be a folder of parts (``OUT/events/part-*.parquet``, what ``extract``
    writes) or a single ``OUT/events.parquet``. A table without any part is returned empty
    with its columns.

    Raises:
        UsageError: ``out`` holds no tables at all.
    """
    from .errors import UsageError

    out = Path(out)
    paths = {name: _table_path(out, name) for name in TABLES}
    if all(path is None for path in paths.values()):
        state = "holds no output tables" if out.is_dir() else "does not exist"
        raise UsageError(f"{out} {state}; run `testimony-nlp extract INPUT --out {out}` first")
    return {name: _read_table(paths[name], TABLES[name]) for name in TABLES}


def _table_path(out: Path, name: str) -> Path | None:
    folder, single = out / name, out / f"{name}.parquet"
    if folder.is_dir():
        return folder
    return single if single.is_file() else None


def _read_table(path: Path | None, schema: pa.Schema) -> pd.DataFrame:
    if path is None:
        return schema.empty_table().to_pandas()
    parts = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    tables = [pq.read_table(part, schema=schema) for part in parts]
    return pa.concat_tables(tables).to_pandas() if tables else schema.empty_table().to_pandas()


@cache
def known_event_types() -> tuple[str, ...]:
    """Event types of the taxonomy shipped in ``models/tnlp_events`` (empty if unavailable)."""
    from .assets import models_dir
    from .errors import TestimonyNLPError

    try:
        data = json.loads((models_dir() / "tnlp_events" / "taxonomy.json").read_text("utf-8"))
        return tuple(data["types"])
    except (TestimonyNLPError, OSError, ValueError, KeyError, TypeError):
        return ()  # the events stage's data is optional here: types are then read from the data


# -- formatting -----------------------------------------------------------------------------
def format_date(start: dt.date | None, end: dt.date | None, precision: str | None = None) -> str:
    """The shortest faithful form of an interval: ``2014-08`` for August 2014, else ``a..b``.

    The short form is used only when the interval is exactly the one it names, so a
    wrong ``precision`` never hides the real bounds.
    """
    start, end = _as_date(start), _as_date(end)
    if start is None and end is None:
        return ""
    if start is None:
        return f"..{end.isoformat()}"
    if end is None:
        return f"{start.isoformat()}.."
    for short, (first, last) in _short_forms(start, precision):
        if (first, last) == (start, end):
            return short
    return f"{start.isoformat()}..{end.isoformat()}"


def _as_date(value) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _short_forms(start: dt.date, precision: str | None):
    """Candidate (label, interval) pairs for ``start`` at ``precision``."""
    if precision == "day":
        yield start.isoformat(), (start, start)
    elif precision == "week":
        year, week, _ = start.isocalendar()
        yield f"{year}-W{week:02d}", (start, start + dt.timedelta(days=6))
    elif precision == "month":
        yield f"{start:%Y-%m}", (start, _month_end(start.year, start.month))
    elif precision == "season" and start.month in SEASONS:
        end = _month_end(*_add_months(start.year, start.month, 2))
        yield f"{start.year}-{SEASONS[start.month]}", (start, end)
    elif precision == "quarter":
        quarter = (start.month - 1) // 3 + 1
        end = _month_end(*_add_months(start.year, start.month, 2))
        yield f"{start.year}-Q{quarter}", (start, end)
    elif precision == "year":
        yield str(start.year), (start, dt.date(start.year, 12, 31))
    elif precision == "decade":
        yield f"{start.year}s", (start, dt.date(start.year + 9, 12, 31))


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def _month_end(year: int, month: int) -> dt.date:
    next_year, next_month = _add_months(year, month, 1)
    return dt.date(next_year, next_month, 1) - dt.timedelta(days=1)


def evidence_text(
    sentence: str | None,
    trigger: str | None,
    trigger_start: int | None = None,
    window: int = EVIDENCE_WINDOW,
) -> Text:
    """The evidence sentence with its trigger in bold, cut around the trigger if very long.

    Args:
        sentence: the sentence that states the event.
        trigger: the trigger's words.
        trigger_start: the trigger's offset in ``sentence`` when known; else its first
            (case-insensitive) occurrence is used.
        window: longest evidence kept; longer sentences are cut at word boundaries with "…".
    """
    sentence, trigger = sentence or "", trigger or ""
    if not sentence.strip():
        return Text(_squash(trigger), style="bold")
    start = _trigger_offset(sentence, trigger, trigger_start)
    end = start + len(trigger) if start is not None else None
    cut_from, cut_to = _window(sentence, start, end, window)
    text = Text("…" if cut_from > 0 else "")
    if start is None:
        text.append(_squash(sentence[cut_from:cut_to]))
    else:
        text.append(_squash(sentence[cut_from:start]))
        text.append(_squash(sentence[start:end]), style="bold")
        text.append(_squash(sentence[end:cut_to]))
    if cut_to < len(sentence):
        text.append("…")
    return text


def _squash(text: str) -> str:
    """Runs of whitespace (line breaks inside a sentence) as one space."""
    return re.sub(r"\s+", " ", text)


def _trigger_offset(sentence: str, trigger: str, hint: int | None) -> int | None:
    if not trigger:
        return None
    if hint is not None and sentence[hint : hint + len(trigger)] == trigger:
        return hint
    found = sentence.lower().find(trigger.lower())
    return found if found >= 0 else None


def _window(sentence: str, start: int | None, end: int | None, window: int) -> tuple[int, int]:
    """Bounds of at most ``window`` characters around the trigger, on word boundaries."""
    if len(sentence) <= window:
        return 0, len(sentence)
    centre = (start + end) // 2 if start is not None and end is not None else 0
    cut_from = max(0, min(centre - window // 2, len(sentence) - window))
    cut_to = cut_from + window
    if cut_from > 0:
        space = sentence.find(" ", cut_from, start if start is not None else cut_to)
        cut_from = space + 1 if space >= 0 else cut_from
    if cut_to < len(sentence):
        space = sentence.rfind(" ", end if end is not None else cut_from, cut_to)
        cut_to = space if space > 0 else cut_to
    return cut_from, cut_to


def sentence_offset(text: str | None, sentence: str | None, start_char) -> int | None:
    """The trigger's offset inside its sentence, located in the document's text."""
    if not text or not sentence or start_char is None or pd.isna(start_char):
        return None
    start_char = int(start_char)
    begin = text.find(sentence, max(0, start_char - len(sentence) + 1))
    if begin < 0 or begin > start_char:
        return None
    return start_char - begin


# -- the table ------------------------------------------------------------------------------
def select_events(
    tables: dict[str, pd.DataFrame],
    *,
    event_type: str | None = None,
    doc_id: str | None = None,
    status: str | None = None,
) -> pd.DataFrame:
    """The events rows that pass the filters, in document then text order.

    Raises:
        UsageError: an unknown event type, status or document id.
    """
    events, documents = tables["events"], tables["documents"]
    _check_choice("event type", event_type, {*known_event_types(), *events["event_type"]})
    _check_choice("status", status, {*STATUSES, *events["status"]})
    _check_choice("document id", doc_id, {*documents["doc_id"], *events["doc_id"]})
    selected = events
    if event_type is not None:
        selected = selected[selected["event_type"] == event_type]
    if status is not None:
        selected = selected[selected["status"] == status]
    if doc_id is not None:
        selected = selected[selected["doc_id"] == doc_id]
    order = {value: index for index, value in enumerate(documents["doc_id"])}
    return (
        selected.assign(_doc_order=selected["doc_id"].map(order).fillna(len(order)))
        .sort_values(["_doc_order", "start_char"], kind="stable")
        .drop(columns="_doc_order")
    )


def _check_choice(what: str, value: str | None, known: set) -> None:
    from .errors import UsageError

    known = {k for k in known if isinstance(k, str)}
    if value is None or value in known:
        return
    choices = sorted(known)
    listed = ", ".join(choices[:20]) + (", …" if len(choices) > 20 else "")
    raise UsageError(f"unknown {what} {value!r}; choose from {listed or '(none in this output)'}")


def show_events(
    out: str | Path,
    *,
    event_type: str | None = None,
    doc_id: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> Table:
    """A rich Table of the events in ``out``, filtered, with the trigger bold in its evidence.

    Raises:
        UsageError: ``out`` holds no tables; an unknown type, status or document id;
            a limit below 1.
    """
    from .errors import UsageError

    if limit is not None and limit < 1:
        raise UsageError(f"--limit {limit} must be at least 1")
    tables = load_tables(out)
    selected = select_events(tables, event_type=event_type, doc_id=doc_id, status=status)
    shown = selected if limit is None else selected.head(limit)
    texts = dict(zip(tables["documents"]["doc_id"], tables["documents"]["text"], strict=False))
    with_doc = selected["doc_id"].nunique() > 1
    table = _empty_table(_title(out, len(selected), event_type, doc_id, status), with_doc)
    for event in shown.itertuples(index=False):
        table.add_row(*_cells(event, texts.get(event.doc_id), with_doc=with_doc))
    if len(shown) < len(selected):
        table.caption = f"first {len(shown)} of {len(selected)} events (raise --limit for more)"
    elif not len(selected):
        table.caption = "no events match"
    return table


def _title(out, n: int, event_type, doc_id, status) -> str:
    filters = (("type", event_type), ("doc", doc_id), ("status", status))
    chosen = [f"{name}={value}" for name, value in filters if value]
    suffix = f" ({', '.join(chosen)})" if chosen else ""
    return escape(f"{n} event{'s' if n != 1 else ''} in {out}{suffix}")


def _empty_table(title: str, with_doc: bool) -> Table:
    """Four columns (two fields stacked in each of the first three) fit 100 terminal columns."""
    table = Table(title=title, show_lines=True, expand=True, header_style="bold")
    if with_doc:
        table.add_column("doc", overflow="fold", max_width=14)
    table.add_column("type\nstatus", overflow="fold", max_width=12)
    table.add_column("date\nplace", overflow="fold", max_width=12)
    table.add_column("victim\nperpetrator", overflow="fold", max_width=16)
    table.add_column("evidence", overflow="fold", ratio=1)
    return table


def _cells(event, text: str | None, *, with_doc: bool) -> list[Text]:
    date = format_date(event.date_start, event.date_end, _clean(event.date_precision))
    place = _clean(event.place_name) or _clean(event.place_text)
    offset = sentence_offset(text, _clean(event.sentence), event.trigger_start)
    cells = [
        _stacked(_clean(event.event_type), _clean(event.status)),
        _stacked(date or _quoted(_clean(event.date_text)), place),
        _stacked(_clean(event.victim), _clean(event.perpetrator), prefix="by "),
        evidence_text(_clean(event.sentence), _clean(event.trigger), offset),
    ]
    return [Text(str(event.doc_id)), *cells] if with_doc else cells


def _quoted(text: str | None) -> str | None:
    """Words of a date that did not resolve to an interval, shown as words."""
    return f"“{text}”" if text else None


def _stacked(first: str | None, second: str | None, prefix: str = "") -> Text:
    """Two fields in one cell: the first plain, the second dim on the next line."""
    text = Text(first or "–")
    text.append("\n")
    text.append(f"{prefix}{second}" if second else "–", style="dim")
    return text


def _clean(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)
