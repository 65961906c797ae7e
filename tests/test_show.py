"""show: loading an output folder, precision-aware dates, evidence, the events table, the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from rich.console import Console
from typer.testing import CliRunner

from testimony_nlp.cli import app
from testimony_nlp.errors import UsageError
from testimony_nlp.schemas import TABLES
from testimony_nlp.show import evidence_text, format_date, load_tables, show_events
from testimony_nlp.tables import DocumentRows
from testimony_nlp.writer import TableWriter

PARK = "In August 2014 two officers detained me in the central park of Shymkent."
HOSPITAL = (
    "A week later they tried to commit me to the regional psychiatric hospital, where a "
    "doctor questioned me for hours about my articles, my sources, my family and my health, "
    "while my lawyer waited outside a locked door and the officers in the corridor kept "
    "repeating that I would only be released after I signed a statement withdrawing every "
    "word I had written about the governor and his relatives."
)
COURT = "The court fined her in March 2016."


def event(doc_id: str, text: str, trigger: str, event_type: str, status: str, **fields) -> dict:
    start = text.index(trigger)
    row = {
        "doc_id": doc_id,
        "event_id": f"{doc_id}-{start}",
        "event_type": event_type,
        "status": status,
        "trigger": trigger,
        "start_char": start,
        "end_char": start + len(trigger),
        "sentence": next(s for s in text.split("\n\n") if trigger in s),
    }
    row.update(fields)
    return row


def write_out(out: Path, documents: dict[str, list[dict]]) -> Path:
    """An output folder with one documents row per key and the given events."""
    writer = TableWriter(out, overwrite=True)
    for doc_id, events in documents.items():
        text = "\n\n".join(dict.fromkeys(e["sentence"] for e in events)) or "Nothing happened."
        document = {"doc_id": doc_id, "source": f"{doc_id}.txt", "text": text, "status": "ok"}
        writer.add(DocumentRows([document], [], events, []))
    writer.close({})
    return out


@pytest.fixture
def out(tmp_path: Path) -> Path:
    text = f"{PARK}\n\n{HOSPITAL}"
    return write_out(
        tmp_path / "out",
        {
            "testimony": [
                event(
                    "testimony",
                    text,
                    "detained",
                    "detention",
                    "occurred",
                    date_start=dt.date(2014, 8, 1),
                    date_end=dt.date(2014, 8, 31),
                    date_precision="month",
                    place_name="Shymkent",
                    victim="narrator",
                    perpetrator="officers",
                ),
                event(
                    "testimony",
                    text,
                    "commit",
                    "psychiatric_commitment",
                    "attempted",
                    date_start=dt.date(2014, 8, 4),
                    date_end=dt.date(2014, 8, 10),
                    date_precision="week",
                    victim="narrator",
                ),
            ],
            "article": [event("article", COURT, "fined", "charge", "occurred", victim="her")],
        },
    )


def render(table, width: int = 100) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    console.print(table)
    return console.export_text().splitlines()


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (dt.date(2014, 8, 3), dt.date(2014, 8, 3), "day", "2014-08-03"),
        (dt.date(2014, 8, 1), dt.date(2014, 8, 31), "month", "2014-08"),
        (dt.date(2016, 2, 1), dt.date(2016, 2, 29), "month", "2016-02"),
        (dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year", "2014"),
        (dt.date(2014, 6, 1), dt.date(2014, 8, 31), "season", "2014-SU"),
        (dt.date(2014, 12, 1), dt.date(2015, 2, 28), "season", "2014-WI"),
        (dt.date(2014, 7, 1), dt.date(2014, 9, 30), "quarter", "2014-Q3"),
        (dt.date(2014, 8, 4), dt.date(2014, 8, 10), "week", "2014-W32"),
        (dt.date(2010, 1, 1), dt.date(2019, 12, 31), "decade", "2010s"),
        # a precision that does not match the bounds never hides them
        (dt.date(2014, 8, 1), dt.date(2014, 9, 15), "month", "2014-08-01..2014-09-15"),
        (dt.date(2014, 8, 1), dt.date(2014, 9, 15), None, "2014-08-01..2014-09-15"),
        (dt.date(2014, 8, 1), None, "day", "2014-08-01.."),
        (None, dt.date(2014, 8, 1), None, "..2014-08-01"),
        (None, None, None, ""),
    ],
)
def test_show_format_date_precision(start, end, precision, expected):
    assert format_date(start, end, precision) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "offset", "expected_plain", "expected_bold"),
    [
        ("Police detained me.", "detained", 7, "Police detained me.", "detained"),
        # the offset wins over an earlier occurrence of the same word
        ("They arrested him, then arrested me.", "arrested", 24, None, "arrested"),
        # without an offset: the first case-insensitive occurrence
        ("Arrests followed.", "arrests", None, "Arrests followed.", "Arrests"),
        # a line break inside the sentence becomes one space
        ("Police\ndetained   me.", "detained", None, "Police detained me.", "detained"),
        # a trigger that is not in the sentence: the sentence stays, nothing bold
        ("Nothing here.", "detained", None, "Nothing here.", ""),
    ],
)
def test_show_evidence_bolds_trigger(sentence, trigger, offset, expected_plain, expected_bold):
    text = evidence_text(sentence, trigger, offset)
    bold = "".join(text.plain[s.start : s.end] for s in text.spans if s.style == "bold")
    assert bold == expected_bold
    if expected_plain is not None:
        assert text.plain == expected_plain
    if offset is not None:
        (span,) = text.spans
        assert span.start == offset


def test_show_evidence_cuts_long_sentence_around_trigger():
    text = evidence_text(HOSPITAL, "released", None, window=80)
    assert text.plain.startswith("…") and text.plain.endswith("…")
    assert len(text.plain) <= 82
    assert "released" in text.plain
    assert text.plain[1:-1] in HOSPITAL  # cut on word boundaries, nothing rewritten


def test_show_load_tables_types_and_empty_tables(out: Path):
    tables = load_tables(out)
    assert set(tables) == set(TABLES)
    assert list(tables["events"].columns) == TABLES["events"].names
    assert len(tables["events"]) == 3
    assert tables["participants"].empty
    assert list(tables["participants"].columns) == TABLES["participants"].names


def test_show_load_tables_reads_single_files(tmp_path: Path):
    pq.write_table(pa.Table.from_pylist([{"doc_id": "a", "status": "ok"}], TABLES["documents"]),
                   tmp_path / "documents.parquet")  # fmt: skip
    tables = load_tables(tmp_path)
    assert tables["documents"]["doc_id"].tolist() == ["a"]
    assert tables["events"].empty


def test_show_events_rows_fit_100_columns(out: Path):
    lines = render(show_events(out))
    assert lines[0].strip() == f"3 events in {out}"
    assert max(len(line) for line in lines) <= 100
    joined = " ".join(" ".join(line.strip("│ ").split()) for line in lines)
    for word in ("detention", "2014-08", "Shymkent", "2014-W32", "psychiatric_", "fined"):
        assert word in joined
    # evidence wraps instead of being truncated; only a sentence over 320 characters is cut
    evidence = " ".join(line.split("│")[-2].strip() for line in lines if line.startswith("│"))
    evidence = " ".join(evidence.split())
    assert PARK in evidence
    assert HOSPITAL[: HOSPITAL.index("signed a statement") + 18] + "…" in evidence


@pytest.mark.parametrize(
    ("filters", "expected_triggers"),
    [
        ({}, ["detained", "commit", "fined"]),
        ({"event_type": "detention"}, ["detained"]),
        ({"status": "attempted"}, ["commit"]),
        ({"doc_id": "article"}, ["fined"]),
        ({"limit": 2}, ["detained", "commit"]),
        ({"event_type": "charge", "doc_id": "testimony"}, []),
    ],
)
def test_show_events_filters(out: Path, filters, expected_triggers):
    table = show_events(out, **filters)
    evidence = table.columns[-1]
    cells = list(evidence.cells)
    bold = ["".join(c.plain[s.start : s.end] for s in c.spans if s.style == "bold") for c in cells]
    assert bold == expected_triggers


def test_show_events_caption_when_limited_or_empty(out: Path):
    assert show_events(out, limit=1).caption == "first 1 of 3 events (raise --limit for more)"
    assert show_events(out, event_type="release").caption == "no events match"


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"event_type": "kidnapping"}, "unknown event type 'kidnapping'"),
        ({"status": "maybe"}, "unknown status 'maybe'"),
        ({"doc_id": "nope"}, "unknown document id 'nope'; choose from article, testimony"),
        ({"limit": 0}, "--limit 0 must be at least 1"),
    ],
)
def test_show_events_usage_errors(out: Path, filters, message):
    with pytest.raises(UsageError, match=message):
        show_events(out, **filters)


@pytest.mark.parametrize(
    ("folder", "state"), [("", "holds no output tables"), ("x", "does not exist")]
)
def test_show_without_tables_says_run_extract(tmp_path: Path, folder, state):
    with pytest.raises(UsageError, match=f"{state}; run `testimony-nlp extract INPUT --out"):
        load_tables(tmp_path / folder)


def test_show_unresolved_date_shown_as_words(tmp_path: Path):
    row = event("d", COURT, "fined", "charge", "occurred", date_text="that spring")
    table = show_events(write_out(tmp_path / "out", {"d": [row]}))
    (cell,) = table.columns[1].cells
    assert cell.plain == "“that spring”\n–"


@pytest.mark.parametrize(
    ("args", "exit_code", "expected"),
    [
        (["--type", "detention"], 0, "1 event in"),
        (["--status", "attempted", "--limit", "1"], 0, "psychiatric_"),
        (["--type", "kidnapping"], 2, "Error: unknown event type 'kidnapping'"),
    ],
)
def test_show_cli(out: Path, args, exit_code, expected):
    result = CliRunner().invoke(app, ["show", str(out), *args], env={"COLUMNS": "100"})
    assert result.exit_code == exit_code
    assert expected in result.output


def test_show_cli_empty_folder(tmp_path: Path):
    result = CliRunner().invoke(app, ["show", str(tmp_path)])
    assert result.exit_code == 2
    assert "run `testimony-nlp extract" in result.output
