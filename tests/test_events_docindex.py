"""Per-Doc lookups of the events stage give what spaCy gives, for the Doc asked about."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from testimony_nlp.events.docindex import forget, kids

WORDS = ["Police", "detained", "the", "journalist", "and", "seized", "his", "phone", "."]
HEADS = [1, 1, 3, 1, 1, 1, 7, 5, 1]
DEPS = ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "poss", "dobj", "punct"]


def tree_doc(vocab: Vocab, words: list[str] = WORDS) -> Doc:
    return Doc(vocab, words=words, heads=HEADS[: len(words)], deps=DEPS[: len(words)])


@pytest.mark.parametrize(
    "i, expected", [(1, [0, 3, 4, 5, 8]), (3, [2]), (5, [7]), (7, [6]), (0, [])]
)
def test_events_docindex_kids_are_the_children(i, expected):
    doc = tree_doc(Vocab())
    assert [t.i for t in kids(doc[i])] == expected == [t.i for t in doc[i].children]


def test_events_docindex_kids_follow_the_doc_asked_about():
    vocab = Vocab()
    first, second = (
        tree_doc(vocab),
        Doc(vocab, words=["Nobody", "came"], heads=[1, 1], deps=["nsubj", "ROOT"]),
    )
    assert [t.i for t in kids(first[1])] == [0, 3, 4, 5, 8]
    assert [t.text for t in kids(second[1])] == ["Nobody"]
    assert [t.doc for t in kids(first[1])] == [first] * 5
    forget(first)
    assert [t.i for t in kids(first[5])] == [7]
