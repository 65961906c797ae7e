"""Tests for the event scorer (testimony_nlp.evaluate), including parity with the reference."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from rich.console import Console

from testimony_nlp.errors import InputError, UsageError
from testimony_nlp.evaluate import (
    GoldDocument,
    GoldEvent,
    evaluate,
    false_positives,
    find_spans,
    gold_interval,
    load_gold,
    render_report,
    score,
    score_output_dir,
    sentence_around,
)

REFERENCE = Path(__file__).parents[2] / "shared" / "eval" / "score_events.py"

TEXT = (
    "Police detained Aziz Karimov in Osh on 3 May 2019. "
    "He was released two days later. "
    "Officers searched his flat and took his laptop."
)
"""A small synthetic report; offsets below refer to it."""


def at(needle: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def pred(event_type: str, needle: str, doc_id: str = "d1", text: str = TEXT, **attrs: Any):
    start, end = at(needle, text)
    return {
        "doc_id": doc_id,
        "event_type": event_type,
        "start_char": start,
        "end_char": end,
        **attrs,
    }


def gold_event(event_type: str, *evidence: str, **attrs: Any) -> dict[str, Any]:
    return {"event_type": event_type, "status": "occurred", "evidence": list(evidence), **attrs}


DETENTION = gold_event("detention", "Police detained Aziz Karimov in Osh")
RELEASE = gold_event("release", "He was released two days later")
SEIZURE = gold_event("seizure", "Officers searched his flat")


def gold_docs(*events: dict[str, Any], text: str = TEXT, author: str | None = None):
    return [
        GoldDocument(
            doc_id="d1",
            text=text,
            events=[_to_gold_event(e) for e in events],
            author=author,
        )
    ]


def _to_gold_event(raw: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        event_type=raw["event_type"],
        evidence=tuple(raw["evidence"]),
        status=raw.get("status"),
        date=raw.get("date"),
        place=tuple(raw.get("place", ())),
        perpetrator=raw.get("perpetrator"),
        victim=raw.get("victim"),
        optional=raw.get("optional", False),
    )


def events_frame(*rows: dict[str, Any]) -> pd.DataFrame:
    columns = ["doc_id", "event_type", "status", "start_char", "end_char"]
    return pd.DataFrame(list(rows), columns=None if rows else columns)


def counts(result) -> tuple[int, int, int, int]:
    return result.tp, result.fp, result.fn, result.duplicates


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("golds", "preds", "expected"),
    [
        # exact match: the trigger lies inside the evidence
        ([DETENTION], [pred("detention", "detained")], (1, 0, 0, 0)),
        # overlap: a span that starts before the evidence and ends inside it
        ([RELEASE], [pred("release", "2019. He was")], (1, 0, 0, 0)),
        # spans are half-open: ending exactly where the evidence starts is no overlap
        ([RELEASE], [pred("release", "2019. ")], (0, 1, 1, 0)),
        # wrong type: a false positive and a miss
        ([DETENTION], [pred("release", "detained")], (0, 1, 1, 0)),
        # a second prediction on a matched event is a duplicate, not a false positive
        ([DETENTION], [pred("detention", "detained"), pred("detention", "Police")], (1, 0, 0, 1)),
        # optional gold events: a hit is ignored, a miss is not counted
        ([{**DETENTION, "optional": True}], [pred("detention", "detained")], (0, 0, 0, 0)),
        ([{**DETENTION, "optional": True}], [], (0, 0, 0, 0)),
        (
            [{**DETENTION, "optional": True}],
            [pred("detention", "detained"), pred("detention", "Police")],
            (0, 0, 0, 0),
        ),
        # one prediction cannot match two gold events
        (
            [DETENTION, gold_event("detention", "detained Aziz")],
            [pred("detention", "detained")],
            (1, 0, 1, 0),
        ),
        # predictions of documents absent from the gold are ignored
        ([SEIZURE], [pred("seizure", "searched"), pred("seizure", "searched", "zz")], (1, 0, 0, 0)),
        # no predictions at all
        ([DETENTION, RELEASE, SEIZURE], [], (0, 0, 3, 0)),
    ],
)
def test_evaluate_counts(golds, preds, expected):
    result = score(gold_docs(*golds), None, events_frame(*preds))
    assert counts(result) == expected


@pytest.mark.parametrize(
    ("golds", "preds", "expected"),
    [
        ([DETENTION], [pred("detention", "detained"), pred("release", "detained")], [False, True]),
        # a duplicate on a matched event, or a hit on an optional one, is no false positive
        ([DETENTION], [pred("detention", "detained"), pred("detention", "Police")], [False, False]),
        ([{**DETENTION, "optional": True}], [pred("detention", "detained")], [False]),
        ([SEIZURE], [pred("seizure", "searched"), pred("seizure", "Police")], [False, True]),
        ([], [pred("seizure", "searched")], [True]),
    ],
)
def test_evaluate_false_positives_label_each_prediction_as_the_scorer_counts_it(
    golds, preds, expected
):
    gold = gold_docs(*golds)[0]
    assert false_positives(gold, TEXT, preds) == expected
    assert score([gold], None, events_frame(*preds)).fp == sum(expected)


def test_evaluate_whitespace_insensitive_fallback():
    golds = gold_docs(gold_event("seizure", "Officers  searched\nhis   flat"))
    assert counts(score(golds, None, events_frame(pred("seizure", "searched")))) == (1, 0, 0, 0)


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("his", [(101, 104), (119, 122)]),
        ("took  his\nlaptop", [(114, 129)]),
        ("nowhere", []),
        ("   ", []),
    ],
)
def test_evaluate_find_spans(needle, expected):
    assert find_spans(TEXT, needle) == expected


def test_evaluate_uses_the_pipeline_text_for_offsets():
    cleaned = "A REPORT FROM THE HUMAN RIGHTS CENTRE IN BISHKEK\n\n" + TEXT
    golds = gold_docs(DETENTION)  # gold text lacks the heading
    documents = pd.DataFrame({"doc_id": ["d1"], "text": [cleaned]})
    shifted = pred("detention", "detained", text=cleaned)
    assert counts(score(golds, documents, events_frame(shifted))) == (1, 0, 0, 0)
    assert counts(score(golds, None, events_frame(shifted))) == (0, 1, 1, 0)


def test_evaluate_types_filter_keeps_only_those_predictions():
    preds = events_frame(pred("detention", "detained"), pred("seizure", "searched"))
    result = score(gold_docs(DETENTION), None, preds, types={"detention"})
    assert counts(result) == (1, 0, 0, 0)
    assert counts(score(gold_docs(DETENTION), None, preds)) == (1, 1, 0, 0)


def test_evaluate_per_type_and_measures():
    golds = gold_docs(DETENTION, RELEASE, SEIZURE)
    preds = events_frame(
        pred("detention", "detained"),
        pred("release", "released"),
        pred("assault", "took"),
    )
    result = score(golds, None, preds)
    assert counts(result) == (2, 1, 1, 0)
    assert (result.precision, result.recall) == (2 / 3, 2 / 3)
    assert result.f1 == pytest.approx(2 / 3)
    assert result.per_type["assault"] == (0, 1, 0, 0.0, 0.0, 0.0)
    assert result.per_type["detention"] == (1, 0, 0, 1.0, 1.0, 1.0)
    assert result.per_type["seizure"][:3] == (0, 0, 1)
    assert list(result.per_type) == ["assault", "detention", "release", "seizure"]
    assert result.misses[0][:3] == ("d1", "seizure", "Officers searched his flat")
    assert result.misses[0].sentence == "Officers searched his flat and took his laptop."
    assert result.extras[0][:3] == ("d1", "assault", "took")
    assert result.extras[0].sentence == "Officers searched his flat and took his laptop."


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", ("2019-01-01", "2019-12-31")),
        ("2019-02", ("2019-02-01", "2019-02-28")),
        ("2020-02", ("2020-02-01", "2020-02-29")),
        ("2019-05-03", ("2019-05-03", "2019-05-03")),
        ("2019-W01", ("2018-12-31", "2019-01-06")),
        ("2020-W53", ("2020-12-28", "2021-01-03")),
        ("2019-SP", ("2019-03-01", "2019-05-31")),
        ("2019-SU", ("2019-06-01", "2019-08-31")),
        ("2019-FA", ("2019-09-01", "2019-11-30")),
        ("2019-AU", ("2019-09-01", "2019-11-30")),
        ("2019-WI", ("2019-12-01", "2020-02-29")),
    ],
)
def test_evaluate_gold_interval_shapes(value, expected):
    start, end = gold_interval(value)
    assert (start.isoformat(), end.isoformat()) == expected


@pytest.mark.parametrize("value", ["May 2019", "2019-5", "2019-Q2", "19"])
def test_evaluate_gold_interval_rejects_other_shapes(value):
    with pytest.raises(ValueError):
        gold_interval(value)


@pytest.mark.parametrize(
    ("gold_date", "start", "end", "right"),
    [
        ("2019-05-03", dt.date(2019, 5, 3), dt.date(2019, 5, 3), 1),
        ("2019-05", dt.date(2019, 5, 1), dt.date(2019, 5, 31), 1),
        ("2019-05", dt.date(2019, 5, 3), dt.date(2019, 5, 3), 0),
        ("2019-SU", pd.Timestamp("2019-06-01"), pd.Timestamp("2019-08-31"), 1),
        ("2019-W18", "2019-04-29", "2019-05-05", 1),
        ("2019", None, None, 0),
    ],
)
def test_evaluate_date_accuracy(gold_date, start, end, right):
    golds = gold_docs({**DETENTION, "date": gold_date})
    result = score(
        golds, None, events_frame(pred("detention", "detained", date_start=start, date_end=end))
    )
    assert result.attributes["date"] == (float(right), 1)


# --------------------------------------------------------------------------- attributes


@pytest.mark.parametrize(
    ("gold_attrs", "pred_attrs", "name", "expected"),
    [
        ({"status": "occurred"}, {"status": "occurred"}, "status", (1.0, 1)),
        ({"status": "attempted"}, {"status": "occurred"}, "status", (0.0, 1)),
        ({"status": None}, {"status": "occurred"}, "status", (None, 0)),
        ({"place": ["Osh", "Oš"]}, {"place_name": "Osh", "place_text": None}, "place", (1.0, 1)),
        ({"place": ["osh"]}, {"place_name": None, "place_text": "in Osh"}, "place", (1.0, 1)),
        ({"place": ["Bishkek"]}, {"place_name": "Osh"}, "place", (0.0, 1)),
        ({"perpetrator": "police"}, {"perpetrator": "City Police"}, "perpetrator", (1.0, 1)),
        ({"perpetrator": "police"}, {"perpetrator": None}, "perpetrator", (0.0, 1)),
        ({"victim": "karimov"}, {"victim": "Aziz Karimov"}, "victim", (1.0, 1)),
        ({"victim": "karimov"}, {"victim": ["Aziz Karimov", "Nodir"]}, "victim", (1.0, 1)),
        ({"victim": "narrator"}, {"victim": "narrator"}, "victim", (1.0, 1)),
        ({"victim": "narrator"}, {"victim": "Aziz Karimov"}, "victim", (1.0, 1)),  # author
        ({"victim": "narrator"}, {"victim": "Nodir"}, "victim", (0.0, 1)),
    ],
)
def test_evaluate_attribute_accuracy(gold_attrs, pred_attrs, name, expected):
    golds = gold_docs({**DETENTION, **gold_attrs}, author="Aziz Karimov")
    result = score(golds, None, events_frame(pred("detention", "detained", **pred_attrs)))
    assert result.attributes[name] == expected


def test_evaluate_narrator_without_author_needs_the_word():
    golds = gold_docs({**DETENTION, "victim": "narrator"}, author=None)
    preds = events_frame(pred("detention", "detained", victim="Aziz Karimov"))
    assert score(golds, None, preds).attributes["victim"] == (0.0, 1)


def test_evaluate_attributes_only_over_matched_events():
    golds = gold_docs({**DETENTION, "date": "2019-05-03"}, {**RELEASE, "date": "2019-05"})
    preds = events_frame(pred("detention", "detained", date_start=None, date_end=None))
    assert score(golds, None, preds).attributes["date"] == (0.0, 1)


# --------------------------------------------------------------------------- files


def write_gold(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_load_gold_reads_inline_and_file_texts(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "b.txt").write_text(TEXT, encoding="utf-8")
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            {"doc_id": "a", "text": "Inline.", "published": "2020-01-02", "author": "A. B.",
             "events": [{"event_type": "release", "evidence": "Inline", "place": "Osh"}]},
            {"id": 7, "text_file": "texts/b.txt", "events": [DETENTION]},
        ],
    )  # fmt: skip
    first, second = load_gold(gold)
    assert (first.doc_id, first.text, first.published, first.author) == (
        "a",
        "Inline.",
        dt.date(2020, 1, 2),
        "A. B.",
    )
    assert first.events[0] == GoldEvent("release", ("Inline",), place=("Osh",))
    assert (second.doc_id, second.text, second.published) == ("7", TEXT, None)
    assert second.events[0].evidence == ("Police detained Aziz Karimov in Osh",)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("{not json", InputError),
        ('{"text": "x", "events": []}', InputError),
        ('{"doc_id": "a", "events": []}', InputError),
        ('{"doc_id": "a", "text_file": "missing.txt"}', InputError),
        ('{"doc_id": "a", "text": "x", "events": [{"event_type": "release"}]}', InputError),
    ],
)
def test_evaluate_load_gold_rejects_bad_lines(tmp_path, line, error):
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(error, match="gold.jsonl:1"):
        load_gold(path)


def test_evaluate_load_gold_missing_file(tmp_path):
    with pytest.raises(UsageError):
        load_gold(tmp_path / "nope.jsonl")


def write_outputs(out: Path, documents: pd.DataFrame | None, events: pd.DataFrame, parts=False):
    out.mkdir(parents=True, exist_ok=True)
    if documents is not None:
        documents.to_parquet(out / "documents.parquet")
    if parts:
        (out / "events").mkdir()
        half = len(events) // 2
        events.iloc[:half].to_parquet(out / "events" / "part-0.parquet")
        events.iloc[half:].to_parquet(out / "events" / "part-1.parquet")
    else:
        events.to_parquet(out / "events.parquet")


@pytest.mark.parametrize("parts", [False, True])
def test_evaluate_score_output_dir(tmp_path, parts):
    gold = write_gold(tmp_path / "gold.jsonl", [{"doc_id": "d1", "text": TEXT,
                                                 "events": [DETENTION, SEIZURE]}])  # fmt: skip
    documents = pd.DataFrame({"doc_id": ["d1"], "text": [TEXT]})
    events = events_frame(pred("detention", "detained"), pred("seizure", "took"))
    write_outputs(tmp_path / "out", documents, events, parts)
    result = score_output_dir(gold, tmp_path / "out")
    assert counts(result) == (1, 1, 1, 0)
    assert counts(evaluate(gold, tmp_path / "out", {"detention"})) == (1, 0, 1, 0)


def test_evaluate_score_output_dir_without_events(tmp_path):
    gold = write_gold(tmp_path / "gold.jsonl", [{"doc_id": "d1", "text": TEXT, "events": []}])
    (tmp_path / "out").mkdir()
    with pytest.raises(UsageError, match="no events table"):
        score_output_dir(gold, tmp_path / "out")


def test_evaluate_to_json_rounds_like_the_reference():
    golds = gold_docs(DETENTION, RELEASE, SEIZURE)
    preds = events_frame(pred("detention", "detained", status="occurred"), pred("assault", "took"))
    report = json.loads(score(golds, None, preds).to_json())
    assert (report["precision"], report["recall"], report["f1"]) == (0.5, 0.333, 0.4)
    assert report["attributes"]["status"] == [1.0, 1]
    assert report["attributes"]["date"] == [None, 0]
    assert report["per_type"]["release"] == {
        "tp": 0, "fp": 0, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0,
    }  # fmt: skip
    assert report["misses"][0]["evidence"] == "He was released two days later"
    full = json.loads(score(golds, None, preds).to_json(ndigits=None))
    assert full["recall"] == 1 / 3


def test_evaluate_render_report_shows_types_misses_and_sentences():
    golds = gold_docs(DETENTION, SEIZURE)
    preds = events_frame(pred("detention", "detained"), pred("assault", "He was released"))
    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for renderable in render_report(score(golds, None, preds)):
        console.print(renderable)
    output = console.export_text()
    for expected in ("Per event type", "assault", "seizure", "Missed gold events (1)",
                     "Officers searched his flat and took his laptop.", "Extra predictions (1)",
                     "He was released two days later.", "0.500"):  # fmt: skip
        assert expected in output


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("detained", "Police detained Aziz Karimov in Osh on 3 May 2019."),
        ("laptop", "Officers searched his flat and took his laptop."),
    ],
)
def test_evaluate_sentence_around(needle, expected):
    assert sentence_around(TEXT, *at(needle)) == expected


def test_evaluate_sentence_around_stops_at_paragraphs():
    text = "Heading without stop\n\nThey beat him in the cell. Then"
    assert sentence_around(text, *at("beat", text)) == "They beat him in the cell."
    assert sentence_around(text, *at("Heading", text)) == "Heading without stop"


# --------------------------------------------------------------------------- parity


def load_reference():
    if not REFERENCE.is_file():
        pytest.skip("reference scorer ../shared/eval/score_events.py not available")
    spec = importlib.util.spec_from_file_location("reference_score_events", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT2 = (
    "I was summoned to the prosecutor's office in Minsk in March 2021. "
    "Two men in plain clothes followed me home. "
    "In the spring they tried to put me in a psychiatric clinic, but my lawyer intervened."
)

PARITY_GOLD = [
    {"doc_id": "d1", "text": TEXT, "published": "2019-05-10", "events": [
        {**DETENTION, "date": "2019-05-03", "place": ["Osh"], "perpetrator": "police",
         "victim": "karimov"},
        {**RELEASE, "date": "2019-05-05", "victim": "karimov"},
        {**SEIZURE, "date": "2019-W18", "place": ["Osh"], "perpetrator": "police"},
        gold_event("seizure", "took his laptop", optional=True),
    ]},
    {"doc_id": "d2", "text": TEXT2, "published": "2021-06-01", "author": "Olga Sidorenko",
     "events": [
        gold_event("harassment", "I was summoned to the prosecutor's office",
                   date="2021-03", place=["Minsk"], perpetrator="prosecutor", victim="narrator"),
        gold_event("surveillance", "Two men in plain clothes followed me",
                   perpetrator="men", victim="narrator"),
        gold_event("psychiatric_commitment", "they tried to put me in a psychiatric clinic",
                   status="attempted", date="2021-SP", victim="narrator"),
        gold_event("intervention", "my lawyer  intervened", status="occurred", optional=True),
    ]},
]  # fmt: skip


def d2(event_type: str, needle: str, **attrs: Any) -> dict[str, Any]:
    return pred(event_type, needle, doc_id="d2", text=TEXT2, **attrs)


PARITY_CASES = {
    "perfect": [
        pred("detention", "detained", status="occurred", date_start=dt.date(2019, 5, 3),
             date_end=dt.date(2019, 5, 3), place_name="Osh", perpetrator="police",
             victim="Aziz Karimov"),
        pred("release", "released", status="occurred", date_start=dt.date(2019, 5, 5),
             date_end=dt.date(2019, 5, 5), victim="Aziz Karimov"),
        pred("seizure", "searched", status="occurred", date_start=dt.date(2019, 4, 29),
             date_end=dt.date(2019, 5, 5), place_text="Osh", perpetrator="police"),
        d2("harassment", "summoned", status="occurred", date_start=dt.date(2021, 3, 1),
           date_end=dt.date(2021, 3, 31), place_name="Minsk", perpetrator="prosecutor",
           victim="narrator"),
        d2("surveillance", "followed", status="occurred", perpetrator="two men",
           victim="Olga Sidorenko"),
        d2("psychiatric_commitment", "put me in", status="attempted",
           date_start=dt.date(2021, 3, 1), date_end=dt.date(2021, 5, 31), victim="narrator"),
    ],
    "mixed": [
        pred("detention", "detained", status="occurred", date_start=dt.date(2019, 5, 1),
             date_end=dt.date(2019, 5, 31), place_name="Kyrgyzstan", perpetrator="unknown",
             victim="Karimov"),
        pred("detention", "Police", status="occurred"),
        pred("seizure", "took", status="occurred"),
        pred("seizure", "laptop", status="occurred"),
        pred("assault", "flat", status="occurred"),
        d2("harassment", "prosecutor's office", status="threatened", victim="Ivanov"),
        d2("psychiatric_commitment", "psychiatric clinic", status="occurred",
           date_start=dt.date(2021, 3, 1), date_end=dt.date(2021, 5, 31)),
        d2("intervention", "lawyer", status="occurred"),
        d2("intervention", "intervened", status="occurred"),
        d2("relocation", "home", status="occurred"),
    ],
    "empty": [],
    "wrong_types": [
        pred("release", "detained"),
        pred("detention", "released"),
        d2("surveillance", "summoned"),
    ],
}  # fmt: skip


@pytest.mark.eval
@pytest.mark.parametrize("types", [None, {"detention", "seizure", "surveillance"}])
@pytest.mark.parametrize("case", sorted(PARITY_CASES))
def test_evaluate_parity_with_reference_scorer(tmp_path, case, types):
    reference = load_reference()
    gold = write_gold(tmp_path / "gold.jsonl", PARITY_GOLD)
    documents = pd.DataFrame({"doc_id": ["d1", "d2"], "text": [TEXT, TEXT2]})
    columns = ["doc_id", "event_type", "status", "start_char", "end_char", "date_start",
               "date_end", "place_name", "place_text", "perpetrator", "victim"]  # fmt: skip
    events = pd.DataFrame(PARITY_CASES[case], columns=columns)
    events["start_char"] = events["start_char"].astype("int32")
    events["end_char"] = events["end_char"].astype("int32")
    write_outputs(tmp_path / "out", documents, events)

    expected = reference.score(str(gold), str(tmp_path / "out"), types)
    ours = score_output_dir(gold, tmp_path / "out", types).to_dict()

    for key in ("tp", "fp", "fn", "duplicates", "precision", "recall", "f1"):
        assert ours[key] == expected[key], key
    assert ours["attributes"] == {k: list(v) for k, v in expected["attributes"].items()}
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in ours["per_type"].items()} == {
        k: (v["tp"], v["fp"], v["fn"]) for k, v in expected["per_type"].items()
    }
    assert [m["evidence"][:60] for m in ours["misses"]] == [m[2] for m in expected["misses"]]


@pytest.mark.eval
@pytest.mark.parametrize("every", [1, 2, 3])
def test_evaluate_parity_on_our_gold_file(tmp_path, every):
    """Predictions placed on every n-th evidence (some with wrong attributes or types)."""
    reference = load_reference()
    golds = load_gold(OUR_GOLD)
    rows = []
    for doc in golds:
        for k, ge in enumerate(doc.events):
            if k % every:
                continue
            start, end = find_spans(doc.text, ge.evidence[-1])[0]
            interval = gold_interval(ge.date) if k % 2 else None
            rows.append({
                "doc_id": doc.doc_id, "event_type": ge.event_type if k % 5 else "assault",
                "status": ge.status if k % 3 else "occurred", "start_char": start,
                "end_char": end, "date_start": interval[0] if interval else None,
                "date_end": interval[1] if interval else None,
                "place_name": ge.place[0] if ge.place else None, "place_text": None,
                "perpetrator": ge.perpetrator, "victim": ge.victim if k % 4 else "narrator",
            })  # fmt: skip
    documents = pd.DataFrame({"doc_id": [d.doc_id for d in golds], "text": [d.text for d in golds]})
    write_outputs(tmp_path / "out", documents, pd.DataFrame(rows))
    expected = reference.score(str(OUR_GOLD), str(tmp_path / "out"))
    ours = score_output_dir(OUR_GOLD, tmp_path / "out").to_dict()
    for key in ("tp", "fp", "fn", "duplicates", "precision", "recall", "f1"):
        assert ours[key] == expected[key], key
    assert ours["attributes"] == {k: list(v) for k, v in expected["attributes"].items()}


# --------------------------------------------------------------------------- our gold file

OUR_GOLD = Path(__file__).parents[1] / "data" / "eval" / "gold.jsonl"
EVENT_TYPES = {
    "detention", "drug_test", "psychiatric_commitment", "surveillance", "seizure", "harassment",
    "assault", "charge", "release", "relocation", "intervention",
}  # fmt: skip
STATUSES = {"occurred", "attempted", "threatened", "negated", "hypothetical"}


@pytest.fixture(scope="module")
def our_gold() -> list[GoldDocument]:
    return load_gold(OUR_GOLD)


def test_evaluate_our_gold_covers_the_taxonomy(our_gold):
    required = [e for d in our_gold for e in d.events if not e.optional]
    assert len(our_gold) >= 5
    assert len(required) >= 40
    assert {e.event_type for e in required} == EVENT_TYPES
    assert {e.status for e in required} == STATUSES
    assert {e.event_type for d in our_gold for e in d.events} <= EVENT_TYPES
    assert {e.status for d in our_gold for e in d.events} <= STATUSES


def test_evaluate_our_gold_types_match_the_taxonomy_file():
    taxonomy = Path(__file__).parents[1] / "models" / "tnlp_events" / "taxonomy.json"
    if not taxonomy.is_file():
        pytest.skip("models/tnlp_events/taxonomy.json not present")
    assert set(json.loads(taxonomy.read_text(encoding="utf-8"))["types"]) == EVENT_TYPES


def test_evaluate_our_gold_is_well_formed(our_gold):
    for doc in our_gold:
        assert doc.published is not None, doc.doc_id
        for event in doc.events:
            where = (doc.doc_id, event.id)
            for evidence in event.evidence:
                assert doc.text.find(evidence) >= 0, (*where, evidence)
            interval = gold_interval(event.date)  # raises on an unknown shape
            assert interval is None or interval[0] <= doc.published, where
            for key in (event.perpetrator, event.victim):
                assert key is None or key == key.lower(), where
            assert all(name and name == name.strip() for name in event.place), where
