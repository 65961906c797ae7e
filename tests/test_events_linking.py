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
    # linking is under test: the learned verifier's judgement of each row is not
    nlp.add_pipe("tnlp_events", last=True, config={"verify": False})
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
                span._.timex = start[:7] if start else None
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
        # background told in the present, with a date of its own, does not stop the story
        (
            "In May police detained me.\n\nSince July the law has been used against"
            " journalists.\n\nThey beat me.",
            [("detention", "2015-05-01", "sentence"), ("assault", "2015-05-01", "context")],
        ),
        # a paragraph that tells a new date in the past starts a new time frame
        (
            "In May police detained me.\n\nThey beat me. In July they searched my flat.",
            [
                ("detention", "2015-05-01", "sentence"),
                ("assault", None, "none"),
                ("seizure", "2015-07-01", "sentence"),
            ],
        ),
        # a date inside an "after ..." phrase does not date the main clause, nor the reverse
        (
            "After weeks in which I was harassed, police arrested me in May.",
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
        # a lapse of days within a month- or season-dated episode stays in that episode
        ("two days later", ("2015-05-01", "month"), ("2015-05-01", "2015-05-01", "month")),
        ("the next day", ("2015-06-01", "season"), ("2015-06-01", "2015-06-01", "season")),
        # weeks are approximate: the month they land in
        ("two weeks later", ("2015-05-25", "day"), ("2015-06-01", "2015-06-30", "month")),
        ("a week later", ("2015-05-03", "day"), ("2015-05-10", "2015-05-10", "day")),
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


SPRING = ("2019-03-01", "2019-05-31", "season")


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # "two days later" with no dated event before it: from the story's time
        (
            "In the spring of 2019 I filmed a building site. Two days later police detained me.",
            {"spring of 2019": SPRING, "Two days later": ("2019-12-02", "2019-12-02", "day")},
            [("detention", "2019-03-01", "sentence")],
        ),
        # one "next day" for the whole sentence, not one step per event
        (
            "On 3 May police detained me. The next day a court fined me and they released me.",
            {
                "3 May": ("2015-05-03", "2015-05-03", "day"),
                "The next day": ("2015-12-02", "2015-12-02", "day"),
            },
            [
                ("detention", "2015-05-03", "sentence"),
                ("charge", "2015-05-04", "sentence"),
                ("release", "2015-05-04", "sentence"),
            ],
        ),
        # a time of day without a date neither dates an event nor blocks the story's date
        (
            "On 3 May police detained me. They beat me all night.",
            {"3 May": ("2015-05-03", "2015-05-03", "day"), "all night": (None, None, None)},
            [("detention", "2015-05-03", "sentence"), ("assault", "2015-05-03", "context")],
        ),
        # a month without a year follows the story's year, not the publication's
        (
            "On 14 March 2018 I was released.\n\nIn May police detained me again.",
            {
                "14 March 2018": ("2018-03-14", "2018-03-14", "day"),
                "May": ("2019-05-01", "2019-05-31", "month"),
            },
            [("release", "2018-03-14", "sentence"), ("detention", "2018-05-01", "sentence")],
        ),
        # ... but a year told as background does not move a later news month
        (
            "He fled in 2019.\n\nIn July police detained him in Istanbul.",
            {
                "2019": ("2019-01-01", "2019-12-31", "year"),
                "July": ("2024-07-01", "2024-07-31", "month"),
            },
            [("relocation", "2019-01-01", "sentence"), ("detention", "2024-07-01", "sentence")],
        ),
    ],
)
def test_events_narrative_dates(events_nlp, text, dates, expected):
    assert run(events_nlp, text, dates) == expected


def places_of(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    from testimony_nlp.pipeline import make_doc
    from testimony_nlp.records import DocumentRecord

    doc = nlp(make_doc(nlp, DocumentRecord(doc_id="t", source="test", text=text)))
    return [(e["event_type"], e["place_name"], e["place_text"]) for e in doc._.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event told without a place happened in the document's town
        (
            "I am a journalist in Taraz.\n\nIn May police detained me.",
            [("detention", "Taraz", "Taraz")],
        ),
        # a district or a building stands for its town, keeping its own name
        (
            "I live in Taraz.\n\nPolice took me to the Central district police station and "
            "questioned me.",
            [("detention", "Taraz", "Central district, Taraz")],  # the questioning is its part
        ),
        # "from X" and "through X" say less about where the story is than "in X"
        (
            "A friend from Almaty wrote to me. In Taraz that is dangerous.\n\n"
            "Later police detained me.",
            [("detention", "Taraz", "Taraz")],
        ),
        # a sentence set in one town moves the paragraph there, though it tells no event
        (
            "I have lived in Istanbul since 2019.\n\nMy family stayed in Kulob. In January "
            "officers searched the family house.",
            [("seizure", "Kŭlob", "Kulob")],
        ),
        # a move ends at its destination; both ends are told
        (
            "In April I left Kazakhstan. I now live in Vilnius.",
            [("relocation", "Vilnius", "Kazakhstan → Vilnius")],
        ),
    ],
)
def test_events_places_town_level(nlp, text, expected):
    assert [p for p in places_of(nlp, text) if p[0] == expected[0][0]] == expected


def test_events_headline_is_one_event_with_the_lead(nlp):
    from testimony_nlp.pipeline import make_doc
    from testimony_nlp.records import DocumentRecord

    text = "BLOGGER DETAINED IN OSH\n\nPolice detained blogger Aibek Sadykov on 3 May 2021."
    doc = nlp(make_doc(nlp, DocumentRecord(doc_id="t", source="test", text=text)))
    got = [(e["trigger"], e["date_start"], e["date_source"]) for e in doc._.events]
    assert got == [("detained blogger Aibek Sadykov", "2021-05-03", "sentence")]


def test_events_headline_of_a_later_incident_takes_the_lead_events_date(nlp):
    from testimony_nlp.pipeline import make_doc
    from testimony_nlp.records import DocumentRecord

    text = "BLOGGER RE-ARRESTED IN OSH\n\nPolice detained blogger Aibek Sadykov on 3 May 2021."
    doc = nlp(make_doc(nlp, DocumentRecord(doc_id="t", source="test", text=text)))
    got = [(e["trigger"], e["date_start"], e["date_source"]) for e in doc._.events]
    assert got == [
        ("ARRESTED", "2021-05-03", "context"),
        ("detained blogger Aibek Sadykov", "2021-05-03", "sentence"),
    ]
