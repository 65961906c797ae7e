"""The indexed attribute ruler sets exactly what spaCy's AttributeRuler sets, with its rules."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from testimony_nlp.attribute_index import IndexedAttributeRuler, index_attribute_ruler
from testimony_nlp.pipeline import load_base_model

WORDS = ["They", "ai", "n't", "gon", "na", "detain", "nothin'", "y'", "all", "there", "is", " "]
TAGS = ["PRP", "VBP", "RB", "VBG", "TO", "VB", "NN", "PRP", "DT", "EX", "VBZ", "_SP"]
DEPS = [
    "nsubj",
    "aux",
    "neg",
    "aux",
    "aux",
    "ROOT",
    "dobj",
    "nsubj",
    "appos",
    "expl",
    "ccomp",
    "dep",
]
HEADS = [5, 5, 5, 5, 5, 5, 5, 8, 6, 10, 5, 10]

RULES = [
    # one token, equality, several rules on one tag: the later rule wins
    ({"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB", "MORPH": "VerbForm=Inf"}}, [5]),
    ({"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "AUX"}}, [5]),
    # one token, IN on lower form and tag together
    (
        {"patterns": [[{"LOWER": {"IN": ["they", "all"]}, "TAG": "PRP"}]], "attrs": {"LEMMA": "x"}},
        [0],
    ),
    # NOT_IN beside a positive check
    (
        {
            "patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]],
            "attrs": {"POS": "AUX"},
        },
        [1, 3],
    ),
    # a regex on the first token (tried at every token)
    ({"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}}, [6]),
    # several tokens, index into the match, a regex on a later token
    (
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
        [4],
    ),
    (
        {
            "patterns": [[{"TAG": {"IN": ["VBP"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
            "attrs": {"LEMMA": "be"},
        },
        [1],
    ),
    (
        {
            "patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
            "attrs": {"LEMMA": "you"},
        },
        [7],
    ),
    (
        {
            "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]],
            "attrs": {"POS": "VERB"},
            "index": -1,
        },
        [10],
    ),
    # booleans
    (
        {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"POS": "SPACE"}},
        [11],
    ),
    # what only a Matcher runs: an operator
    (
        {
            "patterns": [[{"TAG": "PRP"}, {"TAG": "VBP", "OP": "?"}, {"LOWER": "n't"}]],
            "attrs": {"LEMMA": "not"},
            "index": -1,
        },
        [2],
    ),
]


def hand_doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, spaces=[True] * len(WORDS), tags=TAGS, deps=DEPS, heads=HEADS)


def annotations(doc: Doc) -> list[list[int]]:
    return doc.to_array([POS, MORPH, LEMMA, TAG]).tolist()


def rulers(rules: list[dict]) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    vocab = English().vocab
    reference, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    reference.add_patterns(rules)
    indexed.add_patterns(rules)
    return reference, indexed


@pytest.mark.parametrize("rule, tokens", RULES)
def test_attribute_index_matches_each_kind_of_rule_as_spacy(rule, tokens):
    reference, indexed = rulers([rule])
    doc = hand_doc(reference.vocab)
    expected = sorted(
        {
            (start if rule.get("index", 0) == 0 else end - 1)
            for _, _, start, end in reference.match(doc)
        }
    )
    assert expected == tokens  # the hand-made Doc exercises the rule
    assert sorted(set(indexed.match(doc))) == sorted(set(reference.match(doc)))


def test_attribute_index_sets_what_spacy_sets_with_all_rules_together():
    rules = [rule for rule, _ in RULES]
    reference, indexed = rulers(rules)
    expected = annotations(reference(hand_doc(reference.vocab)))
    assert annotations(indexed(hand_doc(indexed.vocab))) == expected
    assert indexed.patterns == reference.patterns


def test_attribute_index_round_trips_its_rules():
    rules = [rule for rule, _ in RULES]
    _, indexed = rulers(rules)
    loaded = IndexedAttributeRuler(indexed.vocab).from_bytes(indexed.to_bytes())
    doc = hand_doc(indexed.vocab)
    assert loaded.patterns == indexed.patterns
    assert loaded.match(doc) == indexed.match(doc)


def test_attribute_index_applies_rules_added_after_matching():
    first, second = RULES[0][0], RULES[1][0]
    _, indexed = rulers([first])
    doc = hand_doc(indexed.vocab)
    assert [rule for rule, *_ in indexed.match(doc)] == [0]
    indexed.add_patterns([second])
    assert [rule for rule, *_ in indexed.match(doc)] == [0, 1]


TEXTS = [
    "There were three officers at the door; they weren't gonna let us go, y'all know that.",
    "On 3 May the KNB detained him in Almaty and took his phone.  Nothin' was returned.",
    "She said police had beaten her.\n\nHe was placed in a psychiatric clinic against his will.",
]


@pytest.fixture(scope="module")
def indexed_nlp():
    nlp = load_base_model()
    index_attribute_ruler(nlp)
    return nlp


@pytest.mark.parametrize("text", TEXTS)
def test_attribute_index_equals_the_base_models_ruler(base_nlp, indexed_nlp, text):
    assert type(base_nlp.get_pipe("attribute_ruler")) is AttributeRuler
    assert type(indexed_nlp.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert annotations(indexed_nlp(text)) == annotations(base_nlp(text))


def test_attribute_index_leaves_a_pipeline_without_ruler_alone():
    nlp = English()
    index_attribute_ruler(nlp)
    assert nlp.pipe_names == []
