"""Detection of temporal expressions: Matcher patterns and TimeML extent corrections."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from testimony_nlp.temporal.component import TimeNormalizer
from testimony_nlp.temporal.detect import candidates, default_patterns, expand_first_token


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def component(nlp):
    return TimeNormalizer(nlp)


def _detect(nlp, component, text, ents=()):
    doc = nlp.make_doc(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    return [
        (c.span.text, c.text) for c in candidates(doc, component.matcher, component._understood)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We have no news now.", [("now", "now")]),
        ("Rallies are held daily in the square.", [("daily", "daily")]),
        ("Lawyers met over the weekend.", [("weekend", "the weekend")]),
        ("They called every Monday.", [("every Monday", "every Monday")]),
        ("After a 16-hour flight she slept.", [("16-hour", "16-hour")]),
        ("He was found on Thanksgiving Day.", [("Thanksgiving Day", "Thanksgiving Day")]),
        ("Two days later he was freed.", [("Two days later", "Two days later")]),
        ("The blast came at 10:35 a.m. near the port.", [("10:35 a.m.", "10:35 a.m.")]),
        ("It happened in the past.", [("past", "the past")]),
        ("They earn $1 billion a year.", [("a year", "per year")]),
        ("That would be a second defeat.", []),
        ("A 44-year-old man was held.", []),
        ("He said it in May 2014.", [("May 2014", "May 2014")]),
        # day before month, and a part of a day with its date (the NER misses both at times)
        ("He was detained on 12 May 2020 in Minsk.", [("12 May 2020", "12 May 2020")]),
        (
            "They came on the night of 9 February.",
            [("night of 9 February", "the night of 9 February")],
        ),
        (
            "On the morning of March 3, 2020 they searched the flat.",
            [("morning of March 3, 2020", "the morning of March 3, 2020")],
        ),
    ],
)
def test_time_detect_patterns(nlp, component, text, expected):
    assert _detect(nlp, component, text) == expected


@pytest.mark.parametrize(
    ("text", "ent", "expected"),
    [
        (
            "It ran from May to July 2014 in the city.",
            "from May to July 2014",
            [("May", "May 2014"), ("July 2014", "July 2014")],
        ),
        (
            "The summit is on April 24 and 25 in Rome.",
            "April 24 and 25",
            [("April 24", "April 24"), ("25", "April 25")],
        ),
        (
            "He was arrested between 1994 and 1997 twice.",
            "between 1994 and 1997",
            [("1994", "1994"), ("1997", "1997")],
        ),
        ("It ran in 1994, 1995 and 1997 too.", "1994, 1995 and 1997",
         [("1994", "1994"), ("1995", "1995"), ("1997", "1997")]),
        ("The editorial of Monday, Oct. 26 said so.", "Monday, Oct. 26",
         [("Monday, Oct. 26", "Monday, Oct. 26")]),
        ("It lasted for two and a half years.", "two and a half years",
         [("two and a half years", "two and a half years")]),
        ("He came back the next morning.", "the next morning",
         [("next morning", "the next morning")]),
    ],
)  # fmt: skip
def test_time_detect_extents_follow_timeml(nlp, component, text, ent, expected):
    assert _detect(nlp, component, text, [(ent, "DATE")]) == expected


def test_time_detect_entity_wins_tie_with_pattern(nlp, component):
    # the NER's "July 1997" and the pattern "in July" are both two tokens long
    found = _detect(nlp, component, "They met in July 1997 in Madrid.", [("July 1997", "DATE")])
    assert found == [("July 1997", "July 1997")]


def test_time_detect_clock_joins_following_date(nlp, component):
    found = _detect(
        nlp,
        component,
        "The deadline is 9 a.m. EST Tuesday for them.",
        [("9 a.m.", "TIME"), ("Tuesday", "DATE")],
    )
    assert found == [("9 a.m. EST Tuesday", "9 a.m. EST Tuesday")]


def test_time_detect_skips_ages(nlp, component):
    found = _detect(
        nlp, component, "Kopp, 44, was seen in his 30s.", [("44", "DATE"), ("30s", "DATE")]
    )
    assert found == []


def test_time_detect_expand_first_token():
    pattern = [{"LOWER": {"IN": ["last", "next"]}, "OP": "?"}, {"LOWER": "week"}]
    assert expand_first_token(pattern) == [
        [{"LOWER": "week"}],
        [{"LOWER": "last"}, {"LOWER": "week"}],
        [{"LOWER": "next"}, {"LOWER": "week"}],
    ]


def test_time_detect_patterns_are_json_plain():
    import json

    patterns = default_patterns()
    assert json.loads(json.dumps(patterns)) == patterns
    assert {p["label"] for p in patterns} <= {"DATE", "TIME", "DURATION", "SET", "FREQ"}


def test_time_detect_span_labels_are_hints(nlp, component):
    doc = nlp.make_doc("They rallied daily.")
    found = candidates(doc, component.matcher, component._understood)
    assert [(c.span.text, c.label) for c in found] == [("daily", "SET")]
    assert isinstance(found[0].span, Span)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # time words capitalised mid-sentence belong to a title or a name
        ("She spoke on CBS's ''60 Minutes'' again.", [], []),
        ("They watched High Noon again.", [], []),
        ("For the country, high noon has come.", [], []),
        ("He said that Today Show hosts agreed.", [], []),
        # ... but not at the start of a sentence or a quotation, nor in a headline
        ("Today is a sad day.", [], [("Today", "Today")]),
        ("``Today we fight,'' he said.", [], [("Today", "Today")]),
        ("THE TALKS RESUME TODAY AFTER A LONG PAUSE", [], [("TODAY", "TODAY")]),
        ("Talks Resume Today After Long Pause", [], [("Today", "Today")]),
        # "March" and "May" need a date context
        ("Protesters joined the March for Life.", [("March", "DATE")], []),
        ("Hope may March on.", [("March", "DATE")], []),
        ("The March accession was approved.", [("March", "DATE")], [("March", "March")]),
        ("He left in May.", [("May", "DATE")], [("May", "May")]),
        ("It is due around March, officials say.", [("March", "DATE")], [("March", "March")]),
        ("March's vote was close.", [("March", "DATE")], [("March", "March")]),
        ("It was May 8 again.", [("May 8", "DATE")], [("May 8", "May 8")]),
        ("Votes in March and May decided.", [("March", "DATE"), ("May", "DATE")],
         [("March", "March"), ("May", "May")]),
        # the NER labels a part of day apart from its weekday; one TIMEX3
        ("They began early Friday morning.", [("early Friday", "DATE"), ("morning", "TIME")],
         [("early Friday morning", "early Friday morning")]),
        # a relative day anchored on a written date is one TIMEX3, without the possessive
        ("The day before last Tuesday's hearing he left.", [("last Tuesday's", "DATE")],
         [("day before last Tuesday", "The day before last Tuesday")]),
    ],
)  # fmt: skip
def test_time_detect_names_months_and_joins(nlp, component, text, ents, expected):
    assert _detect(nlp, component, text, ents) == expected
