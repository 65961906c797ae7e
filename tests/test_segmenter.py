"""Sentence starts after paragraph breaks and headings, not inside wrapped lines."""

from __future__ import annotations

import pytest
import spacy

from testimony_nlp.segmenter import ParagraphSegmenter, dated_entry_prefix


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


@pytest.mark.parametrize(
    "text, prefix",
    [
        ("19 Apr 2023 – Police detain him.", "19 Apr 2023 –"),
        ("- 17 May: The court orders his arrest.", "- 17 May:"),
        ("March 3, 2023 — Police raid the office.", "March 3, 2023 —"),
        ("Nov 2023 – He is told of a threat.", "Nov 2023 –"),
        ("3 officers - they came at night.", ""),
        ("9 March 2022. She is detained.", "9 March 2022."),
        ("May 2023 was hard.", ""),
        ("On 3 May - no one came.", ""),
    ],
)
def test_segmenter_dated_entry_prefix(tokenizer, text, prefix):
    doc = tokenizer(text)
    assert doc[: dated_entry_prefix(doc)].text == prefix


def test_segmenter_keeps_a_chronology_entry_whole():
    from testimony_nlp.pipeline import build_pipeline

    pipeline = build_pipeline(stages=["tnlp_segmenter"])
    doc = pipeline("Timeline\n\n10 Oct 2023 – Rostami files an appeal.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Timeline", "10 Oct 2023 – Rostami files an appeal."]
