"""A learned backstop for sentences no trigger pattern fired in.

The dependency patterns are precise but miss paraphrases ("they put me in a car and drove
me to the station"). A linear model over a sentence's lemmas, lemma bigrams and head-child
lemma pairs says which event types the sentence states; where it is confident and no
pattern fired, the sentence's word most typical of that type becomes the anchor of an
ordinary candidate (status, roles, filters and merging as for any pattern).

In a sentence where patterns fired, the model may still add a type none of them found, at a
higher probability (``covered_threshold``). The model is one-vs-rest logistic regression,
trained offline by ``scripts/train_backstop.py`` on the project's annotated sets and stored as
``backstop.json`` beside the patterns: feature weights per type, a bias per type and the
probability a type needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from ..evaluate import GoldEvent
from .linear import fit_logistic, read_model_data
from .patterns import ANCHOR, PatternSpec, TriggerMatch

BACKSTOP_FILE = "backstop.json"
SKIPPED_POS = frozenset({"PUNCT", "SPACE", "NUM", "DET", "SYM", "X"})
FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "AUX"})
ANCHOR_POS = frozenset({"VERB", "NOUN"})
UNKNOWN_WORD_WEIGHT = -0.5  # an anchor candidate the model never saw is a poor choice
RULE_PREFIX = "backstop."


def sentence_features(tokens: Sequence[Token]) -> set[str]:
    """The binary features of a sentence: lemmas (``w:``), adjacent lemma pairs (``b:``)
    and content words under their syntactic head (``h:head>word``)."""
    lemmas = [t.lemma_.lower() for t in tokens]
    features = {f"b:{a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False)}
    for token, lemma in zip(tokens, lemmas, strict=True):
        if token.pos_ in SKIPPED_POS:
            continue
        features.add(f"w:{lemma}")
        if token.head.i != token.i and token.pos_ not in FUNCTION_POS:
            features.add(f"h:{token.head.lemma_.lower()}>{lemma}")
    return features


@dataclass(slots=True)
class SentenceModel:
    """Per event type, a weight for each feature and a bias; ``threshold`` is the
    probability at which a type counts as stated, ``covered_threshold`` the one a type no
    pattern found needs in a sentence where patterns found others, and
    ``anchor_alternatives`` how many anchors a stated type may try."""

    types: list[str]
    weights: dict[str, list[float]]
    bias: list[float]
    threshold: float
    covered_threshold: float = 0.95
    anchor_alternatives: int = 3

    @classmethod
    def from_data(cls, data: dict) -> SentenceModel:
        return cls(**data)

    def to_data(self) -> dict:
        return asdict(self)

    @classmethod
    def load(cls, path: Path) -> SentenceModel | None:
        """The model stored in a folder, or None when the folder has none."""
        data = read_model_data(path, BACKSTOP_FILE)
        return None if data is None else cls.from_data(data)

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        scores = list(self.bias)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row, strict=True)]
        return {t: 1.0 / (1.0 + math.exp(-s)) for t, s in zip(self.types, scores, strict=True)}

    def stated_types(self, features: set[str]) -> list[tuple[str, float]]:
        """Types whose probability reaches the threshold, most probable first."""
        probs = self.probabilities(features)
        found = [(t, p) for t, p in probs.items() if p >= self.threshold]
        return sorted(found, key=lambda item: -item[1])

    def anchor_weight(self, token: Token, type_index: int) -> float:
        """How typical of a type a word is, alone and under its head."""
        lemma = token.lemma_.lower()
        row = self.weights.get(f"w:{lemma}")
        weight = row[type_index] if row is not None else UNKNOWN_WORD_WEIGHT
        if token.head.i != token.i:
            pair = self.weights.get(f"h:{token.head.lemma_.lower()}>{lemma}")
            weight += pair[type_index] if pair is not None else 0.0
        return weight

    def anchors(self, sentence: Span, etype: str, limit: int = 3) -> list[Token]:
        """The verbs and nouns of the sentence most typical of the type, best first."""
        index = self.types.index(etype)
        tokens = [t for t in sentence if t.pos_ in ANCHOR_POS]
        tokens.sort(key=lambda t: (-self.anchor_weight(t, index), t.i))
        return tokens[:limit]


def backstop_spec(etype: str, probability: float) -> PatternSpec:
    """The pattern options of a backstop anchor: a bare anchor, no constraints; its
    confidence is lower than any pattern's."""
    return PatternSpec(
        id=RULE_PREFIX + etype,
        type=etype,
        confidence=round(0.5 * probability, 2),
        pattern=[{"RIGHT_ID": ANCHOR, "RIGHT_ATTRS": {}}],
    )


def backstop_matches(
    model: SentenceModel, sentences: Iterable[Span], covered: dict[int, set[str]]
) -> list[list[TriggerMatch]]:
    """Anchors for the types the model finds and the patterns did not.

    ``covered`` maps the start token of every sentence a pattern fired in to the types
    that fired there; such a sentence only gets other types, and only at
    ``model.covered_threshold``. Each stated type gives its candidate anchors, best first:
    the caller keeps the first that makes an event (a filter may refuse a poor anchor).
    """
    found_per_type = []
    for sentence in sentences:
        if not any(t.pos_ == "VERB" and t.lemma_ != "be" for t in sentence):
            continue  # "There is a car park near our building": nothing done, only a scene
        found = model.stated_types(sentence_features(sentence))
        if sentence.start in covered:
            fired = covered[sentence.start]
            found = [(t, p) for t, p in found if p >= model.covered_threshold and t not in fired]
        for etype, probability in found:
            spec = backstop_spec(etype, probability)
            anchors = model.anchors(sentence, etype, model.anchor_alternatives)
            found_per_type.append([TriggerMatch(spec, {ANCHOR: a}) for a in anchors])
    return found_per_type


def train(
    feature_sets: Sequence[set[str]],
    labels: Sequence[set[str]],
    types: Sequence[str],
    *,
    threshold: float,
    covered_threshold: float = 0.95,
    min_count: int = 2,
    l2: float = 1.0,
    iterations: int = 300,
    step: float = 0.05,
) -> SentenceModel:
    """Fit the one-vs-rest model (``linear.fit_logistic``) and wrap it with its thresholds."""
    kept, bias = fit_logistic(
        feature_sets, labels, types, min_count=min_count, l2=l2, iterations=iterations, step=step
    )
    return SentenceModel(list(types), kept, bias, threshold, covered_threshold)


def sentence_labels(
    sentences: Iterable[Span], text: str, events: Iterable[GoldEvent]
) -> list[set[str]]:
    """Per sentence, the types of the annotated events whose evidence overlaps it.

    Each evidence string counts at its first occurrence in ``text``; evidence not in the
    text is ignored.
    """
    spans = []
    for event in events:
        for evidence in event.evidence:
            start = text.find(evidence)
            if start >= 0:
                spans.append((event.event_type, start, start + len(evidence)))
    return [
        {t for t, start, end in spans if start < s.end_char and end > s.start_char}
        for s in sentences
    ]
