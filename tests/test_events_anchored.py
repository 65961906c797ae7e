"""The anchored matcher finds exactly what spaCy's DependencyMatcher finds, far faster."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from testimony_nlp.assets import models_dir
from testimony_nlp.events.anchored import AnchoredDependencyMatcher, compile_pattern
from testimony_nlp.events.patterns import load_pattern_data, parse_patterns

SENTENCES = [
    "Officers arrested the reporter at a bus stop and took him to a narcology clinic.",
    "She was forcibly placed in a psychiatric clinic after officers searched her flat.",
    "Lawyers attended the hearing and appealed against the sentence on her behalf.",
    "Unknown men followed him for weeks, tapped his phone and threatened his family.",
    "The court fined three activists, and two of them fled the country in June.",
    "If they arrest me again, I will lose my job.",
    "In August 2021 I left, and in 2022 my brother fled through Russia.",
]


@pytest.fixture(scope="module")
def matchers(base_nlp):
    specs = parse_patterns(load_pattern_data(models_dir() / "tnlp_events"))
    reference, anchored = (
        DependencyMatcher(base_nlp.vocab),
        AnchoredDependencyMatcher(base_nlp.vocab),
    )
    for spec in specs:
        reference.add(spec.id, [spec.pattern])
        anchored.add(spec.id, [spec.pattern])
    return reference, anchored


@pytest.mark.parametrize("sentence", SENTENCES)
def test_events_anchored_matches_equal_spacy(base_nlp, matchers, sentence):
    reference, anchored = matchers
    doc = base_nlp(sentence)
    expected = sorted((m, tuple(ids)) for m, ids in reference(doc))
    assert expected, "each sentence should fire at least one trigger pattern"
    assert sorted((m, tuple(ids)) for m, ids in anchored(doc)) == expected


@pytest.mark.parametrize(
    "pattern, message",
    [
        ([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LENGTH": 3}}], "unsupported attribute"),
        ([{"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": {"NOT_IN": ["x"]}}}], "unsupported predicate"),
        (
            [
                {"RIGHT_ID": "t", "RIGHT_ATTRS": {"LEMMA": "detain"}},
                {"LEFT_ID": "t", "REL_OP": ".", "RIGHT_ID": "n", "RIGHT_ATTRS": {}},
            ],
            "unsupported operator",
        ),
    ],
)
def test_events_anchored_refuses_what_it_cannot_match(pattern, message):
    with pytest.raises(ValueError, match=message):
        compile_pattern(pattern)
