"""The ``tnlp_events`` pipeline component: triggers -> status -> roles -> merging -> linking.

Sets ``doc._.events`` to a list of dicts with the columns of the events table
(``schemas.EVENTS`` less doc_id, event_id and sentence) plus ``participants``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.symbols import PRON
from spacy.tokens import Doc, Span, Token

from ..attributes import register_attributes
from .backstop import BACKSTOP_FILE, SentenceModel, backstop_matches
from .backstop import RULE_PREFIX as BACKSTOP_RULE
from .docindex import doc_index, forget, kids
from .linking import NarrativeLinker, date_headlines, paragraph_ids, timexes
from .patterns import (
    LAWYER_WORDS,
    MEDIA_SMEARS,
    PATTERNS_FILE,
    QUESTIONING_VERBS,
    TriggerFinder,
    TriggerMatch,
    acting_subjects,
    is_no_act_against,
    load_pattern_data,
    sentence_has_lemma,
    they_or_an_agency,
)
from .roles import (
    ACCESS_ACTS,
    PERPETRATOR,
    SUPPORT_VERBS,
    VICTIM,
    Lexicon,
    Participant,
    RoleResolver,
    actor_key,
    agency_in_sentence,
    children,
    courts_for_court_acts,
    fill_from_document,
    find_subject,
    first_conjunct,
    first_person_in,
    grammatical_object,
    inherit_perpetrators,
    is_headline,
    is_passive,
    prep_objects,
)
from .status import (
    ATTEMPTED,
    HYPOTHETICAL,
    NEGATED,
    OCCURRED,
    REFUSAL_VERBS,
    THREATENED,
    asked_why,
    clause_head,
    dated,
    detect_status,
    governor_chain,
    in_joined_clause,
    is_averting_sentence,
    is_generic,
    is_infinitive,
    is_past,
    is_purpose,
    is_specific,
    threat_governor,
)
from .taxonomy import TAXONOMY_FILE, EventType, load_taxonomy
from .verifier import VERIFIER_FILE, EventVerifier

CUES_FILE = "cues.json"
DATA_FILES = (TAXONOMY_FILE, PATTERNS_FILE, CUES_FILE)
OPTIONAL_DATA_FILES = (BACKSTOP_FILE, VERIFIER_FILE)
# a helper's words of alarm: an intervention unless the sentence tells what it did
CONCERN_PATTERNS = frozenset({"intervention.voiced_concern", "intervention.voiced_concern_copula"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such", "said"})
ADDITIVE = frozenset({"also", "too", "likewise"})
GENERAL_HELP = frozenset({"intervene", "help", "assist", "support", "defend", "act", "step"})
SPEECH_THREATS = frozenset({"say", "tell"})
BENIGN_TYPES = frozenset({"release", "intervention"})
DEMANDED_TYPES = frozenset({"release", "relocation"})
"""Events an advocate asks for ("called for his release"): part of the intervention."""
VISIT_PATTERN = "harassment.agents_came_home"
PERPETRATOR_REACH = 3  # sentences back an agentless event takes the agency last named
CHARGING = frozenset({"court", "prosecutor", "investigators"})
VISIT_REACH = 3  # sentences after a visit in which what the visitors did is told
# what visitors come to do: a visit followed by a charge or a helper's appeal is its own
VISIT_ACTS = frozenset(
    {"detention", "seizure", "psychiatric_commitment", "drug_test", "assault", "surveillance"}
)

EVENT_FIELDS = (
    "event_type", "status", "trigger", "trigger_start", "trigger_end", "start_char", "end_char",
    "sentence_index",
    "date_text", "date_start", "date_end", "date_precision", "date_source",
    "place_text", "place_name", "country_code", "latitude", "longitude", "geo_precision",
    "place_source",
    "victim", "perpetrator", "perpetrator_text", "confidence", "rule",
    "huridocs_code", "plover_type", "plover_mode", "acled_sub_event",
)  # fmt: skip
"""Keys of each event dict besides ``participants`` (the events table less ids and sentence)."""


@dataclass(slots=True)
class Candidate:
    """An event under construction."""

    match: TriggerMatch
    type: EventType
    sent_index: int
    trigger_start: int
    trigger_end: int
    status: str
    cue: str | None
    participants: list[Participant] = field(default_factory=list)
    merged: bool = False

    @property
    def anchor(self) -> Token:
        return self.match.anchor

    @property
    def nominal(self) -> bool:
        return self.match.spec.nominal

    def names(self, role: str) -> list[str]:
        return [p.name for p in self.participants if p.role == role]

    def shares_victim_with(self, other: Candidate) -> bool:
        """Whether a victim of one is a victim of the other ("Satybaldiev" = "Erlan
        Satybaldiev")."""
        return any(same_person(a, b) for a in self.names(VICTIM) for b in other.names(VICTIM))


NAME_FILLERS = frozenset({"the", "a", "an", "his", "her", "their", "mr", "ms", "mrs", "dr"})


SINGULAR_PRONOUN_VICTIMS = (["he"], ["she"], ["him"], ["her"])
# victims that only point back: none named, or a pronoun ("since his arrest")
REFERRING_VICTIMS = ([], *SINGULAR_PRONOUN_VICTIMS, ["his"], ["they"], ["their"])


def drop_the_speaker(cand: Candidate) -> None:
    """Remove the victims that are the subject of the clause telling a helper's alarm."""
    clause = cand.match.nodes.get("copula") or cand.match.nodes.get("feeling")
    if clause is None:
        return
    speakers = {t.idx for c in kids(clause) if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    cand.participants = [
        p for p in cand.participants if p.role != VICTIM or p.start_char not in speakers
    ]


def is_pronoun_victim(cand: Candidate) -> bool:
    return cand.names(VICTIM) in (*SINGULAR_PRONOUN_VICTIMS, ["they"], ["them"])


PRONOUN_CASES = {"him": "he", "his": "he", "her": "she", "hers": "she", "them": "they"}


def same_person(a: str, b: str) -> bool:
    """Two mentions of one person or group: equal, or one's words all inside the other's."""
    if a == b or PRONOUN_CASES.get(a.lower(), a.lower()) == PRONOUN_CASES.get(b.lower(), b.lower()):
        return True  # "he" and "him" of one sentence
    words_a = {w for w in a.lower().replace(",", " ").split() if w not in NAME_FILLERS}
    words_b = {w for w in b.lower().replace(",", " ").split() if w not in NAME_FILLERS}
    if not words_a or not words_b:
        return False
    return words_a <= words_b or words_b <= words_a


def default_data_path() -> Path:
    from ..assets import models_dir

    return models_dir() / "tnlp_events"


class EventExtractor:
    """Finds events of the taxonomy with their status, participants, date and place."""

    def __init__(
        self,
        nlp: Language,
        name: str = "tnlp_events",
        data_path: str | None = None,
        verify: bool = True,
    ):
        register_attributes()
        self.name = name
        self.vocab = nlp.vocab
        self.verify = verify
        self.load(Path(data_path) if data_path else default_data_path())

    # -- data -----------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        self.data_path = path
        self.taxonomy_data, self.types = load_taxonomy(path)
        self.pattern_data = load_pattern_data(path)
        self.cues = json.loads((path / CUES_FILE).read_text(encoding="utf-8"))
        self.lexicon = Lexicon.from_data(self.cues)
        self.finder = TriggerFinder(self.vocab, self.pattern_data, self.lexicon)
        self.roles = RoleResolver(self.lexicon)
        self.backstop = SentenceModel.load(path)
        self.verifier = EventVerifier.load(path) if self.verify else None
        self.study_or_work_bodies = frozenset(self.pattern_data["lexicon"]["STUDY_OR_WORK_BODY"])
        self.vehicles = frozenset(self.pattern_data["lexicon"]["VEHICLE"])
        words = self.pattern_data["lexicon"]
        self.psych_places = frozenset(words["PSYCH_PLACE"]), frozenset(words["PSYCH_MOD"])
        self.custody_places = frozenset(words["PRISON_NAMES"]) | {"prison", "jail", "colony"}

    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in (*DATA_FILES, *OPTIONAL_DATA_FILES):
            source, target = self.data_path / name, path / name
            if source.resolve() == target.resolve():
                continue
            if name in OPTIONAL_DATA_FILES and not source.exists():
                target.unlink(missing_ok=True)  # a stale copy would come back on from_disk
                continue
            shutil.copyfile(source, target)

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> EventExtractor:
        self.load(Path(path))
        return self

    # -- pipeline ---------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if (doc._.language or "en") != "en" or not doc.has_annotation("DEP"):
            doc._.events = []  # other languages skip; without a parse there is nothing to match
            return doc
        forget(doc)  # earlier stages may have changed the entities since a previous look
        events = self.extract(doc)
        forget(doc)
        doc._.events = events
        return doc

    def narrator(self, doc: Doc) -> str:
        return doc._.narrator or "narrator"

    def first_person_narrative(self, doc: Doc) -> bool:
        """Whether the document is told by a first-person narrator (a testimony, not news).

        News quotes people in the first person now and then; a testimony does so throughout.
        """
        if doc._.author:
            return True
        index = doc_index(doc)
        # which tokens are "I"/"me"/"my" pronouns, read as arrays rather than Token objects
        rows = doc.to_array([LOWER, POS]).tolist()
        firsts = {doc.vocab.strings.add(w) for w in self.lexicon.first_singular}
        bounds = [*index.sent_starts[1:], len(doc)]
        long_sents = with_first = 0
        for start, end in zip(index.sent_starts, bounds, strict=False):
            if end - start <= 3:
                continue
            long_sents += 1
            with_first += any(lower in firsts and pos == PRON for lower, pos in rows[start:end])
        return bool(long_sents) and with_first / long_sents >= 0.2

    def extract(self, doc: Doc) -> list[dict]:
        """Compute the event dicts of a parsed Doc."""
        narrator = self.narrator(doc)
        first_person = self.first_person_narrative(doc)
        index = doc_index(doc)
        sent_starts = index.sent_starts
        candidates = []
        matches = self.finder(doc)
        for match in matches:
            cand = self.candidate(match, narrator, sent_starts, first_person)
            if cand is not None:
                candidates.append(cand)
        if self.backstop is not None:
            # a sentence a pattern matched in, even one whose match a check then refused
            # ("the use of house arrest"), is left to the patterns
            covered: dict[int, set[str]] = {}
            for m in matches:
                covered.setdefault(index.sentence(m.anchor).start, set()).add(m.spec.type)
            for cand in candidates:  # retyped ("the court ordered his expulsion": a charge)
                covered.setdefault(index.sentence(cand.anchor).start, set()).add(cand.type.name)
            for alternatives in backstop_matches(self.backstop, index.sents, covered):
                if any(is_no_act_against(m.anchor, m.spec.type) for m in alternatives):
                    continue  # one of the sentence's words shows it: no other word may stand in
                for match in alternatives:
                    cand = self.candidate(match, narrator, sent_starts, first_person)
                    if cand is not None:
                        candidates.append(cand)
                        break
            candidates.sort(key=lambda c: c.anchor.i)
        for cand in candidates:
            if cand.match.spec.base_id in CONCERN_PATTERNS:
                drop_the_speaker(cand)  # "said they were alarmed": they speak, they are not helped
            if cand.type.name == "detention" and held_in_named_ward(
                cand.anchor, *self.psych_places
            ):
                # "held in the centre for twenty-one days", the centre a psychiatric one
                cand.type = self.types["psychiatric_commitment"]
            elif cand.type.name == "relocation" and goes_to(cand.anchor, self.custody_places):
                # "next time I would go to Evin": a move into a prison is a detention
                cand.type = self.types["detention"]
            elif cand.type.name == "detention" and in_punishment_cell(cand.anchor):
                # "put in the punishment cell eleven times": a penalty inside a prison
                cand.type = self.types["harassment"]
        self.continue_victims(doc, candidates)
        self.share_perpetrators(candidates)
        inherit_perpetrators(candidates, paragraph_ids(doc))
        courts_for_court_acts(candidates)
        self.merge(candidates)
        # a release somebody asks for lends its victim to the intervention, then goes
        kept = [c for c in candidates if not c.merged and not is_demanded_release(c)]
        self.apply_averted(doc, kept)
        fill_from_document(kept)
        agency_in_sentence(kept, self.lexicon)
        events = self.link(doc, kept)
        if self.verifier is not None:
            events = self.verifier.keep(doc, events)
        return events

    def candidate(
        self, match: TriggerMatch, narrator: str, sent_starts: list[int], first_person: bool
    ) -> Candidate | None:
        anchor = match.anchor
        etype = self.types[match.spec.type]
        status, cue = detect_status(anchor, self.lexicon)
        if status == THREATENED and cue in SPEECH_THREATS and etype.name in BENIGN_TYPES:
            status = HYPOTHETICAL  # "officials said he would be released": a plan, not a threat
        if status == OCCURRED and match.spec.status:
            status = match.spec.status  # "faces up to seven years in prison"
        if match.spec.threat_only and status in (OCCURRED, NEGATED):
            return None  # "would lose his job" is pressure; "lost their jobs" may be anything
        if match.spec.spoken_threat_only and status != THREATENED:
            return None  # "you will sit for a long time" is prison only as a threat
        if match.spec.base_id == "seizure.unlock" and cue in REFUSAL_VERBS:
            return None  # "beaten when he refused to unlock his phone": nothing was taken
        if match.spec.no_threat and status in (THREATENED, HYPOTHETICAL):
            return None  # "making noise would harm her husband" is pressure, told as such
        if match.spec.unrealised_only and status == OCCURRED:
            return None  # "if I leave" is exile in prospect; "he left at six" is no exile
        if match.spec.fixed_status and status in (OCCURRED, NEGATED):
            status = match.spec.fixed_status
        if match.spec.negated_status and status == NEGATED:
            status = match.spec.negated_status
        participants = self.roles.resolve(match, etype.name, etype.object, narrator)
        victims = [p for p in participants if p.role == VICTIM]
        if is_generic(anchor, victims, self.lexicon):
            return None
        if victims and all(map(is_counted_in_question, victims)):
            return None
        if (
            etype.name == "charge"
            and match.spec.nominal
            and any(c.dep_ == "det" and c.lower_ == "no" for c in kids(anchor))
            and not is_past(clause_head(anchor))
        ):
            # "there will be no trial", "could be locked up with no sentence": none is told
            # ("no charges were brought" tells that none were)
            return None
        if etype.name == "harassment" and (is_motive(anchor) or names_an_offence(anchor)):
            return None  # "I think they only wanted to frighten me": why, not what, they did
        sentence = doc_index(anchor.doc).sentence(anchor)
        if is_section_heading(sentence):
            return None  # "2. Criminal case.": a letter's section title names its topic
        if first_person:  # "we'll break your legs", quoted to the narrator
            participants = [addressed_to_narrator(p, narrator) for p in participants]
            victims = [p for p in participants if p.role == VICTIM]
        if not victims and first_person and first_person_in(sentence, self.lexicon):
            participants.insert(0, Participant(VICTIM, narrator, None, None, True))
        if match.spec.nominal and not participants and not first_person:
            return None  # "the reintroduction of internment": a practice, nobody in it
        if etype.name == "charge" and anchor.lemma_ == "accuse" and self.said_by_media(anchor):
            etype = self.types["harassment"]  # a smear by a website or channel, not a charge
        if (
            etype.name == "relocation"
            and anchor.lemma_ == "expel"
            and self.expelled_by_body(anchor)
        ):
            etype = self.types["harassment"]  # "the university expelled me": not from a country
        if etype.name == "release" and self.let_go_by_employer(anchor):
            etype = self.types["harassment"]  # "her school let her go": a dismissal
        if etype.name == "relocation" and match.spec.nominal and self.ordered_by_court(anchor):
            etype = self.types["charge"]  # "the court ordered his expulsion": its sentence
        if etype.name == "charge" and is_prosecuting_party(anchor):
            return None  # "The prosecution called eleven witnesses": the party, not an act
        if etype.name in AGAINST_PEOPLE and self.court_party_calls_witness(anchor):
            return None  # "the defence called two witnesses": a hearing, not pressure
        if match.spec.require_victim and not victims:
            return None  # "came for the documents": only a person is come for
        if etype.name == "detention" and is_faced_penalty(anchor):
            return None  # "faces four years' imprisonment": the charge's penalty
        if etype.name in ("relocation", "intervention") and is_a_right(anchor):
            return None  # "the right to leave Uzbekistan", "the right to meet a client"
        if match.spec.nominal and is_topic(anchor):
            return None  # "I was never naive about surveillance": a subject of talk
        if etype.name == "intervention" and documents_cases(anchor):
            return None  # "has documented cases in which ...": research, not help
        if match.spec.nominal and (is_alternative(anchor) or is_said_sentence(anchor)):
            return None  # "treatment instead of imprisonment", "a sentence I had said"
        if match.spec.nominal and is_feared(anchor):
            return None  # "left for Vilnius, fearing arrest": a fear, no act
        if etype.name == "detention" and match.spec.nominal and is_requested_measure(anchor):
            return None  # "filed a motion for house arrest": asked of a court, not imposed
        if etype.name in ("charge", "relocation") and match.spec.nominal and is_awaited(anchor):
            return None  # "released on bail pending trial": a trial to come, not told
        if etype.name == "charge" and is_belief(anchor):
            return None  # "my convictions were not sufficiently substantiated": beliefs
        if etype.name == "assault" and died_in_war(anchor):
            return None  # "my uncle was killed in the Karabakh war": no one's abuse told
        if match.spec.nominal and said_to_be_routine(anchor):
            return None  # "raids on dormitories ... have become routine": a practice
        if match.spec.nominal and counts_incidents(anchor):
            return None  # "documented 41 detentions and 17 new convictions": a tally
        if etype.name == "charge" and match.spec.nominal and cue == "risk":
            return None  # "at risk of torture and of an unfair trial": a fear, no case told
        if asks_for_information(anchor):
            return None  # "Please explain why his lawyers were denied access": to a government
        if is_characterised(anchor):
            return None  # "imprisoned solely for exercising his rights": why, not what
        if match.spec.nominal and is_named_not_told(anchor):
            return None  # "the use of house arrest", "a copy of the verdict": no incident told
        if etype.name == "relocation" and (
            is_backdrop(anchor) or names_people(anchor) or moves_troops(anchor)
        ):
            return None  # "as he was leaving his home", "exiles", "sent troops": no one exiled
        if etype.name != "intervention" and is_safeguard_asked(anchor):
            return None  # "please ensure that he is not subjected to forced treatment"
        if etype.name == "charge" and refers_to_told_charges(anchor):
            return None  # "drop all charges against him": the charges told before
        if is_article_title(anchor):
            return None  # 'Article 368 ("insulting the President")': the name of an offence
        if etype.name in AGAINST_PEOPLE and is_reflexive_object(anchor):
            return None  # "whether I had thought of killing myself": no one else acts
        if (
            etype.name == "charge"
            and anchor.lemma_ == "accuse"
            and self.accuses_institution(anchor)
        ):
            return None  # blaming an institution is criticism, not legal action
        if (
            etype.name == "intervention"
            and cue in self.lexicon.status["hypothetical_heads"]
            and anchor.lemma_.lower() not in ACCESS_ACTS  # "asked to see my client" is one
        ):
            return None  # asking for help ("calling for assistance") is not an intervention
        if etype.name == "intervention" and status == THREATENED and cue == "threaten":
            return None  # "my lawyer threatened to go to the Public Defender": leverage, no help
        if etype.name == "intervention" and acts_through_state_counsel(anchor):
            return None  # "represented by a state-appointed lawyer": the state's, not a helper
        if etype.name in AGAINST_PEOPLE and self.targets_institution(anchor):
            return None  # "discrediting the authorities": an institution is no victim here
        if (
            etype.name == "charge"
            and status not in (OCCURRED, THREATENED)
            and is_unaimed_case(anchor)
        ):
            return None  # "nobody would open a case": an investigation refused, no accusation
        if etype.name == "charge" and opens_case(anchor) and investigates_unknown(anchor):
            return None  # "police opened a case but no one has been identified": a probe
        if etype.name == "charge" and self.complains_for_victim(anchor):
            return None  # "I have filed a complaint about it": a plea, not an accusation
        demanded = etype.name in DEMANDED_TYPES and is_demanded(anchor)
        if demanded and not any(map(is_specific, victims)):
            return None  # "called for his release": a demand; "successfully demanded" stays
        if match.spec.base_id == "harassment.agent_contact" and self.contacted_by_doctor(anchor):
            return None  # "a doctor called me from the hospital": news, not pressure
        agentive = match.spec.subject_role != VICTIM  # "I noticed the car": the subject suffers
        if (
            etype.name in ("harassment", "surveillance")
            and agentive
            and self.not_done_by_people(anchor)
        ):
            return None  # "Telegram warned me", "I started filming them"
        if etype.name == "surveillance" and filmed_recanting(anchor):
            etype = self.types["harassment"]  # "filmed him reading an apology": a forced video
        foretold = status in (THREATENED, HYPOTHETICAL)
        if etype.name == "surveillance" and anchor.lemma_.lower() == "follow" and foretold:
            return None  # "Said would follow his brother": a fate foretold, not a tail
        kin_acts = ("detention", "harassment", "surveillance")
        if etype.name in kin_acts and agentive and self.held_by_kin(anchor):
            return None  # "my mother-in-law grabbed him", "my cousin had warned me"
        if (
            etype.name == "harassment"
            and anchor.lemma_.lower() == "warn"
            and friendly_warning(anchor)
        ):
            return None  # "a neighbour warned him", "a sympathetic officer warned him": a tip-off
        if etype.name == "surveillance" and agentive and first_subject_in(anchor, OUR_SIDE):
            return None  # "my roommate photographed him": the watchers watched back
        if etype.name in ("detention", "charge") and status == NEGATED and names_nobody(anchor):
            return None  # "No one has been arrested" for an attack: no one it befell
        if etype.name == "release" and frees_a_number(anchor):
            return None  # "Uzbekistan has freed a number of prisoners": a policy, no one told
        if match.spec.nominal and is_bare_heading(anchor):
            return None  # "The fines." over a section: a topic, told below
        if etype.name == "relocation" and status == NEGATED and handover_refused(anchor):
            status = ATTEMPTED  # "a Turkish court refused to extradite him": asked for, stopped
        if (
            etype.name == "relocation"
            and status == NEGATED
            and anchor.lemma_ != "stay"
            and not refuses_to_go(anchor)
        ):
            return None  # "unable to leave Azerbaijan": a restriction, not a move
        if etype.name == "detention" and is_requested_house_arrest(anchor):
            return None  # "to release him under house arrest": a measure asked for, no custody
        if etype.name == "relocation" and self.departure_claimed_by_officials(anchor):
            return None  # "they told me he had probably gone to Syria": their story, no move
        if etype.name == "charge" and accused_of_what(anchor):
            return None  # "without telling me what I was accused of": no charge told
        if etype.name == "intervention" and asks_for_comment(anchor):
            return None  # "sent a request for comment to the Ministry": journalism
        start, end = trigger_extent(match)
        sent_index = max(i for i, s in enumerate(sent_starts) if s <= anchor.i)
        return Candidate(match, etype, sent_index, start, end, status, cue, participants)

    def departure_claimed_by_officials(self, anchor: Token) -> bool:
        """A person's own departure told by the officials holding them: a cover story."""
        if anchor.lemma_.lower() not in SELF_MOVES or anchor.tag_ not in ("VBD", "VBN"):
            return False  # "told that she must leave": an order, no story of a departure
        head = clause_head(anchor)
        if head.dep_ != "ccomp" or head.head.lemma_.lower() not in CLAIM_VERBS:
            return False
        claim = head.head
        speakers = [c for c in kids(claim) if c.dep_ == "nsubj"]
        if not speakers and claim.tag_ == "VBG" and claim.dep_ in ("advcl", "acl"):
            if claim.head.lemma_.lower() in ("sign", "paper", "document"):
                return True  # "made me sign a paper saying that he had gone of his own will"
            # "the Committee refused to open a case, saying that he had left": its subject speaks
            speakers = [c for c in kids(claim.head) if c.dep_ == "nsubj"]
        if not speakers:
            return claim.tag_ == "VBN"  # "he was told that his son had gone to Syria"
        return any(they_or_an_agency(s, self.lexicon) for s in speakers)

    def expelled_by_body(self, anchor: Token) -> bool:
        """The one who expels is a school, a party or an employer; for a passive without an
        agent, one the sentence names ("his university would be informed and he would be
        expelled")."""
        if is_passive(anchor):
            said = {c.dep_ for c in kids(anchor)} | {
                g.ent_type_ for c in kids(anchor) if c.dep_ == "prep" for g in kids(c)
            }
            if said & {"agent", "GPE", "LOC"}:
                return False  # "expelled by the FSB", "expelled from Russia"
            # "I was expelled without any written decision" after "my university ..."
            return sentence_has_lemma(anchor, self.study_or_work_bodies, EXPULSION_CONTEXT)
        subject = find_subject(anchor)
        return subject is not None and subject.lemma_.lower() in self.study_or_work_bodies

    def names_the_questioner(self, verb: Token) -> bool:
        """ "the officer who had questioned her before came to her workplace": a relative
        clause that picks out an agent by an earlier questioning, not a questioning told."""
        if verb.dep_ != "relcl" or actor_key(verb.head, self.lexicon) is None:
            return False
        return any(c.lower_ in ("who", "that") for c in children(verb, "nsubj"))

    def let_go_by_employer(self, verb: Token) -> bool:
        """ "her school let her go": the one letting go is a school, a party or an employer."""
        subject = find_subject(verb) if verb.lemma_.lower() == "let" else None
        return subject is not None and subject.lemma_.lower() in self.study_or_work_bodies

    def ordered_by_court(self, noun: Token) -> bool:
        """ "the court ordered his expulsion", "the judge gave me expulsion": a court's
        sentence or ruling, told as the removal it orders."""
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in COURT_ORDERS:
            return False
        return any(actor_key(s, self.lexicon) == "court" for s in acting_subjects(noun.head))

    def said_by_media(self, anchor: Token) -> bool:
        """ "pro-government websites accused him of spying": the accuser is a medium."""
        subject = find_subject(anchor)
        if subject is None or is_passive(anchor):
            return False
        words = {subject.lemma_.lower(), *(c.lemma_.lower() for c in children(subject, "compound"))}
        return bool(words & MEDIA_WORDS)

    def court_party_calls_witness(self, anchor: Token) -> bool:
        obj = grammatical_object(anchor)
        if obj is None or obj.lemma_.lower() != "witness":
            return False
        subject = find_subject(anchor)
        return subject is not None and (
            subject.lemma_.lower() in COURT_PARTIES
            or actor_key(subject, self.lexicon) in ("court", "prosecutor")
        )

    def targets_institution(self, anchor: Token) -> bool:
        obj = grammatical_object(anchor)
        if obj is None or obj.pos_ == "PRON" or actor_key(obj, self.lexicon) is None:
            return False
        return not any(c.dep_ == "nummod" for c in kids(obj))  # "two nurses": people counted

    def complains_for_victim(self, anchor: Token) -> bool:
        """A complaint or lawsuit filed by a person, not by an agency of the state."""
        noun = anchor
        if anchor.pos_ == "VERB":  # "filed a complaint"
            noun = next((c for c in kids(anchor) if c.dep_ == "dobj"), anchor)
        if noun.lemma_.lower() not in COMPLAINT_NOUNS:
            return False
        verb = noun.head
        subject = find_subject(verb)  # "was treated in hospital and filed a complaint"
        if subject is None:
            return False
        if subject.pos_ == "PRON" and subject.lower_ in self.lexicon.third_plural:
            return False  # "they filed a complaint against him": maybe the authorities
        return actor_key(subject, self.lexicon) is None

    def not_done_by_people(self, anchor: Token) -> bool:
        """The subject is a thing (an app, a letter), or the speaker watching the watchers."""
        subject = find_subject(anchor) if anchor.pos_ == "VERB" else None
        if subject is None or is_passive(anchor):
            return False
        own = subject.head.i == anchor.i or anchor.dep_ == "xcomp"  # not "calls warning me"
        first = self.lexicon.first_singular | self.lexicon.first_plural
        if own and subject.lower_ in first and subject.pos_ == "PRON":  # not "the mine"
            return True  # "I warn you that I am no writer", "I started filming them"
        if subject.lower_ in self.vehicles:
            return False  # "a grey Lada followed his car": people drive it
        return subject.lower_ in THING_SUBJECTS or subject.ent_type_ == "PRODUCT"

    @staticmethod
    def held_by_kin(anchor: Token) -> bool:
        """Kin, or for a warning or threat the person's own lawyer ("my lawyer warned me", "my
        lawyer threatened to go to the Public Defender")."""
        counsel = anchor.lemma_.lower() in COUNSEL_SPEECH
        words = KIN_WORDS | (DEFENDER_WORDS | LAWYER_WORDS if counsel else frozenset())
        return first_subject_in(anchor, words)

    def contacted_by_doctor(self, anchor: Token) -> bool:
        return any(actor_key(s, self.lexicon) == "doctors" for s in children(anchor, "nsubj")[:1])

    def accuses_institution(self, anchor: Token) -> bool:
        obj = grammatical_object(anchor)
        return obj is not None and actor_key(obj, self.lexicon) is not None

    def continue_victims(self, doc: Doc, cands: list[Candidate]) -> None:
        """An event without a stated victim continues the story of the previous event
        ("... tried to commit me to a clinic. This was prevented by the intervention of X")."""
        paragraphs = paragraph_ids(doc)
        previous: Candidate | None = None
        for cand in cands:
            victims = [p for p in cand.participants if p.role == VICTIM]
            if not victims and previous is not None:
                close = cand.sent_index - previous.sent_index <= 1
                same_story = paragraphs[cand.sent_index] == paragraphs[previous.sent_index]
                opening = doc_index(doc).sentence(cand.anchor)
                if (close and same_story) or opens_with_anaphor(opening):
                    for p in previous.participants:
                        if p.role == VICTIM:
                            cand.participants.append(
                                Participant(VICTIM, p.name, None, None, p.is_narrator)
                            )
            if any(p.role == VICTIM for p in cand.participants):
                previous = cand

    def share_perpetrators(self, cands: list[Candidate]) -> None:
        """A passive or nominal event with no stated agent, told in the same sentence as an
        earlier event done to the same victim, has that event's perpetrator ("police took me
        to the station, where I was questioned and my phone was searched")."""
        for k, cand in enumerate(cands):
            if cand.names(PERPETRATOR) or cand.type.name in ("intervention", "relocation"):
                continue
            victims = set(cand.names(VICTIM))
            for other in reversed(cands[:k]):
                if other.sent_index != cand.sent_index or not lends_perpetrator(other):
                    continue
                perps = [p for p in other.participants if p.role == PERPETRATOR]
                if perps and (not victims or victims & set(other.names(VICTIM))):
                    cand.participants.extend(
                        Participant(PERPETRATOR, p.name, None, None, key=p.key) for p in perps
                    )
                    break
        self.continue_perpetrators(cands)

    @staticmethod
    def continue_perpetrators(cands: list[Candidate]) -> None:
        """An agentless event shortly after events of a named agency in the same paragraph,
        done to the same victim, was done by them ("KNB officers detained him. He was held
        for three days"). Only a court, prosecutor or investigator charges."""
        paragraphs = paragraph_ids(cands[0].anchor.doc) if cands else []
        for k, cand in enumerate(cands):
            if cand.names(PERPETRATOR) or cand.type.name in ("intervention", "relocation"):
                continue
            for other in reversed(cands[:k]):
                if cand.sent_index - other.sent_index > PERPETRATOR_REACH:
                    break
                gap = paragraphs[cand.sent_index] - paragraphs[other.sent_index]
                if gap > 1 or (gap == 1 and dated(clause_head(cand.anchor))):
                    break  # "In June I was beaten", a paragraph on: another incident
                perps = [p for p in other.participants if p.role == PERPETRATOR and p.key]
                if not perps or not lends_perpetrator(other):
                    continue
                if cand.type.name == "charge" and not all(p.key in CHARGING for p in perps):
                    break
                if cand.type.name not in ("charge", "release") and all(
                    p.key == "court" for p in perps
                ):
                    continue  # a court sentences and frees; it is not who arrests or beats
                if (
                    cand.names(VICTIM)
                    and other.names(VICTIM)
                    and not (cand.shares_victim_with(other) or is_pronoun_victim(cand))
                ):
                    break
                cand.participants.extend(
                    Participant(PERPETRATOR, p.name, None, None, key=p.key) for p in perps
                )
                break

    # -- one incident, one event ---------------------------------------------------------------

    def merge(self, cands: list[Candidate]) -> None:
        by_anchor = {c.anchor.i: c for c in cands}
        for cand in cands:
            target = self.merge_target(cand, cands, by_anchor)
            if target is cand and cand.match.spec.base_id in BAN_PATTERNS:
                # a ban learnt of on its own is a restriction, no incident; "on 17 August she
                # was barred from boarding" is one
                cand.merged = cand.nominal or not has_own_date(clause_head(cand.anchor))
            elif target is not None and target is not cand:
                cand.merged = True
                absorb(target, cand)
                if target.type is cand.type and target.sent_index == cand.sent_index:
                    # "taken to the dispensary, where he was made to give a urine sample":
                    # the evidence is both clauses
                    target.trigger_start = min(target.trigger_start, cand.trigger_start)
                    target.trigger_end = max(target.trigger_end, cand.trigger_end)

    def merge_target(
        self, cand: Candidate, cands: list[Candidate], by_anchor: dict
    ) -> Candidate | None:
        anchor = cand.anchor
        # a headline announces the incident the body tells: one event, evidenced by the body
        if is_headline(anchor):
            body = self.body_mention(cand, cands)
            if body is not None:
                return body
        if cand.match.spec.base_id == VISIT_PATTERN:
            if cand.status != OCCURRED:
                cand.merged = True  # "if the police come to our flat": no visit to tell
                return None
            # "police came to my flat and detained me": the visit is how the detention began;
            # "came to her flat and asked about her son" tells its own act, later ones are others
            reach = 0 if visit_tells_its_act(anchor) else VISIT_REACH
            told = next(
                (
                    o
                    for o in cands
                    if o is not cand
                    and o.anchor.i > anchor.i
                    and (o.type.name in VISIT_ACTS or o.type.name == "harassment")
                    and o.sent_index - cand.sent_index
                    <= (0 if o.type.name == "harassment" else reach)
                    and o.match.spec.base_id != VISIT_PATTERN
                ),
                None,
            )
            if told is not None:
                return told
        if (
            cand.type.name == "harassment"
            or cand.match.spec.base_id == "surveillance.records_of_messages"
        ):
            smear = in_same_sentence(
                cand,
                cands,
                lambda o: o.match.spec.base_id in MEDIA_SMEARS and o.anchor.i < anchor.i,
            )
            if smear is not None:
                # "a channel aired a segment describing him as an agent", "a channel that posted
                # screenshots of my correspondence": one smear
                return smear
        if cand.match.spec.base_id == "surveillance.quoted_private_talk":
            tapped = in_same_sentence(cand, cands, lambda o: o.type.name == "surveillance")
            if tapped is not None:
                # "my phone was tapped: an officer repeated what I had said": one incident,
                # whose victim is the one tapped, not "what I had said"
                cand.participants = [p for p in cand.participants if p.role != VICTIM]
                return tapped
        if cand.match.spec.base_id in CONCERN_PATTERNS:
            act = next(
                (
                    o
                    for o in cands
                    if o is not cand
                    and o.type.name == "intervention"
                    and o.anchor.head in cand.match.nodes.values()
                ),
                None,
            )
            if act is not None:
                return act  # "said she was alarmed ... and urged the authorities to release"
        if is_demanded_release(cand):
            plea = in_same_sentence(cand, cands, lambda o: o.type.name == "intervention")
            if plea is not None:
                return plea  # "wrote to the minister asking for his release": whom it helps
        if cand.type.name == "relocation" and seeks_asylum(cand):
            earlier = self.earlier_with_victim(cand, cands)
            if earlier is not None:
                return earlier  # "left Iran ... where I have applied for asylum": one exile
        if cand.type.name == "detention" and (
            is_continuing_state(anchor) or anchor.lemma_.lower() in ("transfer", "move")
        ):
            # "has been held since May", "on 4 April he was transferred": dates of one custody
            earlier = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, within=3, dated=True)
            if earlier is None and anchor.lemma_.lower() in ("transfer", "move"):
                # "transferred to the colony in Khujand": a custody however long ago told
                earlier = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, dated=True)
            if earlier is not None:
                return earlier  # "he is held solely for his work": the detention told before
        if cand.type.name == "relocation" and anchor.lemma_.lower() in ("transfer", "move"):
            custody = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, within=3, dated=True)
            if custody is not None:
                return custody  # "held in the detention centre and later moved to Bukhara"
        if cand.type.name == "detention" and is_hold(anchor):
            earlier = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, within=2, dated=True)
            if earlier is not None:
                return earlier  # "detained Karwan ... and held him for three days"
            if held_someone_just_told(cand):
                custody = self.earlier_with_victim(
                    cand, cands, CUSTODY_TYPES, within=2, dated=True, any_victim=True
                )
                if custody is not None:
                    return custody  # "They kept us there for almost four hours"
        if cand.type.name == "harassment" and anchor.lemma_.lower() in QUESTIONING_WORDS:
            held = by_anchor.get(anchor.head.i) if anchor.dep_ == "conj" else None
            if held is not None and held.type.name in CUSTODY_TYPES and held.status == cand.status:
                return held  # "detained in May and questioned about his posts": one custody
            if self.names_the_questioner(anchor):
                cand.merged = True  # "the officer who questioned me put it plainly": who speaks
                return None
            custody = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, within=5)
            if custody is not None and custody.status == cand.status:
                return custody  # "I was interrogated almost daily": part of the custody
        if cand.match.spec.base_id in STOP_PATTERNS:
            # "stopped him on the street and took him to the psychiatric ward": its first step
            stopped_for = in_same_sentence(cand, cands, lambda o: o.type.name in STOPPED_FOR)
            if stopped_for is not None:
                return stopped_for
        if cand.type.name == "harassment":
            same = self.earlier_with_victim(cand, cands, within=0, dated=True)
            if same is not None and same.status == cand.status:
                return same  # "summoned to the GKNB, where officers told him to stop ...": one
        if cand.match.spec.base_id in BAN_PATTERNS:
            # "The court also banned her from leaving": part of the sentence; "stopped at the
            # airport and told he was banned": part of that incident
            found = self.earlier_with_victim(cand, cands, BANNING_TYPES, within=1, dated=True)
            return found or cand
        if cand.type.name == "detention" and anchor.lemma_.lower() == "remand":
            custody = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, dated=True)
            if custody is not None:
                return custody  # "the court remanded him in custody": the custody goes on
        if cand.type.name == "detention" and cand.nominal and visited_in(anchor):
            # "the Ombudsman's staff visited our relatives in detention": the custody told
            # elsewhere, or nowhere; the visitors are not its victims
            cand.participants = [p for p in cand.participants if p.role != VICTIM]
            told = self.same_incident_anywhere(cand, cands, any_victim=True)
            if told is None:
                cand.merged = True
            return told
        if cand.type.name == "detention" and cand.nominal and remains_in(anchor):
            custody = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, dated=True)
            if custody is not None:
                return custody  # "remained in pre-trial detention at the end of the year"
        if cand.type.name == "surveillance" and anchor.lemma_.lower() in BOOKING_WORDS:
            custody = self.earlier_with_victim(cand, cands, CUSTODY_TYPES, within=3)
            if custody is not None:
                return custody  # "they photographed me from the front and the side"
        if cand.type.name == "harassment" and anchor.lemma_.lower() in QUESTIONING_VERBS:
            custody = in_same_sentence(
                cand,
                cands,
                lambda o: o.type.name == "detention" and o.status == cand.status,
            )
            if custody is not None:
                return custody  # "taken to a police station; officers questioned him": in
                # that custody ("questioned for six hours and allowed to go home" is no arrest)
        if cand.type.name == "detention" and kept_there(anchor):
            custody = self.earlier_with_victim(
                cand, cands, CUSTODY_TYPES | {"harassment"}, within=3, dated=True, any_victim=True
            )
            if custody is not None:
                # "took me to the station ... They kept me there for four hours"; "asked me to
                # come for a conversation ... They kept us there": how long the summons lasted
                return custody
        if cand.match.spec.type == "detention" and not cand.nominal:
            told = self.earlier_with_victim(cand, cands, within=2)
            if told is not None and told.status == cand.status and self.same_story(told, cand):
                return told  # "grabbed me ... They brought us to the district police department"
        if cand.match.spec.base_id == "charge.case_noun" and frames_another_act(anchor):
            # "searched her home as part of a criminal case against local activists", "the
            # hearings in the criminal case against him": the case told elsewhere, if it is
            told = self.same_incident_anywhere(cand, cands, any_victim=not cand.names(VICTIM))
            if told is not None:
                return told
        told = self.told_before(cand, cands)
        if told is not None:
            return told
        if asked_why(anchor):
            told = self.same_incident_anywhere(cand, cands, any_victim=True)
            if told is not None:
                return told  # "wrote asking why my mother had been summoned": that summons
        if cand.nominal:
            verbal = self.verbal_twin(cand, cands)
            if verbal is not None:
                return verbal  # "the detention of X, who was taken into custody on 28 November"
            if cites_a_source(anchor):
                cand.merged = True  # "according to the indictment": where a claim comes from
                return None
            time_preps = self.lexicon.status["temporal_preps"]
            if names_a_mandate(anchor):
                cand.merged = True
                return None
            if (
                is_back_reference(anchor, time_preps)
                and not has_own_date(anchor)
                and not told_detail(anchor)
            ):
                # "a complaint about the torture": whoever complained is no victim of it
                guessed = not children(anchor, "poss")
                told = self.same_incident_anywhere(cand, cands, any_victim=guessed)
                if told is not None:
                    return told  # "four days after his arrest": the arrest told elsewhere
                cand.merged = True
                return None
            if alleged(anchor):
                earlier = self.earlier_with_victim(cand, cands)
                if earlier is not None:
                    return earlier  # "an investigation into his allegations of torture"
            if cand.type.name == "assault" and is_bare_topic(anchor):
                cand.merged = True  # "complaints of torture", "obtained by torture": a topic
                return None
        coordinated = anchor.dep_ == "conj" and anchor.head.i in by_anchor
        if cand.type.name == "intervention":  # the same helpers: no subject of its own
            coordinated = coordinated and not children(anchor, "nsubj", "nsubjpass")
        if cand.type.name in ("charge", "intervention") and coordinated:
            head = by_anchor[anchor.head.i]
            same_aim = cand.type.name == "intervention" or cand.shares_victim_with(head)
            if head.type.name == cand.type.name and same_aim:
                # "charged him in absentia and placed him on the wanted list", "bought us
                # tickets, met us at the station and hid us": one prosecution, one rescue
                return head
        # "threatened to arrest me", "warned me that I would be detained": the threat verb is
        # the status of the arrest
        if cand.type.name == "harassment" and anchor.lemma_ in self.lexicon.status["threat_heads"]:
            for other in cands:
                if (
                    other is not cand
                    and other.status == THREATENED
                    and (
                        anchor in governor_chain(other.anchor)
                        or threat_governor(other.anchor, self.lexicon) == anchor
                    )
                ):
                    return other
        if cand.match.spec.base_id == "harassment.agent_contact":
            # "an officer called him and warned that he would be arrested": the call carries
            # the threat, told as the threatened arrest
            threat = in_same_sentence(
                cand,
                cands,
                lambda o: o.status == THREATENED and o.type is not cand.type,
            )
            if threat is not None:
                return threat
        if cand.type.name == "harassment":
            beating = purpose_of_beating(anchor, by_anchor)
            if beating is not None:
                return beating  # "beaten to make him sign a confession": what the beating was for
        if anchor.dep_ == "advcl" and anchor.tag_ == "VBG":
            cause = by_anchor.get(anchor.head.i)
            if cause is not None and cause.type is cand.type and cand.type.name in AGAINST_PEOPLE:
                return cause  # "fired birdshot at crowds, wounding dozens": what came of it
        governors = governor_chain(anchor)[1:]
        for other in cands:
            if other is cand or other.anchor not in governors:
                continue
            if anchor.dep_ == "xcomp" and other.anchor == anchor.head and other.type is cand.type:
                return other  # "compelled him to sign a statement": one act of pressure
            # "called for her release": the release is what the intervention asks for
            if (
                other.type.name == "intervention"
                and cand.type.name in DEMANDED_TYPES
                and cand.status != OCCURRED  # "secured my release": the release happened
            ):
                return other
            # "banned from leaving the country": the travel ban, not a move
            if other.match.spec.base_id == "harassment.ban_from":
                return other
        # coordinated triggers of one type sharing their object: "pressure and intimidation",
        # "beat and kicked him"; "searched his flat and seized his laptop" stay two events
        head = coordinated_same_type(cand, by_anchor)
        if head is not None:
            # "detained Ergashev ... and took him to the station": a pronoun object repeats
            # the person, another noun object is another act
            own_object = any(
                c.dep_ in ("dobj", "nsubjpass") and c.pos_ != "PRON" for c in kids(anchor)
            )
            # "Amnesty filed a complaint, and the ombudsman wrote to ...": two helpers
            own_subject = cand.type.name == "intervention" and any(
                c.dep_ == "nsubj" for c in kids(anchor)
            )
            shared = cand.nominal or not (own_object or own_subject)
            same_status = head.status == cand.status  # "pushed ... but was not beaten"
            if not head.merged and shared and same_status:
                return head
        # a noun restating the verb's event inside its clause: "charged him with ... charges"
        if not cand.nominal:
            noun = carried_out_noun(cand)
            if noun is not None:  # "the search was carried out in his absence"
                return self.anaphoric_antecedent(cand, cands, noun)
        if cand.nominal:
            for tok in governor_chain(anchor)[1:]:
                other = by_anchor.get(tok.i)
                if other is not None and other.type.name == cand.type.name and not other.merged:
                    return other
            antecedent = self.anaphoric_antecedent(cand, cands)
            if antecedent is not None:
                return antecedent
        return self.additive_antecedent(cand, cands)

    @staticmethod
    def body_mention(cand: Candidate, cands: list[Candidate]) -> Candidate | None:
        """The body event of the headline's type and status, told with the headline's own
        word if the body has it ("DETENTION EXTENDED" ... "extended his detention"), else the
        first; a repeat ("RE-ARRESTED") is another incident."""
        anchor = cand.anchor
        if anchor.i >= 2 and anchor.doc[anchor.i - 2].lower_ == "re":
            return None  # "re-arrested": a repeat, not the lede's incident
        body = [
            o
            for o in cands
            if o.anchor.i > anchor.i
            and o.type.name == cand.type.name
            and o.status == cand.status
            and not is_headline(o.anchor)
        ]
        same_word = [o for o in body if same_stem(o.anchor.lemma_, anchor.lemma_)]
        # else the lede's event of that type ("COURT JAILS REPORTER" ... "sentenced him")
        return (same_word or body or [None])[0]

    @staticmethod
    def earlier_with_victim(
        cand: Candidate,
        cands: list[Candidate],
        types: frozenset[str] | None = None,
        within: int | None = None,
        dated: bool = False,
        any_victim: bool = False,
    ) -> Candidate | None:
        """The last earlier event of the given types (default: the candidate's own) sharing a
        stated victim (any victim with ``any_victim``), at most ``within`` sentences back; a
        mention with a date of its own is a new incident unless ``dated`` allows it."""
        types = types or frozenset({cand.type.name})
        if not cand.names(VICTIM) and not any_victim:
            return None
        if not dated and has_own_date(clause_head(cand.anchor)):
            return None
        for other in reversed(cands):
            if other is cand or other.merged or other.anchor.i >= cand.anchor.i:
                continue
            if within is not None and cand.sent_index - other.sent_index > within:
                break
            # nearby, "he" is the one just told about even when the antecedent was not resolved
            nearby_pronoun = within is not None and cand.names(VICTIM) in SINGULAR_PRONOUN_VICTIMS
            same_victim = any_victim or nearby_pronoun or cand.shares_victim_with(other)
            if other.type.name in types and same_victim:
                return other
        return None

    def same_story(self, earlier: Candidate, later: Candidate) -> bool:
        """Two custody mentions of one paragraph, the later without a date of its own."""
        paragraphs = paragraph_ids(later.anchor.doc)
        return paragraphs[earlier.sent_index] == paragraphs[later.sent_index] and not (
            has_own_date(clause_head(later.anchor)) or told_again(later.anchor)
        )

    def told_before(self, cand: Candidate, cands: list[Candidate]) -> Candidate | None:
        """ "reported the beating to the prosecutor", "the test was negative": a definite
        incident as what one speaks of or what came of it, the incident told elsewhere (else
        this is where the text tells it). Its guessed victim (the reporter) is no victim."""
        anchor = cand.anchor
        named = cand.nominal or cand.match.spec.id.startswith(BACKSTOP_RULE)
        if not named or anchor.pos_ != "NOUN" or has_own_date(anchor):
            return None  # "the lawyer" of "the lawyer found him" names a helper, no incident
        if not (is_reported_back(anchor) or tells_a_result(anchor) or is_ended(anchor)):
            return None
        guessed = not children(anchor, "poss")
        told = self.same_incident_anywhere(cand, cands, any_victim=guessed)
        if told is not None and guessed:
            cand.participants = [p for p in cand.participants if p.role != VICTIM]
        return told

    @staticmethod
    def same_incident_anywhere(
        cand: Candidate, cands: list[Candidate], *, any_victim: bool = False
    ) -> Candidate | None:
        """The nearest other event of the candidate's type whose victim may be the same
        (earlier first, then later): what "since the arrest" or "a complaint about the abduction"
        points at. ``any_victim`` where the candidate's victim is only a guess."""
        own = cand.names(VICTIM)
        pronoun = any_victim or own in REFERRING_VICTIMS

        def fits(other: Candidate) -> bool:
            return (
                other is not cand
                and not other.merged
                and other.type.name == cand.type.name
                and (pronoun or not other.names(VICTIM) or cand.shares_victim_with(other))
            )

        earlier = [o for o in cands if o.anchor.i < cand.anchor.i and fits(o)]
        if earlier:
            # "a complaint about the torture" after "beat him ... has not been beaten since":
            # the incident that happened, not the one denied
            told = [o for o in earlier if o.status == cand.status]
            return (told or earlier)[-1]
        return next((o for o in cands if o.anchor.i > cand.anchor.i and fits(o)), None)

    @staticmethod
    def verbal_twin(cand: Candidate, cands: list[Candidate]) -> Candidate | None:
        """A verb (else an earlier noun) telling the same event in the noun's sentence, about
        the same victim: "on trial ... on charges that can carry the death penalty"."""
        if cand.anchor.head.lemma_.lower() in LEGAL_STEP_VERBS:
            return None  # "a court extended the detention of X, who has been held since May"
        twins = [
            other
            for other in cands
            if other is not cand
            and not other.merged
            and other.sent_index == cand.sent_index
            and other.type.name == cand.type.name
            and other.status == cand.status
            and cand.shares_victim_with(other)
        ]
        verbal = [o for o in twins if not o.nominal]
        earlier = [
            o
            for o in twins
            if o.nominal
            and o.anchor.i < cand.anchor.i
            and o.anchor.head.lemma_.lower() not in LEGAL_STEP_VERBS
        ]
        return (verbal or earlier or [None])[0]

    def anaphoric_antecedent(
        self, cand: Candidate, cands: list[Candidate], noun: Token | None = None
    ) -> Candidate | None:
        """ "the harassment continued", "my move", "the urine test came back negative"."""
        noun = noun if noun is not None else cand.anchor
        dets = {c.lower_ for c in kids(noun) if c.dep_ in ("det", "poss")}
        bare_plural = not dets and noun.tag_ == "NNS"
        if any(c.dep_ in ("relcl", "acl") for c in kids(noun)) or any(
            c.dep_ == "prep" and c.lower_ in ("of", "by", "against", "on") for c in kids(noun)
        ):
            return None  # a new description ("the intervention of defenders"), not a mention
        if not (dets & DEFINITE or any(c.dep_ == "poss" for c in kids(noun)) or bare_plural):
            return None
        if has_own_date(noun) or has_own_date(clause_head(noun)):
            return None  # "Three days later the court authorised her hospitalisation": a new step
        own_victims = set(cand.names(VICTIM))
        for other in reversed(cands):
            if other is cand or other.merged or other.anchor.i >= noun.i:
                continue
            if other.type.name != cand.type.name:
                continue
            if bare_plural and (
                cand.sent_index - other.sent_index > 1 or cand.status != other.status
            ):
                continue  # "sent to a military court, where they can face prison sentences"
            if other.anchor.head.lemma_.lower() in LEGAL_STEP_VERBS:
                continue  # "the court extended the detention ... since his arrest": two steps
            pronoun = cand.names(VICTIM) in (["he"], ["she"], ["his"], ["her"], ["him"])
            if (
                own_victims
                and other.names(VICTIM)
                and not (pronoun or cand.shares_victim_with(other))
            ):
                continue
            return other
        return None

    def additive_antecedent(self, cand: Candidate, cands: list[Candidate]) -> Candidate | None:
        """ "X also intervened on my behalf" right after an intervention: same incident."""
        chain = governor_chain(cand.anchor)
        if not any(c.lower_ in ADDITIVE for t in chain for c in kids(t) if c.dep_ == "advmod"):
            return None
        if has_own_date(clause_head(cand.anchor)):
            return None
        for other in reversed(cands):
            if other is cand or other.merged or other.anchor.i >= cand.anchor.i:
                continue
            if cand.sent_index - other.sent_index > 1:
                break
            theirs, ours = set(other.names(VICTIM)), set(cand.names(VICTIM))
            same_people = not theirs or not ours or theirs == ours
            # "a rights group has also written to the Ombudsman" after a lawyer took up the
            # case: another helper's own act ("X also intervened" joins the one told)
            other_act = (
                cand.type.name == "intervention"
                and other.anchor.lemma_ != cand.anchor.lemma_
                and cand.anchor.lemma_.lower() not in GENERAL_HELP
            )
            if (
                other.type.name == cand.type.name
                and other.status == cand.status
                and same_people
                and not other_act
            ):
                return other  # "also tried to take her passport" after a seizure: another act
        return None

    def apply_averted(self, doc: Doc, kept: list[Candidate]) -> None:
        """ "This was averted by ...": events of the previous sentence were only attempted."""
        for k, sent in enumerate(doc_index(doc).sents):
            if k and is_averting_sentence(sent, self.lexicon):
                for cand in kept:
                    if cand.sent_index == k - 1 and cand.status == OCCURRED:
                        cand.status, cand.cue = ATTEMPTED, sent.root.lemma_

    # -- dates, places, rows ---------------------------------------------------------------

    def link(self, doc: Doc, kept: list[Candidate]) -> list[dict]:
        linker = NarrativeLinker(doc, self.lexicon.status["iterative_adverbs"])
        events = []
        for cand in sorted(kept, key=lambda c: c.anchor.i):
            contextual = narrative_clause(cand.anchor)
            date = linker.link_date(cand.anchor, cand.sent_index, contextual)
            moves = cand.type.name == "relocation"
            place = linker.link_place(cand.anchor, cand.sent_index, contextual, moves)
            events.append(self.row(doc, cand, date.as_fields(), place))
        date_headlines(doc, events)
        return events

    def row(self, doc: Doc, cand: Candidate, date: dict, place: dict) -> dict:
        victims = unique(cand.names(VICTIM))
        # "made me blow into a breathalyser": the one made to act is no perpetrator
        participants = [
            p
            for p in cand.participants
            if p.role != PERPETRATOR or not any(same_person(p.name, v) for v in victims)
        ]
        perpetrators = [p for p in participants if p.role == PERPETRATOR]
        perps = unique(p.key or p.name.lower() for p in perpetrators)
        perps_written = unique(written_words(doc, p) for p in perpetrators)
        confidence = cand.match.spec.confidence - (0.1 if not victims else 0.0)
        row = {
            "event_type": cand.type.name,
            "status": cand.status,
            "trigger": trigger_text(doc, cand.trigger_start, cand.trigger_end),
            "trigger_start": cand.trigger_start,
            "trigger_end": cand.trigger_end,
            **evidence_extent(doc, cand.sent_index),
            "sentence_index": cand.sent_index,
            **date,
            **place,
            "victim": "; ".join(victims) or None,
            "perpetrator": "; ".join(perps) or None,
            "perpetrator_text": "; ".join(perps_written) or None,
            "confidence": round(max(0.05, min(1.0, confidence)), 2),
            "rule": cand.match.spec.id + (f"+{cand.cue}" if cand.cue else ""),
            **cand.type.codes(),
            "participants": [p.as_dict() for p in participants],
        }
        return row


def written_words(doc: Doc, person: Participant) -> str:
    """The words of the text that name a participant ("" when it has no mention)."""
    if person.start_char is None or person.end_char is None:
        return ""
    return " ".join(trigger_text(doc, person.start_char, person.end_char).split())


def unique(values) -> list[str]:
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen


def coordinated_same_type(cand: Candidate, by_anchor: dict) -> Candidate | None:
    """The nearest event of the same type up the chain of coordinated verbs: "detained, taken
    for a drug test, beaten and jailed" reaches "detained" from "jailed" past "beaten"."""
    tok = cand.anchor
    while tok.dep_ in ("conj", "dep") and tok.head.i != tok.i:
        tok = tok.head
        other = by_anchor.get(tok.i)
        if other is not None and other.type.name == cand.type.name:
            return other
    return None


def told_again(anchor: Token) -> bool:
    """ "released ..., only to be detained again": a new incident of the same kind."""
    return any(c.dep_ == "advmod" and c.lower_ == "again" for c in kids(anchor))


SELF_MOVES = frozenset({"go", "leave", "flee", "travel", "move", "depart"})
CLAIM_VERBS = frozenset({"say", "tell", "claim", "insist", "suggest", "write"})


def accused_of_what(anchor: Token) -> bool:
    """ "what I was accused of": the charge is the unknown asked about."""
    near = [*kids(anchor), *(g for c in kids(anchor) if c.dep_ == "prep" for g in kids(c))]
    return any(t.lower_ == "what" and t.dep_ in ("pobj", "dobj") for t in near)


def absorb(target: Candidate, other: Candidate) -> None:
    """Add the participants of a merged mention to its event."""
    stated = [p for p in other.participants if p.role == VICTIM and p.start_char is not None]
    if stated and all(p.start_char is None for p in target.participants if p.role == VICTIM):
        # the merged mention names the victim the first one only assumed
        target.participants = [p for p in target.participants if p.role != VICTIM]
    have = {(p.role, p.name) for p in target.participants}
    victims = {p.name for p in target.participants if p.role == VICTIM}
    for p in other.participants:
        if p.role != VICTIM and p.name in victims:
            continue
        if p.role == PERPETRATOR and target.type.name == "intervention":
            continue  # "calls on the authorities to release him": whoever asks does no harm
        if (p.role, p.name) not in have:
            if (
                p.role == VICTIM
                and p.start_char is None
                and any(q.role == VICTIM for q in target.participants)
            ):
                continue
            if p.role == VICTIM and any(same_person(p.name, v) for v in victims):
                replace_possessive(target, p)  # "stopped his car and took him": "him"
                continue  # "BLOGGER" in the headline is "blogger Aibek Sadykov" of the body
            target.participants.append(p)
            have.add((p.role, p.name))


def replace_possessive(target: Candidate, victim: Participant) -> None:
    """Name the victim by a merged mention's person ("him") rather than an owner ("his")."""
    if victim.name.lower() in POSSESSIVES:
        return
    for i, p in enumerate(target.participants):
        if p.role == VICTIM and p.name.lower() in POSSESSIVES and same_person(p.name, victim.name):
            target.participants[i] = victim


POSSESSIVES = frozenset({"his", "her", "their"})


def opens_with_anaphor(sent) -> bool:
    """ "This was averted ...": a sentence whose subject points back continues the story."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("this", "that", "it", "these")
        for t in sent[:3]
    )


AGAINST_PEOPLE = frozenset({"harassment", "assault"})
MEDIA_WORDS = frozenset(
    {"website", "site", "channel", "outlet", "media", "newspaper", "tabloid", "television"}
    | {"tv", "broadcaster", "programme", "program", "blog", "blogger", "account", "page"}
)
COURT_PARTIES = frozenset({"prosecution", "defence", "defense", "court", "judge", "prosecutor"})
# "at risk of torture" stays: annotators read it as a hypothetical event
FEAR_WORDS = frozenset({"fear"})
SECOND_PERSON = frozenset({"you", "your", "yourself"})
ARTICLE_WORDS = frozenset({"article", "articles", "art."})
# "drop all charges against him", "explain the charges": charges already told
CHARGES_TOLD_VERBS = frozenset({"drop", "withdraw", "quash", "dismiss", "lift", "explain", "close"})
RIGHT_NOUNS = frozenset({"right", "freedom", "ability", "permission", "chance", "opportunity"})
REFLEXIVES = frozenset({"myself", "himself", "herself", "themselves", "ourselves", "yourself"})


TOPIC_PREPOSITIONS = frozenset({"about", "concerning", "regarding"})
# "an appeal against the verdict", "protested against his arrest": what is challenged
CHALLENGE_WORDS = frozenset(
    {"appeal", "complaint", "protest", "challenge", "objection", "cassation", "complain"}
    | {"file", "lodge"}  # "filed an appeal with the court against the verdict"
)
# "involvement in the attack", "an investigation into the beating": the incident is the topic
TOPIC_NOUNS = frozenset(
    {"involvement", "role", "responsibility", "investigation", "inquiry", "probe", "complaint"}
)
# "comment on the arrest", "a report on the raid": what is said about an incident
COMMENT_NOUNS = frozenset({"comment", "question", "statement", "report", "information"})
# "reported the beating", "denied the attack": a statement about an incident told elsewhere
TOPIC_VERBS = frozenset(
    {"report", "deny", "condemn", "investigate", "document", "witness", "appeal", "challenge"}
    | {"contest", "raise"}
)  # "appealed the verdict": the verdict told before, the appeal is the act
LEARNING_VERBS = frozenset({"learn", "hear", "know", "inform", "notify"})
# "recommended ending compulsory treatment", "lifted the travel ban": the measure ends
ENDING_VERBS = frozenset(
    {"end", "stop", "lift", "terminate", "cancel", "halt", "drop", "withdraw", "dismiss"}
)
# "the Special Rapporteur on torture", "the Committee against Torture": a mandate's name
MANDATE_NOUNS = frozenset(
    {"rapporteur", "committee", "convention", "day", "law", "declaration", "subcommittee"}
)
TIME_NOUNS = frozenset(
    {"day", "night", "morning", "evening", "afternoon", "eve", "time", "moment", "hour", "week"}
)


def is_back_reference(noun: Token, time_preps: frozenset[str]) -> bool:
    """ "after his arrest", "on the night of his detention", "a complaint about the
    abduction": the incident dates or is the topic of something else, it is not told here."""
    if noun.dep_ != "pobj" or not any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in kids(noun)):
        return False  # "held until trial" and "during a search" tell a step of their own
    prep = noun.head
    if prep.lower_ in time_preps or prep.lower_ in TOPIC_PREPOSITIONS:
        return True
    if prep.lower_ in ("in", "into", "over") and prep.head.lemma_.lower() in TOPIC_NOUNS:
        return True
    if prep.lower_ == "on" and prep.head.lemma_.lower() in COMMENT_NOUNS:
        return True  # "a request for comment on the detention of his father"
    if prep.lower_ == "against" and prep.head.lemma_.lower() in CHALLENGE_WORDS:
        return True  # "an appeal against the verdict": the verdict told elsewhere
    if prep.lower_ == "of" and prep.head.lemma_.lower() in LEARNING_VERBS:
        return True  # "learned of the psychiatric examination only on Monday"
    return prep.lower_ == "of" and prep.head.lemma_.lower() in TIME_NOUNS


def is_awaited(noun: Token) -> bool:
    """ "pending trial", "awaiting trial": a step still to come, named as what one waits for."""
    if any(c.dep_ == "amod" and c.lower_ == "pending" for c in kids(noun)):
        return True
    return noun.dep_ in ("pobj", "dobj") and noun.head.lower_ in ("pending", "awaiting")


def purpose_of_beating(anchor: Token, by_anchor: dict) -> Candidate | None:
    """The assault a clause tells the aim or end of ("beaten him to make him sign a
    confession", "beaten until he signed")."""
    current = anchor
    for _ in range(3):
        if current.dep_ not in ("advcl", "xcomp", "ccomp") or current.head.i == current.i:
            return None
        current = current.head
        found = by_anchor.get(current.i)
        if found is not None:
            return found if found.type.name == "assault" else None
    return None


STAYING_VERBS = frozenset({"remain", "stay", "continue"})


def pobj_of_verb(noun: Token, preps: tuple[str, ...], verbs: frozenset[str]) -> bool:
    """Whether the noun is the object of one of ``preps`` on one of ``verbs``."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in preps and prep.head.lemma_.lower() in verbs


def remains_in(noun: Token) -> bool:
    """ "remained in detention", "stays under house arrest": the custody goes on."""
    return pobj_of_verb(noun, ("in", "under"), STAYING_VERBS)


CONTACT_VERBS = frozenset({"visit", "meet", "see", "interview", "phone", "call", "contact"})


def visited_in(noun: Token) -> bool:
    """ "visited him in detention", "met her in custody": where someone held was reached."""
    return pobj_of_verb(noun, ("in",), CONTACT_VERBS)


def is_reported_back(noun: Token) -> bool:
    """ "I reported the beating to the prosecutor", "the Rapporteur raised her detention": a
    definite incident as a statement's object, told before."""
    return (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in TOPIC_VERBS
        and any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in kids(noun))
    )


REQUEST_HEADS = frozenset(
    {"motion", "request", "petition", "application", "ask", "seek", "apply", "move"}
)


def is_requested_measure(noun: Token) -> bool:
    """ "a motion for house arrest", "the prosecutor asked for pre-trial detention": a
    measure asked of a court, not imposed; "resisted arrest": a charge's wording."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "resist":
        return True
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("for", "to")
        and prep.head.lemma_.lower() in REQUEST_HEADS
    )


def held_in_named_ward(anchor: Token, places: frozenset[str], psychiatric: frozenset[str]) -> bool:
    """Whether custody is "in the centre" (or hospital, clinic) that the text called a
    psychiatric one before."""
    for prep in (c for c in kids(anchor) if c.dep_ == "prep" and c.lower_ in ("in", "at")):
        for place in (c for c in kids(prep) if c.dep_ == "pobj"):
            lemma = place.lemma_.lower()
            bare = all(c.dep_ == "det" and c.lower_ == "the" for c in kids(place))
            if lemma in places and bare and named_psychiatric_before(place, psychiatric):
                return True
    return False


def goes_to(anchor: Token, places: frozenset[str]) -> bool:
    """Whether a move's destination ("to Evin", "into prison") is one of the places."""
    return any(
        obj.lower_ in places or obj.lemma_.lower() in places
        for obj in prep_objects(anchor, "to", "into")
    )


PUNISHMENT_MODIFIERS = frozenset({"punishment", "disciplinary", "penalty"})
PUNISHMENT_CELLS = frozenset({"shizo", "pkt", "kartser"})


def in_punishment_cell(anchor: Token) -> bool:
    """Whether the custody told is a stay in a prison's punishment cell ("placed in a
    disciplinary cell", "spent 40 days in the ShIZO")."""
    for place in prep_objects(anchor, "in", "into"):
        if place.lower_ in PUNISHMENT_CELLS:
            return True
        modifiers = {c.lower_ for c in kids(place) if c.dep_ in ("compound", "amod")}
        if place.lemma_.lower() == "cell" and modifiers & PUNISHMENT_MODIFIERS:
            return True
    return False


def named_psychiatric_before(place: Token, psychiatric: frozenset[str]) -> bool:
    lemma = place.lemma_.lower()
    return any(
        t.lemma_.lower() == lemma
        and any(c.lemma_.lower() in psychiatric for c in kids(t) if c.dep_ in ("amod", "compound"))
        for t in place.doc[: place.i]
    )


FRIGHTENING = frozenset(
    {"frighten", "scare", "intimidate", "humiliate", "silence", "discredit", "pressure", "punish"}
)
MOTIVES = frozenset({"want", "mean", "intend", "be", "use", "aim", "design"})


def is_motive(anchor: Token) -> bool:
    """ "it was to frighten me", "they wanted to frighten me", "the examination is being used
    to discredit him", "it was done only to humiliate him": an aim read into what was done,
    no incident of its own."""
    if anchor.lemma_.lower() not in FRIGHTENING:
        return False
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in MOTIVES:
        return True
    return anchor.dep_ == "advcl" and is_purpose(anchor) and anchor.head.lemma_.lower() == "do"


def names_an_offence(anchor: Token) -> bool:
    """'"discrediting the armed forces"', 'for "insulting the Leader"': a quoted gerund is
    the name of an offence in a charge, not pressure on anyone."""
    if anchor.tag_ != "VBG" or anchor.i < 2 or not anchor.doc[anchor.i - 1].is_quote:
        return False
    # '"writing complaints is bad for your health"' is a quoted threat, not a charge's words
    return anchor.dep_ not in ("nsubj", "csubj") and anchor.doc[anchor.i - 2].lower_ in (
        OFFENCE_LEADS
    )


OFFENCE_LEADS = frozenset({"for", "of", "with", "and", ",", "under", "over"})


EXPULSION_CONTEXT = 2  # sentences before an agentless expulsion that may name its body


CASE_ROLES = frozenset({"suspect", "defendant", "accused"})
CASE_OPENERS = frozenset({"open", "initiate", "launch", "bring", "file", "institute", "start"})


def frames_another_act(noun: Token) -> bool:
    """A case named as the frame of something else ("in the criminal case against him", "the
    investigator handling the case"), not opened in this clause."""
    if noun.dep_ == "pobj":
        # "named as a suspect in a criminal case": the role in it is the accusation told here
        return noun.head.head.lemma_.lower() not in CASE_ROLES
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head.lemma_.lower() not in CASE_OPENERS
    return noun.dep_ == "nsubj"


HOLD_PRONOUNS = frozenset({"me", "us", "him", "her", "them", "narrator", "he", "she", "they"})


def held_someone_just_told(cand: Candidate) -> bool:
    """A hold whose victim is only a pronoun, or that says "there": who and where were told
    just before."""
    victims = [v.lower() for v in cand.names(VICTIM)]
    there = any(c.lower_ == "there" for c in kids(cand.anchor))
    return there or (bool(victims) and all(v in HOLD_PRONOUNS for v in victims))


APPOINTERS = frozenset({"state", "court", "investigator", "government"})


def acts_through_state_counsel(anchor: Token) -> bool:
    """Whether the one acting is a lawyer appointed by the state ("a state-appointed lawyer
    represented him", "was represented by a court-appointed lawyer")."""
    actors = [c for c in kids(anchor) if c.dep_ == "nsubj"]
    actors += [o for c in kids(anchor) if c.dep_ == "agent" for o in kids(c) if o.dep_ == "pobj"]
    for actor in actors:
        for mod in (c for c in kids(actor) if c.dep_ in ("amod", "compound")):
            if mod.lemma_.lower() == "appoint" and any(
                t.lemma_.lower() in APPOINTERS for t in mod.subtree
            ):
                return True
    return False


def is_section_heading(sentence: Span) -> bool:
    """A numbered section title run into its paragraph ("2. Criminal case."): a number, a
    few words and no verb."""
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    return (
        len(words) <= 6
        and sentence[0].like_num
        and len(sentence) > 1
        and sentence[1].text in (".", ")")
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
    )


def is_ended(noun: Token) -> bool:
    """ "recommended ending compulsory treatment", "that the charges against him are
    dropped": what is ended is the measure told before."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in ENDING_VERBS


RESULT_VERBS = frozenset({"be", "come", "show", "reveal", "prove"})


def tells_a_result(noun: Token) -> bool:
    """ "The test was negative": a definite incident as the subject of what came of it, told
    before ("the search lasted four hours" tells the search itself)."""
    return (
        noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in RESULT_VERBS
        and any(c.lower_ in DEFINITE and c.dep_ == "det" for c in kids(noun))
    )


def names_a_mandate(noun: Token) -> bool:
    """ "the UN Special Rapporteur on torture", "the Committee against Torture"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "against") or prep.i == 0:
        return False
    # the parser often hangs "on torture" on the verb: the word before it names the mandate
    before = noun.doc[prep.i - 1]
    return prep.head.lemma_.lower() in MANDATE_NOUNS or before.lemma_.lower() in MANDATE_NOUNS


def cites_a_source(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according"


def told_detail(noun: Token) -> bool:
    """ "after his release on bail": the reference tells how, so it tells the incident. Where
    a complaint about it went ("about the torture with the prosecutor's office", a phrase the
    parser hangs on the noun) tells nothing of it."""
    return any(
        c.dep_ == "prep" and not names_addressee(c) and not names_whom(c) for c in kids(noun)
    )


def names_whom(prep: Token) -> bool:
    """ "the beating of Azamat", "the detention of the reporters": whom the incident befell,
    someone already known, no detail of how."""
    objects = [c for c in kids(prep) if c.dep_ == "pobj"]
    return prep.lower_ == "of" and any(
        o.pos_ in ("PROPN", "PRON")
        or o.ent_type_ == "PERSON"
        or any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in kids(o))
        for o in objects
    )


ADDRESSEE_NOUNS = frozenset(
    {"office", "committee", "court", "prosecutor", "ombudsman", "commission", "ministry"}
)


def names_addressee(prep: Token) -> bool:
    """ "with the prosecutor's office", "to the Investigative Committee": where a complaint or
    an appeal was lodged."""
    if prep.lower_ not in ("with", "to"):
        return False
    objects = [c for c in kids(prep) if c.dep_ == "pobj"]
    return any(o.lemma_.lower() in ADDRESSEE_NOUNS or o.ent_type_ == "ORG" for o in objects)


MEASURE_CHANGES = frozenset({"release", "move", "transfer", "change", "replace", "switch"})


def is_requested_house_arrest(anchor: Token) -> bool:
    """ "asked to move Gorelov to house arrest", "refuses to release him under house arrest",
    "released from house arrest":
    house arrest as the measure a court is asked for instead of custody."""
    if anchor.lemma_.lower() != "arrest" or not any(c.lower_ == "house" for c in kids(anchor)):
        return False
    prep = anchor.head
    # "released from house arrest": the measure ends, told before
    return (
        prep.lower_ in ("to", "under", "into", "from")
        and prep.head.lemma_.lower() in MEASURE_CHANGES
    )


def is_prosecuting_party(anchor: Token) -> bool:
    """ "The prosecution asked for seven years": the noun names the party in court."""
    if anchor.lemma_.lower() != "prosecution" or anchor.dep_ not in ("nsubj", "poss"):
        return False  # "the prosecution's evidence" is the party's too
    return not any(c.dep_ == "prep" and c.lower_ in ("of", "against") for c in kids(anchor))


def addressed_to_narrator(participant: Participant, narrator: str) -> Participant:
    if participant.role != VICTIM or participant.name.lower() not in SECOND_PERSON:
        return participant
    return Participant(
        VICTIM, narrator, participant.start_char, participant.end_char, is_narrator=True
    )


def is_feared(anchor: Token) -> bool:
    """The object of a fear: "fearing arrest", "for fear of detention"."""
    head = anchor.head
    if anchor.dep_ == "dobj" and head.lemma_.lower() in FEAR_WORDS:
        return True
    if any(
        c.dep_ in ("amod", "compound")
        and {c.lemma_.lower(), c.lower_.removesuffix("ing")} & FEAR_WORDS
        for c in kids(anchor)
    ):
        return True  # the parser often reads "fearing arrest" as a modifier of the noun
    return (
        anchor.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in FEAR_WORDS
        and not any(c.dep_ == "poss" for c in kids(anchor))
    )


def refers_to_told_charges(anchor: Token) -> bool:
    return anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in CHARGES_TOLD_VERBS


def is_article_title(anchor: Token) -> bool:
    """A trigger inside the quoted or bracketed name of an article of a criminal code."""
    doc, opened = anchor.doc, False
    for j in range(anchor.i - 1, max(anchor.i - 6, 0) - 1, -1):
        token = doc[j]
        if token.is_quote or token.text in "([":
            opened = True
        elif opened and (
            token.lower_ in ARTICLE_WORDS
            or (token.like_num and j and doc[j - 1].lower_ in ARTICLE_WORDS)
        ):
            return True
        elif token.is_punct or token.pos_ == "VERB":
            return False
    return False


def is_faced_penalty(anchor: Token) -> bool:
    """ "faces four years' imprisonment", "faces up to 15 days in detention": a penalty."""
    token = anchor
    for _ in range(3):
        if token.dep_ == "dobj" and token.head.lemma_.lower() in ("face", "risk"):
            return token is anchor or token.lemma_.lower() not in PROSPECT_NOUNS
        if token.dep_ not in ("pobj", "prep"):
            return False
        token = token.head
    return False


# "faces the risk of arrest": the arrest is a prospect (hypothetical), not a penalty
PROSPECT_NOUNS = frozenset({"risk", "threat", "danger", "prospect", "possibility", "spectre"})


def is_counted_in_question(victim: Participant) -> bool:
    """ "did not say how many protesters had been hurt": a number asked about, no incident
    told."""
    return (victim.name or "").lower().split()[:2] == ["how", "many"]


def is_belief(anchor: Token) -> bool:
    """ "my convictions", "his religious convictions": what one believes, not verdicts."""
    return (
        anchor.lemma_.lower() == "conviction"
        and anchor.tag_ == "NNS"
        and any(c.dep_ == "poss" for c in kids(anchor))
        and not any(c.dep_ == "prep" and c.lower_ in ("for", "under") for c in kids(anchor))
    )


def died_in_war(anchor: Token) -> bool:
    """ "killed in the war", "died in a car crash": a death in war or by accident."""
    for prep in kids(anchor):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for place in kids(prep):
            lemma = place.lemma_.lower()
            if lemma in WAR_WORDS:
                return True
            if lemma == "it" and sentence_has_lemma(anchor, WAR_WORDS):
                return True  # "fought in the first war and my uncle was killed in it"
    return False


WAR_WORDS = frozenset({"war", "battle", "fighting", "combat", "accident", "crash", "earthquake"})


def counts_incidents(noun: Token) -> bool:
    """ "we documented 41 politically motivated detentions, 17 new convictions": plural event
    nouns under a number that a monitor records, nobody's ("read me two charges" are mine)."""
    if noun.tag_ != "NNS" or children(noun, "poss") or prep_objects(noun, "of"):
        return False
    if not any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in kids(noun)):
        return False
    noun = first_conjunct(noun)
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECORDING_VERBS


RECORDING_VERBS = frozenset({"document", "record", "register", "count", "log", "tally", "note"})


def said_to_be_routine(anchor: Token) -> bool:
    """ "Checks of documents, raids on dormitories and expulsions have become routine": the
    subject of a verb that calls it common names a practice."""
    tok = anchor
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            verb = tok.head
            return any(
                c.dep_ in ("acomp", "attr") and c.lemma_.lower() in ROUTINE_WORDS
                for c in kids(verb)
            )
        if tok.dep_ not in ("conj", "appos") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


ROUTINE_WORDS = frozenset(
    {"routine", "common", "commonplace", "widespread", "systematic", "norm", "everyday"}
)


HANDOVER_VERBS = frozenset({"extradite", "deport", "expel", "return", "hand", "send"})


def handover_refused(verb: Token) -> bool:
    """ "the court refused to extradite him": a state's request for the person, turned down."""
    return (
        verb.lemma_.lower() in HANDOVER_VERBS
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in REFUSAL_VERBS
    )


def refuses_to_go(verb: Token) -> bool:
    """ "I will not leave", "I'm not going to leave Azerbaijan": a resolve, not a restriction."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "wo", "shall") for c in kids(verb)):
        return True
    return verb.head.lower_ == "going" and verb.dep_ == "xcomp"


def is_safeguard_asked(anchor: Token) -> bool:
    """An appeal's "ensure that he is not tortured": a safeguard asked for, no incident."""
    tok = anchor
    for _ in range(6):
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.head.i == tok.i:
            return False  # "ensure that the beating is investigated": the beating is a fact
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SAFEGUARD_VERBS:
            return True
        tok = tok.head
    return False


SAFEGUARD_VERBS = frozenset({"ensure", "guarantee"})
INFORMATION_VERBS = frozenset(
    {"provide", "explain", "indicate", "clarify", "inform", "share", "specify", "describe"}
)


def asks_for_information(anchor: Token) -> bool:
    """An item of a letter's questions ("Please provide the legal basis for his house
    arrest"): a subjectless request for information over the sentence."""
    root = doc_index(anchor.doc).sentence(anchor).root
    return (
        root.tag_ == "VB"
        and root.lemma_.lower() in INFORMATION_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in kids(root))
    )


PRACTICE_NOUNS = frozenset({"use", "practice", "misuse", "abuse", "application"})
PAPER_NOUNS = frozenset({"copy", "text", "translation", "page", "scan"})
HALT_NOUNS = frozenset({"suspension", "postponement", "stay", "cancellation"})


def is_named_not_told(anchor: Token) -> bool:
    """An event noun after "the use of", "a copy of" or "a suspension of" (also in a list:
    "the use of accusations and house arrest"), or one guarded against ("protected from
    torture"): a practice, a paper or a halt named, no incident."""
    noun = first_conjunct(anchor)
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ == "from" and noun.head.head.lemma_.lower() in GUARD_VERBS:
        return True
    return noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in (
        PRACTICE_NOUNS | PAPER_NOUNS | HALT_NOUNS
    )


GUARD_VERBS = frozenset({"protect", "shield", "safeguard", "spare"})
EXCLUSIVE_CAUSE = frozenset({"solely", "merely", "purely", "simply"})


def justified_by_law(verb: Token) -> bool:
    """An authority's defence of the act: "lawfully", "in (strict) accordance with"."""
    if any(c.dep_ == "advmod" and c.lower_ in ("lawfully", "legally") for c in kids(verb)):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.lemma_ == "accordance" for p in kids(c))
        for c in kids(verb)
    )


def is_characterised(anchor: Token) -> bool:
    """A participle that qualifies someone by the cause of their plight ("a prisoner of
    conscience, detained solely for peacefully exercising his rights"): a verdict on the
    custody, not a telling of it."""
    if anchor.tag_ != "VBN":
        return False
    if justified_by_law(anchor):
        return True  # "was lawfully arrested", "detained in accordance with the Code": a reply
    causes = [c for c in kids(anchor) if c.dep_ == "prep" and c.lower_ == "for"]
    return any(
        c.dep_ == "advmod" and c.lower_ in EXCLUSIVE_CAUSE
        for node in (anchor, *causes)
        for c in kids(node)
    )


OUR_SIDE = frozenset({"friend", "roommate", "flatmate", "neighbour", "neighbor", "colleague"})


RECANTING_VERBS = frozenset({"read", "apologise", "apologize", "confess", "repent", "recant"})


def filmed_recanting(verb: Token) -> bool:
    """ "filmed me reading an apology", "filmed reading a prepared text": a staged video."""
    if verb.lemma_.lower() not in ("film", "record", "videotape"):
        return False
    return any(
        t.tag_ == "VBG" and t.lemma_.lower() in RECANTING_VERBS
        for c in kids(verb)
        for t in (c, *kids(c))
    )


def friendly_warning(verb: Token) -> bool:
    """Whoever warns is a friend, neighbour, relative or a well-wisher among officials."""
    warners = [c for c in kids(verb) if c.dep_ == "nsubj"]
    warners += [p for c in kids(verb) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
    return any(
        w.lemma_.lower() in OUR_SIDE | KIN_WORDS
        or any(c.lower_ in ("sympathetic", "friendly", "former") for c in kids(w))
        for w in warners
    )


def first_subject_in(verb: Token, words: frozenset[str]) -> bool:
    """Whether the verb's first subject is one of these words ("my cousin", "my roommate")."""
    return any(s.lemma_.lower() in words for s in children(verb, "nsubj")[:1])


def is_bare_heading(noun: Token) -> bool:
    """A verbless sentence that is only its noun phrase ("The fines.", "A drug test.",
    "Psychiatric examination.", "And then the trial."): a heading or a note, told below."""
    words = [t for t in noun.sent if not t.is_punct]
    if len(words) > 4 or noun.dep_ != "ROOT" or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    return all(t.head.i == noun.i or t.i == noun.i for t in words)


def frees_a_number(verb: Token) -> bool:
    """What is freed is "a number of" people: a policy told, no one released."""
    obj = grammatical_object(verb) if verb.pos_ == "VERB" else None
    return (
        obj is not None
        and obj.lemma_.lower() == "number"
        and any(c.dep_ == "det" and c.lower_ == "a" for c in kids(obj))
    )


def names_nobody(verb: Token) -> bool:
    """The one held or charged is a bare "no one" ("no one has been arrested", "nobody was
    charged", "taught without charging anyone": a fee), not "nobody from my family": nobody it
    could have befallen is named."""
    patients = [c for c in kids(verb) if c.dep_ in ("nsubjpass", "dobj")]
    for patient in patients:
        said = [c.lower_ for c in kids(patient)]
        if patient.lower_ in ("nobody", "anyone", "anybody") and not said:
            return True
        if patient.lower_ == "one" and said == ["no"]:
            return True
    return False


def is_backdrop(verb: Token) -> bool:
    """An "as" clause or a progressive "while" one ("as he was leaving his home", "as she
    left"): the scene of what the main clause tells."""
    if verb.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in kids(verb) if c.dep_ == "mark"}
    if verb.tag_ == "VBG":
        return bool(marks & {"as", "while"})
    # "as she left a client's home, a man photographed her": the moment of another act;
    # "as he left Belarus" may be his exile
    goals = [c for c in kids(verb) if c.dep_ == "dobj"]
    goals += [g for c in kids(verb) if c.lower_ in ("for", "from", "to") for g in kids(c)]
    return "as" in marks and not any(g.ent_type_ in ("GPE", "LOC") for g in goals)


MILITARY_UNITS = frozenset({"troop", "troops", "army", "force", "forces", "unit", "battalion"})


def moves_troops(anchor: Token) -> bool:
    """ "Moscow sent its troops into Ukraine": a deployment, not a deportation."""
    obj = grammatical_object(anchor)
    return obj is not None and obj.lemma_.lower() in MILITARY_UNITS


COURT_ORDERS = frozenset({"order", "approve", "authorise", "authorize", "sanction", "give"})

PEOPLE_OF_EXILE = frozenset({"exile", "refugee", "emigrant", "émigré", "emigre", "deportee"})


def names_people(anchor: Token) -> bool:
    """ "exiles", "refugees", "a Russian exile", "the union in exile": people who once
    moved, or a state they live in, not a move."""
    if anchor.lemma_.lower() not in PEOPLE_OF_EXILE or anchor.pos_ not in ("NOUN", "PROPN"):
        return False
    if anchor.tag_ == "NNS" or any(c.ent_type_ == "NORP" for c in children(anchor, "amod")):
        return True
    if any(c.lower_ in ("a", "an") for c in children(anchor, "det")):
        return True
    prep = anchor.head
    return anchor.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ in ("NOUN", "PROPN")


def is_a_right(anchor: Token) -> bool:
    """ "the right to leave", "freedom to travel": the verb complements a right."""
    head = anchor.head
    return anchor.dep_ in ("acl", "xcomp", "relcl") and head.lemma_.lower() in RIGHT_NOUNS


def is_topic(anchor: Token) -> bool:
    """An event noun that is what someone talks, thinks or campaigns about, unowned ("naive
    about surveillance", "a film about arrests", "a letter against violence")."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in ("about", "against"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in kids(anchor))


def documents_cases(anchor: Token) -> bool:
    obj = grammatical_object(anchor) if anchor.pos_ == "VERB" else None
    return (
        anchor.lemma_.lower() in ("document", "record", "list", "collect")
        and obj is not None
        and obj.tag_ == "NNS"
        and not children(obj, "poss")
    )


def is_reflexive_object(anchor: Token) -> bool:
    obj = grammatical_object(anchor) if anchor.pos_ == "VERB" else None
    return obj is not None and obj.lower_ in REFLEXIVES


COMPLAINT_NOUNS = frozenset({"complaint", "lawsuit", "suit", "petition", "claim"})


ENFORCING_VERBS = frozenset({"enforce", "execute", "implement"})  # "the sentence was enforced"


def carried_out_noun(cand: Candidate) -> Token | None:
    """The event noun a support verb carries out ("the search was carried out")."""
    anchor = cand.anchor
    if anchor.lemma_.lower() not in SUPPORT_VERBS | ENFORCING_VERBS:
        return None
    for node in cand.match.nodes.values():
        if node.i != anchor.i and node.pos_ == "NOUN" and node.dep_ in ("dobj", "nsubjpass"):
            return node
    return None


DEMANDING_VERBS = frozenset(
    {"campaign", "fight", "lobby", "push", "demand", "petition", "plead", "call", "urge", "ask"}
    | {"appeal", "press", "seek", "insist", "request", "want", "wish", "recommend", "implore"}
)
OBLIGATION_MODALS = frozenset({"should", "must"})


def in_same_sentence(
    cand: Candidate, cands: list[Candidate], accept: Callable[[Candidate], bool]
) -> Candidate | None:
    """The first other candidate of the same sentence that ``accept`` takes."""
    return next(
        (o for o in cands if o is not cand and o.sent_index == cand.sent_index and accept(o)),
        None,
    )


def lends_perpetrator(cand: Candidate) -> bool:
    """Whether an event's perpetrator may be lent to agentless events near it: not a helper's
    act, nor a release somebody calls for ("calls on the authorities to release him, who was
    detained on Tuesday": the caller detained nobody)."""
    return cand.type.name != "intervention" and not is_demanded_release(cand)


def is_demanded_release(cand: Candidate) -> bool:
    """ "called for his release": asked for, not told ("successfully demanded" is told)."""
    if cand.type.name != "release":
        return False
    if is_demanded(cand.anchor):
        # "calls on the authorities to release him": an infinitive asked for, however it parses;
        # "recommends that the authorities release him": a subjunctive
        return (
            cand.status != OCCURRED
            or is_infinitive(cand.anchor)
            or is_subjunctive(cand.anchor)
            or asked_for(cand.anchor)
        )
    # "applied for his client's release": sought on someone's behalf
    return is_list_demand(cand.anchor) or (
        asked_for(cand.anchor) and cand.anchor.head.head.lemma_.lower() == "apply"
    )


def asked_for(noun: Token) -> bool:
    """ "applied for his client's release", "campaigned for her release": somebody's release
    is what is sought ("demanded and obtained his release" tells it; "I may apply for parole"
    is the applicant's own release in prospect)."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and any(c.dep_ == "poss" or c.lower_ == "of" for c in kids(noun))
    )


def is_subjunctive(verb: Token) -> bool:
    """ "recommends that the authorities quash the conviction and release him": a bare verb in
    the clause a demand governs."""
    if verb.tag_ != "VB":
        return False
    verb = first_conjunct(verb)
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DEMANDING_VERBS


def is_list_demand(verb: Token) -> bool:
    """A release an appeal's list asks for: "- release her immediately", "- the prosecutor
    to release him" (an item under "We call on:"), "the authorities should release her"."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in kids(verb)) and any(
        c.dep_ == "nsubj" for c in kids(verb)
    ):
        return True  # "the authorities should release her" ("he should be released" is told)
    verb = first_conjunct(verb)  # "quash the conviction and release him"
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb)) or is_infinitive(verb)


def is_demanded(anchor: Token) -> bool:
    """An outcome somebody asks for ("called for the immediate release of the journalists",
    "we call on the government to release those imprisoned")."""
    return any(
        tok.pos_ == "VERB" and tok.lemma_.lower() in DEMANDING_VERBS
        for tok in list(anchor.ancestors)[:4]
    )


def is_unaimed_case(anchor: Token) -> bool:
    """A case opened (or not) without saying against whom: "refused to open a case", "an
    investigation"."""
    if anchor.lemma_.lower() in CASE_WORDS:
        verb = anchor.head if anchor.dep_ in ("dobj", "nsubjpass") else anchor
        return not names_target(verb)
    objects = [c for c in kids(anchor) if c.dep_ == "dobj" and c.lemma_.lower() in CASE_WORDS]
    return bool(objects) and not names_target(anchor)


CASE_WORDS = frozenset({"case", "investigation", "inquiry", "probe"})
UNKNOWN_WORDS = frozenset({"unidentified", "unknown"})
NEGATIVE_WORDS = frozenset({"not", "n't", "no", "nobody", "never", "none"})


def opens_case(anchor: Token) -> bool:
    """ "opened a case", "the case was opened", "a criminal investigation"."""
    if anchor.lemma_.lower() in CASE_WORDS:
        return True
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CASE_WORDS for c in kids(anchor)
    )


def investigates_unknown(anchor: Token) -> bool:
    """The case is an inquiry into what was done to the victim, against persons unknown ("a
    case against unidentified persons", "no suspects have been identified")."""
    for token in anchor.sent:
        if token.lower_ in UNKNOWN_WORDS and token.head.pos_ in ("NOUN", "PRON"):
            return True
        if token.lemma_.lower() == "identify" and any(
            t.lower_ in NEGATIVE_WORDS for t in token.subtree
        ):
            return True
    return False


def is_alternative(anchor: Token) -> bool:
    """ "compulsory treatment instead of imprisonment": what is not done."""
    head = anchor.head
    return (
        anchor.dep_ == "pobj"
        and head.lower_ == "of"
        and head.i > 0
        and anchor.doc[head.i - 1].lower_ == "instead"
    )


def is_said_sentence(anchor: Token) -> bool:
    """ "a sentence I had said to my sister", "I added one sentence": words, not a court's
    sentence."""
    if anchor.lemma_.lower() != "sentence":
        return False
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in UTTERANCE_VERBS | {"add"}:
        return True  # "I added one sentence", "he wrote one angry sentence"
    return any(
        c.dep_ in ("relcl", "acl") and c.lemma_.lower() in UTTERANCE_VERBS for c in kids(anchor)
    )


UTTERANCE_VERBS = frozenset({"say", "write", "speak", "utter", "type", "read", "post", "tell"})


LEGAL_STEP_VERBS = frozenset(
    {"extend", "prolong", "order", "sanction", "approve", "authorise", "authorize", "uphold"}
)
THING_SUBJECTS = frozenset(
    {"telegram", "whatsapp", "signal", "facebook", "instagram", "google", "gmail", "viber"}
    | {"app", "application", "phone", "system", "notification", "letter", "message", "email"}
)
REPORTING_NOUNS = frozenset(
    {"allegation", "claim", "report", "account", "evidence", "sign", "complaint", "testimony"}
)


ABUSE_TOPICS = frozenset({"torture", "violence", "ill-treatment", "abuse", "killing", "attack"})


def is_bare_topic(noun: Token) -> bool:
    """Torture or violence named as a kind of act, with no article, owner or victim, as the
    topic of complaints, the means of a confession or what calls incite ("allegations of
    torture", "a confession obtained by torture", "calls to violence")."""
    if noun.lemma_.lower() not in ABUSE_TOPICS or noun.dep_ != "pobj":
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "prep", "amod", "compound") for c in kids(noun)):
        return False  # "the torture", "torture of detainees", "police violence": one told
    prep, governor = noun.head, noun.head.head
    if prep.lower_ == "of":  # "complaints of torture"; "at risk of torture" is a prospect
        return governor.lemma_.lower() in REPORTING_NOUNS | {"complaint", "claim", "account"}
    if prep.lower_ == "by":  # "a confession obtained by torture"
        return governor.lemma_.lower() in ("obtain", "extract", "secure", "get")
    return prep.lower_ == "to" and governor.lemma_.lower() == "call"  # "calls to violence"


def alleged(noun: Token) -> bool:
    """ "his allegations of torture", "reports of beatings": an event told as reported."""
    prep = noun.head
    return (
        noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in REPORTING_NOUNS
    )


def asks_for_comment(anchor: Token) -> bool:
    """ "asked the ministry for comment"; not "... and could not comment on the case"."""
    return any(
        t.lower_ in ("comment", "comments") and not in_joined_clause(t, anchor)
        for t in anchor.subtree
    )


def names_target(verb: Token) -> bool:
    """Whether a case-opening names whom it is against ("a case against me")."""
    objects = [c for c in kids(verb) if c.dep_ == "dobj"]
    return any(
        prep.dep_ == "prep" and prep.lower_ in ("against", "on")
        for head in [verb, *objects]
        for prep in kids(head)
    )


def same_stem(a: str, b: str) -> bool:
    """ "hospitalisation" and "hospitalise", "arrest" and "arrest": one word's forms."""
    a, b = a.lower(), b.lower()
    return a == b or (min(len(a), len(b)) >= 6 and a[:6] == b[:6])


def seeks_asylum(cand: Candidate) -> bool:
    return any(t.lemma_.lower() in ("asylum", "refuge") for t in cand.match.nodes.values())


CUSTODY_TYPES = frozenset({"detention", "psychiatric_commitment"})
STOP_PATTERNS = frozenset({"detention.stopped_person", "detention.stopped_car"})
# a stop that ends in a psychiatric hospital is the commitment's first step; one that ends in a
# drug test is a detention of its own ("stopped my car and made me blow into a breathalyser")
STOPPED_FOR = frozenset({"psychiatric_commitment"})
BAN_PATTERNS = frozenset({"harassment.ban_from", "harassment.travel_ban"})
BANNING_TYPES = frozenset({"charge", "harassment", "detention"})
BOOKING_WORDS = frozenset({"photograph", "film", "fingerprint", "record"})
DEFENDER_WORDS = frozenset({"lawyer", "attorney", "advocate", "counsel", "defender"})
COUNSEL_SPEECH = frozenset({"warn", "threaten"})  # from one's own lawyer, advice, not pressure
KIN_WORDS = frozenset(
    {
        "mother",
        "father",
        "brother",
        "sister",
        "wife",
        "husband",
        "son",
        "daughter",
        "neighbour",
        "neighbor",
        "friend",
        "relative",
        "relatives",
        "family",
        "mother-in-law",
        "father-in-law",
        "grandmother",
        "grandfather",
        "classmate",
        "colleague",
        "acquaintance",
    }
)
QUESTIONING_WORDS = frozenset({"interrogate", "question", "interrogation", "questioning"})


def is_hold(anchor: Token) -> bool:
    """ "was held for 28 days", "kept for several hours": the length of a custody told before."""
    if anchor.lemma_.lower() not in ("hold", "keep"):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("for", "until")
        and any(o.ent_type_ in ("DATE", "TIME") for o in c.subtree)
        for c in kids(anchor)
    )


STATE_OF_CUSTODY = frozenset({"hold", "keep", "detain", "remain", "stay", "languish", "sit"})


def is_continuing_state(anchor: Token) -> bool:
    """ "is held", "remains in custody", "are still being detained": a present state, which
    restates a detention told before rather than telling a new one."""
    if anchor.lemma_.lower() not in STATE_OF_CUSTODY or anchor.tag_ not in ("VBN", "VBZ", "VBP"):
        return False
    if anchor.tag_ in ("VBZ", "VBP"):
        return True
    auxes = [c for c in kids(anchor) if c.dep_ in ("aux", "auxpass")]
    if not auxes or auxes[0].tag_ not in ("VBZ", "VBP"):
        return False
    # "is held", "has been held since May" (a state up to now), not "has arrested"
    return auxes[0].lemma_ == "be" or any(a.lower_ == "been" for a in auxes[1:])


def visit_tells_its_act(visit: Token) -> bool:
    """ "came to her flat and asked about her son", "have come twice to ask where I am": the
    visit's own clause says what the visitors did, or that they came more than once."""
    return any(
        (c.dep_ in ("conj", "xcomp", "advcl") and c.pos_ == "VERB")
        or (c.dep_ == "advmod" and c.lower_ in ("twice", "again", "repeatedly"))
        for c in kids(visit)
    )


def kept_there(anchor: Token) -> bool:
    """ "kept me there for four hours", "were held there until dark": "there" is the place of
    a custody just told, and this its length, not a new detention."""
    return anchor.lemma_.lower() in STATE_OF_CUSTODY and any(
        c.dep_ == "advmod" and c.lower_ == "there" for c in kids(anchor)
    )


def has_own_date(token: Token) -> bool:
    doc = token.doc
    spans = timexes(doc)
    subtree = {t.i for t in token.subtree}
    return any(t.span.root.i in subtree and t.start for t in spans)


def narrative_clause(anchor: Token) -> bool:
    """Whether an event may inherit the narrative's time and place: a past-tense clause
    told as part of the story (not present or general, not a nested background noun)."""
    head = clause_head(anchor)
    if anchor.pos_ in ("NOUN", "PROPN"):
        verb = next((t for t in anchor.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return verb is not None and is_past(verb)
    return is_past(head) or is_past(anchor)


def trigger_extent(match: TriggerMatch) -> tuple[int, int]:
    """Character span of the trigger: the matched words, plus a short object right after.
    The backstop's trigger is its whole sentence: the model reads sentences, and its anchor
    word only places the event in one."""
    anchor = match.anchor
    if match.spec.id.startswith(BACKSTOP_RULE):
        return sentence_extent(doc_index(anchor.doc).sentence(anchor))
    tokens = [t for t in match.nodes.values() if abs(t.i - anchor.i) <= 8]
    for child in anchor.rights:
        if child.dep_ == "dobj" and child.i - anchor.i <= 3:
            tokens.extend(t for t in child.subtree if t.i <= child.i)
            break
    sent = doc_index(anchor.doc).sentence(anchor)
    tokens = [t for t in tokens if sent.start <= t.i < sent.end]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def sentence_extent(sent: Span) -> tuple[int, int]:
    """Character span of a sentence without its surrounding spaces."""
    words = [t for t in sent if not t.is_space]
    return words[0].idx, words[-1].idx + len(words[-1])


def evidence_extent(doc: Doc, sent_index: int) -> dict[str, int]:
    """An event's evidence: the whole sentence that states it. The trigger words alone miss
    the clause a reader quotes when the sentence tells the incident twice over ("after his
    arrest, he was taken to the station"); the trigger keeps its own offsets."""
    start, end = sentence_extent(doc_index(doc).sents[sent_index])
    return {"start_char": start, "end_char": end}


@Language.factory("tnlp_events", default_config={"data_path": None, "verify": True})
def make_events(nlp: Language, name: str, data_path: str | None, verify: bool) -> EventExtractor:
    """Create the events stage; ``data_path`` defaults to the shipped ``models/tnlp_events``;
    ``verify`` false keeps the events the verifier would drop."""
    return EventExtractor(nlp, name, data_path, verify)


def trigger_text(doc: Doc, start_char: int, end_char: int) -> str:
    """The text between two character offsets, read from the tokens that cover it (Doc.text
    would rebuild the whole document's text for each event)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return ""
    offset = start_char - span.start_char
    return span.text[offset : offset + end_char - start_char]
