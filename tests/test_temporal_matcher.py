"""The time stage's bucketed Matcher finds exactly what one Matcher of every pattern finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from testimony_nlp.temporal.detect import (
    TriggeredMatcher,
    _windows,
    default_patterns,
    expand_first_token,
)

TEXTS = [
    "He was arrested on May 8, 2014, at 9 a.m. and held for three days until Tuesday.",
    "The court met twice a week, 3 times a year, every other Monday morning since 1998.",
    "In the past, the 44-year-old said, they called now and then, earlier that day.",
    "Between 1994 and 1997 she lived in Almaty; from May to July 2014 in Bishkek.",
    "a few years ago the next day, the day before, last weekend, at noon, 10pm, 7:30 p.m.",
    "Reports came in mid-2010s and post-2001; $1 billion a year; interviews a week later.",
    "",
    "No dates here at all, just words.",
]


def _reference_spans(vocab, doc) -> list[tuple[str, int, int]]:
    """The matches of one spaCy Matcher holding every pattern, run on the same windows."""
    matcher = Matcher(vocab)
    by_label: dict[str, list[list[dict]]] = {}
    for entry in default_patterns():
        for pattern in expand_first_token(entry["pattern"]):
            by_label.setdefault(entry["label"], []).append(pattern)
    for label, group in by_label.items():
        matcher.add(label, group, greedy="LONGEST")
    triggered = TriggeredMatcher(vocab, default_patterns())
    hits = [
        t.i
        for t in doc
        if t.like_num
        or vocab.strings[t.lower_] in triggered._words
        or vocab.strings[t.shape_] in triggered._shapes
    ]
    spans = []
    for start, end in _windows(hits, len(doc), TriggeredMatcher.WINDOW):
        spans.extend(matcher(doc[start:end], as_spans=True))
    return [(s.label_, s.start, s.end) for s in spans]


@pytest.mark.parametrize("text", TEXTS)
def test_temporal_bucketed_matcher_equals_one_matcher(text: str) -> None:
    nlp = spacy.blank("en")
    doc = nlp(text)
    found = TriggeredMatcher(nlp.vocab, default_patterns())(doc)
    assert [(s.label_, s.start, s.end) for s in found] == _reference_spans(nlp.vocab, doc)
