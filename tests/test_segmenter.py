"""Sentence starts after paragraph breaks and headings, not inside wrapped lines."""

from __future__ import annotations

import pytest
import spacy

from testimony_nlp.segmenter import ParagraphSegmenter


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en")


@pytest.mark.parametrize(
    "text, first_words",
    [
        ("Arrest of an editor\n\nPolice detained him.", ["Police"]),
        ("5. Verdict\nOn 20 September the court sentenced him.", ["On"]),
        ("DETENTION EXTENDED\nA court in Baku kept the journalist in custody.", ["A"]),
        ("Q: When did the threats start?\nA: In March.", ["A"]),
        (
            "The officers who came to the flat that night did not\nshow any warrant to us.",
            [],
        ),
        ("The police, the prosecutor and\nthe court all refused.", []),
        ("A short line,\nthen more.", []),
    ],
)
def test_segmenter_sentence_starts(tokenizer, text, first_words):
    doc = tokenizer(text)
    starts = ParagraphSegmenter().sentence_starts(doc)
    assert [doc[i].text for i in starts] == first_words


def test_segmenter_sets_boundaries_the_parser_keeps():
    from testimony_nlp.pipeline import build_pipeline

    pipeline = build_pipeline(stages=["tnlp_segmenter"])
    doc = pipeline("2. Charges\nShe is accused of hooliganism.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[-1] == "She is accused of hooliganism."
    assert not any("Charges" in s and "She" in s for s in sentences)
