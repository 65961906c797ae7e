"""The learned verifier of the events stage (``events/verifier.py``)."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from testimony_nlp.events.verifier import (
    VERIFIER_FILE,
    EventVerifier,
    anchor_features,
    event_features,
    train,
    victim_kind,
)

VOCAB = spacy.blank("en").vocab


def parsed() -> Doc:
    """ "Police detained the editor . Rights groups demanded his release ." """
    words = ["Police", "detained", "the", "editor", ".", "Rights", "groups", "demanded", "his",
             "release", "."]  # fmt: skip
    return Doc(
        VOCAB,
        words=words,
        lemmas=[
            "police",
            "detain",
            "the",
            "editor",
            ".",
            "right",
            "group",
            "demand",
            "his",
            "release",
            ".",
        ],  # fmt: skip
        heads=[1, 1, 3, 1, 1, 6, 7, 7, 9, 7, 7],
        deps=[
            "nsubj",
            "ROOT",
            "det",
            "dobj",
            "punct",
            "compound",
            "nsubj",
            "ROOT",
            "poss",
            "dobj",
            "punct",
        ],  # fmt: skip
        pos=[
            "NOUN",
            "VERB",
            "DET",
            "NOUN",
            "PUNCT",
            "NOUN",
            "NOUN",
            "VERB",
            "PRON",
            "NOUN",
            "PUNCT",
        ],  # fmt: skip
        tags=["NNS", "VBD", "DT", "NN", ".", "NNS", "NNS", "VBD", "PRP$", "NN", "."],
        spaces=[True, True, True, False, True, True, True, True, True, False, False],
    )


def row(doc: Doc, etype: str, word: str, sentence_index: int, **fields) -> dict:
    token = next(t for t in doc if t.text == word)
    return {
        "event_type": etype,
        "status": "occurred",
        "rule": f"{etype}.verb",
        "trigger_start": token.idx,
        "trigger_end": token.idx + len(token),
        "start_char": doc[token.sent.start].idx,
        "end_char": token.sent.end_char,
        "sentence_index": sentence_index,
        "victim": None,
        "perpetrator": None,
        "date_source": "none",
        "place_source": "none",
        **fields,
    }


@pytest.mark.parametrize(
    ("victim", "kind"),
    [
        (None, "none"),
        ("", "none"),
        ("narrator", "narrator"),
        ("him", "pronoun"),
        ("dozens of activists; Ivanov", "count"),
        ("Aziz Karimov", "named"),
        ("five journalists", "common"),
    ],
)
def test_verifier_victim_kind(victim, kind):
    assert victim_kind(victim) == kind


def test_verifier_event_features_describe_rule_roles_anchor_and_sentence():
    doc = parsed()
    detention = row(doc, "detention", "detained", 0, victim="the editor", perpetrator="police")
    release = row(doc, "release", "release", 1, rule="release.noun+demand")
    features = event_features(doc, detention, [detention, release])
    assert {
        "type:detention", "rule:detention.verb", "cue:", "status:occurred",
        "type_status:detention|occurred", "source:detention|pattern", "victim:common",
        "type_victim:detention|common", "perpetrator:True", "date:none", "place:none",
        "in_sentence:1", "of_type:1", "anchor:detain", "anchor_pos:VERB", "anchor_dep:ROOT",
        "clause:detain", "word:detain", "word:editor", "word:police", "length:0",
    } <= features  # fmt: skip
    assert "word:demand" not in features  # another sentence's words
    assert {"cue:demand", "anchor:release", "determiner:his", "governor:demand|dobj",
            "clause:demand"} <= event_features(doc, release, [detention, release])  # fmt: skip


def test_verifier_anchor_features_climb_to_the_clause_head():
    doc = parsed()
    assert anchor_features(doc[9], "release") == {
        "anchor:release", "anchor_pos:NOUN", "anchor_tag:NN", "anchor_dep:dobj",
        "type_anchor_pos:release|NOUN", "determiner:his", "governor:demand|dobj",
        "clause:demand", "clause_tag:VBD",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("features", "expected"),
    [({"cue:demand"}, 0.8808), ({"cue:demand", "victim:named"}, 0.5), ({"unseen"}, 0.2689)],
)
def test_verifier_probability_sums_weights_and_bias(features, expected):
    model = EventVerifier({"cue:demand": 3.0, "victim:named": -2.0}, -1.0, 0.5)
    assert round(model.probability(features), 4) == expected


@pytest.mark.parametrize(
    ("threshold", "kept"), [(0.5, ["detention"]), (0.9, ["detention", "release"])]
)
def test_verifier_keep_drops_events_at_or_over_the_threshold(threshold, kept):
    doc = parsed()
    events = [row(doc, "detention", "detained", 0), row(doc, "release", "release", 1)]
    model = EventVerifier({"governor:demand|dobj": 3.0}, -1.0, threshold)
    assert [e["event_type"] for e in model.keep(doc, events)] == kept


def test_verifier_round_trips_through_its_file(tmp_path):
    model = EventVerifier({"cue:demand": 1.5}, -0.25, 0.45)
    (tmp_path / VERIFIER_FILE).write_text(json.dumps(model.to_data()))
    assert EventVerifier.load(tmp_path) == model
    assert EventVerifier.load(tmp_path / "missing") is None


def test_verifier_train_learns_which_features_mark_extras():
    features = [{"cue:demand", "type:release"}] * 20 + [{"type:release"}] * 20
    model = train(features, [True] * 20 + [False] * 20, threshold=0.5, min_count=1, l2=0.1)
    assert model.threshold == 0.5
    assert model.probability({"cue:demand", "type:release"}) > 0.8
    assert model.probability({"type:release"}) < 0.2


def test_verifier_train_refuses_an_empty_set():
    with pytest.raises(ValueError, match="no events"):
        train([], [], threshold=0.5)
