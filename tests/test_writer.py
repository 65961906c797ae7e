"""The writer: typed tables that round-trip, parts, journal, resume, refusal of non-empty output."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from testimony_nlp.errors import OutputExistsError
from testimony_nlp.schemas import TABLES
from testimony_nlp.tables import DocumentRows
from testimony_nlp.writer import JOURNAL, STAGING, TableWriter


def sample_rows(doc_id: str, n_events: int = 1) -> DocumentRows:
    document = {
        "doc_id": doc_id,
        "source": f"{doc_id}.txt",
        "title": None,
        "author": "A. Writer",
        "url": None,
        "published": dt.date(2015, 11, 30),
        "reference_date": dt.date(2015, 11, 30),
        "reference_date_source": "metadata",
        "language": "en",
        "text": "Police detained me in May.",
        "n_sentences": 1,
        "n_mentions": 1,
        "n_events": n_events,
        "status": "ok",
        "error": None,
        "pipeline_version": "0.1.0",
    }
    mention = {
        "doc_id": doc_id,
        "mention_id": f"{doc_id}-m1",
        "label": "DATE",
        "text": "May",
        "start_char": 22,
        "end_char": 25,
        "sentence_index": 0,
        "timex": "2015-05",
        "date_start": dt.date(2015, 5, 1),
        "date_end": dt.date(2015, 5, 31),
        "date_precision": "month",
        "latitude": None,
    }
    events = [
        {
            "doc_id": doc_id,
            "event_id": f"{doc_id}-e{i}",
            "event_type": "detention",
            "status": "occurred",
            "trigger": "detained",
            "start_char": 7,
            "end_char": 15,
            "date_start": dt.date(2015, 5, 1),
            "confidence": 0.9,
            "geo_precision": 1,
        }
        for i in range(n_events)
    ]
    participants = [
        {
            "doc_id": doc_id,
            "event_id": e["event_id"],
            "role": "victim",
            "name": "narrator",
            "mention_id": None,
            "is_narrator": True,
        }
        for e in events
    ]
    return DocumentRows([document], [mention], events, participants)


def read(out, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / table)


def test_writer_round_trips_every_table(tmp_path):
    out = tmp_path / "out"
    writer = TableWriter(out)
    writer.add(sample_rows("a"))
    writer.add(sample_rows("b", n_events=2))
    writer.close({"version": "test"})
    for table, schema in TABLES.items():
        files = sorted((out / table).glob("*.parquet"))
        assert [f.name for f in files] == ["part-00000.parquet"]
        assert pq.read_schema(files[0]).equals(schema)
    documents = read(out, "documents")
    assert documents["doc_id"].tolist() == ["a", "b"]
    assert documents["published"].tolist() == [dt.date(2015, 11, 30)] * 2
    assert read(out, "events")["event_id"].tolist() == ["a-e0", "b-e0", "b-e1"]
    assert read(out, "participants")["is_narrator"].tolist() == [True, True, True]
    assert read(out, "mentions")["timex"].tolist() == ["2015-05", "2015-05"]
    assert json.loads((out / "manifest.json").read_text())["version"] == "test"
    assert not (out / STAGING).exists()


def test_writer_empty_run_writes_typed_empty_tables(tmp_path):
    writer = TableWriter(tmp_path / "out")
    writer.close({})
    for table, schema in TABLES.items():
        frame = pq.read_table(tmp_path / "out" / table)
        assert frame.num_rows == 0
        assert frame.schema.equals(schema)


@pytest.mark.parametrize("docs_per_part, parts", [(1, 3), (2, 2), (10, 1)])
def test_writer_splits_parts(tmp_path, docs_per_part, parts):
    writer = TableWriter(tmp_path / "out", docs_per_part=docs_per_part, docs_per_row_group=1)
    for doc_id in "abc":
        writer.add(sample_rows(doc_id))
    writer.close({})
    assert len(list((tmp_path / "out" / "events").glob("part-*.parquet"))) == parts
    assert read(tmp_path / "out", "documents")["doc_id"].tolist() == ["a", "b", "c"]


def test_writer_refuses_non_empty_output(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(OutputExistsError, match="--overwrite"):
        TableWriter(tmp_path)


def test_writer_overwrite_replaces_tables_only(tmp_path):
    first = TableWriter(tmp_path)
    first.add(sample_rows("old"))
    first.close({})
    (tmp_path / "notes.txt").write_text("keep me")
    second = TableWriter(tmp_path, overwrite=True)
    second.add(sample_rows("new"))
    second.close({})
    assert read(tmp_path, "documents")["doc_id"].tolist() == ["new"]
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_writer_resume_keeps_journalled_parts_and_drops_the_rest(tmp_path):
    out = tmp_path / "out"
    interrupted = TableWriter(out, docs_per_part=2, docs_per_row_group=1)
    for doc_id in "abc":
        interrupted.add(sample_rows(doc_id))
    interrupted.abort()  # "c" sits in an unfinished part, as after kill -9
    assert (out / STAGING / JOURNAL).read_text().count("\n") == 1

    resumed = TableWriter(out, resume=True, docs_per_part=2)
    assert resumed.done_doc_ids == {"a", "b"}
    for doc_id in "cd":
        resumed.add(sample_rows(doc_id))
    resumed.close({})
    assert sorted(read(out, "documents")["doc_id"]) == ["a", "b", "c", "d"]
    assert sorted(read(out, "events")["event_id"]) == ["a-e0", "b-e0", "c-e0", "d-e0"]


def test_writer_resume_ignores_a_journal_line_cut_by_a_kill(tmp_path):
    out = tmp_path / "out"
    writer = TableWriter(out, docs_per_part=1)
    writer.add(sample_rows("a"))
    with open(out / STAGING / JOURNAL, "a") as journal:
        journal.write('{"part": "part-000')
    resumed = TableWriter(out, resume=True)
    assert resumed.done_doc_ids == {"a"}


def test_writer_resume_of_finished_output_adds_new_documents(tmp_path):
    out = tmp_path / "out"
    first = TableWriter(out)
    first.add(sample_rows("a"))
    first.close({})
    again = TableWriter(out, resume=True)
    assert again.done_doc_ids == {"a"}
    again.add(sample_rows("b"))
    again.close({})
    assert sorted(read(out, "documents")["doc_id"]) == ["a", "b"]
