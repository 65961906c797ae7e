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
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import IS_UPPER, LEMMA, LOWER
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .anchored import AnchoredDependencyMatcher
from .docindex import doc_index, kids
from .roles import (
    ACCESS_ACTS,
    Lexicon,
    actor_key,
    find_subject,
    first_conjunct,
    grammatical_object,
    in_quotes,
    is_intervener_like,
    is_person_like,
    prep_objects,
    time_phrase_subject,
)
from .status import bare_plural_noun, is_infinitive, spans_years

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
    subject_role: str = "perpetrator"  # or "victim", or "none" ("the trial opened")
    agent: str | None = None  # "intervener": the actor must look like a third-party helper;
    # "advocate": a lawyer, defender or organisation; "third_party": anyone but the state or "I"
    prep_victim: str | None = None  # node holding the victim (e.g. "swooped on ME")
    require_victim: bool = False  # no event without a victim ("came for the documents")
    exclude_mods: list[str] = field(default_factory=list)
    exclude_head_preps: list[str] = field(default_factory=list)
    person_target: str | None = None  # node whose into/over/on target must be a person
    status: str | None = None  # status when no cue says otherwise ("faces up to 7 years")
    no_present: bool = False  # a "be" anchor in the simple present is a state, not an event
    exclude_heads: list[str] = field(default_factory=list)  # "boarding a flight": not a flight
    not_agent: str | None = None  # "advocate": a lawyer lodging a complaint is no prosecution
    advocate_object: bool = False  # "contacted a crisis group": turning to helpers
    place_destination: bool = False  # a "to" destination must be a place ("sent back home")
    fixed_status: str | None = None  # "the lawyer was not allowed in": tried and failed
    negated_status: str | None = None  # "was not allowed to see him": tried; "was allowed": done
    threat_only: bool = False  # an event only as a threat or a prospect ("would lose his job")
    spoken_threat_only: bool = False  # an event only as a threat ("you will sit for years")
    no_threat: bool = False  # never an event as a threat ("would harm her husband": pressure)
    unrealised_only: bool = False  # only as a prospect or a refusal ("If I leave", "I won't go")

    @property
    def size(self) -> int:
        return len(self.pattern)

    @property
    def base_id(self) -> str:
        """The id in ``patterns.json``, also for a form derived from that pattern."""
        return self.id.removesuffix(CONTRAST)


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
    seen: set[str] = set()
    for entry in data["patterns"]:
        entry = dict(entry)
        if entry["id"] in seen:  # a later pattern would silently replace the earlier one
            raise ValueError(f"pattern id {entry['id']!r} is used twice; give each its own id")
        seen.add(entry["id"])
        pattern = with_name_forms(resolve_lexicon(entry["pattern"], lexicon))
        entry["pattern"] = with_dative_to(pattern)
        specs.append(PatternSpec(**entry))
        contrasted = with_contrasted_destination(entry["pattern"])
        if contrasted is not None:
            specs.append(
                PatternSpec(**{**entry, "id": entry["id"] + CONTRAST, "pattern": contrasted})
            )
    return specs


CONTRAST = "/not_but"  # id suffix of a pattern's "not to X but to Y" form
DENIED = "denied"  # node name of the "not to X" preposition in that form


def with_contrasted_destination(pattern: list[dict]) -> list[dict] | None:
    """The form of a destination pattern for "drove me not to the station but to the
    psychiatric hospital": the destination preposition hangs off a negated one as its conjunct.
    None for a pattern without a "to"/"into" preposition."""
    for k, node in enumerate(pattern):
        attrs = node.get("RIGHT_ATTRS", {})
        words, deps = attr_values(attrs, "LOWER"), attr_values(attrs, "DEP")
        if "prep" in deps and node.get("REL_OP") == ">" and ({"to", "into"} & set(words)):
            denied = {**node, "RIGHT_ID": DENIED, "RIGHT_ATTRS": {"DEP": "prep"}}
            negation = {
                "LEFT_ID": DENIED,
                "REL_OP": ">",
                "RIGHT_ID": DENIED + "_not",
                "RIGHT_ATTRS": {"DEP": "neg"},
            }
            conjunct = {
                **node,
                "LEFT_ID": DENIED,
                "RIGHT_ATTRS": {**attrs, "DEP": "conj"},
            }
            return [*pattern[:k], denied, negation, conjunct, *pattern[k + 1 :]]
    return None


def with_name_forms(pattern: list[dict]) -> list[dict]:
    """Let the words around a trigger match inside names too: a proper noun keeps its capital
    in its lemma ("the Republican Psychiatric Hospital", "the European Court")."""
    out = [pattern[0]] if pattern else []
    for node in pattern[1:]:
        attrs = node.get("RIGHT_ATTRS", {})
        lemmas = attrs.get("LEMMA")
        if isinstance(lemmas, dict) and isinstance(lemmas.get("IN"), list):
            forms = list(dict.fromkeys([*lemmas["IN"], *(w.title() for w in lemmas["IN"])]))
            node = {**node, "RIGHT_ATTRS": {**attrs, "LEMMA": {"IN": forms}}}
        out.append(node)
    return out


def attr_values(attrs: dict, key: str) -> list:
    """The values a pattern node allows for one attribute: ``"to"`` or ``{"IN": [...]}``."""
    value = attrs.get(key)
    return value.get("IN", []) if isinstance(value, dict) else [value]


def with_dative_to(pattern: list[dict]) -> list[dict]:
    """Let a "to" preposition match where the parser labels it a dative ("would be sent to
    Aminabad" parses "to" as the dative of "sent")."""
    out = []
    for node in pattern:
        attrs = node.get("RIGHT_ATTRS", {})
        if attrs.get("DEP") == "prep" and "to" in attr_values(attrs, "LOWER"):
            node = {**node, "RIGHT_ATTRS": {**attrs, "DEP": {"IN": ["prep", "dative"]}}}
        out.append(node)
    return out


def load_pattern_data(path: Path) -> dict:
    """Read ``patterns.json`` from a folder."""
    return json.loads((Path(path) / PATTERNS_FILE).read_text(encoding="utf-8"))


class TriggerFinder:
    """Runs the dependency patterns over a Doc and keeps one best pattern per anchor."""

    def __init__(self, vocab: Vocab, data: dict, lexicon: Lexicon):
        self.specs = {spec.id: spec for spec in parse_patterns(data)}
        self.lexicon = lexicon
        self.matcher = AnchoredDependencyMatcher(vocab)  # same matches, a fraction of the cost
        for spec in self.specs.values():
            self.matcher.add(spec.id, [spec.pattern])
        self.headlines = HeadlineFinder(data)

    def __call__(self, doc: Doc) -> list[TriggerMatch]:
        by_anchor: dict[int, list[tuple[PatternSpec, list[int]]]] = defaultdict(list)
        for match_id, token_ids in self.matcher(doc):
            by_anchor[token_ids[0]].append((self.specs[doc.vocab.strings[match_id]], token_ids))
        best: dict[int, TriggerMatch] = {}
        for anchor, found in by_anchor.items():
            # the best-ranked match that passes wins (the earliest on a tie): checking in that
            # order stops at the first that passes instead of checking every match
            found.sort(key=lambda item: rank_spec(item[0]), reverse=True)
            for spec, token_ids in found:
                names = [node["RIGHT_ID"] for node in spec.pattern]
                nodes = {n: doc[i] for n, i in zip(names, token_ids, strict=True)}
                match = TriggerMatch(spec, nodes)
                if passes_constraints(match, self.lexicon):
                    best[anchor] = match
                    break
        for match in self.headlines(doc):
            best.setdefault(match.anchor.i, match)
        return [best[i] for i in sorted(best)]


class HeadlineFinder:
    """Verbs of a headline in title case ("Court Convicts Friend of Bomber", "Activist Jailed
    in Minsk"), which the tagger reads as proper nouns so no dependency pattern sees them.

    ``patterns.json`` lists, under ``headline``, the event type of each verb lexicon; the
    inflected forms ("-s", "-ed") of those verbs are triggers when capitalised between other
    capitalised words.
    """

    def __init__(self, data: dict):
        lexicon = data.get("lexicon", {})
        self.forms: dict[str, str] = {}
        for etype, names in data.get("headline", {}).items():
            for name in names:
                for lemma in lexicon.get(name.lstrip("@"), []):
                    for form in inflections(lemma):
                        self.forms.setdefault(form, etype)
        self.nouns: dict[str, str] = {}  # all-caps headlines: "DETENTION EXTENDED"
        for etype, names in data.get("headline_nouns", {}).items():
            for name in names:
                for lemma in lexicon.get(name.lstrip("@"), []):
                    for form in (lemma, lemma + "s"):
                        self.nouns.setdefault(form, etype)
        self.not_after = frozenset(data.get("headline_noun_exclude_mods", []))  # PRESS RELEASE
        self._form_ids: set[int] | None = None  # string ids of ``forms``, made on first use
        types = set(self.forms.values()) | set(self.nouns.values())
        self.specs = {
            etype: PatternSpec(f"{etype}.headline", etype, 0.6, [{"RIGHT_ID": ANCHOR}])
            for etype in types
        }
        self.prospects = {  # "ACTIVIST FACES EXTRADITION": a prospect, not an event
            etype: PatternSpec(
                f"{etype}.headline", etype, 0.6, [{"RIGHT_ID": ANCHOR}], status="hypothetical"
            )
            for etype in types
        }

    def __call__(self, doc: Doc) -> list[TriggerMatch]:
        found = []
        if self._form_ids is None:
            self._form_ids = {doc.vocab.strings.add(form) for form in self.forms}
        rows = doc.to_array([LOWER, IS_UPPER]).tolist() if len(doc) else []
        for i, (lower, upper) in enumerate(rows):
            if lower not in self._form_ids and not upper:
                continue  # most words: neither a trigger form nor in capitals
            tok = doc[i]
            etype = self.forms.get(tok.lower_)
            if etype and is_headline_word(tok):
                found.append(TriggerMatch(self.specs[etype], {ANCHOR: tok}))
            elif tok.is_upper and in_capitals_line(tok):
                etype = self.forms.get(tok.lower_) or self.nouns.get(tok.lower_)
                if etype and not (tok.i > 0 and doc[tok.i - 1].lower_ in self.not_after):
                    prospect = tok.i > 0 and doc[tok.i - 1].lower_ in PROSPECT_WORDS
                    spec = (self.prospects if prospect else self.specs)[etype]
                    found.append(TriggerMatch(spec, {ANCHOR: tok}))
        return found


PROSPECT_WORDS = frozenset(
    {"faces", "facing", "face", "risks", "risk", "fears", "threat", "threatens"}
)


def line_text(tok: Token) -> str:
    """The text of the line a token stands on."""
    return doc_index(tok.doc).line(tok)


def in_capitals_line(tok: Token) -> bool:
    """A word of a line written in capitals (a headline: "MORE THAN 200 DETAINED")."""
    if len(tok) < 2:
        return False  # "I", "A": capitals on any line
    index = doc_index(tok.doc)
    start, end = index.line_chars(tok)
    memo = index.memo.setdefault("capitals_lines", {})
    if start not in memo:
        letters = [c for c in index.text[start:end] if c.isalpha()]
        memo[start] = len(letters) >= 8 and sum(map(str.isupper, letters)) / len(letters) > 0.9
    return memo[start]


def inflections(lemma: str) -> set[str]:
    """Third-person and past forms of a regular verb ("convicts", "jailed", "frees", "freed")."""
    forms = {lemma + "s", lemma + "d" if lemma.endswith("e") else lemma + "ed"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def is_headline_word(tok: Token) -> bool:
    """A capitalised word the tagger did not take for a verb, between capitalised words."""
    if not tok.is_title or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
        return False
    if tok.i == doc_index(tok.doc).sentence(tok).start:
        return False
    if tok.ent_type_ in ("PERSON", "GPE", "LOC", "NORP"):
        return False
    doc = tok.doc
    before = doc[tok.i - 1]
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return before.is_title and (after is None or after.is_title or after.is_punct)


def rank_spec(spec: PatternSpec) -> tuple[int, float]:
    """More specific patterns (more nodes) win over general ones on the same anchor."""
    return spec.size, spec.confidence


def passes_constraints(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """Check the semantic options of a pattern that the dependency pattern cannot express."""
    spec, anchor = match.spec, match.anchor
    if anchor.dep_ == "amod" and not spec.nominal:
        return False  # a participle used as an adjective: "a convicted recruiter"
    if spec.nominal and not nominal_is_event(anchor, spec):
        return False
    if spec.no_present and anchor.lemma_ == "be" and anchor.tag_ in ("VBZ", "VBP"):
        return False  # "is in a federal jail awaiting trial": a state, not an incident
    if spec.no_xcomp and any(c.dep_ == "xcomp" for c in kids(anchor)):
        return False
    if spec.nominal and is_heading(anchor):
        return False  # "2. Charges": a section title names a topic, not an incident
    if spec.exclude_heads and anchor.head.lemma_.lower() in spec.exclude_heads:
        return False
    if is_alleged_offence(anchor) or is_one_of_many(anchor, spec):
        return False
    if not spec.nominal and is_kind_of(anchor):
        return False  # "a common way of keeping critics behind bars": a practice
    if spec.nominal and (is_prison_term(anchor) or is_kind_of(anchor) or serves_sentence(anchor)):
        return False  # "sentenced him to eight years' imprisonment", "similar accusations"
    if anchor.lemma_.lower() in QUESTIONING_NOUNS | QUESTIONING_VERBS and is_procedure(anchor):
        return False  # "beaten during interrogations", "questioned as witnesses"
    if is_described_group(anchor):
        return False  # "people still imprisoned in connection with ...": a group, described
    if spec.type == "relocation" and under_ban(anchor):
        return False  # "a two-year ban on leaving the country": the ban, not a move
    if spec.nominal and is_funded_purpose(anchor):
        return False  # "approved USD 9,000 for relocation": what a grant pays for
    if spec.nominal and spec.type == "charge" and anchor.head.lower_ == "without":
        return False  # "released without charge"
    if spec.type == "harassment" and spec.nominal and pressure_begins(anchor):
        return False  # "the real pressure began after March": a summary of what follows
    if spec.type == "relocation" and moves_a_thing(anchor, lexicon):
        return False  # "the trial was moved to the regional court"
    if spec.type == "release" and lets_go_of(anchor, lexicon):
        return False  # "the men let go of him": no custody ended
    if anchor.lemma_.lower() == "disappear" and not has_person_subject(anchor, lexicon):
        return False  # "the articles were going to disappear": nobody was abducted
    if spec.type == "detention" and in_absentia(anchor):
        return False  # "sanctioned my arrest in absentia": a legal step, the person is away
    if spec.type == "intervention" and demands_an_offence(anchor):
        return False  # "his colleagues had never called for violence"
    if spec.type == "relocation" and has_own_purpose(anchor):
        return False  # "moved to Germany to study": a choice, not a forced move
    if spec.place_destination and not destination_is_place(anchor):
        return False  # "sent back to the hospital" is no deportation
    if spec.prep_victim and match.nodes[spec.prep_victim].lower_ in THING_PRONOUNS:
        return False  # "she put her hand on it": on a thing, not a person
    if any(
        name != DENIED and node.dep_ == "prep" and any(c.dep_ == "neg" for c in kids(node))
        for name, node in match.nodes.items()
    ):
        return False  # "drove him not to the police department but ...": not taken there
    if without_cause(anchor):
        return False  # "there was no reason to keep him in a SIZO": said it need not happen
    rejects = PATTERN_REJECTS.get(spec.base_id)
    if rejects is not None and rejects(match, lexicon):
        return False
    if is_no_act_against(anchor, spec.type):
        return False
    if spec.type == "relocation" and anchor.lemma_ == "leave" and anchor_is_passive(anchor):
        return False  # "their parents will be left alone": nobody moves
    if spec.type == "surveillance" and is_told_to_follow(anchor):
        return False  # "asked me to follow them": an order to come along, nobody watched
    if spec.type == "surveillance" and watched_by_bystanders(anchor):
        return False  # "other passengers began filming them": witnesses, not watchers
    if spec.type == "harassment" and names_someone(anchor, match):
        return False  # 'whom the inspector called "our colleague"': a name, not a call
    if spec.type == "harassment" and spec.nominal and threatens_a_thing(anchor, lexicon):
        return False  # "a threat to public security": a charge's wording, nobody threatened
    obj = grammatical_object(anchor)
    if obj is None and anchor.dep_ in ("conj", "dep") and anchor.pos_ == "VERB":
        obj = shared_passive_subject(anchor)  # "stopped and questioned for four hours"
    named = False  # a name given in apposition to a described one is a person's
    if obj is not None:
        described = quantified_head(obj)
        obj = named_in_apposition(described, lexicon)
        named = obj is not described
    if spec.no_object and obj is not None and not anchor_is_passive(anchor):
        return False
    if spec.require_object and obj is None and not is_agentless_passive(anchor):
        return False
    if obj is not None and spec.object != "any":
        person = named or is_person_like(obj, lexicon) or is_people_described(obj)
        if (spec.object == "person") != person:
            return False
    if spec.person_target and not targets_a_person(match.nodes[spec.person_target], lexicon):
        return False
    if spec.type == "seizure" and obj is not None and owner_acts(anchor, obj):
        return False  # "he took his laptop to the repair shop": his own doing
    if (
        spec.type == "surveillance"
        and any(c.lower_ in ("out", "aloud") for c in kids(anchor))
        and not (obj is not None and is_private_exchange(obj))
    ):
        return False  # "read out a letter that said he was a traitor": a smear, not spying
    if spec.type == "surveillance" and obj is not None and not can_be_watched(obj, lexicon):
        return False  # "monitored conditions in detention facilities"
    if spec.type == "harassment" and spoken_by_a_text(anchor):
        return False  # "a phrase insulted other groups", "content humiliating the president"
    if spec.type == "seizure" and obj is not None and obj.lemma_.lower() in NOT_SEIZABLE:
        return False  # "conspiracy to seize power"
    if spec.type == "seizure" and obj is not None and obj.lemma_.lower() in BODY_PARTS:
        return False  # "grabbed my arms": a hold on a person, not property taken
    if (
        spec.type == "intervention"
        and obj is not None
        and not is_advocate(obj, lexicon)  # "lawyers were not allowed in": they intervene
        and actor_key(obj, lexicon) is None  # "asked Russian authorities for information"
        and (counts_cases(obj) or many(obj, lexicon))
    ):
        return False  # "documented 38 cases", "has represented more than 6,000 people"
    if spec.advocate_object and (obj is None or not is_advocate(obj, lexicon)):
        return False
    if spec.not_agent == "advocate" and has_advocate_actor(anchor, lexicon):
        return False
    if spec.agent == "advocate":
        return has_advocate_actor(anchor, lexicon)
    if spec.agent == "third_party":
        return has_third_party_actor(anchor, lexicon)
    if spec.agent == "power":  # "agents phoned her": contact by an agency is pressure
        return any(they_or_an_agency(s, lexicon) for s in acting_subjects(anchor))
    return not (spec.agent == "intervener" and not has_intervener_actor(anchor, lexicon))


_TEXT_WORDS = (
    "phrase post posts content video article comment song poem text publication statement "
    "book word words message remark speech caption cartoon material materials"
)
TEXT_NOUNS = frozenset(_TEXT_WORDS.split())


def spoken_by_a_text(anchor: Token) -> bool:
    """Whether what insults or humiliates is a text ("a phrase insulted other ethnic groups",
    "content humiliating the head of state"): the wording of an offence, not pressure on
    anyone."""
    if anchor.tag_ == "VBG" and anchor.dep_ in ("acl", "relcl", "advcl") and anchor.i:
        # "content humiliating ...", also parsed as an adverbial of "published"
        text = anchor.doc[anchor.i - 1] if anchor.dep_ == "advcl" else anchor.head
        return text.lemma_.lower() in TEXT_NOUNS
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in TEXT_NOUNS for c in kids(anchor))


_QUANTIFIER_WORDS = (
    "most many some several all none few half majority rest dozens hundreds scores each any "
    "both one two three"
)
QUANTIFIERS = frozenset(_QUANTIFIER_WORDS.split())
_ACCUSATION_WORDS = (
    "accuse charge convict sentence fine fin prosecute indict try suspect guilty suspicion "
    "accusation conviction indictment"
)
ACCUSATION_HEADS = frozenset(_ACCUSATION_WORDS.split())


def named_in_apposition(obj: Token, lexicon: Lexicon) -> Token:
    """ "the oldest of the group, 70-year-old Vera Zhaleznyak": the person the apposition
    names."""
    if obj.dep_ != "nsubjpass" or is_person_like(obj, lexicon):
        return obj
    near = [*kids(obj)]
    for prep in kids(obj):  # the apposition may hang off "the group" of "the oldest of ..."
        if prep.dep_ == "prep" and prep.lower_ == "of":
            near += [c for p in kids(prep) if p.dep_ == "pobj" for c in kids(p)]
    return next((c for c in near if c.dep_ == "appos" and c.pos_ == "PROPN"), obj)


def quantified_head(obj: Token) -> Token:
    """ "most of those held", "several of them": the people are in the "of" phrase."""
    if obj.lemma_.lower() not in QUANTIFIERS and obj.pos_ != "NUM":
        return obj
    for prep in kids(obj):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in kids(prep):
                if pobj.dep_ == "pobj":
                    return pobj
    return obj


PSYCH_WORDS = frozenset({"psychiatric", "psychoneurological", "neuropsychiatric", "mental"})
HOSPITAL_WORDS = frozenset({"hospital", "clinic", "institution", "centre", "center", "asylum"})


def names_a_hospital(name: Token) -> bool:
    """Whether the document calls this name a psychiatric hospital somewhere ("Aminabad, the
    psychiatric hospital", "the Kobylino psychiatric hospital"), so that "they would send me
    to Aminabad" is a commitment."""
    memo = doc_index(name.doc).memo
    if "hospital_names" not in memo:
        hospitals = tokens_with_lemma(name.doc, HOSPITAL_WORDS)
        memo["hospital_names"] = frozenset(
            t.lower_ for h in hospitals if is_psychiatric_hospital(h) for t in hospital_names(h)
        )
    return name.lower_ in memo["hospital_names"]


def speaks_of_psychiatry(doc: Doc) -> bool:
    memo = doc_index(doc).memo
    if "psychiatry" not in memo:
        memo["psychiatry"] = bool(tokens_with_lemma(doc, PSYCH_WORDS))
    return memo["psychiatry"]


def tokens_with_lemma(doc: Doc, lemmas: frozenset[str]) -> list[Token]:
    """The Doc's tokens whose lemma is one of ``lemmas`` in any common casing (a proper
    noun keeps its capital: "Psychiatric Hospital"), read from the lemma array: cheaper than
    making a Token of every word to ask."""
    ids = {doc.vocab.strings[form] for w in lemmas for form in (w, w.title(), w.upper())}
    found = doc.to_array([LEMMA]).ravel().tolist() if len(doc) else []
    return [doc[i] for i, lemma in enumerate(found) if lemma in ids]


def is_psychiatric_hospital(noun: Token) -> bool:
    return any(
        c.lemma_.lower() in PSYCH_WORDS for c in kids(noun) if c.dep_ in ("amod", "compound")
    )


def hospital_names(noun: Token) -> list[Token]:
    """Proper names given to a psychiatric hospital noun: its compound and its apposition
    (either way)."""
    names = [c for c in kids(noun) if c.dep_ in ("compound", "appos") and c.pos_ == "PROPN"]
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        names.append(noun.head)
    return names  # not a town after "in": "a psychiatric hospital in Bishkek" is not Bishkek


MEDIA_SMEARS = frozenset({"harassment.hostile_media", "harassment.hostile_media_that"})
HOSTILE_MEDIA_MARKS = ("pro-government", "pro-kremlin", "state", "anonymous", "government")


def is_hostile_media(media: Token) -> bool:
    """ "a pro-government Telegram channel", "state television", "an anonymous channel"."""
    words = doc_index(media.doc).text[media.left_edge.idx : media.idx + len(media)].lower()
    return any(mark in words for mark in HOSTILE_MEDIA_MARKS)


def told_in_clause(word: Token, noun: Token) -> bool:
    """Whether ``word`` stands in a clause hanging on ``noun`` rather than in its name."""
    token = word
    while token.i != noun.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "advcl"):
            return True
        token = token.head
    return False


CUSTODY_PLACES = frozenset({"prison", "jail", "detention", "custody", "colony", "cell", "hospital"})


KEPT_OUT = frozenset({"outside", "out", "away", "waiting"})
# "held responsible for", "held liable": blame, no custody
HELD_TO_ACCOUNT = frozenset({"responsible", "liable", "accountable", "hostage"})


def kept_out(anchor: Token) -> bool:
    """ "was kept outside", "kept waiting": someone held back from a place, not held in it;
    "would be held responsible": blamed, not held at all."""
    return any(
        c.dep_ in ("advmod", "prt", "xcomp", "oprd", "acomp")
        and (c.lower_ in KEPT_OUT or (c.lower_ in HELD_TO_ACCOUNT and anchor.lemma_ == "hold"))
        for c in kids(anchor)
    )


CAUSE_NOUNS = frozenset({"reason", "need", "ground", "grounds", "basis", "cause", "point"})


def without_cause(anchor: Token) -> bool:
    """ "no reason to keep him", "no grounds to detain her": what is ruled out, not done."""
    noun = anchor.head
    if anchor.dep_ not in ("acl", "relcl", "xcomp") or noun.lemma_.lower() not in CAUSE_NOUNS:
        return False
    return any(c.dep_ == "det" and c.lower_ == "no" for c in kids(noun))


def is_imperative(verb: Token) -> bool:
    """ "please contact", "Contact the Bureau": addressed to the reader, nothing done."""
    if any(c.lower_ == "please" for c in kids(verb)):
        return True
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in kids(verb))
    )


def to_serve_a_term(anchor: Token) -> bool:
    """ "summoned to (begin) serving her term", "to begin his sentence": the call to prison,
    not pressure."""
    for t in anchor.subtree:
        if t is anchor or t.dep_ != "xcomp":
            continue
        if t.lemma_ == "serve" or any(c.lemma_.lower() in TERM_WORDS for c in kids(t)):
            return True
    return False


TERM_WORDS = frozenset({"sentence", "term"})


def aimed_at_a_thing(anchor: Token) -> bool:
    """ "staged the attacks to discredit it": an institution or a thing, not a person."""
    return any(c.dep_ == "dobj" and c.lower_ in THING_PRONOUNS for c in kids(anchor))


RISK_VERBS = frozenset({"face", "risk", "fear", "escape", "flee"})
IDEA_NOUNS = frozenset({"idea", "fear", "risk", "danger", "threat", "delusion", "claim", "feeling"})


def risked_or_imagined(noun: Token) -> bool:
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in RISK_VERBS:
        return True
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in IDEA_NOUNS


CARE_WORDS = frozenset(
    {"hospital", "ward", "clinic", "doctor", "psychiatrist", "physician", "here", "there"}
)


def tells_of_psychiatry(anchor: Token) -> bool:
    """A document that speaks of psychiatry, and a sentence that points at its hospital."""
    sentence = doc_index(anchor.doc).sentence(anchor)
    pointed = any(t.lower_ in CARE_WORDS or t.lemma_.lower() in CARE_WORDS for t in sentence)
    return pointed and speaks_of_psychiatry(anchor.doc)


def sentence_has_lemma(anchor: Token, lemmas: frozenset[str], before: int = 0) -> bool:
    """Whether the anchor's sentence, or one of the ``before`` sentences ahead of it, has a
    word with one of these lemmas."""
    index = doc_index(anchor.doc)
    k = index.sentence_number(anchor.i)
    sentences = index.sents[max(0, k - before) : k + 1]
    return any(t.lemma_.lower() in lemmas for sentence in sentences for t in sentence)


def names_prison(anchor: Token) -> bool:
    return sentence_has_lemma(anchor, PRISON_WORDS)


PRISON_WORDS = frozenset({"prison", "jail", "colony", "cell", "sizo", "camp", "custody", "arrest"})


def takes_medicine(anchor: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in ("tablets", "pills") for c in kids(anchor))


def discharged_after_treatment(anchor: Token) -> bool:
    """ "discharged" from a hospital in a document that never speaks of psychiatry: someone
    treated for injuries went home, no custody ended."""
    if anchor.lemma_.lower() != "discharge":
        return False
    if not sentence_has_lemma(anchor, HOSPITAL_WORDS):
        return False
    return not speaks_of_psychiatry(anchor.doc)


def out_of_custody(anchor: Token) -> bool:
    """ "he came out in December", "came out of prison": someone named or referred to walked
    free; not "came out into the street" nor "people came out" to protest."""
    for prep in kids(anchor):
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in ("into", "onto", "to"):
            return False
        if prep.lower_ in ("of", "from") and not any(
            c.lemma_.lower() in CUSTODY_PLACES for c in kids(prep)
        ):
            return False
    subjects = [c for c in kids(anchor) if c.dep_ == "nsubj"]
    if not subjects and anchor.dep_ == "conj":  # "served thirty days and came out in November"
        subjects = [c for c in kids(anchor.head) if c.dep_ == "nsubj"]
    return any(s.pos_ == "PROPN" or s.lower_ in PERSONAL_SUBJECTS for s in subjects)


PERSONAL_SUBJECTS = frozenset({"i", "he", "she", "we", "they"})


def is_mere_question(anchor: Token) -> bool:
    """ "asked about X", "asked who they were", "Asked by the defence whether": a question,
    not a request for something."""
    if anchor.lemma_.lower() != "ask":
        return False
    if any(c.dep_ in ("dobj", "dative", "xcomp") for c in kids(anchor)):
        return False  # "asked the court to ...", "asked for a fine": a request
    return not any(c.dep_ == "prep" and c.lower_ == "for" for c in kids(anchor))


JUDGMENTS = frozenset({"sentence", "verdict", "conviction", "judgment", "judgement", "ruling"})


def appeals_a_measure(appeal: Token) -> bool:
    """ "an appeal against the psychiatric examination order": a measure challenged, not a
    conviction (a bare "his appeal" is taken to be against the sentence)."""
    return any(t.lemma_.lower() not in JUDGMENTS for t in prep_objects(appeal, "against"))


PUNISHMENT_REQUESTS = frozenset(
    {"extradition", "deportation", "expulsion", "arrest", "detention", "prosecution", "custody"}
)


def asks_for_punishment(anchor: Token) -> bool:
    """ "requested his extradition", "demanded her arrest": the persecutor's request, no help."""
    objects = [c for c in kids(anchor) if c.dep_ == "dobj"] + prep_objects(anchor, "for")
    return any(o.lemma_.lower() in PUNISHMENT_REQUESTS for o in objects)


FUNDING_VERBS = frozenset({"cover", "fund", "finance", "reimburse"})
GRANTING_VERBS = FUNDING_VERBS | {"approve", "allocate", "award", "grant"}


def is_funded_purpose(noun: Token) -> bool:
    """ "to cover three months' relocation", "approved USD 9,000 for relocation": the
    purpose of money given, not an incident."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in FUNDING_VERBS:
        return True
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return False
    return prep.head.lemma_.lower() in GRANTING_VERBS or prep.head.ent_type_ == "MONEY"


def is_our_talk(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ == "our" for c in kids(noun))


def taken_by_them(anchor: Token, lexicon: Lexicon) -> bool:
    """ "before they took him", "they will take me at the airport": taken, with nowhere
    said, by an agency or by "they" (the story's officers), not led somewhere by anyone;
    "took him by force to a training unit": taken anywhere, by force."""
    forced = taken_by_force(anchor)
    if not forced and any(
        c.dep_ in ("prep", "prt") and c.lower_ not in ("at", "from", "in") for c in kids(anchor)
    ):
        return False  # "took her to school", "took him out", "took me for a walk"
    if any(c.lower_ == "where" for c in kids(anchor)):
        return False  # "asked where they were taking him": the way, asked about
    if any(
        (c.dep_ in ("dobj", "xcomp", "ccomp") and c.pos_ in ("NOUN", "VERB"))
        or (
            c.dep_ in ("advmod", "oprd", "acomp")
            and c.lower_.endswith("ly")
            and c.lower_ not in FORCE_ADVERBS
        )
        for c in kids(anchor)
    ):
        return False  # "took him seriously", "it took me three days"
    return any(
        they_or_an_agency(s, lexicon)
        or (s.lower_ == "we" and in_quotes(s))  # "we'll bring him", the officers speaking
        for s in acting_subjects(anchor)  # "they came and tried to take me"
    )


FORCE_ADVERBS = frozenset({"forcibly", "forcefully", "violently"})


def taken_by_force(verb: Token) -> bool:
    """ "took him by force", "forcibly took her": a taking against someone's will."""
    for child in kids(verb):
        if child.lower_ in FORCE_ADVERBS:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "by"
            and any(g.dep_ == "pobj" and g.lemma_.lower() == "force" for g in kids(child))
        ):
            return True
    return False


PRIVATE_SENDING = frozenset({"exchange", "send", "write", "say", "tell"})


def is_private_exchange(obj: Token) -> bool:
    """ "messages that he had exchanged only with his editor": someone's own correspondence,
    which read out to them shows it was intercepted."""
    return obj.lemma_.lower() in ("message", "conversation", "correspondence", "chat") and any(
        c.dep_ == "relcl" and c.lemma_.lower() in PRIVATE_SENDING for c in kids(obj)
    )


def acting_subjects(verb: Token) -> list[Token]:
    """Who does what a verb says: its subject (also the one a coordinated verb shares) and
    the agent of a passive."""
    subject = find_subject(verb)
    subjects = [subject] if subject is not None else []
    return subjects + [
        p for c in kids(verb) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"
    ]


def they_or_an_agency(token: Token, lexicon: Lexicon) -> bool:
    """ "they" (the story's officers) or a named agency ("KNB officers", "the police")."""
    return token.lower_ == "they" or actor_key(token, lexicon) is not None


def destination_is_place(anchor: Token) -> bool:
    """Whether every "to"/"into" destination of a verb is a named place or a homeland."""
    preps = [*kids(anchor)]
    preps += [g for c in kids(anchor) if c.dep_ in ("advmod", "prt") for g in kids(c)]
    for prep in preps:  # "sent (back) to the hospital"
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
            for pobj in kids(prep):
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("GPE", "LOC", "NORP"):
                    return pobj.lemma_.lower() in HOMELAND_WORDS
    return True


HOMELAND_WORDS = frozenset({"country", "homeland", "home", "republic", "motherland"})


OWNER_OF = {"my": "i", "our": "we", "his": "he", "her": "she", "their": "they", "its": "it"}


def owner_acts(anchor: Token, obj: Token) -> bool:
    """Whether the one taking a thing is its owner ("she took her phone")."""
    subjects = {c.lower_ for c in kids(anchor) if c.dep_ == "nsubj"}
    owners = {OWNER_OF.get(c.lower_) for c in kids(obj) if c.dep_ == "poss"}
    return bool(subjects & owners)


def shared_passive_subject(verb: Token) -> Token | None:
    """The patient a passive conjunct shares with its head ("she was stopped and searched")."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("nsubj", "dobj") for c in kids(verb)):
        return None
    head = verb.head
    while head.dep_ in ("conj", "dep") and head.tag_ == "VBN" and head.head.i != head.i:
        if any(c.dep_ == "nsubjpass" for c in kids(head)):
            break
        head = head.head  # "detained, searched, beaten and jailed": back along the list
    return next((c for c in kids(head) if c.dep_ == "nsubjpass"), None)


def is_people_described(token: Token) -> bool:
    """ "those held", "those detained": a demonstrative described by a participle."""
    return token.lower_ in ("those", "these") and any(
        c.dep_ == "acl" and c.tag_ == "VBN" for c in kids(token)
    )


def is_alleged_offence(anchor: Token) -> bool:
    """ "convicted him (in absentia) of insulting the president", "accused of beating a
    policeman": the offence a charge names is no event."""
    if is_called_offence(anchor):
        return True
    anchor = first_conjunct(anchor)  # 'convicted him of "propaganda" and "insulting the sacred"'
    prep = anchor.head
    if anchor.dep_ not in ("pcomp", "pobj") or prep.lower_ not in OFFENCE_PREPS:
        return inside_named_offence(anchor)
    governor = prep.head
    if governor.lemma_.lower() in CASE_NOUNS or opens_a_case(governor):
        return True  # "a criminal case on 'insulting the president'", "a case opened for"
    if governor.dep_ == "pobj" and governor.head.dep_ == "prep":  # "in absentia of"
        governor = governor.head.head
    if governor.i == anchor.i:
        return False
    return brings_a_charge(governor) or inside_named_offence(anchor)


def inside_named_offence(anchor: Token) -> bool:
    """ "fined him for 'violating the procedure for crossing the state border'": a word deep
    in the offence a charge names, climbing through its phrase to the charge."""
    tok = anchor
    for _ in range(6):
        if tok.dep_ not in ("pobj", "pcomp", "prep", "dobj", "acl", "compound", "amod"):
            return False
        tok = tok.head
        names_offence = tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in ("for", "of", "with")
        if names_offence and brings_a_charge(tok.head.head):
            return True
    return False


OFFENCE_PREPS = frozenset({"of", "for", "with", "on", "under"})
CASE_NOUNS = frozenset(
    {"case", "charge", "proceedings", "investigation", "prosecution", "report", "protocol"}
)


def brings_a_charge(verb: Token) -> bool:
    """ "convicted", "fined", "accused", "arrested for", or "opened a case": a verb whose
    "for"/"of" names the offence."""
    lemma = verb.lemma_.lower()
    if lemma in PUNISHING_VERBS:
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in kids(verb))
    return lemma in ACCUSATION_HEADS or opens_a_case(verb)


PUNISHING_VERBS = frozenset({"arrest", "detain", "jail", "imprison"})


def opens_a_case(verb: Token) -> bool:
    """ "opened a criminal case against me ... for 'attacks on the constitutional order'",
    "a case opened against him for ..."."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in CASE_NOUNS for c in kids(verb)):
        return True
    if verb.lemma_.lower() not in CASE_VERBS:
        return False
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in CASE_NOUNS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "against" for c in kids(verb))


CASE_VERBS = frozenset({"open", "initiate", "launch", "institute", "bring", "file"})


OFFENCE_NOUNS = frozenset(
    {
        "violence",
        "riot",
        "riots",
        "unrest",
        "disorder",
        "overthrow",
        "hatred",
        "extremism",
        "terrorism",
        "separatism",
        "war",
        "jihad",
        "uprising",
        "revolt",
        "insurrection",
        "sabotage",
        "boycott",
    }
)
CALL_HEADS = frozenset({"call", "calls", "incite", "incitement", "appeal", "urge", "propaganda"})


NOT_SEIZABLE = frozenset({"power", "control", "initiative", "opportunity", "chance", "moment"})
ASPECT_VERBS = frozenset({"begin", "start", "continue", "grow", "increase", "intensify"})


def pressure_begins(anchor: Token) -> bool:
    return anchor.dep_ == "nsubj" and anchor.head.lemma_.lower() in ASPECT_VERBS


def moves_a_thing(anchor: Token, lexicon: Lexicon) -> bool:
    """A move whose mover is a thing ("the largest trial was moved to Bukhara")."""
    if anchor.pos_ != "VERB":
        return False
    if any(c.dep_ == "dobj" and is_person_like(c, lexicon) for c in kids(anchor)):
        return False  # "the ministry expelled him": the subject acts, the object moves
    movers = [c for c in kids(anchor) if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(movers) and not any(
        m.pos_ in ("PRON", "PROPN") or is_person_like(m, lexicon) or m.ent_type_ for m in movers
    )


def has_person_subject(verb: Token, lexicon: Lexicon) -> bool:
    subjects = [c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    return any(is_person_like(s, lexicon) for s in subjects)


def in_absentia(anchor: Token) -> bool:
    return any(t.lower_ == "absentia" for t in anchor.head.subtree)


def demands_an_offence(anchor: Token) -> bool:
    """A call whose object is an offence ("called for violence"), not a plea for someone."""
    return any(
        obj.lemma_.lower() in OFFENCE_NOUNS
        for prep in kids(anchor)
        if prep.dep_ == "prep" and prep.lower_ in ("for", "to")
        for obj in kids(prep)
        if obj.dep_ == "pobj"
    )


def is_called_offence(anchor: Token) -> bool:
    """ "calls to violence", "incitement to riots": the offence a call is accused of."""
    prep = anchor.head
    return (
        anchor.dep_ == "pobj"
        and anchor.lemma_.lower() in OFFENCE_NOUNS
        and prep.lower_ in ("for", "to")
        and prep.head.lemma_.lower() in CALL_HEADS
    )


SERIES_NOUNS = frozenset({
    "summary", "list", "digest", "overview", "database", "tally", "record", "review", "series",
    "string", "spate", "wave", "number", "history", "pattern", "practice", "rise", "increase",
    "surge",
})  # fmt: skip


def is_one_of_many(anchor: Token, spec) -> bool:
    """ "a string of criminal cases against reporters", "the latest in a series of sentences":
    a tally of many incidents, not one."""
    prep = anchor.head
    if not spec.nominal or anchor.dep_ != "pobj" or prep.lower_ != "of":
        return False
    if counts_cases(prep.head):
        return True  # "38 cases of pressure"
    return anchor.tag_ == "NNS" and prep.head.lemma_.lower() in SERIES_NOUNS


FLIGHT_PURPOSES = frozenset({"escape", "avoid", "flee", "hide", "evade", "save", "seek", "protect"})


def has_own_purpose(anchor: Token) -> bool:
    """A move with a purpose of its own ("to study", "to work"), unless that purpose is flight."""
    for clause in kids(anchor):
        if clause.dep_ not in ("advcl", "xcomp") or clause.tag_ != "VB":
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(clause)):
            return clause.lemma_.lower() not in FLIGHT_PURPOSES
    return False


REASSURANCES = frozenset({"worry", "cry", "panic", "fear", "be", "forget", "hurry", "lose"})


def made_to_come(verb: Token) -> bool:
    """ "had to go with them", "must come with us", "you will go with him": the going is
    required or promised, not chosen."""
    if any(
        c.dep_ == "aux" and c.lower_ in ("must", "will", "would", "'ll", "shall")
        for c in kids(verb)
    ):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in (
        "have",
        "order",
        "tell",
        "force",
        "make",
    )


def travel_purpose(anchor: Token) -> bool:
    """ "took her to the station to catch the train": taken somewhere to travel on."""
    return any(
        clause.dep_ in ("advcl", "xcomp")
        and clause.lemma_.lower() in TRAVEL_PURPOSES
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(clause))
        for clause in kids(anchor)
    )


TRAVEL_PURPOSES = frozenset({"catch", "board", "meet", "buy", "see"})


def is_heading(anchor: Token) -> bool:
    """Whether a word stands on a section title: alone on its line (maybe numbered), or in
    a short verbless line without closing punctuation ("Pressure on family")."""
    line = line_text(anchor).strip()
    words = [w for w in line.rstrip(".:").split() if not w.rstrip(".)").isdigit()]
    if len(words) <= 2 and anchor.text in words:
        return True
    if len(words) > 4 or not line or line[-1] in ".!?\"'”»:;,":
        return False
    first, end = doc_index(anchor.doc).line_tokens(anchor)
    return not any(t.pos_ in ("VERB", "AUX") for t in anchor.doc[first:end])


QUESTIONING_NOUNS = frozenset({"interrogation", "questioning", "interview"})
QUESTIONING_VERBS = frozenset({"question", "interrogate"})
WATCHABLE = frozenset(
    {
        "letter",
        "letters",
        "parcel",
        "phone",
        "telephone",
        "call",
        "calls",
        "number",
        "line",
        "flat",
        "apartment",
        "house",
        "home",
        "office",
        "building",
        "door",
        "account",
        "access",  # "gained access to her account": the account, reached
        "message",
        "messages",
        "correspondence",
        "communication",
        "communications",
        "movement",
        "movements",
        "activity",
        "activities",
        "post",
        "posts",
        "page",
        "email",
        "emails",
        "mail",
        "channel",
        "inbox",
        "recording",
        "recordings",
        "profile",
        "car",
        "family",
        "relative",
        "relatives",
        "entrance",
        "window",
        "yard",
        "street",
        "meeting",
        "meetings",
        "conversation",
        "conversations",
        "talk",
        "chat",
        "chats",
        "vehicle",
        "van",
    }
)


def is_procedure(anchor: Token) -> bool:
    """Questioning as the purpose or setting of custody ("taken for questioning", "during
    interrogations") or of witnesses ("questioned as witnesses")."""
    if anchor.head.lower_ in ("during", "for") and anchor.dep_ == "pobj":
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(o.lemma_.lower() in ("witness", "witnesses") for o in kids(c))
        for c in kids(anchor)
    )


def can_be_watched(obj: Token, lexicon: Lexicon) -> bool:
    """People, their homes, things and communications; not "conditions" or "the elections"."""
    if obj.pos_ in ("PRON", "PROPN") or is_person_like(obj, lexicon) or obj.ent_type_:
        return True  # people, named things ("a white Lada") and organisations
    if obj.lemma_.lower() in WATCHABLE or obj.lower_ in WATCHABLE:
        return True
    return any(said_over_a_line(o) for o in (obj, *obj.conjuncts))


QUOTING_VERBS = frozenset({"quote", "repeat", "recite", "cite", "know"})
LINES = frozenset({"phone", "telephone", "call", "message", "messenger", "email", "chat", "app"})


def said_over_a_line(obj: Token) -> bool:
    """ "things I had said to my sister on the telephone": words sent over a line."""
    return any(
        c.dep_ == "relcl"
        and c.lemma_.lower() in PRIVATE_SENDING
        and any(t.lemma_.lower() in LINES for t in c.subtree)
        for c in kids(obj)
    )


def many(obj: Token, lexicon: Lexicon) -> bool:
    """A career's count or class of people ("represented political prisoners, journalists")."""
    if not is_person_like(obj, lexicon):
        return False
    counts = [c.text.replace(",", "") for c in obj.subtree if c.like_num and c.i < obj.i]
    if any(count.isdigit() and int(count) >= 10 for count in counts):
        return True  # "more than 6,000 people"
    dets = [c for c in kids(obj) if c.dep_ in ("det", "poss", "nummod")]
    return obj.tag_ == "NNS" and not dets and obj.ent_type_ == ""


BODY_PARTS = frozenset(
    {
        "arm",
        "hand",
        "finger",
        "leg",
        "rib",
        "nose",
        "jaw",
        "wrist",
        "tooth",
        "skull",
        "shoulder",
        "neck",
        "knee",
        "elbow",
        "hair",
        "collar",
        "throat",
        "head",
        "foot",
        "ear",
        "sleeve",
    }
)
PRISON_TERMS = frozenset({"imprisonment", "prison", "jail", "incarceration", "confinement"})
SENTENCING_WORDS = frozenset({"sentence", "condemn", "commute", "reduce", "term"})
GROUP_WORDS = frozenset({"those", "people", "others", "many"})
KIND_WORDS = frozenset({"similar", "such"})
BAN_WORDS = frozenset({"ban", "prohibit", "forbid", "bar", "prohibition", "restriction"})


def is_described_group(anchor: Token) -> bool:
    """A participle describing a group inside a clause ("families of people still imprisoned
    in connection with ..."); as a headline's whole ("Dozens of students detained") it tells
    an incident."""
    head = anchor.head
    if anchor.dep_ != "acl" or anchor.tag_ != "VBN" or head.dep_ == "ROOT":
        return False
    if head.lower_ in GROUP_WORDS:
        return True
    # "the number of Baha'is arrested", "other journalists arrested over the past two years"
    counted = head.dep_ == "pobj" and head.head.head.lemma_.lower() in TALLY_HEADS
    over_years = any(c.dep_ == "prep" and spans_years(c) for c in kids(anchor))
    return head.tag_ == "NNS" and (counted or over_years)


TALLY_HEADS = frozenset({"number", "dozens", "hundreds", "thousands", "list", "tally", "count"})


def is_prison_term(anchor: Token) -> bool:
    """The term a sentence imposes ("sentenced to five years' imprisonment", "got 15 days of
    arrest"): part of the sentence, not a detention of its own."""
    if anchor.lemma_.lower() in ("arrest", "detention") and (
        counted_term(anchor) or sentenced_to(anchor)
    ):
        return True
    if anchor.lemma_.lower() not in PRISON_TERMS:
        return False
    for tok in [anchor, *list(anchor.ancestors)[:4]]:
        if tok.lemma_.lower() in SENTENCING_WORDS and tok.i != anchor.i:
            return True
    return False


def sentenced_to(anchor: Token) -> bool:
    """ "sentenced fourteen participants to administrative arrest", "handed down fourteen
    administrative arrests": the penalty imposed."""
    head = anchor.head
    if anchor.dep_ == "dobj":
        return head.lemma_.lower() in IMPOSING_VERBS
    return (
        anchor.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lemma_.lower() in SENTENCING_WORDS
    )


IMPOSING_VERBS = frozenset({"impose", "hand", "give"})


TERM_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


def counted_term(anchor: Token) -> bool:
    """ "15 days of arrest", "ten days' administrative detention": a counted term."""
    doc = anchor.doc
    for t in doc[max(0, anchor.i - 4) : anchor.i]:
        if t.lower_.rstrip("'’") not in TERM_UNITS or t.i == 0 or not doc[t.i - 1].like_num:
            continue
        between = doc[t.i + 1 : anchor.i]
        if all(w.lower_ in ("of", "'", "’", "'s") or w.pos_ == "ADJ" for w in between):
            return True
    return False


def is_kind_of(anchor: Token) -> bool:
    """ "similar accusations", "such arrests", "a way of keeping critics behind bars": a kind
    of event, not one."""
    of = anchor.head
    if (
        anchor.dep_ in ("pcomp", "pobj")
        and of.lower_ == "of"
        and of.head.lemma_.lower() in MEANS_NOUNS
    ):
        return True
    if (
        anchor.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in RECORD_NOUNS
        and not any(c.dep_ in ("det", "poss") for c in kids(anchor))
    ):
        return True  # "dates of arrest", "a record of detention": a field of a record
    if anchor.dep_ in ("acl", "relcl") and anchor.head.lemma_.lower() in MEANS_NOUNS:
        return True  # "a way to discredit the complainant"
    return any(c.dep_ == "amod" and c.lower_ in KIND_WORDS for c in kids(anchor))


MEANS_NOUNS = frozenset({"way", "method", "means", "tool", "tactic", "practice", "form"})
RECORD_NOUNS = frozenset({"date", "record", "register", "certificate", "statistic", "log"})
SUPPORTED_CAUSES = frozenset(
    {"strike", "protest", "rally", "campaign", "demonstration", "boycott", "petition"}
    | {"initiative", "bill", "law", "proposal", "idea", "decision", "position", "motion"}
)


def supports_a_cause(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SUPPORTED_CAUSES for c in kids(verb))


def serves_sentence(anchor: Token) -> bool:
    """ "serving his sentence": the sentence told before, now being served."""
    return anchor.lemma_.lower() == "sentence" and anchor.head.lemma_.lower() == "serve"


def under_ban(anchor: Token) -> bool:
    return any(t.lemma_.lower() in BAN_WORDS for t in list(anchor.ancestors)[:3])


# A pattern's own reading check, by pattern id: the match is no event when it answers True.
PATTERN_REJECTS: dict[str, Callable[[TriggerMatch, Lexicon], bool]] = {
    # "beat him to make him sign a confession": the purpose of the beating, not a second act
    "harassment.made_to_sign": lambda m, lex: m.anchor.dep_ == "advcl" and is_infinitive(m.anchor),
    # "you will end up in Samashki": a fate in a place the document calls a psychiatric one
    "psych.fate_in_hospital_named_before": lambda m, lex: not names_a_hospital(m.nodes["dest"]),
    # "the union supported a strike": a cause backed, nobody helped
    "intervention.defend": lambda m, lex: supports_a_cause(m.anchor),
    # "things I had said on the phone" were quoted back or known: otherwise just a call
    "surveillance.quoted_private_talk": lambda m, lex: (
        not any(a.lemma_.lower() in QUOTING_VERBS for a in m.anchor.ancestors)
    ),
    # "sent to Navinki" is a commitment where the text calls Navinki a hospital
    "psych.to_hospital_named_before": lambda m, lex: not names_a_hospital(m.nodes["name"]),
    # "to the station, where I was told to take a drug test": that clause tells the test
    "drug_test.to_place": lambda m, lex: told_in_clause(m.nodes["mod"], m.nodes["dest"]),
    # "Radio Azattyq published an interview": journalism, not a smear
    **dict.fromkeys(MEDIA_SMEARS, lambda m, lex: not is_hostile_media(m.nodes["media"])),
    # "came out into the street", "people came out in Nukus"
    "release.came_out": lambda m, lex: not out_of_custody(m.anchor),
    # "they asked about our funding", "when he asked who they were"
    # "rejected his appeal against the examination order": no conviction stands
    **dict.fromkeys(
        ("charge.court_rejects_appeal", "charge.appeal_was_rejected"),
        lambda m, lex: appeals_a_measure(m.nodes["appeal"]),
    ),
    # "submitted the case to the UN Special Rapporteur", not "to the police"
    "intervention.submitted_to_body": lambda m, lex: not is_advocate(m.nodes["body"], lex),
    "intervention.defence_acts": lambda m, lex: (
        is_mere_question(m.anchor) or asks_for_punishment(m.anchor)
    ),
    # "an edited transcript of our conversation with ...": an interview
    "surveillance.records_of_messages": lambda m, lex: is_our_talk(m.nodes["what"]),
    # "my father took me to school": a bare "took him" is custody by agents
    "detention.took_person": lambda m, lex: not taken_by_them(m.anchor, lex),
    # "the lawyer was kept outside until 9 p.m.": kept out of the station, not in it
    "detention.held_for": lambda m, lex: kept_out(m.anchor),
    # "placed under observation in a psychiatric hospital": care, not spying
    "surveillance.under_watch": lambda m, lex: sentence_has_lemma(m.anchor, PSYCH_WORDS),
    # "she refused to take tablets": medicine, not a device
    # "I said I had taken money from a party abroad": the narrator takes, nothing is seized
    "seizure.take_item": lambda m, lex: takes_medicine(m.anchor) or taken_by_us(m.anchor),
    "seizure.take_thing": lambda m, lex: takes_medicine(m.anchor),
    # "For media enquiries, please contact the Bureau": an invitation to the reader
    "intervention.contact_advocate": lambda m, lex: is_imperative(m.anchor),
    # "in the centre he has not been ill-treated": "been" links a state, no stay told
    "detention.spent_in_centre": lambda m, lex: (
        m.anchor.lemma_ == "be"
        and any(c.dep_ in ("acomp", "attr", "oprd", "xcomp") for c in kids(m.anchor))
    ),
    # "the emergency department of the hospital": only the story's own bare "the department";
    # "took her to the station to catch the train": a lift, no custody
    "detention.to_the_station": lambda m, lex: (
        any(c.dep_ in ("compound", "amod") for c in kids(m.nodes["dest"]))
        or travel_purpose(m.anchor)
    ),
    # "put his hand on the phone on the table": on a thing, not on a person
    "assault.laid_hand": lambda m, lex: (
        not (is_person_like(m.nodes["whom"], lex) or m.nodes["whom"].lemma_.lower() in BODY_PARTS)
    ),
    # "I had to go with them", "or you will go with him": taken along; "I went with them
    # to the shop" is company
    "detention.go_with_them": lambda m, lex: not made_to_come(m.anchor),
    # "uses facial recognition to stop people who ...": a practice, nobody in particular
    "detention.stopped_person": lambda m, lex: bare_plural_noun(m.nodes["who"], ("NNS", "NNPS")),
    # "the doctor told me not to worry": comfort, not pressure
    "harassment.told_not_to": lambda m, lex: m.nodes["act"].lemma_.lower() in REASSURANCES,
    # "the border guard called somebody": a call for help, nobody pressed
    "harassment.agent_contact": lambda m, lex: (
        (grammatical_object(m.anchor) or m.anchor).lower_
        in ("somebody", "someone", "anybody", "anyone")
    ),
    # "could face persecution at home", "a delusional idea of persecution": a risk or a belief
    "harassment.noun": lambda m, lex: risked_or_imagined(m.anchor),
    # "you will be back here": a return to the hospital only where the text is about one
    **dict.fromkeys(
        ("psych.back_here", "psych.back_here_adv", "psych.to_the_hospital_again"),
        lambda m, lex: not tells_of_psychiatry(m.anchor),
    ),
    # "next time they could keep me for a year": a return threatened where the text is about
    # psychiatry and the sentence names no prison
    "psych.next_time": lambda m, lex: (
        not speaks_of_psychiatry(m.anchor.doc) or names_prison(m.anchor)
    ),
    # "before leaving, one of them warned him", "allowed to leave after questioning", "a name
    # I will leave out": no exile in prospect
    "relocation.leave_bare": lambda m, lex: (
        m.anchor.dep_ == "pcomp"
        or m.anchor.head.lemma_.lower() in ("allow", "permit", "let")
        or any(c.dep_ == "prt" for c in kids(m.anchor))
    ),
    # "was flown to Moscow for treatment": a trip with its purpose, no removal
    "relocation.flown_to": lambda m, lex: any(
        c.dep_ == "prep" and c.lower_ == "for" for c in kids(m.anchor)
    ),
    # "pushed him back against the wall": a shove, not a return ("against her will" is one)
    "relocation.send_back": lambda m, lex: any(
        c.dep_ == "prep" and c.lower_ == "against" and not wills_against(c) for c in kids(m.anchor)
    ),
    # "lawyers were refused entry to police stations": help kept out, not a travel ban
    "harassment.denied_entry": lambda m, lex: has_advocate_actor(m.anchor, lex),
    # "Let's go back to the airport": a suggestion, nobody let go
    # "let me go out in the evening": a permission, no custody ended
    **dict.fromkeys(
        ("release.let_go", "release.let_go_who"),
        lambda m, lex: any(
            c.lower_ == "'s" or (c.dep_ in ("prt", "advmod") and c.lower_ == "out")
            for node in m.nodes.values()
            for c in kids(node)
        ),
    ),
    # "was taken to the Republican Hospital with a concussion and discharged": treated, not held
    "release.verb": lambda m, lex: discharged_after_treatment(m.anchor),
    # "what frightens me most": a fear, nobody threatening (with harassment.person_verb)
    # "has not been summoned to serve her sentence": the call to prison, not pressure
    "harassment.verb": lambda m, lex: to_serve_a_term(m.anchor) or aimed_at_a_thing(m.anchor),
    "harassment.person_verb": lambda m, lex: (
        aimed_at_a_thing(m.anchor)
        or any(c.dep_ == "nsubj" and c.lower_ in THING_SUBJECTS for c in kids(m.anchor))
    ),
    # "when the protests broke out in Nukus": nothing broken into; "forced marriage or
    # violence in the name of honour": a kind of marriage
    "seizure.break_into": lambda m, lex: (
        m.anchor.dep_ == "amod"
        or any(c.dep_ == "prt" and c.lower_ in ("out", "down", "up") for c in kids(m.anchor))
        or any(
            p.lemma_.lower() in ("name", "way", "case", "front", "presence")
            for c in kids(m.anchor)
            if c.lower_ == "in"
            for p in kids(c)
        )
    ),
}


def lets_go_of(anchor: Token, lexicon: Lexicon) -> bool:
    """ "let go of him": a grip released, not a person freed from custody."""
    if anchor.lemma_.lower() not in ("let", "go"):
        return False
    verb = anchor if anchor.lemma_.lower() == "let" else anchor.head
    words = [verb, *kids(verb), *(g for c in kids(verb) for g in kids(c))]
    go = next((w for w in words if w.lower_ == "go"), None)
    if go is None:
        return False
    held = [c for c in (*kids(go), *kids(verb)) if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    if any(not is_person_like(c, lexicon) for c in held):
        return True  # "he let it go", "they let the bus go": a thing, not a person
    # "was let go": the passive subject may be shared with an earlier verb of the list
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(verb))
    if go.i == verb.i + 1 and not passive:
        return True  # "the agent finally let go": of something held ("nine were let go" frees)
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in kids(go)):
        return True  # "let me go to the toilet": leave to go somewhere, not freedom
    # after the verb: "one of them was let go" frees one of a group
    return any(w.dep_ == "prep" and w.lower_ == "of" and w.i > verb.i for w in words)


THING_PRONOUNS = frozenset({"it", "this", "that"})
THING_SUBJECTS = THING_PRONOUNS | {"what", "which", "everything", "nothing"}
ORDER_VERBS = frozenset({"ask", "tell", "order", "invite", "instruct", "demand", "request"})


def takes_out(anchor: Token) -> bool:
    """ "took out his phone" (but "carried out a search" stays)."""
    return anchor.lemma_.lower() in ("take", "pull", "get") and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in kids(anchor)
    )


def is_no_act_against(anchor: Token, etype: str) -> bool:
    """Checks a sentence backstop's anchor needs as much as a pattern's: a thing its holder
    handles, a summons to serve a sentence already imposed."""
    if etype == "seizure":  # "took out his phone to film the scene": brought out, not taken
        return takes_out(anchor) or is_own_thing_handled(anchor)
    if etype == "harassment":
        return is_summoned_to_serve(anchor)  # "not yet been summoned to serve the sentence"
    return False


def is_own_thing_handled(thing: Token) -> bool:
    """A thing its holder takes out or takes along ("took out his phone", "she took her
    bag"): the noun a backstop may anchor on instead of the verb."""
    if thing.pos_ != "NOUN" or thing.dep_ != "dobj":
        return False
    verb = thing.head
    return takes_out(verb) or owner_acts(verb, thing)


def is_summoned_to_serve(anchor: Token) -> bool:
    """ "summoned to serve the sentence": the call to begin a term already imposed."""
    return anchor.lemma_.lower() in ("summon", "call", "order") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() == "serve" for c in kids(anchor)
    )


def is_told_to_follow(anchor: Token) -> bool:
    """ "asked me to follow them": the person is ordered to come along."""
    return (
        anchor.lemma_.lower() == "follow"
        and anchor.dep_ == "xcomp"
        and anchor.head.lemma_.lower() in ORDER_VERBS
    )


BYSTANDERS = frozenset(
    {"passenger", "passerby", "passer", "bystander", "onlooker", "crowd", "witness", "motorist"}
)


def watched_by_bystanders(anchor: Token) -> bool:
    subject = find_subject(anchor)
    return subject is not None and subject.lemma_.lower() in BYSTANDERS


def names_someone(anchor: Token, match: TriggerMatch) -> bool:
    """ "called" with a name or title as its complement, outside the labelling patterns."""
    return (
        anchor.lemma_.lower() == "call"
        and len(match.nodes) == 1
        and any(c.dep_ in ("oprd", "attr", "ccomp", "xcomp") for c in kids(anchor))
    )


def threatens_a_thing(anchor: Token, lexicon: Lexicon) -> bool:
    """ "a threat to public security": what is threatened is no person."""
    if anchor.lemma_.lower() != "threat":
        return False
    targets = [g for c in kids(anchor) if c.dep_ == "prep" and c.lower_ == "to" for g in kids(c)]
    targets = [t for t in targets if t.dep_ == "pobj"]
    return bool(targets) and not any(is_person_like(t, lexicon) for t in targets)


def counts_cases(obj: Token) -> bool:
    """ "38 cases": a counted tally of incidents."""
    return obj.lemma_.lower() in ("case", "incident", "instance") and any(
        c.dep_ == "nummod" for c in kids(obj)
    )


def taken_by_us(verb: Token) -> bool:
    """The taker is the narrator ("I", "we"), not someone seizing from them."""
    return any(s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in kids(verb))


def wills_against(prep: Token) -> bool:
    """ "against her will", "against their wishes": a person's will overridden."""
    return any(p.lemma_.lower() in ("will", "wish", "consent") for p in kids(prep))


def targets_a_person(noun: Token, lexicon: Lexicon) -> bool:
    """ "a case against me" is legal action; "a probe into the explosion" is not."""
    targets = [
        pobj
        for prep in [*kids(noun), *kids(noun.head)]
        if prep.dep_ == "prep" and prep.lower_ in ("into", "over", "on", "against", "of")
        for pobj in kids(prep)
        if pobj.dep_ == "pobj"
    ]
    return not targets or any(is_person_like(t, lexicon) for t in targets)


def is_agentless_passive(token: Token) -> bool:
    """ "without being charged": a passive participle whose patient is left implicit; also a
    case summary's note that opens with one ("Charged under Art. 280.3 ..."), about the
    person the summary is about."""
    if any(c.dep_ == "auxpass" for c in kids(token)) and token.dep_ == "pcomp":
        return True
    return (
        token.tag_ == "VBN"
        and token.dep_ == "ROOT"
        and token.is_sent_start
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in kids(token))
    )


def anchor_is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in kids(token))


def nominal_is_event(noun: Token, spec: PatternSpec) -> bool:
    """A noun names an event unless it only modifies another noun or is used idiomatically.

    "arrest warrant", "detention centre", "drug test results": a compound modifier is not an
    event by itself (light-verb patterns anchor on the verb instead). "attempt" heads keep
    their compound ("an assassination attempt"). "in charge" and "press release" are idioms.
    """
    if noun.dep_ == "compound" and noun.head.lemma_ not in ("attempt", "plot", "try", "bid"):
        return False
    mods = {c.lemma_.lower() for c in kids(noun) if c.dep_ in ("compound", "amod", "nmod")}
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
    candidates = [c for c in kids(anchor) if c.dep_ in ("nsubj", "poss", "compound")]
    if anchor.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in candidates):
        candidates += acting_subjects(anchor)  # "a lawyer agreed to represent the family"
    for child in kids(anchor):
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from", "of"):
            candidates.extend(c for c in kids(child) if c.dep_ == "pobj")
    return any(is_intervener_like(c, lexicon) for c in candidates)


ADVOCATE_ENTS = frozenset({"ORG", "NORP"})


def has_advocate_actor(anchor: Token, lexicon: Lexicon) -> bool:
    """Whether the one appealing/campaigning/filing is a third-party advocate: an organisation,
    a lawyer or defender (also "lawyer Ivan Petrov", "Petrov, her lawyer", "he" for one), never
    an agency of the state ("the court", "police") or the narrator."""
    actors = [c for c in kids(anchor) if c.dep_ == "nsubj"]
    if anchor.lemma_.lower() in PUBLIC_ACTS or (
        anchor.lemma_.lower() in HELPING_ACTS and anchor.tag_ == "VBD"
    ):
        actors = through_relative(anchor, actors)  # "the CPJ and the OSCE, who issued ..."
    elif anchor.lemma_.lower() in ("ask", "request") and any(
        c.dep_ == "dobj" and c.ent_type_ in ADVOCATE_ENTS | {"GPE"} for c in kids(anchor)
    ):
        actors = through_relative(anchor, actors)  # "the Committee, which asked Moscow to"
    if not actors and anchor.lemma_.lower() in ACCESS_VERBS:  # "the lawyer was denied access"
        actors = [c for c in kids(anchor) if c.dep_ == "nsubjpass" and c.ent_type_ != "NORP"]
        actors = through_relative(anchor, actors)  # "Mr Saidov, who was refused access"
    if anchor.dep_ == "acl" and anchor.tag_ == "VBD":
        actors.append(anchor.head)  # "rights groups called for ...": a misparsed main verb
    current = anchor
    while not actors and current.dep_ in ("conj", "xcomp") and current.head.i != current.i:
        current = current.head  # "NGOs condemned the arrest and called for ..."
        actors = [c for c in kids(current) if c.dep_ == "nsubj"]
        if not actors and anchor.dep_ == "conj":  # "the lawyer was barred ... and has filed"
            actors = [c for c in kids(current) if c.dep_ == "nsubjpass"]
    for child in kids(anchor):
        if child.dep_ == "agent":
            actors.extend(c for c in kids(child) if c.dep_ == "pobj")
    for child in kids(anchor):  # a nominal trigger's owner: "Amnesty's appeal"
        if child.dep_ == "poss":
            actors.append(child)
    if anchor.lemma_.lower() in ACCESS_ACTS and not visits_one_person(anchor):
        return False  # "I have met three other women who were sent there": research
    if anchor.lemma_.lower() in COUNSEL_FILINGS | ACCESS_VERBS | ACCESS_ACTS and any(
        a.lower_ in lexicon.first_singular | lexicon.first_plural and not in_quotes(a)
        for a in actors
    ):  # "I lodged an appeal", "we will file a complaint" in a lawyer's statement
        # "we submitted the case to the UN" in an NGO's statement
        return narrator_is_counsel(anchor.doc) or helpers_speaking(actors)
    return any(is_advocate(a, lexicon) for a in actors)


def helpers_speaking(actors: list[Token]) -> bool:
    return any(
        a.lower_ in ("we", "us", "our") and not in_quotes(a) and speaks_for_helpers(a.doc)
        for a in actors
    )


HELPER_BODIES = frozenset(
    {
        "organisation", "organization", "centre", "center", "network", "union", "fund", "desk",
        "association", "foundation", "coalition", "clinic", "hotline", "shelter", "initiative",
        "project", "monitor", "monitors", "lawyer", "lawyers", "volunteer", "volunteers",
    }
)  # fmt: skip


def speaks_for_helpers(doc: Doc) -> bool:
    """Whether "we" in the document are helpers: it speaks of "our organisation", "our
    lawyers", "our hotline" (an NGO's statement, a fund's report), not of a family's "we"."""
    memo = doc_index(doc).memo
    if "helper_voice" not in memo:
        memo["helper_voice"] = any(
            t.lower_ == "our" and t.head.lemma_.lower() in HELPER_BODIES for t in doc
        )
    return memo["helper_voice"]


LAWYER_WORDS = frozenset({"lawyer", "attorney", "advocate", "counsel", "solicitor", "barrister"})
ACCESS_VERBS = frozenset(
    {"deny", "refuse", "bar", "keep", "allow", "permit", "let", "admit", "prevent", "stop", "turn"}
)


def visits_one_person(verb: Token) -> bool:
    """ "see him", "meet my client", "visit Karimov": one person visited."""
    return any(
        c.dep_ == "dobj" and (c.pos_ in ("PRON", "PROPN") or c.lemma_.lower() == "client")
        for c in kids(verb)
    )


COUNSEL_FILINGS = frozenset({"appeal", "file", "lodge", "submit", "complain", "petition", "report"})


def is_advocate(token: Token, lexicon: Lexicon, depth: int = 0) -> bool:
    lower, lemma = token.lower_, token.lemma_.lower()
    if is_foreign_office(token):
        return True  # "Ukraine's Foreign Ministry condemned the searches": another state helps
    if lower in lexicon.first_singular or actor_key(token, lexicon) is not None:
        return False
    if token.pos_ == "PRON":
        if depth:
            return False
        speaker = reporting_subject(token)
        if lower in ("it", "they") and speaker is not None:
            return is_advocate(speaker, lexicon, depth + 1)  # "the Mission said it had asked"
        if lower == "it" and speaker is None:
            body = previous_subject_body(token)  # "The Working Group ... It refers the case"
            return body is not None and is_advocate(body, lexicon, depth + 1)
        if lower not in lexicon.third_singular | lexicon.third_plural:
            return False
        antecedent = previous_person(token, lexicon)
        return antecedent is not None and is_advocate(antecedent, lexicon, depth + 1)
    owners = [c for c in kids(token) if c.dep_ == "poss"] if lemma in STAFF_OF else []
    if owners:  # "the Public Defender's office" helps; "the Prosecutor General's Office" not
        return any(helper_title(o, lexicon) for o in owners)
    if lemma in STAFF_OF and not depth:
        bodies = [o for p in kids(token) if p.lower_ == "of" for o in kids(p) if o.dep_ == "pobj"]
        if bodies:  # "the office of UNHCR in Ankara", "staff of the Norwegian embassy"
            return any(is_advocate(b, lexicon, depth + 1) for b in bodies)
    if token.ent_type_ in ADVOCATE_ENTS:
        return True
    if (token.pos_ == "PROPN" or token.ent_type_ == "PERSON") and token.lower_ in counsel_names(
        token.doc
    ):
        return True  # also a surname the tagger read as a noun ("Anikin has lodged an appeal")
    if (
        token.is_upper
        and len(token) >= 3
        and token.pos_ in ("PROPN", "NOUN")
        and token.dep_ == "nsubj"
    ):
        return True  # an organisation's acronym the NER did not label ("BAJ condemned ...")
    if {lemma, lower, lower.removesuffix("s")} & lexicon.intervener_heads:
        return True  # also a plural in a name: "Front Line Defenders"
    related = [c for c in kids(token) if c.dep_ in ("compound", "appos", "amod", "nmod")]
    if token.dep_ == "appos":
        related.append(token.head)
    if (
        not depth
        and token.pos_ == "NOUN"
        and any(is_advocate(body, lexicon, depth + 1) for body in prep_objects(token, "from"))
    ):
        return True  # "a woman from the Caucasus Justice Project", "a volunteer from Memorial"
    # "lawyer Ivan Petrov", "Petrov, her lawyer", "the OSCE representative"
    return any(r.lemma_.lower() in COUNSEL or r.ent_type_ in ADVOCATE_ENTS for r in related)


FOREIGN_OFFICES = frozenset({"ministry", "minister", "office", "department", "secretary"})


def is_foreign_office(token: Token) -> bool:
    """ "the Foreign Ministry", "the Ministry of Foreign Affairs", "the State Department": a
    state speaking of what is done abroad or to its citizens there."""
    if token.lemma_.lower() not in FOREIGN_OFFICES:
        return False
    words = [c.lower_ for c in kids(token) if c.dep_ in ("compound", "amod")]
    for pobj in (g for c in kids(token) if c.dep_ == "prep" for g in kids(c)):
        words += [pobj.lower_, *(c.lower_ for c in kids(pobj) if c.dep_ in ("compound", "amod"))]
    return "foreign" in words or (token.lemma_.lower() == "department" and "state" in words)


def has_third_party_actor(anchor: Token, lexicon: Lexicon) -> bool:
    """Whether someone named acts who is neither the narrator nor an agency of the state:
    only a third party recognises a political prisoner."""
    actors = [c for c in kids(anchor) if c.dep_ == "nsubj"] + [
        g for c in kids(anchor) if c.dep_ == "agent" for g in kids(c) if g.dep_ == "pobj"
    ]
    actors += time_phrase_subject(anchor)  # "In August Memorial recognised him"
    actors = through_relative(anchor, actors)  # "the Working Group, which declared ..."
    for role in (g for c in kids(anchor) if c.lower_ == "as" for g in kids(c)):
        actors += prep_objects(role, "by")  # "recognised as a political prisoner by Viasna"
    return any(
        a.pos_ in ("PROPN", "NOUN")
        and a.lower_ not in lexicon.first_singular | lexicon.first_plural
        and (actor_key(a, lexicon) is None or is_foreign_office(a))
        for a in actors
    ) or has_advocate_actor(anchor, lexicon)


REPORTING_VERBS = frozenset(
    {"say", "state", "announce", "report", "write", "add", "confirm", "tell", "inform", "reply"}
)


def reporting_subject(pronoun: Token) -> Token | None:
    """Who says what a pronoun's clause tells ("the Mission said IT had asked"): the
    subject of the reporting verb the clause depends on."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    return next((c for c in kids(verb) if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def through_relative(clause: Token, actors: list[Token]) -> list[Token]:
    """A relative clause's "who"/"which" stands for the noun the clause follows."""
    if clause.dep_ == "relcl" and any(a.lower_ in RELATIVES for a in actors):
        return [clause.head]
    return actors


def helper_title(token: Token, lexicon: Lexicon) -> bool:
    """ "Public Defender", "Ombudsman": a title whose holder helps, by its own words."""
    words = [token, *(c for c in kids(token) if c.dep_ == "compound")]
    return any(w.lemma_.lower() in lexicon.intervener_heads | COUNSEL for w in words)


RELATIVES = frozenset({"who", "which", "that"})
PUBLIC_ACTS = frozenset(
    {"issue", "publish", "file", "lodge", "submit", "send", "write", "condemn", "come"}
    | {"take", "accept", "raise", "demand"}
)  # what a helper named before a relative clause did ("a lawyer, who came with me")
HELPING_ACTS = frozenset({"help", "assist", "pay", "fund"})
"""What a helper named before a relative clause did for someone ("the union, which helped me
find work"); only in the past tense, as "which has helped coordinate aid" describes the helper."""
STAFF_OF = frozenset(
    {"office", "staff", "team", "representative", "representatives", "member", "official"}
    | {"employee", "delegation"}
)


def narrator_is_counsel(doc: Doc) -> bool:
    """Whether the one saying "I" is a lawyer: they speak of "my client", write "as counsel
    for" someone or say whom "I represent"."""
    memo = doc_index(doc).memo
    if "counsel" not in memo:
        memo["counsel"] = any(map(says_counsel, tokens_with_lemma(doc, COUNSEL_CLUES)))
    return memo["counsel"]


def counsel_names(doc: Doc) -> frozenset[str]:
    """Names the document gives a lawyer ("his lawyer, Ildar Galiev", "lawyer Galiev"), so
    that "Galiev" alone is known as one."""
    memo = doc_index(doc).memo
    if "counsel_names" not in memo:
        names = set()
        # not "human rights defender": a defender may well be the victim
        for token in tokens_with_lemma(doc, LAWYER_WORDS):
            related = [c for c in kids(token) if c.dep_ in ("appos", "compound")]
            if token.dep_ in ("compound", "appos"):
                related.append(token.head)
            for name in related:
                if name.pos_ == "PROPN":
                    names.update(t.lower_ for t in name.subtree if t.pos_ == "PROPN")
        memo["counsel_names"] = frozenset(names)
    return memo["counsel_names"]


def says_counsel(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "client":
        return any(c.lower_ == "my" for c in kids(token))
    if lemma == "represent":
        return any(c.dep_ == "nsubj" and c.lower_ == "i" for c in kids(token))
    # "writing in my capacity as counsel for", "as his lawyer, I"
    return (
        lemma in COUNSEL
        and token.head.lower_ == "as"
        and token.dep_ == "pobj"
        and any(c.lower_ == "i" for c in token.sent if c.dep_ == "nsubj")
    )


COUNSEL = frozenset(
    {"lawyer", "attorney", "advocate", "defender", "ombudsman", "rapporteur", "diplomat"}
    | {"counsel", "activist"}
)
COUNSEL_CLUES = COUNSEL | {"client", "represent"}  # the words says_counsel reads


def previous_subject_body(pronoun: Token) -> Token | None:
    """The organisation that is the subject of the sentence before "it"'s own."""
    index = doc_index(pronoun.doc)
    k = index.sentence_number(pronoun.i)
    if k == 0:
        return None
    for tok in index.sents[k - 1]:
        if tok.dep_ == "nsubj" and tok.ent_type_ == "ORG":
            return tok
    return None


def previous_person(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """The closest person-like noun before a pronoun, within its and the previous sentence."""
    doc = pronoun.doc
    floor = max(0, doc_index(pronoun.doc).sentence(pronoun).start - 40)
    for i in range(pronoun.i - 1, floor - 1, -1):
        tok = doc[i]
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.dep_ != "compound"
            and (is_person_like(tok, lexicon) or tok.lower_ in COUNSEL)  # "the Rapporteur ... he"
        ):
            return tok
    return None
