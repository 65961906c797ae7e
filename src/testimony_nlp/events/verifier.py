"""A learned verifier for the events the rules found: which look like false positives.

The rules are tuned on the project's annotated sets; on text nobody tuned them to, a quarter
of what they find is not an event an annotator would write down (a practice told as a count,
a demand, an incident named again in a complaint about it). The verifier is a logistic
regression over the features of a found event (its rule, type and status, what kind of
victim it has, whether it is dated, its anchor word and where that word stands, the words
of its sentence) that gives the probability the event is such an extra. Events at or above
the ``threshold`` are dropped.

``scripts/train_verifier.py`` fits it on the events the stage finds without it in the
annotated sets, each labelled by the scorer's own matching (``evaluate.false_positives``),
and picks the threshold by cross-validation over whole sets. It is stored as
``verifier.json`` beside the patterns; without that file the stage keeps every event.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .backstop import RULE_PREFIX as BACKSTOP_RULE
from .docindex import doc_index
from .linear import fit_logistic, read_model_data
from .status import TALLY_OPENINGS

VERIFIER_FILE = "verifier.json"
EXTRA = "extra"
PRONOUNS = frozenset({"i", "me", "we", "us", "he", "him", "she", "her", "they", "them"})
SENTENCE_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "AUX", "PART", "SCONJ"})
# function words that change what a sentence asserts, kept whatever their part of speech
MOOD_WORDS = frozenset({"if", "should", "must", "would", "not", "never", "no"})
# dependencies through which an anchor's clause is reached
CLAUSE_DEPS = frozenset({
    "xcomp", "conj", "ccomp", "advcl", "relcl", "acl", "pobj", "prep", "dobj", "nsubj",
    "nsubjpass",
})  # fmt: skip


def victim_kind(victim: str | None) -> str:
    """The kind of the first victim: none, narrator, pronoun, count, named or common."""
    first = (victim or "").split(";")[0].strip()
    if not first:
        return "none"
    lowered = first.lower()
    if lowered == "narrator":
        return "narrator"
    if lowered in PRONOUNS:
        return "pronoun"
    if lowered.startswith(TALLY_OPENINGS):
        return "count"
    if any(word[:1].isupper() for word in first.split()):
        return "named"
    return "common"


def event_features(doc: Doc, event: dict, events: Sequence[dict]) -> set[str]:
    """The binary features of one event row of ``doc`` among all its ``events``."""
    etype, status = event["event_type"], event["status"]
    rule, _, cue = event["rule"].partition("+")
    source = "backstop" if rule.startswith(BACKSTOP_RULE) else "pattern"
    victim = victim_kind(event.get("victim"))
    has_perpetrator = bool(event.get("perpetrator"))
    date_source = event.get("date_source") or "none"
    features = {
        f"type:{etype}",
        f"rule:{rule}",
        f"cue:{cue}",
        f"status:{status}",
        f"type_status:{etype}|{status}",
        f"source:{etype}|{source}",
        f"victim:{victim}",
        f"type_victim:{etype}|{victim}",
        f"perpetrator:{has_perpetrator}",
        f"type_perpetrator:{etype}|{has_perpetrator}",
        f"date:{date_source}",
        f"type_date:{etype}|{date_source}",
        f"place:{event.get('place_source') or 'none'}",
    }
    same_sentence = sum(e["sentence_index"] == event["sentence_index"] for e in events)
    same_type = sum(e["event_type"] == etype for e in events)
    features |= {f"in_sentence:{min(same_sentence, 4)}", f"of_type:{min(same_type, 6)}"}
    trigger = doc.char_span(event["trigger_start"], event["trigger_end"], alignment_mode="expand")
    if trigger is not None:
        features |= anchor_features(trigger.root, etype)
    sentence = doc_index(doc).sents[event["sentence_index"]]
    features |= sentence_words(sentence)
    return features


def anchor_features(anchor: Token, etype: str) -> set[str]:
    """The anchor word, its part of speech and dependency; a noun's determiner and governor;
    the word heading the anchor's clause."""
    features = {
        f"anchor:{anchor.lemma_.lower()}",
        f"anchor_pos:{anchor.pos_}",
        f"anchor_tag:{anchor.tag_}",
        f"anchor_dep:{anchor.dep_}",
        f"type_anchor_pos:{etype}|{anchor.pos_}",
    }
    if anchor.pos_ == "NOUN":
        determiners = [c.lower_ for c in anchor.children if c.dep_ in ("det", "poss")]
        features.add(f"determiner:{determiners[0] if determiners else '-'}")
        features.add(f"governor:{anchor.head.lemma_.lower()}|{anchor.dep_}")
    head = anchor
    while head.dep_ in CLAUSE_DEPS and head.head.i != head.i:
        head = head.head
    features |= {f"clause:{head.lemma_.lower()}", f"clause_tag:{head.tag_}"}
    return features


def sentence_words(sentence: Span) -> set[str]:
    """The lemmas of the sentence's content words and mood words, and its length in tens."""
    words = {
        f"word:{t.lemma_.lower()}"
        for t in sentence
        if t.pos_ in SENTENCE_POS or t.lower_ in MOOD_WORDS
    }
    return words | {f"length:{min(len(sentence) // 10, 5)}"}


@dataclass(slots=True)
class EventVerifier:
    """A weight per feature and a bias; events whose probability of being an extra reaches
    ``threshold`` are dropped."""

    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_data(cls, data: dict) -> EventVerifier:
        return cls(**data)

    def to_data(self) -> dict:
        return asdict(self)

    @classmethod
    def load(cls, path: Path) -> EventVerifier | None:
        """The verifier stored in a folder, or None when the folder has none."""
        data = read_model_data(path, VERIFIER_FILE)
        return None if data is None else cls.from_data(data)

    def probability(self, features: Iterable[str]) -> float:
        """The probability that an event with these features is an extra."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))

    def probabilities(self, doc: Doc, events: Sequence[dict]) -> list[float]:
        return [self.probability(event_features(doc, e, events)) for e in events]

    def keep(self, doc: Doc, events: list[dict]) -> list[dict]:
        """The events of a Doc the verifier accepts, in their order."""
        probabilities = self.probabilities(doc, events)
        return [e for e, p in zip(events, probabilities, strict=True) if p < self.threshold]


def train(
    feature_sets: Sequence[set[str]],
    is_extra: Sequence[bool],
    *,
    threshold: float,
    min_count: int = 3,
    l2: float = 3.0,
    iterations: int = 300,
    step: float = 0.05,
) -> EventVerifier:
    """Fit the verifier on events' features and whether the scorer counted each an extra.

    The L2 penalty is stronger than the backstop's: cross-validated over the project's sets,
    3.0 (and 10.0) beat 1.0 and 0.3, the weaker penalties fitting the training sets' extras.
    """
    if not feature_sets:
        raise ValueError("no events to train the verifier on")
    labels = [{EXTRA} if extra else set() for extra in is_extra]
    weights, bias = fit_logistic(
        feature_sets, labels, [EXTRA], min_count=min_count, l2=l2, iterations=iterations, step=step
    )
    return EventVerifier({f: w[0] for f, w in weights.items()}, bias[0], threshold)
