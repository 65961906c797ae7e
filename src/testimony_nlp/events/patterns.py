"""Dependency patterns that find event triggers.

The pattern data (``patterns.json``) holds spaCy ``DependencyMatcher`` patterns over
LEMMA, POS and DEP. Lemma sets are written once in a ``lexicon`` section and referred to
as ``"@NAME"`` inside ``{"IN": ...}``. Each pattern names its anchor node ``trigger``: the
predicate (verb or event noun) whose arguments, status and clause the later steps read.
Options on a pattern add the semantic constraints a dependency pattern cannot express
(e.g. the object must be a person), checked in :func:`passes_constraints`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .roles import Lexicon, grammatical_object, is_intervener_like, is_person_like

PATTERNS_FILE = "patterns.json"
ANCHOR = "trigger"


@dataclass(slots=True)
class PatternSpec:
    """One trigger pattern and its options, as read from ``patterns.json``."""

    id: str
    type: str
    confidence: float
    pattern: list[dict]
    nominal: bool = False
    object: str = "any"  # constraint on the anchor's object: person | thing | any
    require_object: bool = False
    no_object: bool = False
    no_xcomp: bool = False
    subject_role: str = "perpetrator"
    agent: str | None = None  # "intervener": the actor must look like a third-party helper
    prep_victim: str | None = None  # node holding the victim (e.g. "swooped on ME")
    exclude_mods: list[str] = field(default_factory=list)
    exclude_head_preps: list[str] = field(default_factory=list)
    person_target: str | None = None  # node whose into/over/on target must be a person

    @property
    def size(self) -> int:
        return len(self.pattern)


@dataclass(slots=True)
class TriggerMatch:
    """A pattern that fired: its anchor token and every token of the match, by node name."""

    spec: PatternSpec
    nodes: dict[str, Token]

    @property
    def anchor(self) -> Token:
        return self.nodes[ANCHOR]


def resolve_lexicon(pattern: list[dict], lexicon: dict[str, list[str]]) -> list[dict]:
    """Replace ``{"IN": "@NAME"}`` references with the lemma list they name."""

    def resolve(value):
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, str) and value.startswith("@"):
            return lexicon[value[1:]]
        return value

    return resolve(pattern)


def parse_patterns(data: dict) -> list[PatternSpec]:
    """Build the pattern specs from the JSON structure, lexicon references resolved."""
    lexicon = data.get("lexicon", {})
    specs = []
    for entry in data["patterns"]:
        entry = dict(entry)
        entry["pattern"] = resolve_lexicon(entry["pattern"], lexicon)
        specs.append(PatternSpec(**entry))
    return specs


def load_pattern_data(path: Path) -> dict:
    """Read ``patterns.json`` from a folder."""
    return json.loads((Path(path) / PATTERNS_FILE).read_text(encoding="utf-8"))


class TriggerFinder:
    """Runs the dependency patterns over a Doc and keeps one best pattern per anchor."""

    def __init__(self, vocab: Vocab, data: dict, lexicon: Lexicon):
        self.specs = {spec.id: spec for spec in parse_patterns(data)}
        self.lexicon = lexicon
        self.matcher = DependencyMatcher(vocab)
        for spec in self.specs.values():
            self.matcher.add(spec.id, [spec.pattern])

    def __call__(self, doc: Doc) -> list[TriggerMatch]:
        best: dict[int, TriggerMatch] = {}
        for match_id, token_ids in self.matcher(doc):
            spec = self.specs[doc.vocab.strings[match_id]]
            names = [node["RIGHT_ID"] for node in spec.pattern]
            match = TriggerMatch(spec, {n: doc[i] for n, i in zip(names, token_ids, strict=True)})
            if not passes_constraints(match, self.lexicon):
                continue
            current = best.get(match.anchor.i)
            if current is None or rank(match) > rank(current):
                best[match.anchor.i] = match
        return [best[i] for i in sorted(best)]


def rank(match: TriggerMatch) -> tuple[int, float]:
    """More specific patterns (more nodes) win over general ones on the same anchor."""
    return match.spec.size, match.spec.confidence


def passes_constraints(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """Check the semantic options of a pattern that the dependency pattern cannot express."""
    spec, anchor = match.spec, match.anchor
    if anchor.dep_ == "amod" and not spec.nominal:
        return False  # a participle used as an adjective: "a convicted recruiter"
    if spec.nominal and not nominal_is_event(anchor, spec):
        return False
    if spec.no_xcomp and any(c.dep_ == "xcomp" for c in anchor.children):
        return False
    obj = grammatical_object(anchor)
    if spec.no_object and obj is not None and not anchor_is_passive(anchor):
        return False
    if spec.require_object and obj is None:
        return False
    if obj is not None and spec.object != "any":
        person = is_person_like(obj, lexicon)
        if (spec.object == "person") != person:
            return False
    if spec.person_target and not targets_a_person(match.nodes[spec.person_target], lexicon):
        return False
    return not (spec.agent == "intervener" and not has_intervener_actor(anchor, lexicon))


def targets_a_person(noun: Token, lexicon: Lexicon) -> bool:
    """ "a case against me" is legal action; "a probe into the explosion" is not."""
    targets = [
        pobj
        for prep in [*noun.children, *noun.head.children]
        if prep.dep_ == "prep" and prep.lower_ in ("into", "over", "on", "against", "of")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return not targets or any(is_person_like(t, lexicon) for t in targets)


def anchor_is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def nominal_is_event(noun: Token, spec: PatternSpec) -> bool:
    """A noun names an event unless it only modifies another noun or is used idiomatically.

    "arrest warrant", "detention centre", "drug testing unit": a compound modifier is not an
    event by itself (light-verb patterns anchor on the verb instead). "attempt" heads keep
    their compound ("an assassination attempt"). "in charge" and "press release" are idioms.
    """
    if noun.dep_ == "compound" and noun.head.lemma_ not in ("attempt", "plot", "try", "bid"):
        return False
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & set(spec.exclude_mods):
        return False
    if noun.head.dep_ == "prep" or noun.dep_ == "pobj":
        if noun.head.lower_ in spec.exclude_head_preps:
            return False
        if noun.head.lower_ == "of" and noun.head.head.lower_ == "free":
            return False
    return not (noun.dep_ == "nsubj" and noun.head.lemma_ in SPEECH_VERBS)


_SPEECH_VERBS_WORDS = (
    "say state announce reject claim argue insist tell ask demand deny confirm request "
    "decide rule appeal add note"
)
SPEECH_VERBS = frozenset(_SPEECH_VERBS_WORDS.split())


def has_intervener_actor(anchor: Token, lexicon: Lexicon) -> bool:
    """Whether the helper in a support/help construction is a third party (ORG, PERSON, NGO)."""
    candidates = [c for c in anchor.children if c.dep_ in ("nsubj", "poss", "compound")]
    for child in anchor.children:
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from", "of"):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    return any(is_intervener_like(c, lexicon) for c in candidates)
