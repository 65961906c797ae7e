"""Status of event mentions: negation scope, denials, refusals, orders, frustrated purposes,
fears, requests and questions (``events/status.py``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from testimony_nlp.events.status import is_question, negation_scope


@pytest.fixture(scope="module")
def events_nlp():
    """The base model with the events stage only (no time or place stage)."""
    import testimony_nlp.events  # noqa: F401  (registers the factory)
    from testimony_nlp.pipeline import load_base_model

    nlp = load_base_model()
    nlp.add_pipe("tnlp_events", last=True)
    return nlp


def statuses(nlp, text: str, event_type: str) -> list[str]:
    return [e["status"] for e in nlp(text)._.events if e["event_type"] == event_type]


VOCAB = spacy.blank("en").vocab  # English lexical attributes: lower case, punctuation


def parsed(words, heads, deps, tags=None, pos=None) -> Doc:
    n = len(words)
    return Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags or ["NN"] * n,
        pos=pos or ["NOUN"] * n,
        spaces=[True] * (n - 1) + [False],
    )


def test_status_negation_scope_stops_at_a_clause_with_its_own_subject():
    # "nobody touched them but father was questioned": the second clause is not negated
    words = ["nobody", "touched", "them", "but", "father", "was", "questioned"]
    heads = [1, 1, 1, 1, 6, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "cc", "nsubjpass", "auxpass", "conj"]
    pos = ["PRON", "VERB", "PRON", "CCONJ", "NOUN", "AUX", "VERB"]
    doc = parsed(words, heads, deps, pos=pos)
    assert [t.text for t in negation_scope([doc[6], doc[1]])] == ["questioned"]


def test_status_negation_scope_stops_at_an_adjunct_of_cause():
    # "could not cross because of the ban": the ban is not negated
    words = ["I", "could", "not", "cross", "because", "of", "the", "ban"]
    heads = [3, 3, 3, 3, 3, 4, 7, 5]
    deps = ["nsubj", "aux", "neg", "ROOT", "prep", "pcomp", "det", "pobj"]
    doc = parsed(words, heads, deps)
    chain = [doc[7], doc[5], doc[4], doc[3]]
    assert [t.text for t in negation_scope(chain)] == ["ban", "of"]


@pytest.mark.parametrize(
    ("words", "question"),
    [
        (["Were", "you", "detained", "?"], True),
        (["Q", ":", "Did", "they", "search", "?"], True),
        (["Why", "did", "they", "arrest", "you", "?"], True),  # asks; the answer tells
        (["They", "arrested", "me", "."], False),
    ],
)
def test_status_questions(words, question):
    n = len(words)
    pos = ["AUX" if w in ("Were", "Did", "did") else "PRON" for w in words]
    doc = parsed(words, [0] * n, ["ROOT"] + ["dep"] * (n - 1), pos=pos)
    assert is_question(doc[len(words) - 2]) is question


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        ("They did not touch my children.", "assault", "negated"),
        ("Nobody beat me.", "assault", "negated"),
        ("No one from our group was arrested.", "detention", "negated"),
        ("The sentence has not been carried out.", "charge", "negated"),
        ("The authorities refused to release him.", "release", "negated"),
        ("Police denied that any protesters were beaten.", "assault", "negated"),
        ("Officers came to arrest him, but he was not at home.", "detention", "attempted"),
        ("She was afraid of being arrested.", "detention", "hypothetical"),
        ("The court ruled that he should undergo psychiatric treatment.",
         "psychiatric_commitment", "occurred"),
        ("They told me that if I kept talking I would be sent to prison.", "detention",
         "threatened"),
        ("Nobody has touched them, but my father was questioned again.", "harassment",
         "occurred"),
        ("I could not work because of the constant threats against me.", "harassment", "occurred"),
        ("The police have not opened any case, but the inspector comes round every week.",
         "surveillance", "occurred"),
        # a clause wished or asked for, infinitive or subjunctive, is not told as fact
        ("The villagers demanded that the driver be arrested.", "detention", "hypothetical"),
        ("Her family wants the officers to be charged.", "charge", "hypothetical"),
        ("She hoped that her brother had been released.", "release", "occurred"),
        # a move into a prison is a detention, here a spoken threat of one
        ("He said that next time I would go to Evin.", "detention", "threatened"),
        # pressure told as what will befall someone
        ("They told her that they would deal with her son if she kept talking.", "harassment",
         "threatened"),
        ("The officer warned him that his relatives would answer for his posts.", "harassment",
         "threatened"),
    ],
)  # fmt: skip
def test_status_of_first_event(events_nlp, text, event_type, status):
    assert statuses(events_nlp, text, event_type)[:1] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "I want my brother to be released.",  # wished for
        "His lawyer filed a motion asking that Mr Sadykov be released on bail.",
        "4. Release on bail.",  # an item of a list of demands
        "- Release Dilshod Umarov and all other detained bloggers.",
    ],
)
def test_status_asked_for_releases_are_no_events(events_nlp, text):
    assert statuses(events_nlp, text, "release") == []


def test_status_coordinated_events_of_opposite_polarity_stay_two(events_nlp):
    text = "He was pushed and insulted but was not beaten."
    assert sorted(statuses(events_nlp, text, "assault")) == ["negated", "occurred"]
