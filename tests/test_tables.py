"""Rows from annotated Docs: mentions from entities and the timex group, events, participants."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Span

from testimony_nlp import attributes  # noqa: F401  (registers the extensions)
from testimony_nlp.records import DocumentRecord
from testimony_nlp.tables import error_rows, rows_from_doc, stable_id

TEXT = "Police detained Aliya Karimova in Taraz in May 2015. She was freed."


@pytest.fixture()
def doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    doc.ents = [
        Span(doc, 2, 4, label="PERSON"),
        Span(doc, 5, 6, label="GPE"),
        Span(doc, 7, 9, label="DATE"),
    ]
    doc.ents[1]._.geo = {"place_name": "Taraz", "country_code": "KZ", "latitude": 42.9}
    timex = Span(doc, 7, 9, label="DATE")
    timex._.timex, timex._.date_start, timex._.date_end = "2015-05", "2015-05-01", "2015-05-31"
    timex._.date_precision = "month"
    doc.spans["timex"] = [timex]
    doc._.reference_date, doc._.reference_date_source = "2015-11-30", "option"
    doc._.language = "en"
    doc._.events = [
        {
            "event_type": "detention",
            "status": "occurred",
            "trigger": "detained",
            "trigger_start": 7,
            "trigger_end": 15,
            "start_char": 0,
            "end_char": TEXT.index(" She"),
            "date_start": "2015-05-01",
            "date_end": "2015-05-31",
            "victim": "Aliya Karimova",
            "perpetrator": "police",
            "participants": [
                {"role": "victim", "name": "Aliya Karimova", "start_char": 16, "end_char": 30},
                {"role": "perpetrator", "name": "police", "start_char": None, "end_char": None},
            ],
        }
    ]
    return doc


def test_tables_mentions_come_from_entities_and_the_timex_group(doc):
    rows = rows_from_doc(DocumentRecord("d1", "d1.txt", TEXT), doc)
    labels = [(m["label"], m["text"], m["sentence_index"]) for m in rows.mentions]
    assert labels == [("PERSON", "Aliya Karimova", 0), ("GPE", "Taraz", 0), ("DATE", "May 2015", 0)]
    date = rows.mentions[2]
    assert (date["timex"], date["date_start"], date["date_end"]) == (
        "2015-05",
        dt.date(2015, 5, 1),
        dt.date(2015, 5, 31),
    )
    assert rows.mentions[1]["country_code"] == "KZ"


def test_tables_events_get_stable_ids_sentences_and_linked_participants(doc):
    rows = rows_from_doc(DocumentRecord("d1", "d1.txt", TEXT), doc)
    (event,) = rows.events
    assert event["event_id"] == stable_id("d1", "detention", 7, 15)
    assert event["sentence"] == "Police detained Aliya Karimova in Taraz in May 2015."
    assert TEXT[event["start_char"] : event["end_char"]] == event["sentence"]
    assert TEXT[event["trigger_start"] : event["trigger_end"]] == event["trigger"]
    assert event["sentence_index"] == 0
    victim, perpetrator = rows.participants
    assert victim["mention_id"] == rows.mentions[0]["mention_id"]
    assert perpetrator["mention_id"] is None
    document = rows.documents[0]
    assert (document["n_sentences"], document["n_mentions"], document["n_events"]) == (2, 3, 1)
    assert document["reference_date"] == dt.date(2015, 11, 30)


def test_tables_events_sharing_a_sentence_keep_their_own_ids(doc):
    """Two detentions told in one sentence share its evidence span, not their id."""
    second = dict(doc._.events[0], trigger="detained", trigger_start=40, trigger_end=48)
    doc._.events = [doc._.events[0], second]
    try:
        rows = rows_from_doc(DocumentRecord("d1", "d1.txt", TEXT), doc)
    finally:
        doc._.events = doc._.events[:1]
    assert [(e["start_char"], e["end_char"]) for e in rows.events] == [(0, 52), (0, 52)]
    assert [e["event_id"] for e in rows.events] == [
        stable_id("d1", "detention", 7, 15),
        stable_id("d1", "detention", 40, 48),
    ]


def test_tables_error_record_gives_one_document_row():
    record = DocumentRecord("bad", "bad.txt", error="the file is empty")
    rows = error_rows(record)
    assert [(d["status"], d["error"], d["text"]) for d in rows.documents] == [
        ("error", "the file is empty", None)
    ]
    assert rows.events == rows.mentions == rows.participants == []
