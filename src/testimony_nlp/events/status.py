"""Factuality of an event mention: occurred, attempted, threatened, negated, hypothetical.

The status is read from the anchor's *governor chain*: the anchor and the words that
govern it inside its clause (control verbs "tried to", light nouns "an attempt to", the verb
of a nominalisation, coordinated verbs sharing auxiliaries). Generic statements about
practices ("X was commonly used to punish dissidents in Soviet times") are flagged so the
component can drop them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .roles import Lexicon, Participant

OCCURRED, ATTEMPTED, THREATENED, NEGATED, HYPOTHETICAL = (
    "occurred",
    "attempted",
    "threatened",
    "negated",
    "hypothetical",
)
CHAIN_DEPS = frozenset(
    {
        "xcomp",
        "acl",
        "pcomp",
        "pobj",
        "prep",
        "dobj",
        "conj",
        "attr",
        "nsubjpass",
        "nsubj",
        "agent",
        "oprd",
        "acomp",
        "dep",
        "compound",
    }
)
SOUGHT_STATES = frozenset({"asylum", "refuge", "shelter", "protection"})
CLAUSE_DEPS = frozenset({"ROOT", "advcl", "ccomp", "relcl", "parataxis", "csubj"})


def governor_chain(anchor: Token) -> list[Token]:
    """The anchor and its governors up to (and including) the head of its clause."""
    chain = [anchor]
    current = anchor
    while current.dep_ in CHAIN_DEPS and current.head.i != current.i and len(chain) < 8:
        if current.dep_ == "acl" and current.tag_ == "VBN":
            break  # "people detained": the participle is its own (reduced) clause
        if current.dep_ == "nsubj" and current.pos_ == "VERB":
            break
        if current.dep_ == "pobj" and current.head.dep_ == "agent":
            break  # the "by" agent causes the verb's event; it is not in its scope
        current = current.head
        chain.append(current)
    return chain


def clause_head(token: Token) -> Token:
    """The verb heading the clause of a token."""
    return governor_chain(token)[-1]


def attached_clause(token: Token) -> Token:
    """Clause head of the verb a modifier (date, place) attaches to."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return clause_head(current)


def verbs_of(chain: list[Token]) -> list[Token]:
    return [t for t in chain if t.pos_ in ("VERB", "AUX") or t.i == chain[0].i]


def detect_status(anchor: Token, lex: Lexicon) -> tuple[str, str | None]:
    """Status of the event anchored at ``anchor`` and the cue word that decided it."""
    cues = lex.status
    chain = governor_chain(anchor)
    verbs = verbs_of(chain)
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "neg" and tok in verbs:
                return NEGATED, child.lower_
            if child.dep_ == "det" and child.lower_ in ("no", "neither") and tok.i == anchor.i:
                return NEGATED, child.lower_
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ == "without"
            or (tok.dep_ == "pobj" and tok.head.lower_ == "without")
        ):
            return NEGATED, "without"
    threat = threat_governor(anchor, lex)
    if threat is not None:
        return THREATENED, threat.lemma_.lower()
    for tok in verbs:
        marks = [
            c for c in tok.children if c.dep_ == "mark" and c.lower_ in cues["conditional_marks"]
        ]
        if marks:
            return HYPOTHETICAL, marks[0].lower_
        modals = [c for c in tok.children if c.dep_ == "aux" and c.lower_ in cues["modals"]]
        if modals:
            return HYPOTHETICAL, modals[0].lower_
        going = [c for c in tok.children if c.dep_ == "aux" and c.lower_ == "going"]
        if going and tok.head.lemma_ == "go":
            return HYPOTHETICAL, "going to"
    for below, tok in zip(chain, chain[1:], strict=False):
        if below.dep_ == "conj":
            continue  # a coordinated verb shares auxiliaries, not "tried"/"stopped" meanings
        lemma = tok.lemma_.lower()
        if lemma in cues["averted_verbs"] and tok.pos_ == "VERB":
            return ATTEMPTED, lemma
        if lemma in cues["attempt_heads"] and tok.pos_ == "VERB":
            if below.dep_ == "dobj" and below.lemma_.lower() in SOUGHT_STATES:
                continue  # "sought asylum": applying for it, not trying to flee
            return ATTEMPTED, lemma
        if lemma in cues["attempt_nouns"] and tok.pos_ == "NOUN":
            return ATTEMPTED, lemma
        if lemma in cues["threat_heads"]:
            return THREATENED, lemma
        if lemma in cues["hypothetical_heads"] and tok.pos_ == "VERB":
            if any(c.lower_ in cues["entailing_adverbs"] for c in tok.children):
                return OCCURRED, "successfully"
            if lemma in cues["volition_heads"] and is_past(tok) and contrasted(tok):
                return ATTEMPTED, lemma  # "they wanted to detain him, but neighbours intervened"
            return HYPOTHETICAL, lemma
        if lemma in cues["hypothetical_nouns"] and tok.pos_ == "NOUN":
            return HYPOTHETICAL, lemma  # "the risk of arrest", "the prospect of a trial"
    for child in anchor.children:  # "an assassination attempt": the attempt is a modifier
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in (
            "attempted",
            "failed",
            "attempt",
        ):
            return ATTEMPTED, child.lower_
    if anchor.head.lemma_.lower() in cues["attempt_nouns"] and anchor.dep_ == "compound":
        return ATTEMPTED, anchor.head.lower_
    for child in anchor.children:
        if child.dep_ == "advmod" and child.lower_ in ("almost", "nearly"):
            return ATTEMPTED, child.lower_
    return OCCURRED, None


def threat_governor(anchor: Token, lex: Lexicon) -> Token | None:
    """The threat verb whose reported content the event is: "warned her that she WOULD BE
    DETAINED", "threatened that if I wrote again I would be arrested", "told me I would end up
    in a psychiatric ward" (a future told by an agent of power)."""
    head = clause_head(anchor)
    if head.dep_ not in ("ccomp", "xcomp") or head.head.i == head.i:
        return None
    governor = head.head
    lemma = governor.lemma_.lower()
    if lemma in lex.status["threat_heads"]:
        return governor
    if lemma in ("say", "tell") and future_or_conditional(head, lex):
        subjects = [c for c in governor.children if c.dep_ == "nsubj"]
        if any(agent_of_power(s, lex) for s in subjects):
            return governor
    return None


def future_or_conditional(verb: Token, lex: Lexicon) -> bool:
    return any(
        (c.dep_ == "aux" and c.lower_ in lex.status["modals"])
        or (c.dep_ == "mark" and c.lower_ in lex.status["conditional_marks"])
        for c in verb.children
    )


def agent_of_power(token: Token, lex: Lexicon) -> bool:
    from .roles import actor_key  # local: roles imports nothing from here, keep it that way

    if token.lower_ in lex.third_singular | lex.third_plural:
        return True  # "they told me": the officers of the story
    return actor_key(token, lex) is not None


def contrasted(verb: Token) -> bool:
    """A verb coordinated with "but ...": the wish was not fulfilled."""
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.children) or any(
        c.dep_ == "conj" and any(g.lower_ in ("but", "yet") for g in c.children)
        for c in verb.children
    )


def is_averting_sentence(sent: Span, lex: Lexicon) -> bool:
    """ "This was averted by ...": the sentence says the previous incident did not happen."""
    root = sent.root
    if root.lemma_.lower() not in lex.status["averted_verbs"]:
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in ("this", "it", "that", "which") for s in subjects)


# ---------------------------------------------------------------- generic statements


def is_specific(participant: Participant) -> bool:
    """A named, pronominal, counted or definite participant: a specific referent."""
    if participant.is_narrator or participant.key:
        return True
    words = participant.name.split()
    if not words:
        return False
    first = words[0].lower()
    if first in ("people", "anyone", "everyone", "those", "someone", "dissidents"):
        return False
    plural_bare = (
        participant.name.lower().endswith("s")
        and first
        not in ("the", "his", "her", "their", "my", "our", "these", "those", "this", "that")
        and not any(w[0].isdigit() for w in words)
        and not any(w[0].isupper() for w in words[1:])
    )
    return not plural_bare


def is_generic(anchor: Token, victims: list[Participant], lex: Lexicon) -> bool:
    """A statement about a practice, not an incident.

    Generic when it is set in a past era ("in Soviet times") or told as a habit ("commonly",
    "routinely", simple present) and has no specific victim.
    """
    if any(is_specific(v) for v in victims):
        return False
    cues = lex.status
    sent = anchor.sent
    chain = governor_chain(anchor)
    for tok in sent:
        if tok.lemma_.lower() in cues["era_mods"] and tok.head.lemma_.lower() in cues["era_nouns"]:
            return True
    for tok in chain:
        if any(c.lower_ in cues["habitual_adverbs"] for c in tok.children):
            return True
    head = chain[-1]
    return present_simple(head)


def present_simple(verb: Token) -> bool:
    """Simple present (active or passive), not perfect, progressive or modal."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" or a.tag_ in ("MD", "VBD") for a in auxes):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def is_past(verb: Token) -> bool:
    """Narrative past: simple past, past passive/progressive or past perfect."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "VBD" for a in auxes)
