"""The learned sentence backstop of the events stage (``events/backstop.py``)."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from testimony_nlp.evaluate import GoldEvent
from testimony_nlp.events.backstop import (
    BACKSTOP_FILE,
    SentenceModel,
    backstop_matches,
    sentence_features,
    sentence_labels,
    train,
)

VOCAB = spacy.blank("en").vocab


def parsed(words, lemmas, heads, pos, sent_starts=None) -> Doc:
    n = len(words)
    return Doc(
        VOCAB,
        words=words,
        lemmas=lemmas,
        heads=heads,
        deps=["dep"] * n,
        pos=pos,
        spaces=[True] * (n - 1) + [False],
        sent_starts=sent_starts,
    )


# "They drove me away ." : drove is the root
DROVE = dict(
    words=["They", "drove", "me", "away", "."],
    lemmas=["they", "drive", "I", "away", "."],
    heads=[1, 1, 1, 1, 1],
    pos=["PRON", "VERB", "PRON", "ADV", "PUNCT"],
)


def toy_model(threshold: float = 0.5, covered_threshold: float = 0.95) -> SentenceModel:
    return SentenceModel(
        types=["detention", "relocation"],
        weights={"w:drive": [2.0, 1.0], "h:drive>away": [-1.0, 1.5], "w:away": [0.0, 0.5]},
        bias=[-1.0, -1.0],
        threshold=threshold,
        covered_threshold=covered_threshold,
        anchor_alternatives=2,
    )


def test_backstop_sentence_features_are_lemmas_pairs_and_heads():
    doc = parsed(**DROVE)
    assert sentence_features(doc[:]) == {
        "b:they_drive", "b:drive_i", "b:i_away", "b:away_.",
        "w:they", "w:drive", "w:i", "w:away",
        "h:drive>they", "h:drive>i", "h:drive>away",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("features", "expected"),
    [
        ({"w:drive"}, {"detention": 0.7311, "relocation": 0.5}),
        ({"w:drive", "h:drive>away"}, {"detention": 0.5, "relocation": 0.8176}),
        ({"w:unseen"}, {"detention": 0.2689, "relocation": 0.2689}),
    ],
)
def test_backstop_probabilities_sum_weights_and_bias(features, expected):
    probs = toy_model().probabilities(features)
    assert {t: round(p, 4) for t, p in probs.items()} == expected


def test_backstop_stated_types_reach_the_threshold_most_probable_first():
    model = toy_model(threshold=0.5)
    found = model.stated_types({"w:drive", "h:drive>away", "w:away"})
    assert [t for t, _ in found] == ["relocation", "detention"]
    assert toy_model(threshold=0.9).stated_types({"w:drive"}) == []


@pytest.mark.parametrize(("etype", "anchor"), [("detention", "drove"), ("relocation", "drove")])
def test_backstop_anchor_is_the_most_typical_verb_or_noun(etype, anchor):
    doc = parsed(**DROVE)
    assert toy_model().anchors(doc[:], etype)[0].text == anchor


def test_backstop_anchor_prefers_a_known_word_to_an_unknown_one():
    doc = parsed(
        words=["They", "took", "my", "phone"],
        lemmas=["they", "take", "my", "phone"],
        heads=[1, 1, 3, 1],
        pos=["PRON", "VERB", "PRON", "NOUN"],
    )
    model = SentenceModel(["seizure"], {"w:phone": [0.2]}, [0.0], 0.5)
    # "take" unseen: -0.5, after "phone"; "my" is no verb or noun
    assert [t.text for t in model.anchors(doc[:], "seizure")] == ["phone", "took"]
    assert [t.text for t in model.anchors(doc[:], "seizure", limit=1)] == ["phone"]


TWO_DROVE = dict(
    words=["They", "drove", "me", "away", ".", "They", "drove", "me", "away", "."],
    lemmas=["they", "drive", "I", "away", ".", "they", "drive", "I", "away", "."],
    heads=[1, 1, 1, 1, 1, 6, 6, 6, 6, 6],
    pos=["PRON", "VERB", "PRON", "ADV", "PUNCT"] * 2,
    sent_starts=[True, False, False, False, False, True, False, False, False, False],
)


@pytest.mark.parametrize(
    ("covered", "covered_threshold", "expected"),
    [
        # the first sentence is the patterns': only the second is the backstop's
        ({0: {"detention"}}, 0.95, [("backstop.relocation", [6])]),
        # a type the patterns did not find there, probable enough, is still added
        ({0: {"detention"}}, 0.8, [("backstop.relocation", [1]), ("backstop.relocation", [6])]),
        # never a type the patterns already found in the sentence
        ({0: {"relocation"}}, 0.8, [("backstop.relocation", [6])]),
    ],
)
def test_backstop_matches_types_no_pattern_found(covered, covered_threshold, expected):
    doc = parsed(**TWO_DROVE)
    model = toy_model(threshold=0.8, covered_threshold=covered_threshold)
    found = backstop_matches(model, doc.sents, covered=covered)
    assert [(a[0].spec.id, [m.anchor.i for m in a]) for a in found] == expected
    assert {m.spec.confidence for a in found for m in a} == {0.44}


def test_backstop_matches_offer_the_next_anchor_after_the_best():
    doc = parsed(**DROVE)
    model = SentenceModel(["relocation"], {"w:drive": [3.0], "w:away": [1.0]}, [0.0], 0.5)
    model.anchor_alternatives = 2
    nouns = parsed(
        words=["Police", "took", "my", "phone"],
        lemmas=["police", "take", "my", "phone"],
        heads=[1, 1, 3, 1],
        pos=["NOUN", "VERB", "PRON", "NOUN"],
    )
    (alternatives,) = backstop_matches(model, doc.sents, covered={})
    assert [m.anchor.text for m in alternatives] == ["drove"]  # "away" is no verb or noun
    seizure = SentenceModel(["seizure"], {"w:phone": [2.0], "w:take": [1.0]}, [0.0], 0.5)
    seizure.anchor_alternatives = 2
    (alternatives,) = backstop_matches(seizure, nouns.sents, covered={})
    assert [m.anchor.text for m in alternatives] == ["phone", "took"]


def test_backstop_sentence_labels_are_the_types_whose_evidence_overlaps():
    doc = parsed(
        words=["Police", "came", ".", "They", "took", "me", "."],
        lemmas=["police", "come", ".", "they", "take", "I", "."],
        heads=[1, 1, 1, 4, 4, 4, 4],
        pos=["NOUN", "VERB", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"],
        sent_starts=[True, False, False, True, False, False, False],
    )
    events = [
        GoldEvent("detention", ("They took me",)),
        GoldEvent("harassment", ("Police came", "not in the text")),
    ]
    assert sentence_labels(doc.sents, doc.text, events) == [{"harassment"}, {"detention"}]


def test_backstop_train_separates_the_types_and_drops_rare_features():
    features = [{"w:arrest", "w:me"}, {"w:arrest", "w:him"}, {"w:flee", "w:me"}] * 4
    features.append({"w:once"})
    labels = [{"detention"}, {"detention"}, {"relocation"}] * 4 + [set()]
    model = train(features, labels, ["detention", "relocation"], threshold=0.5)
    assert "w:once" not in model.weights  # seen in one sentence only
    assert [t for t, _ in model.stated_types({"w:arrest"})] == ["detention"]
    assert [t for t, _ in model.stated_types({"w:flee"})] == ["relocation"]
    assert model.stated_types({"w:once"}) == []


def test_backstop_model_round_trips_through_its_file(tmp_path):
    (tmp_path / BACKSTOP_FILE).write_text(json.dumps(toy_model().to_data()), encoding="utf-8")
    assert SentenceModel.load(tmp_path) == toy_model()
    assert SentenceModel.load(tmp_path / "missing") is None


@pytest.fixture(scope="module")
def nlp_with_toy_backstop():
    """The base model and the events stage, its backstop replaced by one that reads any
    sentence with "vehicle" as a detention."""
    import testimony_nlp.events  # noqa: F401  (registers the factory)
    from testimony_nlp.pipeline import load_base_model

    nlp = load_base_model()
    extractor = nlp.add_pipe("tnlp_events", last=True)
    extractor.backstop = SentenceModel(["detention"], {"w:vehicle": [4.0]}, [-2.0], 0.8)
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I sat in the vehicle for hours.", [("detention", "occurred", "narrator")]),
        ("I sat in the kitchen for hours.", []),  # the model does not fire
        ("I did not sit in the vehicle.", [("detention", "negated", "narrator")]),
    ],
)
def test_backstop_events_get_status_and_roles_like_pattern_events(
    nlp_with_toy_backstop, text, expected
):
    events = nlp_with_toy_backstop(text)._.events
    assert [(e["event_type"], e["status"], e["victim"]) for e in events] == expected
    assert all(e["rule"].startswith("backstop.detention") for e in events)


def test_backstop_events_span_their_sentence(nlp_with_toy_backstop):
    """The model reads sentences: its evidence is the sentence, not the anchor word."""
    text = "It was late.  I sat in the vehicle for hours.\nThen it rained."
    events = nlp_with_toy_backstop(text)._.events
    assert [
        (e["trigger"], e["trigger_start"], e["trigger_end"], e["start_char"], e["end_char"])
        for e in events
    ] == [("I sat in the vehicle for hours.", 14, 45, 14, 45)]


def test_backstop_stays_out_of_a_sentence_a_pattern_fired_in(nlp_with_toy_backstop):
    events = nlp_with_toy_backstop("Police arrested me in the vehicle.")._.events
    assert [(e["event_type"], e["trigger"]) for e in events] == [("detention", "arrested me")]
    assert not events[0]["rule"].startswith("backstop.")
