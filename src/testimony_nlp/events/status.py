"""Factuality of an event mention: occurred, attempted, threatened, negated, hypothetical.

The status is read from the anchor's *governor chain*: the anchor and the words that
govern it inside its clause (control verbs "tried to", light nouns "an attempt to", the verb
of a nominalisation, coordinated verbs sharing auxiliaries). Generic statements about
practices ("X was commonly used to punish dissidents in Soviet times") are flagged so the
component can drop them.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from ..segmenter import dated_entry_prefix
from .docindex import doc_index, kids
from .roles import ACCESS_ACTS, Lexicon, Participant

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
    if anchor.lemma_.lower() in cues["restitution_verbs"]:
        verbs = verbs[1:]  # "my phone was never returned": the taking happened all the same
    for tok in negation_scope(chain):
        for child in kids(tok):
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
    denial = denying_governor(anchor) or negative_subject(negation_scope(chain))
    if denial is not None:
        return NEGATED, denial
    threat = threat_governor(anchor, lex)
    if threat is not None:
        return THREATENED, threat.lemma_.lower()
    for tok in verbs_of(negation_scope(chain)):  # "could not cross because of the ban"
        marks = [c for c in kids(tok) if c.dep_ == "mark" and c.lower_ in cues["conditional_marks"]]
        if marks:
            return HYPOTHETICAL, marks[0].lower_
        modals = [c for c in kids(tok) if is_modal(c, cues["modals"])]
        if modals and ordered(tok, modals[0]):
            continue  # "the court ruled that he should undergo treatment": an order, given
        if modals:
            return HYPOTHETICAL, modals[0].lower_
        going = [c for c in kids(tok) if c.dep_ == "aux" and c.lower_ == "going"]
        if going and tok.head.lemma_ == "go":
            return HYPOTHETICAL, "going to"
    for below, tok in zip(chain, chain[1:], strict=False):
        if below.dep_ == "conj":
            continue  # a coordinated verb shares auxiliaries, not "tried"/"stopped" meanings
        lemma = tok.lemma_.lower()
        if lemma in FEAR_WORDS:
            return HYPOTHETICAL, lemma  # "afraid of being arrested"
        if lemma in PERMISSION_VERBS and tok.pos_ == "VERB" and below.dep_ in ("xcomp", "ccomp"):
            return HYPOTHETICAL, lemma  # "the law allows police to detain suspects"
        if lemma in REFUSAL_VERBS and tok.pos_ == "VERB" and below.dep_ == "xcomp":
            return NEGATED, lemma  # "refused to release him"
        if lemma in PURPOSE_MOTION and is_past(tok) and contrasted(tok):
            return ATTEMPTED, lemma  # "officers came to arrest him, but he was not at home"
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
            if any(c.lower_ in cues["entailing_adverbs"] for c in kids(tok)):
                return OCCURRED, "successfully"
            if lemma in cues["volition_heads"] and is_past(tok) and contrasted(tok):
                return ATTEMPTED, lemma  # "they wanted to detain him, but neighbours intervened"
            if lemma in REQUEST_VERBS and is_past(tok) and below.lemma_.lower() in ACCESS_ACTS:
                return ATTEMPTED, lemma  # "I asked to see my client": access sought
            return HYPOTHETICAL, lemma
        if lemma in cues["hypothetical_nouns"] and tok.pos_ == "NOUN":
            return HYPOTHETICAL, lemma  # "the risk of arrest", "the prospect of a trial"
    if frustrated_purpose(chain[-1]):
        return ATTEMPTED, chain[-1].head.lemma_.lower()
    wisher = wished_for(chain[-1])
    if wisher is not None:
        return HYPOTHETICAL, wisher.lemma_.lower()
    for child in kids(anchor):  # "an assassination attempt": the attempt is a modifier
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in (
            "attempted",
            "failed",
            "attempt",
        ):
            return ATTEMPTED, child.lower_
    if anchor.head.lemma_.lower() in cues["attempt_nouns"] and anchor.dep_ == "compound":
        return ATTEMPTED, anchor.head.lower_
    for child in kids(anchor):
        if child.dep_ == "advmod" and child.lower_ in ("almost", "nearly"):
            return ATTEMPTED, child.lower_
    return OCCURRED, None


WISHING_VERBS = frozenset(
    {"want", "wish", "hope", "ask", "demand", "request", "urge", "insist", "prefer", "petition"}
)


def wished_for(head: Token) -> Token | None:
    """The verb wishing or asking for a clause that is not told as fact ("I want the others to
    be released", "a motion asking that he be released"): an infinitive or a subjunctive
    under it. "She hoped he was released" (a finite clause) is left as told."""
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in WISHING_VERBS:
        return None
    auxes = [c for c in kids(head) if c.dep_ in ("aux", "auxpass")]
    infinitive = any(a.lower_ == "to" for a in auxes)
    subjunctive = (head.tag_ == "VB" and not auxes) or (
        bool(auxes) and all(a.tag_ == "VB" for a in auxes)
    )
    return head.head if infinitive or subjunctive else None


FEAR_WORDS = frozenset({"afraid", "scared", "fearful", "worried", "terrified", "frightened"})
PERMISSION_VERBS = frozenset({"allow", "permit", "authorise", "authorize", "empower", "entitle"})
REFUSAL_VERBS = frozenset({"refuse", "decline"})
REQUEST_VERBS = frozenset({"ask", "request", "demand", "seek"})
PURPOSE_MOTION = frozenset({"come", "go", "arrive", "show", "turn", "return"})
ORDER_VERBS = frozenset({"rule", "order", "decide", "decree", "sanction", "instruct", "direct"})


def frustrated_purpose(head: Token) -> bool:
    """ "Officers came to arrest him, but he was not at home": a purpose left unfulfilled."""
    motion = head.head
    return (
        head.dep_ in ("advcl", "xcomp")
        and head.tag_ == "VB"
        and motion.lemma_.lower() in PURPOSE_MOTION
        and is_past(motion)
        and contrasted(motion)
    )


def ordered(verb: Token, modal: Token) -> bool:
    """ "ruled that he should undergo": the content of an order, not a possibility."""
    head = clause_head(verb)
    return (
        modal.lower_ in ("should", "must", "shall")
        and head.dep_ == "ccomp"
        and head.head.lemma_.lower() in ORDER_VERBS
    )


DENIAL_VERBS = frozenset({"deny", "refute", "dispute", "disprove"})
NEGATIVE_SUBJECTS = frozenset({"nobody", "noone", "none", "nothing"})


ADJUNCT_PREPS = frozenset(
    {"because", "due", "despite", "after", "before", "during", "since", "following", "amid"}
)


def negation_scope(chain: list[Token]) -> list[Token]:
    """The part of the governor chain a negation can reach: not past a clause with its own
    subject ("nobody touched them, but my father WAS QUESTIONED") or after "but" ("was not
    detained but WAS QUESTIONED") nor an adjunct of cause
    or time ("could not cross because of the travel BAN")."""
    scope = []
    for below, tok in zip([None, *chain], chain, strict=False):
        if tok.lower_ in ADJUNCT_PREPS or presupposed_cause(below, tok):
            break
        scope.append(tok)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(tok))
        if tok.dep_ == "conj" and (own_subject or after_but(tok)):
            break
    return scope


def after_but(conj: Token) -> bool:
    """ "had not been detained but was questioned": the contrast ends the negation."""
    return any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i < conj.i for c in kids(conj.head)
    )


CAUSE_PREPS = frozenset({"for", "over"})


def presupposed_cause(below: Token | None, prep: Token) -> bool:
    """ "did not prosecute anyone for THE ATTACK": a definite cause is taken as given, so
    the negation of the verb does not reach it (a bare "for questioning" is a purpose)."""
    if below is None or prep.lower_ not in CAUSE_PREPS or below.dep_ != "pobj":
        return False
    return any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in kids(below))


def denying_governor(anchor: Token) -> str | None:
    """ "officials denied that he had been tortured": a reported denial (not an occurrence)."""
    head = clause_head(anchor)
    if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in DENIAL_VERBS:
        return head.head.lemma_.lower()
    return None


def negative_subject(chain: list[Token]) -> str | None:
    """ "Nobody beat me", "no one was arrested": the subject says it did not happen."""
    for tok in chain:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        for subj in kids(tok):
            if subj.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if subj.lower_ in NEGATIVE_SUBJECTS:
                return subj.lower_
            if any(c.dep_ == "det" and c.lower_ == "no" for c in kids(subj)):
                return "no"
    return None


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
        return None if tells_a_past(head, lex) else governor
    if lemma in ("say", "tell") and future_or_conditional(head, lex):
        subjects = [c for c in kids(governor) if c.dep_ == "nsubj"]
        if any(agent_of_power(s, lex) for s in subjects) or conditioned_on_listener(head, lex):
            return governor
    return None


def tells_a_past(verb: Token, lex: Lexicon) -> bool:
    """ "warned me that the SGB had opened a case": news of a done thing, not a threat."""
    if verb.dep_ != "ccomp" or future_or_conditional(verb, lex):
        return False
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in kids(verb))


def conditioned_on_listener(verb: Token, lex: Lexicon) -> bool:
    """ "told me that if I kept talking I would be sent to prison": a consequence made to
    depend on what the listener does is a threat, whoever utters it."""
    for clause in kids(verb):
        if clause.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in kids(clause) if c.dep_ == "mark"}
        if marks & set(lex.status["conditional_marks"]):
            return True
    return False


def is_modal(token: Token, modals: Collection[str]) -> bool:
    """A modal auxiliary, not the month the parser took for one ("On 2 May the court ...")."""
    return (
        token.dep_ == "aux"
        and token.lower_ in modals
        and not (token.text == "May" and token.ent_type_ == "DATE")
    )


def future_or_conditional(verb: Token, lex: Lexicon) -> bool:
    return any(
        is_modal(c, lex.status["modals"])
        or (c.dep_ == "mark" and c.lower_ in lex.status["conditional_marks"])
        for c in kids(verb)
    )


def agent_of_power(token: Token, lex: Lexicon) -> bool:
    from .roles import actor_key  # local: roles imports nothing from here, keep it that way

    if token.lower_ in lex.third_singular | lex.third_plural:
        return True  # "they told me": the officers of the story
    return actor_key(token, lex) is not None


def contrasted(verb: Token) -> bool:
    """A verb coordinated with "but ...": the wish was not fulfilled."""
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in kids(verb)) or any(
        c.dep_ == "conj" and any(g.lower_ in ("but", "yet") for g in kids(c)) for c in kids(verb)
    )


def is_averting_sentence(sent: Span, lex: Lexicon) -> bool:
    """ "This was averted by ...": the sentence says the previous incident did not happen."""
    root = sent.root
    if root.lemma_.lower() not in lex.status["averted_verbs"]:
        return False
    subjects = [c for c in kids(root) if c.dep_ in ("nsubj", "nsubjpass")]
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
    if first in ("people", "anyone", "everyone", "those", "someone", "dissidents", "a", "an"):
        return False  # "a reporter" may be anyone until the clause says when it happened
    if "number" in words[:3] and "of" in words[1:4] and not participant.name[:1].isdigit():
        return False  # "a growing number of journalists": a count of nobody in particular
    head_words = noun_phrase_head_words(words)
    head = head_words[-1].lower()
    plural_bare = (
        (head.endswith("s") or head in IRREGULAR_PLURALS)
        and first not in DETERMINERS
        and not any(w[0].isdigit() for w in head_words)  # "families of those killed in 2022"
        and not counted_few(words)
        and not is_group_name(head_words)
    )
    return not plural_bare


def is_group_name(head_words: list[str]) -> bool:
    """ "Front Line Defenders", "the Magas Defendants": a capitalised name; "devout Muslims",
    "ethnic Uzbeks" are a kind of people (lowercase words before one capitalised plural)."""
    if not any(w[0].isupper() for w in head_words[1:]):
        return False
    return not all(w[0].islower() for w in head_words[1:-1])  # the first may open a sentence


def counted_few(words: list[str]) -> bool:
    """ "two activists", "both": a few people counted; not "more than two dozen journalists"."""
    lowered = {w.lower() for w in words}
    return bool(lowered & NUMBER_WORDS) and not lowered & TALLY_WORDS


TALLY_WORDS = frozenset(
    ["dozen", "dozens", "hundred", "hundreds", "thousand", "more", "than", "over", "least"]
)
NUMBER_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "both",
})  # fmt: skip
IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children"})
DETERMINERS = frozenset(
    {"the", "his", "her", "their", "my", "our", "these", "those", "this", "that"}
)
NP_BOUNDARIES = frozenset({"in", "of", "from", "at", "with", "who", "that", "across", "around"})


def noun_phrase_head_words(words: list[str]) -> list[str]:
    """The words before a post-modifier: "journalists in the country" -> ["journalists"]."""
    for k, word in enumerate(words[1:], start=1):
        if word.lower() in NP_BOUNDARIES:
            return words[:k]
    return words


def is_generic(anchor: Token, victims: list[Participant], lex: Lexicon) -> bool:
    """A statement about a practice, not an incident.

    Generic when it is set in a past era ("in Soviet times") or told as a habit ("commonly",
    "routinely", simple present) and has no specific victim.
    """
    if is_question(anchor) or asked_whether(anchor):
        return True  # "Were you detained?", "I asked whether I was under arrest"
    if dated_entry_prefix(doc_index(anchor.doc).sentence(anchor)):
        return False  # "19 Apr 2023 – X is charged": a chronology's entry, in the present
    if is_request(anchor, lex) or names_offence(anchor, lex) or act_made_offence(anchor):
        return True
    nobody_in_particular = bool(victims) and all(is_anyone(v) for v in victims)
    if victims and not any(map(is_specific, victims)) and obliged(anchor):
        return True  # "Baha'i students should be expelled": a rule about a class of people
    head = governor_chain(anchor)[-1]
    if nobody_in_particular and anchor.dep_ in ("acl", "relcl") and anchor.head.dep_ != "appos":
        # "a person convicted in absentia ...", "someone who was taken away" (but "one such
        # client, a Russian citizen held for six hours": the one client in apposition)
        return True
    if nobody_in_particular and (
        under_modal(anchor) or present_simple(head) or present_simple(governing(head))
    ):
        return True  # "a person can be put in a psychiatric hospital", "the law allows a
        # person to be hospitalised"
    if nobody_in_particular and conditional(head):
        return True
    if nobody_in_particular and is_purpose(anchor):
        return True  # "I am not writing this to frighten anyone"
    if nobody_in_particular and present_perfect(anchor) and not dated(anchor):
        return True  # "people have ended up in psychiatric hospitals for much less"
    if nobody_said(victims) and present_simple(head):
        return True  # "nobody in Kyrgyzstan is jailed for a poem": a claim about practice
    if not victims and bare_plural_noun(anchor) and (under_modal(anchor) or present_simple(head)):
        return True  # "forensic examinations may be ordered by an investigator"
    if ranked_in_a_count(anchor):
        return True  # "the ninth journalist jailed since 2022": a place in a tally
    if in_some_cases(anchor) or among_counted_cases(anchor):
        return True  # "in some cases after being seized on the street": a pattern of cases
    if victims and not any(map(is_specific, victims)) and counted_since(anchor):
        return True  # "since February 2022 several dozen people have been sent for ...": a count
    if victims and is_tally(victims[0]) and present_perfect(anchor) and not dated(anchor):
        return True  # "a number of them have been prosecuted": a count, no incident
    if victims and all(owned_by_a_kind(v) for v in victims) and habitual(anchor, lex):
        return True  # "critics are routinely put on wanted lists and their relatives pressured"
    if (
        victims
        and all(map(is_bare_plural, victims))
        and (habitual(anchor, lex) or repeated_so_far(anchor, lex))
    ):
        # "authorities regularly detain Central Asian nationals", "Russia has repeatedly
        # expelled Central Asian dissidents": a practice
        return True
    if (
        victims
        and not any(map(is_specific_one, victims))
        and spread_over_a_land(anchor)
        and not dated_to_a_day(anchor)
    ):
        return True  # "several hundred people were questioned across the region": a wave
        # ("23 journalists were detained across the country on Sunday" is one day's)
    if any(is_specific(v) for v in victims) or concerns_speaker(anchor, lex):
        return False
    if victims and anchor.dep_ == "relcl" and anchor.head.tag_ == "NNS" and not dated(anchor):
        return True  # "critics who have left the country": a kind of people, no incident
    cues = lex.status
    sent = doc_index(anchor.doc).sentence(anchor)
    chain = governor_chain(anchor)
    for tok in sent:
        if tok.lemma_.lower() in cues["era_mods"] and tok.head.lemma_.lower() in cues["era_nouns"]:
            return True
    for tok in chain:
        if any(c.lower_ in cues["habitual_adverbs"] for c in kids(tok)):
            return True
    head = chain[-1]
    if head.dep_ in ("ccomp", "xcomp") and head.tag_ == "VB" and head.head.i != head.i:
        head = head.head  # "the law allows police to detain suspects": the law's present
    return present_simple(head)


ANYONE_WORDS = frozenset(
    {
        "person",
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "people",
        "one",
        "you",
        "citizen",
        "citizens",
        "individual",
        "everybody",
        "everyone",
        "ones",
        "those",
        "whoever",
        "whomever",
    }
)
POSSIBILITY_MODALS = frozenset({"can", "could", "may", "might"})


def nobody_said(victims: list[Participant]) -> bool:
    return bool(victims) and all(
        v.name.lower().split()[:1] in (["nobody"], ["no"]) for v in victims
    )


def governing(head: Token) -> Token:
    """The verb a complement clause depends on ("allows" in "allows a person to be held")."""
    if head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i:
        return head.head
    return head


def bare_plural_noun(noun: Token, tags: tuple[str, ...] = ("NNS",)) -> bool:
    """ "examinations", "forensic psychiatric examinations", "people": a plural with no
    article, number or owner, a kind of act or of people, none in particular."""
    return noun.tag_ in tags and not any(c.dep_ in ("det", "poss", "nummod") for c in kids(noun))


def is_infinitive(verb: Token) -> bool:
    """ "to release": a bare verb after "to"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def is_purpose(verb: Token) -> bool:
    """An infinitive of purpose or intent ("writing this to frighten anyone")."""
    return verb.dep_ in ("advcl", "xcomp") and is_infinitive(verb)


def is_anyone(victim: Participant) -> bool:
    """ "a person", "anyone", "people": nobody in particular."""
    words = victim.name.lower().split()
    if words and words[0] in ("people", "anyone", "anybody", "someone", "somebody", "you"):
        return True  # "people fined repeatedly for protest-related offences"
    return bool(words) and len(words) <= 2 and words[-1] in ANYONE_WORDS


def counted_since(anchor: Token) -> bool:
    """A perfect clause over a period ("since 2022 ... have been sent", "over the past two
    years ... have faced"): a running count."""
    for head in governor_chain(anchor):
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids(head))
        period = any(
            c.dep_ == "prep"
            and (
                c.lower_ == "since"
                or (c.lower_ in ("over", "in", "during") and spans_years(c))
                or (c.lower_ == "for" and for_years(c))
            )
            for c in kids(head)
        )
        if perfect and period:
            return True
    return False


TALLY_OPENINGS = (
    "a number of",
    "number of",
    "more than",
    "at least",
    "dozens of",
    "hundreds of",
    "thousands of",
    "scores of",
    "many",
    "numerous",
    "several",
)


def is_tally(victim: Participant) -> bool:
    """ "a number of them", "more than 150 people", "dozens of activists": a count."""
    return victim.name.lower().startswith(TALLY_OPENINGS)


ORDINAL_WORDS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "latest", "last"}
)  # fmt: skip


def ranked_in_a_count(anchor: Token) -> bool:
    """A participle describing someone by rank in a count ("the ninth journalist jailed in
    Tajikistan since 2022", "the latest activist detained this year")."""
    if anchor.dep_ != "acl" or anchor.tag_ != "VBN":
        return False
    return any(
        c.dep_ == "amod" and (c.lower_ in ORDINAL_WORDS or c.ent_type_ == "ORDINAL")
        for c in kids(anchor.head)
    )


def is_bare_plural(victim: Participant) -> bool:
    """ "Central Asian nationals", "foreign journalists": a kind of people, no determiner,
    number or name to single some out."""
    words = victim.name.split()
    if victim.is_narrator or victim.key or not words or not words[-1].islower():
        return False
    head = words[-1].lower()
    plural = head.endswith("s") or head in IRREGULAR_PLURALS
    return plural and words[0].lower() not in DETERMINERS and not counted_few(words)


def repeated_so_far(anchor: Token, lex: Lexicon) -> bool:
    """ "has repeatedly expelled": a present perfect that counts no date, done again and
    again."""
    if not present_perfect(anchor) or dated(anchor):
        return False
    adverbs = lex.status["iterative_adverbs"]
    return any(c.lower_ in adverbs for tok in governor_chain(anchor) for c in kids(tok))


LAND_WORDS = frozenset({"country", "region", "republic", "nation", "province", "oblast"})


def spread_over_a_land(anchor: Token) -> bool:
    """ "across the country", "throughout the region", "nationwide": many incidents in many
    places, told as one wave."""
    chain = governor_chain(anchor)
    heads = chain + [c for t in chain for c in kids(t) if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for tok in heads:  # "strike leaders across the country were dismissed"
        for child in kids(tok):
            if child.dep_ == "advmod" and child.lower_ == "nationwide":
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ in ("across", "throughout")
                and any(o.lemma_.lower() in LAND_WORDS for o in kids(child) if o.dep_ == "pobj")
            ):
                return True
    return False


DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
     "today", "tonight"}
)  # fmt: skip


def dated_to_a_day(anchor: Token) -> bool:
    """A date in the clause that names a day ("on Sunday", "on 3 May"), not a stretch ("in the
    following weeks")."""
    return any(
        t.ent_type_ == "DATE" and (t.lower_ in DAY_WORDS or (t.like_num and len(t.text) <= 2))
        for t in anchor.subtree
    )


def is_specific_one(victim: Participant) -> bool:
    """A victim singled out: the narrator, a name, a pronoun or a definite person, not a kind
    or a count of people."""
    return is_specific(victim) and not is_tally(victim) and not counted(victim)


def counted(victim: Participant) -> bool:
    """ "23 journalists", "several hundred people", "two activists": people told as a count."""
    words = victim.name.lower().split()
    return bool(words) and (words[0][:1].isdigit() or words[0] in COUNT_WORDS)


COUNT_WORDS = NUMBER_WORDS | TALLY_WORDS | {"several", "scores", "many", "some", "thousands"}


def owned_by_a_kind(victim: Participant) -> bool:
    """ "their relatives", "their families": people known only through others."""
    words = victim.name.lower().split()
    return len(words) >= 2 and words[0] == "their" and not victim.key


def habitual(anchor: Token, lex: Lexicon) -> bool:
    """A habit adverb ("routinely", "often") on the anchor's clause or the one it is
    coordinated with, the clause in the simple present."""
    chain = governor_chain(anchor)
    adverbs = lex.status["habitual_adverbs"]
    if not any(c.lower_ in adverbs for tok in chain for c in kids(tok)):
        return False
    return present_simple(chain[-1]) or any(present_simple(t) for t in chain if t.pos_ == "VERB")


def present_perfect(anchor: Token) -> bool:
    """ "have been prosecuted", not the story's past perfect ("had been made to")."""
    return any(
        c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve")
        for tok in governor_chain(anchor)
        for c in kids(tok)
    )


def spans_years(prep: Token) -> bool:
    """ "over the past two years", "in the last decade": a stretch of years, not a date."""
    words = {t.lower_ for t in prep.subtree}
    return bool(words & {"past", "last", "recent"}) and bool(words & {"years", "decade"})


def for_years(prep: Token) -> bool:
    """ "for years", "for decades": an open stretch, no one incident."""
    return any(c.dep_ == "pobj" and c.lower_ in ("years", "decades") for c in kids(prep))


def obliged(anchor: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ in ("should", "must")
        for tok in governor_chain(anchor)
        for c in kids(tok)
    )


def dated(anchor: Token) -> bool:
    """ "who were detained on Monday": the clause says when; "since 2022" only says from when
    a count runs."""
    return any(t.ent_type_ in ("DATE", "TIME") and not after_since(t) for t in anchor.subtree)


def after_since(token: Token) -> bool:
    """A year after "since" ("since 2022", "since February 2022"): the start of a running
    count, not the day of one incident ("since Friday's protest")."""
    if not any(a.dep_ == "prep" and a.lower_ == "since" for a in list(token.ancestors)[:3]):
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and any(t.shape_ == "dddd" for t in entity)


def conditional(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids(verb))


def in_some_cases(anchor: Token) -> bool:
    """ "in some cases", "in many cases", "in large numbers": a generalisation over
    incidents."""
    for tok in governor_chain(anchor):
        for prep in kids(tok):
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in kids(prep):
                words = {c.lower_ for c in kids(obj)}
                if obj.lemma_.lower() == "case" and words & CASES_OF_A_KIND:
                    return True
                if obj.lemma_.lower() == "number" and words & {"large", "great", "growing"}:
                    return True
    return False


CASES_OF_A_KIND = frozenset({"some", "many", "several", "most", "such", "other"})


CASE_NOUNS = frozenset({"case", "instance", "incident", "example", "episode"})
COUNT_NOUNS = frozenset({"dozen", "hundred", "thousand", "score"})


def among_counted_cases(anchor: Token) -> bool:
    """ "dozens of cases in which young men were detained", "the number of Baha'is arrested":
    a tally of incidents, none of them told."""
    for tok in governor_chain(anchor):
        if tok.dep_ not in ("relcl", "acl"):
            continue
        head = tok.head
        heads = [head]
        if head.dep_ == "pobj" and head.ent_type_ == "DATE":
            # "documented cases in recent years in which ...": read past the period
            governor = head.head.head
            heads += [c for c in kids(governor) if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        if any(is_cases(h) or is_count_of_cases(h) or h.lemma_.lower() == "number" for h in heads):
            return True
        of = head.head
        if head.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() == "number":
            return True  # "the number of journalists detained"; "dozens of students detained" tells
    return False


def is_cases(noun: Token) -> bool:
    return noun.lemma_.lower() in CASE_NOUNS and noun.tag_ == "NNS"


def is_count_of_cases(noun: Token) -> bool:
    """ "hundreds of cases", "dozens of incidents" (a clause may hang on the count)."""
    if noun.lemma_.lower() not in COUNT_NOUNS or noun.tag_ != "NNS":
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(map(is_cases, kids(c))) for c in kids(noun)
    )


def under_modal(anchor: Token) -> bool:
    """Whether the event's clause is a possibility ("can be put", "may be detained")."""
    return any(is_modal(c, POSSIBILITY_MODALS) for tok in governor_chain(anchor) for c in kids(tok))


def names_offence(anchor: Token, lex: Lexicon) -> bool:
    """ "sentenced for discrediting the army", "charged with insulting officials": a gerund
    naming the offence of a legal action is an accusation, not an incident."""
    prep = anchor.head
    if anchor.tag_ != "VBG" or anchor.dep_ not in ("pcomp", "pobj"):
        return False
    if prep.lower_ not in ("for", "of", "with") or prep.head.i == prep.i:
        return False
    return prep.head.lemma_.lower() in lex.status["offence_governors"]


def act_made_offence(anchor: Token) -> bool:
    """ "donating to political prisoners can be prosecuted": an act, not a person, is what
    the law pursues."""
    return any(c.dep_ in ("csubjpass", "nsubjpass") and c.tag_ == "VBG" for c in kids(anchor))


def concerns_speaker(anchor: Token, lex: Lexicon) -> bool:
    """ "A car is parked outside my house every night": a present habit aimed at the speaker
    ("my", "our", "me") is ongoing harassment of a specific person, not a general practice."""
    speaker = lex.first_singular | lex.first_plural
    return any(
        t.lower_ in speaker
        and t.i != anchor.i
        and not in_description(t, anchor)
        # "journalists are routinely summoned, and MY colleagues have been jailed": another
        # clause's owner is no target ("and he asks who visits US" is one)
        and not (t.dep_ == "poss" and in_joined_clause(t, anchor))
        for t in anchor.subtree
    )


def path_below(token: Token, top: Token) -> list[Token]:
    """The token and its heads up to, not including, ``top`` (or the root)."""
    path = []
    current = token
    while current.i != top.i and current.head.i != current.i:
        path.append(current)
        current = current.head
    return path


def in_description(token: Token, top: Token) -> bool:
    """Whether a token sits in a relative or participle clause below ``top`` ("teachers who
    organise gatherings in MY province are summoned": the speaker is not the one summoned)."""
    return any(t.dep_ in ("relcl", "acl") for t in path_below(token, top))


def in_joined_clause(token: Token, top: Token) -> bool:
    """Whether a token sits in a clause coordinated with ``top``'s."""
    return any(
        t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.i == top.i
        for t in path_below(token, top)
    )


REQUEST_VERBS = frozenset(
    {"urge", "call", "ask", "demand", "request", "appeal", "insist", "press", "encourage"}
)


CESSATION_VERBS = frozenset(
    {"drop", "stop", "end", "cease", "halt", "lift", "quash", "overturn", "withdraw"}
    | {"refrain", "desist"}
)


ASKING_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "check"})
EXPLAINING_VERBS = ASKING_VERBS | {"explain", "question", "demand", "know", "learn"}


def asked_whether(anchor: Token) -> bool:
    """An event in an indirect yes/no question ("asked whether I was under arrest", "asked him
    if anyone had hit him")."""
    for tok in governor_chain(anchor):
        for mark in (c for c in kids(tok) if c.dep_ == "mark"):
            if mark.lower_ == "whether":
                return True
            if mark.lower_ == "if" and tok.dep_ == "ccomp" and tok.head.lemma_ in ASKING_VERBS:
                return True
    return False


def asked_why(anchor: Token) -> bool:
    """An event in an indirect question of why or on what grounds ("asking why my mother was
    summoned", "to explain on what legal basis he is held"): it is told elsewhere, if at all."""
    head = clause_head(anchor)
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in EXPLAINING_VERBS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "why" for c in kids(head)):
        return True
    return any(
        c.dep_ == "prep" and any(o.dep_ == "pobj" and asks_which(o) for o in kids(c))
        for c in kids(head)
    )


def asks_which(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("what", "which") for c in kids(noun))


def is_question(anchor: Token) -> bool:
    """A question ("Were you ever detained?", "Why did they arrest you?") asks or presupposes;
    the answer tells the incident."""
    index = doc_index(anchor.doc)
    sent = index.sentence(anchor)
    return index.text[sent.start_char : sent.end_char].rstrip().endswith("?")


def is_request(anchor: Token, lex: Lexicon) -> bool:
    """An item of an action list ("Urging the authorities not to extradite him", "Calling for
    his release"): a subjectless request verb above the event asks for it."""
    chain = governor_chain(anchor)
    for k, below in enumerate(chain):
        if below.lemma_.lower() not in CESSATION_VERBS:
            continue
        if any(tok.lemma_.lower() in REQUEST_VERBS for tok in chain[k + 1 :]):
            return True  # "calls on the authorities to drop all charges": a restated grievance
        if below.tag_ == "VB" and below.dep_ == "ROOT" and not has_subject(below):
            return True  # "2. Stop the pressure on our organisation": an item of demands
        if any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in kids(below)):
            return True  # "The authorities should drop the charges": a demand
    if is_imperative(chain[-1]):
        return True  # "3. Release on bail.", "- Release all those held for protesting"
    for tok in chain[1:]:
        if tok.lemma_.lower() not in REQUEST_VERBS or tok.pos_ != "VERB":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(tok)):
            continue
        if tok.dep_ == "advcl" and has_subject(tok.head):
            continue  # "HRW wrote to the government asking for his release": HRW asks
        if tok.tag_ in ("VBG", "VB") and tok.dep_ in ("ROOT", "conj", "dep", "parataxis", "advcl"):
            return True
    return False


LIST_MARKS = frozenset({"X", "PUNCT", "NUM", "SYM", "SPACE"})


def is_imperative(verb: Token) -> bool:
    """A bare verb opening its sentence with no subject and no auxiliary: an order or an
    item of a list of demands, not a told event."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in kids(verb)):
        return False
    opening = next((t for t in verb.sent if t.pos_ not in LIST_MARKS), None)
    return opening is not None and opening.i == verb.i


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb))


def present_simple(verb: Token) -> bool:
    """Simple present (active or passive), not perfect, progressive or modal."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" or a.tag_ in ("MD", "VBD") for a in auxes):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if verb.tag_ == "VB" and any(a.lemma_ == "do" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return True  # "they do not need to put you in prison"
    return verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def is_past(verb: Token) -> bool:
    """Narrative past: simple past, past passive/progressive or past perfect."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "VBD" for a in auxes)
