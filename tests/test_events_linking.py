"""Date and place linking of events: clause, sentence, narrative context, anchoring."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from testimony_nlp.events.linking import DateValue, anchor_relative


@pytest.fixture(scope="module")
def events_nlp():
    import testimony_nlp.events  # noqa: F401
    from testimony_nlp.pipeline import load_base_model

    nlp = load_base_model()
    nlp.add_pipe("tnlp_events", last=True)
    return nlp


def run(nlp, text: str, dates: dict[str, tuple[str, str, str]], ttype: str = "DATE"):
    """Run with hand-made timex spans: {surface text: (start, end, precision)}."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "tnlp_events":
            spans = []
            for surface, (start, end, precision) in dates.items():
                i = text.index(surface)
                span = doc.char_span(i, i + len(surface), label=ttype)
                span._.timex_type, span._.date_start = ttype, start
                span._.date_end, span._.date_precision = end, precision
                span._.timex = start[:7]
                spans.append(span)
            doc.spans["timex"] = spans
        doc = proc(doc)
    return [(e["event_type"], e["date_start"], e["date_source"]) for e in doc._.events]


MAY = ("2015-05-01", "2015-05-31", "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence's own date
        ("In May police detained me.", [("detention", "2015-05-01", "sentence")]),
        # a later sentence continues the narrative
        (
            "In May police detained me. They searched my flat.",
            [("detention", "2015-05-01", "sentence"), ("seizure", "2015-05-01", "context")],
        ),
        # a present-tense general sentence does not inherit
        (
            "In May police detained me. Police search flats of journalists.",
            [("detention", "2015-05-01", "sentence")],
        ),
        # a new paragraph with its own date opens a new time frame before that date
        (
            "In May police detained me.\n\nPolice followed me. In July they searched my flat.",
            [
                ("detention", "2015-05-01", "sentence"),
                ("surveillance", None, "none"),
                ("seizure", "2015-07-01", "sentence"),
            ],
        ),
        # a paragraph without dates continues the story
        (
            "In May police detained me.\n\nThey beat me.",
            [("detention", "2015-05-01", "sentence"), ("assault", "2015-05-01", "context")],
        ),
        # a date inside an "after ..." phrase does not date the main clause, nor the reverse
        (
            "After a period in which I was harassed, police arrested me in May.",
            [("harassment", None, "none"), ("detention", "2015-05-01", "sentence")],
        ),
        # iterative events are not dated from context
        (
            "In May police detained me. Police repeatedly harassed me.",
            [("detention", "2015-05-01", "sentence"), ("harassment", None, "none")],
        ),
    ],
)
def test_events_date_linking(events_nlp, text, expected):
    dates = {"May": MAY}
    if "July" in text:
        dates["July"] = ("2015-07-01", "2015-07-31", "month")
    assert run(events_nlp, text, dates) == expected


def test_events_durations_do_not_date_events(events_nlp):
    text = "Police detained me for three days."
    assert run(
        events_nlp, text, {"three days": ("2015-01-01", "2015-01-03", "day")}, "DURATION"
    ) == [("detention", None, "none")]


def test_events_relative_expression_anchors_on_previous_event(events_nlp):
    text = "On 3 May police detained me. Two days later they released me."
    dates = {
        "3 May": ("2015-05-03", "2015-05-03", "day"),
        "Two days later": ("2015-12-02", "2015-12-02", "day"),
    }
    assert run(events_nlp, text, dates) == [
        ("detention", "2015-05-03", "sentence"),
        ("release", "2015-05-05", "sentence"),
    ]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("two days later", ("2015-05-03", "day"), ("2015-05-05", "2015-05-05", "day")),
        ("the next day", ("2015-05-31", "day"), ("2015-06-01", "2015-06-01", "day")),
        ("that evening", ("2015-05-03", "day"), ("2015-05-03", "2015-05-03", "day")),
        ("a month later", ("2015-12-01", "month"), ("2016-01-01", "2016-01-31", "month")),
        ("two days later", ("2015-05-01", "month"), None),
        ("last year", ("2015-05-03", "day"), None),
    ],
)
def test_events_anchor_relative_fallback(text, anchor, expected):
    value = anchor_relative(text, DateValue(None, anchor[0], anchor[0], anchor[1], "sentence"))
    got = None if value is None else (value.start, value.end, value.precision)
    assert got == expected


def test_events_place_from_clause_and_geo(events_nlp):
    doc = events_nlp.make_doc("Police detained me in Taraz.")
    for name, proc in events_nlp.pipeline:
        doc = proc(doc) if name != "tnlp_events" else doc
    ent = next(e for e in doc.ents if e.text == "Taraz")
    ent._.geo = {
        "place_name": "Taraz",
        "country_code": "KZ",
        "latitude": 42.9,
        "longitude": 71.4,
        "geo_precision": 3,
    }
    assert Span.has_extension("geo")
    doc = events_nlp.get_pipe("tnlp_events")(doc)
    event = doc._.events[0]
    assert (event["place_text"], event["place_name"], event["country_code"]) == (
        "Taraz",
        "Taraz",
        "KZ",
    )
