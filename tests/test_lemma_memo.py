"""The memoising lemmatizer sets exactly the lemmas spaCy's English lemmatizer sets."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA
from spacy.lang.en.lemmatizer import EnglishLemmatizer

from testimony_nlp.lemma_memo import MemoLemmatizer, memoise_lemmatizer
from testimony_nlp.pipeline import load_base_model

TEXTS = [
    "They weren't gonna let us go; the officers had detained three of my colleagues.",
    "She was forcibly placed in a psychiatric clinic, and her lawyers were denied access.",
    "Searches, seizures and beatings: the men searched the flats and seized laptops.",
    "",
]


@pytest.fixture(scope="module")
def memo_nlp():
    nlp = load_base_model()
    memoise_lemmatizer(nlp)
    return nlp


def lemmas(doc) -> list[str]:
    return [token.lemma_ for token in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_lemma_memo_equals_the_base_models_lemmatizer(base_nlp, memo_nlp, text):
    assert type(base_nlp.get_pipe("lemmatizer")) is EnglishLemmatizer
    assert type(memo_nlp.get_pipe("lemmatizer")) is MemoLemmatizer
    assert lemmas(memo_nlp(text)) == lemmas(base_nlp(text))


def test_lemma_memo_gives_the_same_lemmas_when_it_remembers_them(memo_nlp):
    text = TEXTS[0] + " " + TEXTS[0]
    first = lemmas(memo_nlp(text))
    assert lemmas(memo_nlp(text)) == first
    assert first[:3] == ["they", "be", "not"]


@pytest.mark.parametrize("overwrite, expected", [(False, "held"), (True, "detain")])
def test_lemma_memo_overwrites_earlier_lemmas_only_when_told(base_nlp, overwrite, expected):
    reference = base_nlp.get_pipe("lemmatizer")
    memo = MemoLemmatizer(base_nlp.vocab, None, "lemmatizer", mode="rule", overwrite=overwrite)
    memo.lookups = reference.lookups
    with base_nlp.select_pipes(disable=["lemmatizer"]):
        doc = base_nlp("Police detained him.")
    doc[1].lemma_ = "held"
    assert lemmas(memo(doc))[1] == expected
    assert doc.to_array([LEMMA])[0] != 0


def test_lemma_memo_leaves_a_pipeline_without_lemmatizer_alone():
    nlp = load_base_model()
    nlp.remove_pipe("lemmatizer")
    memoise_lemmatizer(nlp)
    assert "lemmatizer" not in nlp.pipe_names
