"""Who did what to whom: victims, perpetrators and interveners of an event trigger.

Arguments come from the dependency parse (active subject/object, passive subject and
"by" agent, possessives and of/by/against phrases of nominalisations, the governing light
verb). Pronouns are resolved: first person to the narrator, he/she to the last named person,
they to the last agency (for perpetrators) or group (for victims). Perpetrators are
normalised to a lowercase key such as "police" or "security service (KNB)".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..segmenter import dated_entry_prefix
from .docindex import doc_index, kids

VICTIM, PERPETRATOR, INTERVENER = "victim", "perpetrator", "intervener"
QUANTIFIERS = frozenset({"both", "all", "each", "some", "many", "several", "either", "neither"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
NON_PERSON_PRONOUNS = frozenset(
    {"it", "this", "that", "these", "those", "what", "which", "itself"} | {"nothing", "everything"}
)
_UNDERGO_VERBS_WORDS = (
    "undergo face suffer experience receive endure get stand go survive pass take have "
    "await obtain win secure"
)
UNDERGO_VERBS = frozenset(_UNDERGO_VERBS_WORDS.split())
# verbs that carry out the event named by their object ("carried out a search of my flat")
_SUPPORT_VERBS_WORDS = (
    "subject put place carry conduct perform make launch stage organise organize order impose "
    "give hand deliver bring file force expose threaten begin start continue step intensify "
    "mount wage initiate open escalate uphold confirm pass issue read announce extend prolong "
    "renew"
)
SUPPORT_VERBS = frozenset(_SUPPORT_VERBS_WORDS.split())
# verbs whose subject is in the state the noun names: "lived in exile", "spent weeks in detention"
_STATE_VERBS_WORDS = "be live remain stay spend languish sit end die go flee"
STATE_VERBS = frozenset(_STATE_VERBS_WORDS.split())
# verbs that send their object to the event the noun names: "sent him for an examination"
_DIRECTING_PREPS_WORDS = "for to into under"
DIRECTING_PREPS = frozenset(_DIRECTING_PREPS_WORDS.split())
ORG_WORDS = frozenset(["international", "committee", "watch", "ngo"])
NOT_AGENT_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
# "at the REQUEST of the investigator", "on the ORDERS of the prosecutor": who made it happen
REQUEST_NOUNS = frozenset(
    {"request", "order", "behest", "initiative", "instruction", "decision", "motion", "demand"}
)
NO_ONE = frozenset({"nobody", "noone"})
NOT_VICTIM_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
# "X disappeared in Istanbul": without an object, the subject is the one it happened to
UNDERGOER_INTRANSITIVES = frozenset({"disappear", "vanish"})
# bare heads that name whichever agency the story is about ("the officers", "agents")
GENERIC_AGENT_HEADS = frozenset({"officer", "agent", "operative", "employee", "interrogator"})
# "Ministry of Intelligence", "State Committee for National Security"
BODY_HEADS = frozenset({"ministry", "committee", "department", "directorate", "service"})
SECURITY_BODY_WORDS = frozenset({"intelligence", "security"})
POLICE_BODY_WORDS = frozenset({"interior", "internal"})
HELPER_HEADS = frozenset({"defender", "lawyer", "attorney", "advocate", "ombudsman", "ngo"})
COUNSEL_HEADS = frozenset(
    {"lawyer", "attorney", "advocate", "counsel", "ombudsman", "rapporteur", "diplomat"}
)


@dataclass(slots=True)
class Lexicon:
    """Word classes from ``cues.json`` used by the pattern constraints and role finding."""

    data: dict
    perpetrators: list[dict] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    person_heads: frozenset[str] = frozenset()
    intervener_heads: frozenset[str] = frozenset()
    first_singular: frozenset[str] = frozenset()
    first_plural: frozenset[str] = frozenset()
    third_singular: frozenset[str] = frozenset()
    third_plural: frozenset[str] = frozenset()
    status: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict) -> Lexicon:
        acronyms = {}
        perps = []
        for entry in data["perpetrators"]:
            for acr in entry.get("acronyms", []):
                acronyms[acr.upper()] = entry["key"]
            if entry.get("heads"):
                perps.append(
                    {
                        "key": entry["key"],
                        "heads": frozenset(entry["heads"]),
                        "mods": frozenset(entry.get("mods", [])),
                    }
                )
        status = {k: frozenset(v) for k, v in data["status"].items()}
        return cls(
            data=data,
            perpetrators=perps,
            acronyms=acronyms,
            person_heads=frozenset(data["person_heads"]),
            intervener_heads=frozenset(data["intervener_heads"]),
            first_singular=frozenset(data["first_person_singular"]),
            first_plural=frozenset(data["first_person_plural"]),
            third_singular=frozenset(data["third_person_singular"]),
            third_plural=frozenset(data["third_person_plural"]),
            status=status,
        )

    @property
    def personal_pronouns(self) -> frozenset[str]:
        return self.first_singular | self.first_plural | self.third_singular | self.third_plural


@dataclass(slots=True)
class Participant:
    """One participant of an event (a row of the participants table)."""

    role: str
    name: str
    start_char: int | None
    end_char: int | None
    is_narrator: bool = False
    key: str | None = None  # canonical perpetrator key

    def as_dict(self) -> dict:
        return {
            "role": self.role,
            "name": self.name,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "is_narrator": self.is_narrator,
        }


# ---------------------------------------------------------------- argument structure


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in kids(token) if c.dep_ in deps]


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions (or agent "by") attached to ``token``."""
    found = []
    for child in kids(token):
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            found.extend(c for c in kids(child) if c.dep_ == "pobj")
    return found


def is_no_one(token: Token) -> bool:
    """ "nobody", "no one": a denial, not an agent."""
    if token.lower_ in NO_ONE:
        return True
    return token.lower_ == "one" and any(c.lower_ == "no" for c in kids(token))


def in_quotes(token: Token) -> bool:
    """Inside quoted speech: an odd number of quotation marks before it in its sentence."""
    sent = token.sent
    return sum(t.is_quote for t in token.doc[sent.start : token.i]) % 2 == 1


SPEECH_VERBS = frozenset({"say", "tell", "shout", "scream", "yell", "warn", "add", "reply"})


def quoted_speaker(token: Token) -> Token | None:
    """The subject of the speech verb that introduces the quote a token stands in."""
    root = token.sent.root
    if root.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = next((c for c in kids(root) if c.dep_ == "nsubj"), None)
    return None if subject is None or in_quotes(subject) else subject


def is_dateline(token: Token) -> bool:
    """The capitalised place opening a wire story ("DUBAI (Reuters) -", "BAKU —"), which the
    parser often makes the subject of the story's first verb."""
    return token.is_upper and token.ent_type_ == "GPE" and token.i == token.sent.start


def is_passive(token: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in kids(token)):
        return True
    # a bare participle coordinated with a passive verb or modifying a noun ("people detained")
    return token.tag_ == "VBN" and token.dep_ in ("conj", "acl") and not children(token, "nsubj")


def grammatical_object(token: Token) -> Token | None:
    """The patient of a verb: direct object, or the subject of a passive."""
    # "fined ME 500 dollars"; a passive's subject before its second object ("was fined 500
    # roubles", "was given electric shocks")
    for dep in ("dative", "nsubjpass", "dobj"):
        found = children(token, dep)
        if len(found) > 1:  # "informed them THAT, while ..., HE had been kicked": two subjects
            found = [t for t in found if t.lower_ not in ("that", "which")] or found
        if found:
            return found[0]
    for clause in children(token, "ccomp", "xcomp", "oprd", "prt"):
        # "found HER guilty", "declared HIM insane", "let ME out" (parsed "me" <- "out")
        if clause.pos_ in ("ADJ", "NOUN", "ADP") and children(clause, "nsubj"):
            return children(clause, "nsubj")[0]
    if token.dep_ == "conj" and is_passive(token):
        head = token.head
        if is_passive(head) or head.pos_ not in ("VERB", "AUX"):
            return grammatical_object(head)  # "was arrested and beaten"
        return find_subject(head)  # "she spent three weeks in detention and was released"
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return token.head
    if token.dep_ == "xcomp" and is_passive(token) and token.head.pos_ in ("VERB", "AUX"):
        # "I expect to be arrested", "they wanted him to be committed": the controller
        controller = children(token.head, "dobj") or children(token.head, "nsubj")
        return controller[0] if controller else None
    return None


OBJECT_CONTROL = frozenset({"prevent", "stop", "keep", "bar", "prohibit", "discourage"})
"""Verbs whose object does what "from" introduces ("prevented the officers from taking him")."""


def find_subject(token: Token) -> Token | None:
    """The active subject, inherited through coordination, control and relative clauses."""
    current = token
    for _ in range(6):
        found = children(current, "nsubj") or time_phrase_subject(current)
        if found:
            # two subjects are a misparse ("KRASNODAR, 24 May — A court ... ordered"): the
            # nearest one before the verb
            before = [t for t in found if t.i < current.i]
            subj = before[-1] if before else found[0]
            if subj.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subj
        if current.dep_ in ("conj", "dep", "xcomp", "advcl") and current.head.pos_ in (
            "VERB",
            "AUX",
        ):
            if current.dep_ == "advcl" and children(current, "mark"):
                return None
            current = current.head
        elif current.dep_ == "acl" and current.tag_ == "VBD" and current.head.pos_ == "NOUN":
            return current.head  # "rights groups called for ...": a main verb hung on its subject
        elif current.dep_ == "pcomp" and current.head.head.pos_ in ("VERB", "AUX"):
            governor = current.head.head
            controller = children(governor, "dobj")
            if current.head.lower_ == "from" and governor.lemma_ in OBJECT_CONTROL and controller:
                return controller[0]  # "stopped the police from arresting her": police arrest
            current = governor  # "left the country after receiving threats"
        elif current.dep_ == "acl" and current.head.pos_ == "NOUN":
            # "made an attempt to detain": the noun's governing verb carries the subject
            current = current.head.head if current.head.dep_ in ("dobj", "attr") else current.head
        elif current.dep_ == "relcl":
            return current.head
        else:
            return None
    return None


def time_phrase_subject(verb: Token) -> list[Token]:
    """The subject the parser swallowed into an opening time phrase: "In August Memorial
    recognised him" is parsed with "August Memorial" as the object of "In"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    for prep in children(verb, "prep"):
        for name in children(prep, "pobj"):
            if (
                name.i == verb.i - 1
                and name.pos_ == "PROPN"
                and name.ent_type_ != "DATE"
                and any(c.ent_type_ == "DATE" for c in children(name, "compound"))
            ):
                return [name]
    return []


def is_person_like(token: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase head denotes people (pronoun, PERSON entity, person noun, number)."""
    lower = token.lower_
    if token.pos_ == "PRON":
        return lower not in NON_PERSON_PRONOUNS or lower in ("who", "whom")
    if token.ent_type_ in ("PERSON", "NORP"):
        return True
    lemma = token.lemma_.lower()
    if lemma in lex.person_heads or lower in lex.person_heads or actor_key(token, lex):
        return True
    if token.pos_ == "NUM" or token.ent_type_ == "CARDINAL":
        return True
    if lemma in ("number", "group", "dozen", "score") or token.ent_type_ == "QUANTITY":
        return any(is_person_like(o, lex) for o in prep_objects(token, "of"))
    if token.pos_ == "NOUN" and any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in kids(token)
    ):
        return True  # "his client, Bekzhan Osmonov": a noun that a name explains is a person
    if token.is_title and token.text in person_name_words(token.doc, lex):
        return True  # "Bakyt is now charged": a name the tagger misread here, a PERSON elsewhere
    return token.pos_ == "NOUN" and agentive_person_noun(lemma)


ACCESS_ACTS = frozenset({"see", "meet", "visit"})  # a helper's access to someone held


def person_name_words(doc: Doc, lex: Lexicon) -> frozenset[str]:
    """The words of the document's PERSON entities ("Bakyt", "Asanov") and of the names it
    describes as people ("Alena Sianko is a nurse", "Sianko, a nurse"), which the tagger may
    have read as an organisation."""
    memo = doc_index(doc).memo
    if "person_words" not in memo:
        words = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_title}
        for name in described_names(doc, lex):
            words.update(t.text for t in (name, *children(name, "compound")) if t.is_title)
        memo["person_words"] = frozenset(words)
    return memo["person_words"]


def described_names(doc: Doc, lex: Lexicon) -> list[Token]:
    """Proper nouns said to be a person: the subject of "is a nurse", the head of ", a nurse"."""
    found = []
    for noun in doc:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or not (lemma in lex.person_heads or agentive_person_noun(lemma)):
            continue
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            found += [s for s in children(noun.head, "nsubj") if s.pos_ == "PROPN"]
        elif noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            found.append(noun.head)
    return found


PERSON_SUFFIXES = ("ist", "ian", "eur", "ee")
NOT_PERSON_NOUNS = frozenset(
    {
        "list",
        "wrist",
        "fist",
        "mist",
        "twist",
        "gist",
        "exist",
        "checklist",
        "playlist",
        "waitlist",
        "blacklist",
        "median",
        "guarantee",
        "committee",
        "fee",
        "coffee",
        "degree",
        "decree",
        "jubilee",
        "referee",
        "trustee",
    }
)  # "referee" and "trustee" name people but also bodies or roles of an institution


def agentive_person_noun(lemma: str) -> bool:
    """A noun that names a person by what they do ("economist", "historian", "entrepreneur")."""
    return len(lemma) >= 6 and lemma.endswith(PERSON_SUFFIXES) and lemma not in NOT_PERSON_NOUNS


def is_intervener_like(token: Token, lex: Lexicon) -> bool:
    if token.ent_type_ in ("ORG", "PERSON", "NORP"):
        return True
    return token.lemma_.lower() in lex.intervener_heads or token.lower_ in lex.intervener_heads


def modifier_words(token: Token) -> set[str]:
    words = {c.lemma_.lower() for c in kids(token) if c.dep_ in ("compound", "amod", "nmod")}
    words |= {c.lower_ for c in kids(token) if c.dep_ in ("compound", "amod", "nmod")}
    for pobj in prep_objects(token, "in"):  # "men in plain clothes"
        words |= {c.lower_ for c in kids(pobj) if c.dep_ in ("amod", "compound")}
    for pobj in prep_objects(token, "of", "from"):  # "the chairman of the mahalla committee"
        words |= {pobj.lemma_.lower(), *(c.lower_ for c in kids(pobj) if c.dep_ == "compound")}
    return words


def actor_key(token: Token, lex: Lexicon) -> str | None:
    """Canonical lowercase key of an agency noun phrase ("police officers" -> "police")."""
    for pobj in prep_objects(token, "of", "from"):  # "officers of the KNB"
        if pobj.is_upper or pobj.ent_type_ == "ORG":
            key = actor_key(pobj, lex)
            if key:
                return key
    words = [token, *children(token, "compound", "amod", "nmod", "appos")]
    if token.ent_type_:
        words += [t for t in token.doc[token.i - 3 : token.i] if t.ent_type_ == token.ent_type_]
    for word in words:
        key = lex.acronyms.get(word.text.upper().strip(".")) if word.is_upper else None
        if key:
            return f"{key} ({word.text.upper()})"
    lemma, lower = token.lemma_.lower(), token.lower_
    body = government_body_key(token)
    if body:
        return body
    mods = modifier_words(token)
    for entry in lex.perpetrators:
        if (lemma in entry["heads"] or lower in entry["heads"]) and (
            not entry["mods"] or mods & entry["mods"]
        ):
            return entry["key"]
    if lemma in OFFICE_HEADS:  # "the Prosecutor General's Office": whose office it is
        for owner in children(token, "poss"):
            key = actor_key(owner, lex)
            if key:
                return key
    claimed = claimed_identity(token)
    return actor_key(claimed, lex) if claimed is not None else None


OFFICE_HEADS = frozenset({"office", "department", "directorate", "administration", "service"})


SELF_INTRODUCTIONS = frozenset({"introduce", "present", "identify", "call"})


def claimed_identity(token: Token) -> Token | None:
    """ "two men who introduced themselves as KNB officers", "a man phoned and introduced
    himself as an officer": who they said they were."""
    clauses = [c for c in kids(token) if c.dep_ == "relcl"]
    if token.dep_ == "nsubj":  # "a man phoned me and introduced himself as an officer"
        clauses += [c for c in kids(token.head) if c.dep_ == "conj"]
    for clause in clauses:
        if clause.lemma_.lower() not in SELF_INTRODUCTIONS:
            continue
        for pobj in prep_objects(clause, "as"):
            return pobj
    return None


def government_body_key(token: Token) -> str | None:
    """A ministry or committee keyed by what it runs: "the Ministry of Intelligence" ->
    "security service (ministry of intelligence)", "Ministry of Internal Affairs" -> police,
    any other ministry -> "authorities (ministry of justice)"."""
    if token.lemma_.lower() not in BODY_HEADS:
        return None
    objects = prep_objects(token, "of", "for")
    if not objects:
        return None
    words = {t.lower_ for obj in objects for t in obj.subtree}
    words |= {c.lower_ for c in kids(token) if c.dep_ in ("compound", "amod")}
    name = " ".join(t.lower_ for t in token.doc[token.i : objects[-1].right_edge.i + 1])
    if words & SECURITY_BODY_WORDS:
        return f"security service ({name})"
    if words & POLICE_BODY_WORDS:
        return f"police ({name})"
    if token.lemma_.lower() == "ministry":
        return f"authorities ({name})"
    return None


def is_generic_agent(token: Token) -> bool:
    """ "the officers", "two agents": an agency noun that says nothing of which agency."""
    if token.lemma_.lower() not in GENERIC_AGENT_HEADS or token.is_upper:
        return False
    if children(token, "compound", "nmod") or prep_objects(token, "of", "from"):
        return False
    return not any(c.dep_ == "amod" and c.pos_ == "PROPN" for c in kids(token))


def agency_mentions(doc: Doc, lex: Lexicon) -> list[tuple[int, str]]:
    """(token index, key) of every agency named outright in the Doc (memoised per Doc)."""
    memo = doc_index(doc).memo
    if "agency_mentions" not in memo:
        found = []
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and not is_generic_agent(tok):
                key = actor_key(tok, lex)
                if key:
                    found.append((tok.i, key))
        memo["agency_mentions"] = found
    return memo["agency_mentions"]


def story_agency(token: Token, key: str | None, lex: Lexicon) -> str | None:
    """The key a generic agency noun takes from the agency last named before it: after "KNB
    officers came at dawn", "the officers" are the security service, not the police."""
    if not is_generic_agent(token):
        return key
    earlier = [k for i, k in agency_mentions(token.doc, lex) if i < token.i]
    # agents are the security service's; officers may also be border guards'
    specific = ("security service", "border guards") if key == "police" else ("security service",)
    if earlier and earlier[-1].startswith(specific):
        return earlier[-1]
    return key


def named_member_source(token: Token) -> Token | None:
    """ "one of them", "two of the officers": the group the member comes from; None for a
    bare "the older one", whose group is told before."""
    if token.lower_ in ("one", "two", "three", "some", "several", "most", "each", "many"):
        groups = prep_objects(token, "of")
        if groups:
            return groups[0]
        if token.lower_ == "one" and children(token, "det", "amod"):
            return None
    return token


# ---------------------------------------------------------------- mention naming


def noun_phrase(token: Token) -> Span:
    """The token's phrase without determiners, relative clauses or coordinated members."""
    doc = token.doc
    left = token
    for child in token.lefts:
        if child.dep_ in ("det", "predet", "punct", "cc", "preconj") and child.i == left.i - 1:
            continue
        if child.dep_ not in ("det", "predet", "punct", "cc", "preconj"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = token
    for child in token.rights:
        if (
            child.dep_ in ("prep",)
            and child.lower_ in ("of", "in", "from")
            and child.i == right.i + 1
        ):
            right = child.right_edge
    start = left.i
    start += dated_entry_prefix(doc[start : token.i])  # "10 Oct 2023 – Rostami files ..."
    while start < token.i and doc[start].dep_ in ("det", "punct", "cc", "preconj", "predet"):
        start += 1
    phrase = doc[start : right.i + 1]
    if token.ent_type_ and token.ent_iob_ != "O":
        ent = doc_index(doc).entity(token)
        if ent is not None and len(ent) >= len(phrase):
            return ent
    return phrase


CASE_WORDS = frozenset({"case", "cause", "defence", "defense"})  # "took on HIS case"


def conjuncts(token: Token) -> list[Token]:
    """A token and its coordinated members ("A, B and C")."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def first_conjunct(token: Token) -> Token:
    """The first member of the coordination a token is in ("A, B and C": A)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


class RoleResolver:
    """Finds and names the participants of one event anchor."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    # -- naming ---------------------------------------------------------------------------

    def name(self, token: Token, role: str, narrator: str) -> Participant:
        """Resolve pronouns and relative pronouns; key perpetrators; keep mention offsets."""
        if role == PERPETRATOR:
            group = named_member_source(token)
            if group is None:
                group = self.plural_antecedent(token, role) or token
            token = group
        lex, lower = self.lex, token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            token = token.head.head
            lower = token.lower_
        if lower in lex.first_singular or lower in lex.first_plural:
            if role == PERPETRATOR and in_quotes(token):
                # 'one of them said: "we will break your legs"': the speaker, not the narrator
                speaker = quoted_speaker(token)
                if (
                    speaker is not None
                    and speaker.lower_ not in lex.first_singular | lex.first_plural
                ):
                    return self.name(speaker, role, narrator)
                return Participant(role, lower, token.idx, token.idx + len(token))
            return Participant(role, narrator, token.idx, token.idx + len(token), True)
        if token.pos_ == "PRON" and (lower in lex.third_singular or lower in lex.third_plural):
            antecedent = self.antecedent(token, role)
            if antecedent is not None:
                named = self.name(antecedent, role, narrator)
                named.start_char, named.end_char = token.idx, token.idx + len(token)
                return named
            return Participant(role, lower, token.idx, token.idx + len(token))
        named = [a for a in children(token, "appos") if a.ent_type_ == "PERSON"]
        if named and token.pos_ == "NOUN" and token.ent_type_ != "PERSON":
            token = named[0]  # "her colleague Dzmitry Savitski": the name identifies
        phrase = noun_phrase(token)
        key = institution_key(token, lex) if role == PERPETRATOR else None
        if role == PERPETRATOR:
            key = story_agency(token, key, lex)
        if role == PERPETRATOR and key is None and token.ent_type_ == "GPE":
            key = f"authorities ({phrase.text.lower()})"  # "Tashkent convicted him": the state
        elif role == PERPETRATOR and key is None and token.ent_type_ in ("ORG", "NORP"):
            key = phrase.text.lower()
        name = key or self.canonical(phrase)
        return Participant(role, name, phrase.start_char, phrase.end_char, key=key)

    @staticmethod
    def canonical(phrase: Span) -> str:
        """The entity's canonical name when the phrase is exactly a person or organisation."""
        ent = doc_index(phrase.doc).entity(phrase[0]) if len(phrase) else None
        if (
            ent is not None
            and (ent.start, ent.end) == (phrase.start, phrase.end)
            and ent.label_ in ("PERSON", "ORG")
            and Span.has_extension("canonical")
            and ent._.canonical
        ):
            return ent._.canonical
        return phrase.text

    def antecedent(self, pronoun: Token, role: str) -> Token | None:
        """The mention a third-person pronoun points back to (within five sentences).

        "he/she" take the nearest sentence's named person of a compatible gender, a person
        of its main clause before one in a relative clause or apposition ("X, who criticised
        President Y, fled ... convicted HIM": X); "they" the last agency or group.
        """
        if pronoun.lower_ in self.lex.third_plural:
            return self.plural_antecedent(pronoun, role)
        # several events of a sentence ask about the same pronoun
        memo = doc_index(pronoun.doc).memo.setdefault("singular_antecedent", {})
        if pronoun.i not in memo:
            memo[pronoun.i] = self.singular_antecedent(pronoun, depth=0)
        return memo[pronoun.i]

    def singular_antecedent(self, pronoun: Token, depth: int) -> Token | None:
        """Centering: in the nearest sentence with a compatible mention, its main-clause
        subject first, then other main-clause mentions, then the rest (the last of each);
        a same-gender pronoun chosen so is followed back to its own antecedent ("On 17 January
        SHE called HER sister ... HER": the one the story is about, not the sister)."""
        gender = pronoun_gender(pronoun)
        doc = pronoun.doc
        index = doc_index(doc)
        k = index.sentence_number(pronoun.i)
        sents = index.sents[max(0, k - 5) : k + 1]
        fallback = None
        # "Viasna recognised HER": an object pronoun is never its own clause's subject
        own_subject = find_subject(pronoun.head) if pronoun.dep_ in ("dobj", "dative") else None
        for sent in reversed(sents):
            found = []
            for tok in doc[sent.start : min(sent.end, pronoun.i)]:
                if own_subject is not None and tok.i == own_subject.i:
                    continue
                if tok.pos_ == "PRON" and pronoun_gender(tok) == gender and gender:
                    if tok.dep_ != "poss" and tok.lower_ not in ("himself", "herself"):
                        found.append(tok)
                    continue
                if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
                    continue
                if tok.ent_type_ == "PERSON" or self.gendered_noun(tok):
                    if gender is None or person_gender(tok) in (None, gender):
                        found.append(tok)
                elif fallback is None and self.could_be_name(tok):
                    fallback = tok
            if found:
                best = max(found, key=lambda t: (salience(t), t.i))
                if best.pos_ != "PRON":
                    return best
                if depth >= 30:  # a chain of pronouns across a long passage
                    return None
                return self.singular_antecedent(best, depth + 1)
        return fallback

    @staticmethod
    def gendered_noun(tok: Token) -> bool:
        return tok.tag_ == "NN" and tok.lemma_.lower() in FEMALE_NOUNS | MALE_NOUNS

    def plural_antecedent(self, pronoun: Token, role: str) -> Token | None:
        doc = pronoun.doc
        index = doc_index(doc)
        sent_starts = index.sent_starts[: index.sentence_number(pronoun.i) + 1]
        floor = sent_starts[-6] if len(sent_starts) > 5 else 0
        for i in range(pronoun.i - 1, floor - 1, -1):
            tok = doc[i]
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if role == PERPETRATOR:
                if actor_key(tok, self.lex):
                    return tok
            elif (
                tok.tag_ in ("NNS", "NNPS")
                and is_person_like(tok, self.lex)
                and actor_key(tok, self.lex) is None
            ):
                return tok
        if role == PERPETRATOR:  # "they" told far from the agency: the story's last agency
            earlier = [i for i, _ in agency_mentions(doc, self.lex) if i < floor]
            return doc[earlier[-1]] if earlier else None
        return None

    def could_be_name(self, tok: Token) -> bool:
        """A proper-noun argument the NER did not label as a person (names are often missed)."""
        return (
            tok.pos_ == "PROPN"
            and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos")
            and tok.tag_ != "NNPS"  # "(Committee to Protect) Journalists" names no one
            and tok.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "CARDINAL")
            and actor_key(tok, self.lex) is None
            and not self.names_an_organisation(tok)
        )

    def names_an_organisation(self, tok: Token) -> bool:
        """ "Amnesty International", "the Helsinki Committee", "a local NGO": never a "he"."""
        ent = doc_index(tok.doc).entity(tok)
        words = list(ent) if ent is not None else [tok]
        return any(
            w.lower_ in self.lex.intervener_heads or w.lower_ in ORG_WORDS or government_body_key(w)
            for w in words
        )

    # -- arguments -----------------------------------------------------------------------

    def resolve(self, match, event_type: str, object_kind: str, narrator: str) -> list[Participant]:
        """All participants of the event anchored at ``match.anchor``."""
        anchor = match.anchor
        if match.spec.id.endswith(".headline"):
            roles = headline_arguments(anchor)
        elif anchor.pos_ in ("NOUN", "PROPN") and match.spec.nominal:
            roles = self.nominal_arguments(anchor, event_type)
        else:
            roles = self.verbal_arguments(match, event_type)
        if match.spec.id.endswith(".headline"):
            return self.headline_participants(anchor, roles, narrator)
        victims = [owner for v in roles.get(VICTIM, []) for owner in self.owners(v)]
        if match.spec.prep_victim and match.spec.prep_victim in match.nodes:
            victims = self.owners(match.nodes[match.spec.prep_victim])  # "on ME", "HER trial"
        participants: list[Participant] = []
        seen: set[tuple[str, str]] = set()
        for role, tokens in (
            (VICTIM, victims),
            (PERPETRATOR, roles.get(PERPETRATOR, [])),
            (INTERVENER, roles.get(INTERVENER, [])),
        ):
            for tok in tokens:
                for member in conjuncts(tok):
                    if member.lower_ in QUANTIFIERS or member.is_space or member.is_punct:
                        continue
                    if (
                        role == PERPETRATOR
                        and member.ent_type_ in NOT_AGENT_ENTITIES
                        and named_member_source(member) is member
                    ):
                        continue  # "extended by three months" (but "one of them")
                    if role == VICTIM and member.ent_type_ in NOT_VICTIM_ENTITIES:
                        continue  # "left Tajikistan": a country is no victim
                    if role == PERPETRATOR and (is_no_one(member) or is_dateline(member)):
                        continue  # "nobody beat me", "BAKU — A court sentenced ..."
                    if role == INTERVENER:
                        self.add(participants, seen, self.name(member, role, narrator))
                        for named in self.listed_names(member):
                            self.add(participants, seen, self.name(named, role, narrator))
                    else:
                        self.add(participants, seen, self.name(member, role, narrator))
        if event_type not in NO_PERPETRATOR_TYPES and not any(
            p.role == PERPETRATOR for p in participants
        ):
            for agent in self.requesting_agents(anchor):
                self.add(participants, seen, self.name(agent, PERPETRATOR, narrator))
        return participants

    def requesting_agents(self, anchor: Token) -> list[Token]:
        """The agency an agentless event happened at the behest of ("sent for an examination
        AT THE REQUEST OF the investigator", "on the prosecutor's orders") or before ("brought
        BEFORE the city court"), read on the anchor and the verb of its clause."""
        for word in dict.fromkeys([anchor, anchor.head, clause_head(anchor)]):
            for obj in prep_objects(word, "at", "on", "upon", "under", "by"):
                if obj.lemma_.lower() in REQUEST_NOUNS:
                    agents = children(obj, "poss") + prep_objects(obj, "of")
                    agents = [a for a in agents if actor_key(a, self.lex)]
                    if agents:
                        return agents[:1]
            courts = [o for o in prep_objects(word, "before") if actor_key(o, self.lex) == "court"]
            if courts:
                return courts[:1]
        return []

    def headline_participants(
        self, verb: Token, roles: dict[str, list[Token]], narrator: str
    ) -> list[Participant]:
        """Name headline arguments by their title-case run, cut at the verb."""
        found = []
        for role, tokens in roles.items():
            for tok in tokens:
                step = 1 if tok.i > verb.i else -1
                edge = tok.i
                while 0 <= edge + step < len(tok.doc) and edge + step != verb.i:
                    nxt = tok.doc[edge + step]
                    if (
                        not (nxt.is_title or nxt.lower_ in ("of", "the", "for"))
                        or nxt.is_sent_start
                    ):
                        break
                    edge += step
                first, last = sorted((tok.i, edge))
                span = tok.doc[first : last + 1]
                key = actor_key(tok, self.lex) if role == PERPETRATOR else None
                found.append(
                    Participant(role, key or span.text, span.start_char, span.end_char, key=key)
                )
        return found

    @staticmethod
    def add(participants: list[Participant], seen: set, p: Participant) -> None:
        if (p.role, p.name) not in seen:
            seen.add((p.role, p.name))
            participants.append(p)

    def listed_names(self, token: Token) -> list[Token]:
        """Named members given as examples: "defenders like A, B and C", "groups such as X"."""
        found = []
        for pobj in prep_objects(token, "like", "including", "as"):
            found.extend(conjuncts(pobj))
        for appos in children(token, "appos"):
            found.extend(conjuncts(appos))
        return found

    def owners(self, thing: Token) -> list[Token]:
        """The person whose phone/flat/papers were taken: possessor or "from X"."""
        if is_person_like(thing, self.lex):
            return [thing]
        owners = children(thing, "poss")
        for of in prep_objects(thing, "of", "belonging"):  # "the office of our newspaper"
            owners += [of] if is_person_like(of, self.lex) else children(of, "poss")
        if not owners and thing.head.pos_ == "VERB":
            owners = prep_objects(thing.head, "from")
        return [o for o in owners if is_person_like(o, self.lex)]

    def verbal_arguments(self, match, event_type: str) -> dict[str, list[Token]]:
        anchor, spec = match.anchor, match.spec
        subject = find_subject(anchor)
        obj = grammatical_object(anchor)
        agents = prep_objects(anchor, "by")
        passive = is_passive(anchor)
        if event_type == "intervention":
            helper = agents if passive else ([subject] if subject is not None else [])
            return {INTERVENER: helper, VICTIM: self.helped(anchor)}
        if spec.subject_role == NO_ROLE:  # "the trial opened": the subject is the event itself
            return {PERPETRATOR: agents}
        if subject is not None and subject.i > anchor.i and not passive:
            fronted = misparsed_subject(anchor, self.lex)
            if fronted is not None:  # "On 4 March police in Mary detained Orazov"
                subject, obj = fronted, obj or subject
        if not passive and self.reduced_passive(anchor, subject, obj):
            # "journalist X sentenced to six years", "dozens of protesters detained in Minsk"
            return {VICTIM: [subject], PERPETRATOR: agents}
        if passive:
            agents = agents or self.implied_agents(anchor)
            return {VICTIM: [obj] if obj is not None else [], PERPETRATOR: agents}
        if subject is None:
            subject = misparsed_subject(anchor, self.lex)
        undergoer = anchor.lemma_.lower() in UNDERGOER_INTRANSITIVES and obj is None
        if undergoer or (
            spec.subject_role == VICTIM and (obj is None or not is_person_like(obj, self.lex))
        ):
            # "I fled", "she left the country", "he faces seven years", "I made the move"
            return {VICTIM: [subject] if subject is not None else []}
        victims = [obj] if obj is not None else []
        return {VICTIM: victims, PERPETRATOR: [subject] if subject is not None else []}

    def implied_agents(self, anchor: Token) -> list[Token]:
        """The agency behind an agentless passive, from its clause: the place it sends the
        victim to ("summoned to the city POLICE department") or the agency that ordered or
        announced it ("an INVESTIGATOR told me I was charged", "the COURT ordered that she be
        sent for an examination")."""
        for place in prep_objects(anchor, "to", "into", "in", "at"):  # "held in the GKNB building"
            if institution_key(place, self.lex):
                return [place]
        clause = clause_head(anchor)
        while clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
            governor = clause.head
            if clause.dep_ != "conj" and governor.lemma_ in ORDERING_VERBS:
                subject = find_subject(governor)
                if subject is not None and actor_key(subject, self.lex):
                    return [subject]
            clause = governor
        return []

    def reduced_passive(self, anchor: Token, subject: Token | None, obj: Token | None) -> bool:
        """A participle without auxiliary or object whose subject is someone acted upon, not an
        agency: headline and caption style ("Blogger detained in Osh")."""
        if subject is None or obj is not None or anchor.tag_ not in ("VBD", "VBN"):
            return False
        if children(anchor, "aux", "auxpass", "dobj", "dative", "ccomp", "xcomp"):
            return False
        if subject.pos_ == "PRON" or subject.head.i != anchor.i:
            return False
        return is_person_like(subject, self.lex) and actor_key(subject, self.lex) is None

    def helped(self, anchor: Token) -> list[Token]:
        """Whom an intervention is for: its object ("defended ME"), the owner of the case or
        event it is about ("took up HIS case", "called for HER release"), "on behalf of X",
        the victim of the demanded act ("urged the authorities to release HIM")."""
        visited = self.visited(anchor)
        if visited:  # "I was not allowed to see HIM": the one the helper came to see
            return visited
        victims: list[Token] = []
        obj = grammatical_object(anchor)
        # "contacted a human rights defender": the one called upon helps, is not helped
        helps = obj is not None and obj.lemma_.lower() in HELPER_HEADS
        things = [obj] if obj is not None and actor_key(obj, self.lex) is None and not helps else []
        things += prep_objects(anchor, "for", "against", "over", "about", "to")
        if obj is not None:  # "an urgent appeal concerning Mr. X"
            things += prep_objects(obj, "concerning", "regarding")
        things += [o for o in prep_objects(anchor, "on") if o.lemma_ in CASE_WORDS]
        for thing in things:
            victims += self.owners(thing)
            # "an appeal against HIS sentence", "an appeal on HIS behalf"
            victims += [o for t in prep_objects(thing, "against", "for") for o in self.owners(t)]
        for b in prep_objects(anchor, "on") + [p for t in things for p in prep_objects(t, "on")]:
            if b.lemma_ == "behalf":
                victims += children(b, "poss") + prep_objects(b, "of")
        if not victims:  # "her lawyer appealed": the lawyer's client
            for subject in children(anchor, "nsubj"):
                if subject.lemma_ in COUNSEL_HEADS:
                    victims += children(subject, "poss")
        if not victims:
            for clause in children(anchor, "xcomp", "ccomp"):
                inner = grammatical_object(clause)
                inner_things = [inner] if inner is not None else []
                inner_things += prep_objects(clause, "against", "from", "for")
                victims += [o for t in inner_things for o in self.owners(t)]
        return [v for v in victims if actor_key(v, self.lex) is None and not v.like_num]

    def visited(self, anchor: Token) -> list[Token]:
        """The person a helper sees or is kept from seeing ("allowed to see him", "prevented
        from meeting her client")."""
        clauses = [anchor, *children(anchor, "xcomp")]
        clauses += [c for p in children(anchor, "prep") for c in children(p, "pcomp")]
        people = []
        for clause in clauses:
            if clause.lemma_.lower() in ACCESS_ACTS:
                people += [
                    o
                    for o in children(clause, "dobj")
                    if o.lower_ not in self.lex.first_singular and is_person_like(o, self.lex)
                ]
        return people

    def nominal_arguments(self, noun: Token, event_type: str) -> dict[str, list[Token]]:
        """Arguments of an event noun, then of its light verb ("subjected to a test")."""
        # "three years' probation": a length, not an owner
        poss = [p for p in children(noun, "poss") if p.ent_type_ not in NOT_AGENT_ENTITIES]
        of = prep_objects(noun, "of")
        by = prep_objects(noun, "by")
        target = prep_objects(noun, "against", "on", "upon", "into")
        for participle in children(noun, "acl"):  # "a case opened AGAINST her"
            target += prep_objects(participle, "against")
        frm = prep_objects(noun, "from")
        actors = [c for c in children(noun, "compound", "amod") if actor_key(c, self.lex)]
        if event_type == "intervention":
            helpers = of + by + frm + poss + actors
            victims = prep_objects(noun, "for", "to")
            victims = [
                v for v in victims if is_person_like(v, self.lex) and v.lemma_ not in COUNSEL_HEADS
            ]  # "no access to a lawyer": the lawyer is the help, not the one helped
            roles = {INTERVENER: helpers, VICTIM: victims}
            self.light_verb(noun, roles, helper_role=INTERVENER)
            return roles
        # "charges of involvement": a common noun that names no one, nor whose it is, is the
        # offence ("recordings of HIS calls" are still someone's)
        of = [
            o for o in of if o.pos_ != "NOUN" or is_person_like(o, self.lex) or children(o, "poss")
        ]
        if of and poss:
            roles = {VICTIM: of + target, PERPETRATOR: by + poss + actors}
        else:
            roles = {VICTIM: poss + of + target, PERPETRATOR: by + actors}
        # a move is made by the one who moves: "I made a move", "she went into exile"
        helper = VICTIM if event_type == "relocation" else PERPETRATOR
        self.light_verb(noun, roles, helper_role=helper)
        if not any(roles.values()) or (event_type == "charge" and not roles.get(VICTIM)):
            # "he is now held on charges of ...": the accused, whoever holds him
            roles[VICTIM] = self.clause_person(noun)
        return roles

    def directed_or_state(
        self, noun: Token, verb: Token, roles: dict[str, list[Token]], helper_role: str
    ) -> bool:
        """ "sent HIM for a psychiatric evaluation", "sentenced HIM to ten days' arrest": the
        person directed to the event is its victim; "HE lived in exile", "SHE spent a month in
        detention": the subject of a state verb is. Returns whether a rule applied."""
        prep = noun.head.lower_
        obj = grammatical_object(verb)
        if prep in DIRECTING_PREPS and self.other_person(obj, noun):
            if not roles.get(VICTIM):
                roles[VICTIM] = [obj]
            if not roles.get(helper_role) and helper_role != VICTIM:
                subject = find_subject(verb)
                if is_passive(verb):
                    roles[helper_role] = prep_objects(verb, "by") or self.implied_agents(verb)
                elif subject is not None:
                    roles[helper_role] = [subject]
            return True
        if prep in ("in", "into", "under") and verb.lemma_ in STATE_VERBS and obj is None:
            subject = find_subject(verb)
            if subject is not None and not roles.get(VICTIM):
                roles[VICTIM] = [subject]
            return True
        return False

    def other_person(self, obj: Token | None, noun: Token) -> bool:
        return obj is not None and obj.i != noun.i and is_person_like(obj, self.lex)

    def clause_person(self, noun: Token) -> list[Token]:
        """Last resort for a bare event noun: the person its clause's verb is about
        ("ordered Matanov held until trial"); never across a verb of saying."""
        verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_ in ("say", "tell", "announce", "state", "add", "ask"):
            return []
        found = self.clause_person_of(verb)
        if not found and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            found = self.clause_person_of(verb.head)  # "she was made to give a sample for ..."
        return found

    def clause_person_of(self, verb: Token) -> list[Token]:
        for child in kids(verb):
            if child.dep_ not in ("nsubjpass", "nsubj", "dobj") or child.lemma_ in COUNSEL_HEADS:
                continue  # "his lawyer filed an appeal against the sentence": not the accused
            if child.pos_ == "PRON" and child.lower_ not in NON_PERSON_PRONOUNS:
                return [child]  # "he has been in pre-trial detention since May"
            if child.pos_ in ("PROPN", "NOUN"):
                if is_person_like(child, self.lex) and actor_key(child, self.lex) is None:
                    return [child]
                # the subject of a participle clause is a person even when NER calls the
                # name a place ("ordered Matanov held until trial")
                if child.pos_ == "PROPN" and verb.tag_ == "VBN" and child.dep_ != "dobj":
                    return [child]
        return []

    def light_verb(self, noun: Token, roles: dict[str, list[Token]], helper_role: str) -> None:
        """Fill missing roles from the verb governing the noun or a relative clause on it."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
            verb = verb.head
        for rel in children(noun, "relcl", "acl"):  # "a grant I received from X"
            if rel.lemma_ in UNDERGO_VERBS:
                subj = children(rel, "nsubj")
                if subj and not roles.get(VICTIM):
                    roles[VICTIM] = subj
                if not roles.get(helper_role):
                    roles[helper_role] = prep_objects(rel, "from", "by")
        if verb.pos_ not in ("VERB", "AUX") or noun.dep_ not in (
            "dobj",
            "pobj",
            "nsubjpass",
            "attr",
        ):
            return
        dative = [d for d in children(verb, "dative") if is_person_like(d, self.lex)]
        if noun.dep_ == "dobj" and dative and not roles.get(VICTIM):
            roles[VICTIM] = dative  # "handed HIM a sentence of four years"
        directed = noun.dep_ == "pobj" and noun.head.dep_ == "prep"
        if directed and self.directed_or_state(noun, verb, roles, helper_role):
            return
        if verb.lemma_ not in UNDERGO_VERBS | SUPPORT_VERBS:
            return
        subject = find_subject(verb)
        if verb.lemma_ in UNDERGO_VERBS and noun.dep_ == "dobj":
            if not roles.get(VICTIM) and subject is not None:
                roles[VICTIM] = [subject]
            if not roles.get(helper_role):
                roles[helper_role] = prep_objects(verb, "from", "by")
            return
        if is_passive(verb):
            obj = grammatical_object(verb)
            if not roles.get(VICTIM) and self.other_person(obj, noun):
                roles[VICTIM] = [obj]
            if not roles.get(helper_role):
                implied = self.implied_agents(verb) if helper_role == PERPETRATOR else []
                roles[helper_role] = prep_objects(verb, "by") or implied
            return
        obj = grammatical_object(verb)
        if not roles.get(VICTIM) and self.other_person(obj, noun):
            roles[VICTIM] = [obj]
        if not roles.get(helper_role) and subject is not None and noun.dep_ != "nsubjpass":
            roles[helper_role] = [subject]


_FEMALE_NOUNS = "woman girl wife mother sister daughter grandmother aunt niece widow bride"
FEMALE_NOUNS = frozenset(_FEMALE_NOUNS.split())
_MALE_NOUNS = "man boy husband father brother son grandfather uncle nephew"
MALE_NOUNS = frozenset(_MALE_NOUNS.split())
FEMALE_NAME_ENDINGS = ("ova", "eva", "yeva", "ina", "aya", "ska", "skaya", "tskaya", "ayeva")
MALE_NAME_ENDINGS = ("ov", "ev", "yev", "in", "sky", "ski", "skiy", "skii", "ich")
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam"})
MALE_TITLES = frozenset({"mr", "sir"})
SIDE_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl"})


def pronoun_gender(pronoun: Token) -> str | None:
    gender = pronoun.morph.get("Gender")
    if gender:
        return {"Fem": "f", "Masc": "m"}.get(gender[0])
    return {"she": "f", "her": "f", "hers": "f", "herself": "f"}.get(
        pronoun.lower_, "m" if pronoun.lower_ in ("he", "him", "his", "himself") else None
    )


def person_gender(tok: Token) -> str | None:
    """Gender a name or person noun shows: Slavic surname endings (-ova/-ov, -ska/-ski), a
    title, a given name in -a ("Alena Krautsova"), a gendered noun ("his wife")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        return "f" if lemma in FEMALE_NOUNS else "m" if lemma in MALE_NOUNS else None
    doc = tok.doc
    first = tok.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1  # the start of the name's entity
    words = doc[first : tok.i + 1]
    titles = {doc[first - 1].lower_.strip(".")} if first > 0 else set()
    titles.add(words[0].lower_.strip("."))  # "Mrs Khan" as one entity
    if titles & FEMALE_TITLES:
        return "f"
    if titles & MALE_TITLES:
        return "m"
    surname = tok.lower_
    if surname.endswith(FEMALE_NAME_ENDINGS):
        return "f"
    if surname.endswith(MALE_NAME_ENDINGS):
        return "m"
    given = words[0].lower_ if len(words) > 1 else ""
    if given.endswith("a") and len(given) > 2:
        return "f"
    return None


def salience(tok: Token) -> int:
    """2 for the subject of a main clause, 1 for another main-clause mention, else 0."""
    if in_side_clause(tok):
        return 0
    return 2 if tok.dep_ in ("nsubj", "nsubjpass") else 1


def in_side_clause(tok: Token) -> bool:
    """Whether a mention sits in a relative, adverbial or appositive part of its sentence."""
    current = tok
    while current.head.i != current.i:
        if current.dep_ in SIDE_CLAUSES:
            return True
        current = current.head
    return False


_ORDERING_VERBS = "order rule decide instruct tell inform notify warn announce sentence direct"
ORDERING_VERBS = frozenset(_ORDERING_VERBS.split())
"""Verbs whose agency subject is behind the passive event of their complement."""
_INSTITUTION_WORDS = (
    "department station office headquarters building unit precinct directorate centre center"
)
INSTITUTION_WORDS = frozenset(_INSTITUTION_WORDS.split())


def clause_head(token: Token) -> Token:
    """The verb heading the clause of a token (itself when it is a verb)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return current


def institution_key(token: Token, lex: Lexicon) -> str | None:
    """An agency's premises: "the city police department", "the KNB building"."""
    key = actor_key(token, lex)
    if key or token.lemma_.lower() not in INSTITUTION_WORDS:
        return key
    for mod in children(token, "compound", "amod", "nmod", "poss"):  # "the prosecutor's office"
        key = actor_key(mod, lex)
        if key:
            return key
    return None


NO_ROLE = "none"  # a pattern's subject_role when its subject takes no part


def misparsed_subject(verb: Token, lex: Lexicon) -> Token | None:
    """A subject the parser swallowed into a fronted time phrase: "On 12 August officers of
    the KNB searched my flat" (``officers`` read as the object of "On"), "On 4 March police
    and investigators raided the office" (read as conjuncts of "March"). The verb then has
    no subject before it; the parser may have taken its object for one ("On 4 March police
    in Mary detained Orazov")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(s.i < verb.i for s in children(verb, "nsubj", "nsubjpass")):
        return None
    for prep in children(verb, "prep"):
        if prep.i > verb.i:
            continue
        for pobj in children(prep, "pobj"):
            if pobj.right_edge.i + 1 != verb.i:
                continue
            for candidate in (pobj, *children(pobj, "conj")):
                if candidate.ent_type_ not in ("DATE", "TIME") and actor_key(candidate, lex):
                    return candidate
    return None


def headline_arguments(verb: Token) -> dict[str, list[Token]]:
    """Roles in a title-case headline, whose parse is unreliable: "Court Convicts FRIEND of ...",
    "BLOGGER Jailed in Minsk" (words next to the verb, by its form)."""
    doc = verb.doc
    if verb.lower_.endswith("d"):  # passive headline: the victim comes first
        return {VICTIM: [doc[verb.i - 1]]}
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    victims = [after] if after is not None and after.is_title else []
    before = doc[verb.i - 1] if verb.i > 0 else None  # doc[-1] would be the document's end
    agents = [before] if before is not None and not (before.is_space or before.is_punct) else []
    return {VICTIM: victims, PERPETRATOR: agents}


def first_person_in(span: Span | Doc, lex: Lexicon) -> bool:
    return any(t.lower_ in lex.first_singular and t.pos_ == "PRON" for t in span)


# ---------------------------------------------------------------- narrative perpetrators

FORCE_TYPES = frozenset(
    {
        "detention",
        "seizure",
        "assault",
        "harassment",
        "drug_test",
        "surveillance",
        "psychiatric_commitment",
    }
)
"""Acts of one operation, done by the same hands in a story (arrest, search, beating)."""
NO_PERPETRATOR_TYPES = frozenset({"intervention", "relocation", "release"})


def same_hands(a: str, b: str) -> bool:
    return a == b or (a in FORCE_TYPES and b in FORCE_TYPES)


TITLE_LINE_TOKENS = 40
"""A longer line is body text, whatever its punctuation."""


def is_headline(token: Token) -> bool:
    """Whether a word lies on a title line: a short line without closing punctuation."""
    doc = token.doc
    index = doc_index(doc)
    start, end = index.line_tokens(token)
    if token.i - start > TITLE_LINE_TOKENS or end - 1 - token.i > TITLE_LINE_TOKENS:
        return False
    memo = index.memo.setdefault("title_lines", {})
    if start not in memo:
        words = [t.text for t in doc[start:end] if not t.is_space]
        memo[start] = bool(words) and words[-1][-1] not in ".!?\"'”»"
    return memo[start]


def inherit_perpetrators(cands: list, paragraph_of: list[int]) -> None:
    """Agentless events take the agency of their story (after same-sentence sharing):

    * a headline's event is the body's first event of its type ("BLOGGER DETAINED" … "police
      detained the blogger on Monday"): it takes that event's perpetrators, and victims if it
      names none;
    * an event whose agent the same sentence names later ("X was arrested when KGB officers
      raided the newsroom");
    * else the last agency acting on the same victim earlier in the paragraph, for acts of one
      operation ("Police took me to the station. I was questioned for six hours").

    ``cands`` are the component's candidates in text order (``participants``, ``sent_index``,
    ``type.name``, ``anchor``, ``names(role)``).
    """
    for k, cand in enumerate(cands):
        etype = cand.type.name
        if etype in NO_PERPETRATOR_TYPES or cand.names(PERPETRATOR):
            continue
        if is_headline(cand.anchor):
            donor = next((o for o in cands[k + 1 :] if o.type.name == etype), None)
            if donor is not None:
                copy_roles(donor, cand, with_victims=not cand.names(VICTIM))
            continue
        donor = later_in_sentence(cand, cands[k + 1 :]) or earlier_in_paragraph(
            cand, cands[:k], paragraph_of
        )
        if donor is not None:
            copy_roles(donor, cand, with_victims=False)


DOMINANT_SHARE = 0.6  # of the agency perpetrators named in a document, for one to be its own
AGENCY_ACTS = frozenset(
    {"detention", "seizure", "surveillance", "drug_test", "assault", "harassment"}
)


def document_agency(cands: list) -> str | None:
    """The agency a document's acts are by, when one dominates the ones it names (at least
    twice and three in five): a testimony about the KNB names the KNB, then says "they"."""
    keys = Counter(p.key for c in cands for p in agency_perpetrators(c))
    if not keys:
        return None
    key, count = keys.most_common(1)[0]
    if count < 2 or count < DOMINANT_SHARE * sum(keys.values()) or key == "court":
        return None
    return key


def fill_from_document(cands: list) -> None:
    """Custody, searches, surveillance, tests and beatings that still name no perpetrator
    take the document's agency."""
    key = document_agency(cands)
    if key is None:
        return
    for cand in cands:
        etype = cand.type.name
        if etype in AGENCY_ACTS and not cand.names(PERPETRATOR):
            cand.participants.append(Participant(PERPETRATOR, key, None, None, key=key))


def agency_in_sentence(cands: list, lex: Lexicon) -> None:
    """An act of force that still names no perpetrator takes the agency its sentence names
    nearest to it ("I was taken to the KNB building and questioned for six hours"); a court
    sentences, it does not arrest or beat."""
    for cand in cands:
        if cand.type.name not in FORCE_TYPES or cand.names(PERPETRATOR):
            continue
        sent = doc_index(cand.anchor.doc).sentence(cand.anchor)
        near = [
            (abs(i - cand.anchor.i), i, key)
            for i, key in agency_mentions(cand.anchor.doc, lex)
            if sent.start <= i < sent.end and key != "court"
        ]
        if near:
            key = min(near)[2]
            cand.participants.append(Participant(PERPETRATOR, key, None, None, key=key))


COURT_ACTS = frozenset({"sentence", "convict", "acquit", "trial", "verdict", "try"})


def courts_for_court_acts(cands: list) -> None:
    """Only a court sentences, convicts or tries: such a charge event with no agent named
    anywhere in its story ("he was sentenced to five years") gets the court."""
    for cand in cands:
        if cand.type.name != "charge" or cand.names(PERPETRATOR):
            continue
        if cand.anchor.lemma_.lower() in COURT_ACTS:
            cand.participants.append(Participant(PERPETRATOR, "court", None, None, key="court"))


def shares_victim(a, b) -> bool:
    mine, theirs = set(a.names(VICTIM)), set(b.names(VICTIM))
    return not mine or bool(mine & theirs)


def agency_perpetrators(cand) -> list[Participant]:
    return [p for p in cand.participants if p.role == PERPETRATOR and p.key]


def later_in_sentence(cand, after: list):
    for other in after:
        if other.sent_index != cand.sent_index:
            return None
        hands = same_hands(cand.type.name, other.type.name)
        if hands and shares_victim(cand, other) and agency_perpetrators(other):
            return other
    return None


def earlier_in_paragraph(cand, before: list, paragraph_of: list[int]):
    paragraph = paragraph_of[cand.sent_index]
    for other in reversed(before):
        if paragraph_of[other.sent_index] != paragraph:
            return None
        if not same_hands(cand.type.name, other.type.name) or not cand.names(VICTIM):
            continue
        if shares_victim(cand, other) and agency_perpetrators(other):
            return other
    return None


def copy_roles(donor, cand, with_victims: bool) -> None:
    perps = agency_perpetrators(donor) or [p for p in donor.participants if p.role == PERPETRATOR]
    for p in perps:
        cand.participants.append(Participant(PERPETRATOR, p.name, None, None, key=p.key))
    if with_victims:
        for p in donor.participants:
            if p.role == VICTIM:
                cand.participants.append(Participant(VICTIM, p.name, None, None, p.is_narrator))
