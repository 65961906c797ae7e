"""Stage 3: corrections to the base model's named entities, and the narrator.

en_core_web_sm was trained on Western news. On testimonies from Central Asia, Russia,
Belarus, the Caucasus and Iran it makes a few systematic mistakes that later stages pay for
(a victim tagged GPE is never a participant; a security service tagged PERSON becomes a
victim). The rules here are general, on token shapes, never on specific people:

- a trailing possessive (``'s``, ``’s``, ``'``) is dropped from an entity, and an entity whose
  words include an organisation head (``House``, ``Trust``, ``Watch``...) is an ORG;
- known organisation acronyms (``KNB``, ``FSB``, ``OSCE``...) are ORG, and a lone all-caps
  PERSON is an ORG;
- transliterated person names (a capitalised word followed by a surname ending such as
  ``-ova``, ``-enko``, ``-yan``, ``-shvili``, ``-uly``, ``-zadeh``) are PERSON, including the
  parts of a list coordinated with a known PERSON;
- a lone PERSON right after ``in``/``near`` with no surname ending is a place (GPE).

The word lists live in ``models/tnlp_entities/entities.json``. ``span._.canonical`` is set
on every PERSON and ORG entity. ``doc._.narrator`` is set for first-person documents.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import attributes  # noqa: F401  (declares the custom attributes)
from .assets import models_dir
from .errors import AssetsNotFoundError

COMPONENT = "tnlp_entities"
DATA_FILE = "entities.json"
UNNAMED_NARRATOR = "narrator"

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
"""Labels a correction may turn into another (never DATE, CARDINAL...)."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CANONICAL_LABELS = frozenset({"PERSON", "ORG"})

POSSESSIVES = frozenset({"'s", "’s", "'S", "’S", "'", "’"})
COORDINATORS = frozenset({",", "and", "&", "or"})
ORG_LINKS = frozenset({"without", "for", "of", "against", "on"})
"""Capitalised prepositions, found inside organisation names, never inside a person's."""
FIRST_PERSON_LOWER = frozenset({"me", "my", "mine", "myself"})
OPENING_QUOTES = frozenset({"“", "«", "„"})
CLOSING_QUOTES = frozenset({"”", "»"})
QUOTE_MARKS = OPENING_QUOTES | CLOSING_QUOTES | {'"'}

NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")
"""A capitalised word in Latin script, as transliterated names are written."""
ACRONYM_SHAPE = re.compile(r"[A-Z]{2,6}")
QUOTE_TRANSLATION = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}
)


@dataclass(slots=True)
class EntityLexicon:
    """The word lists the rules use; saved as JSON in ``models/tnlp_entities/``."""

    org_heads: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()
    surname_suffixes: tuple[str, ...] = ()
    weak_surname_suffixes: tuple[str, ...] = ()
    place_words: frozenset[str] = frozenset()
    not_surnames: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    locative_prepositions: frozenset[str] = frozenset()
    # "my cousin Mehrubon", "the blogger Aziz": a name right after these is a person's
    relation_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> EntityLexicon:
        return cls(
            org_heads=frozenset(data.get("org_heads", ())),
            acronyms=frozenset(data.get("acronyms", ())),
            # longest first, so that "-ova" is tried before "-a"-like short endings
            surname_suffixes=_longest_first(data.get("surname_suffixes", ())),
            weak_surname_suffixes=_longest_first(data.get("weak_surname_suffixes", ())),
            place_words=frozenset(data.get("place_words", ())),
            not_surnames=frozenset(data.get("not_surnames", ())),
            titles=frozenset(data.get("titles", ())),
            locative_prepositions=frozenset(data.get("locative_prepositions", ())),
            relation_nouns=frozenset(data.get("relation_nouns", ())),
        )

    def to_dict(self) -> dict[str, list[str]]:
        return {name: sorted(values) for name, values in asdict(self).items()}

    @classmethod
    def read(cls, folder: Path) -> EntityLexicon:
        return cls.from_dict(json.loads((folder / DATA_FILE).read_text(encoding="utf-8")))

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        lines = [
            f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
            for k, v in self.to_dict().items()
        ]
        (folder / DATA_FILE).write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")

    def surname_strength(self, token: Token) -> int:
        """2 for a clear surname ending (-ova, -enko...), 1 for an unclear one (-i, -in), else 0."""
        text = token.text
        if not NAME_WORD.fullmatch(text) or text in self.not_surnames or self.is_special(text):
            return 0
        lower = text.lower()
        for strength, suffixes in ((2, self.surname_suffixes), (1, self.weak_surname_suffixes)):
            if _ends_with_any(lower, suffixes):
                return strength
        return 0

    def is_special(self, word: str) -> bool:
        """Words that make a name an organisation or a place, never a person."""
        return word in self.org_heads or word in self.place_words or word in self.acronyms


def _longest_first(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({v.lower() for v in values}, key=lambda v: (-len(v), v)))


def _ends_with_any(word: str, suffixes: tuple[str, ...]) -> bool:
    """Whether ``word`` ends with one of ``suffixes`` and keeps at least three letters before it."""
    by_length, lengths = _suffix_index(suffixes)
    longest = len(word) - 3
    return any(n <= longest and word[len(word) - n :] in by_length for n in lengths)


@lru_cache(maxsize=64)
def _suffix_index(suffixes: tuple[str, ...]) -> tuple[frozenset[str], tuple[int, ...]]:
    """The suffixes as a set and their distinct lengths: a word is tested once per length,
    not once per suffix."""
    return frozenset(suffixes), tuple(sorted({len(s) for s in suffixes}))


def default_lexicon() -> EntityLexicon:
    """The lexicon shipped in ``models/tnlp_entities``, or an empty one if it is missing."""
    try:
        folder = models_dir() / COMPONENT
    except AssetsNotFoundError:
        return EntityLexicon()
    return EntityLexicon.read(folder) if (folder / DATA_FILE).is_file() else EntityLexicon()


@dataclass(slots=True)
class _Ent:
    """A mutable entity under correction: token offsets and label."""

    start: int
    end: int
    label: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(slots=True)
class EntityCorrector:
    """The ``tnlp_entities`` component."""

    lexicon: EntityLexicon = field(default_factory=EntityLexicon)
    min_first_person_share: float = 0.2
    min_first_person_sentences: int = 1

    def __call__(self, doc: Doc) -> Doc:
        if doc._.language != "en":
            return doc
        ents = self.corrected_entities(doc)
        narrator = self.narrator(doc)
        spans = [Span(doc, e.start, e.end, label=e.label) for e in ents]
        doc.ents = spans
        for ent in spans:  # what ``doc.ents`` gives back, without rebuilding it from the tokens
            if ent.label_ in CANONICAL_LABELS:
                ent._.canonical = canonical_name(ent)
        doc._.narrator = narrator
        return doc

    # ------------------------------------------------------------------ entities

    def corrected_entities(self, doc: Doc) -> list[_Ent]:
        """The document's entities after every correction, in text order."""
        ents = [_Ent(e.start, e.end, e.label_) for e in doc.ents]
        for ent in ents:
            ent.end = _without_possessive(doc, ent.start, ent.end)
            ent.label = self._relabel(doc, ent)
        texts = _token_texts(doc)
        ents = self._add_name_pairs(doc, ents, texts)
        self._spread_over_coordination(doc, ents)
        self._spread_place_labels(doc, ents)
        ents += self._missing_acronyms(texts, ents)
        return sorted(ents, key=lambda e: e.start)

    def _relabel(self, doc: Doc, ent: _Ent) -> str:
        if ent.label not in NAME_LABELS:
            return ent.label
        span = doc[ent.start : ent.end]
        lex = self.lexicon
        if span.text in lex.acronyms:
            return "ORG"
        if ent.label == "PERSON":
            if len(span) == 1 and ACRONYM_SHAPE.fullmatch(span.text):
                return "ORG"
            if any(t.text in lex.org_heads or t.lower_ in ORG_LINKS for t in span):
                return "ORG"  # "Freedom House", "Reporters Without Borders"
            if self._is_place_after_preposition(doc, ent):
                return "GPE"
            return "PERSON"
        if self._follows_relation_noun(doc, ent):
            return "PERSON"  # "my cousin Mehrubon", which the model took for a place
        if ent.label == "ORG" and self._is_bare_place_name(doc, ent):
            return "GPE"  # "a court in Krasnodar", "KRASNODAR, 24 November —"
        return "PERSON" if self._is_person_shaped(span, ent.label) else ent.label

    def _follows_relation_noun(self, doc: Doc, ent: _Ent) -> bool:
        """A lone capitalised name right after a kinship or occupation noun."""
        if ent.end - ent.start != 1 or ent.start == 0:
            return False
        name, before = doc[ent.start], doc[ent.start - 1]
        if not NAME_WORD.fullmatch(name.text) or self.lexicon.is_special(name.text):
            return False
        return before.lower_ in self.lexicon.relation_nouns and before.text.islower()

    def _is_person_shaped(self, span: Span, label: str) -> bool:
        """A name of capitalised words ending in a surname, not an organisation or place."""
        if not 1 <= len(span) <= 4 or not all(NAME_WORD.fullmatch(t.text) for t in span):
            return False
        if any(self.lexicon.is_special(t.text) for t in span):
            return False
        strength = self.lexicon.surname_strength(span[-1])
        if len(span) == 1:  # cities end in -ov, nationalities in -ian: a lone ORG word only
            return strength == 2 and label == "ORG"
        return strength == 2 or (strength == 1 and label not in PLACE_LABELS)

    def _is_place_after_preposition(self, doc: Doc, ent: _Ent) -> bool:
        if ent.end - ent.start != 1 or ent.start == 0:
            return False
        token = doc[ent.start]
        following = doc[ent.end].text if ent.end < len(doc) else ""
        return (
            doc[ent.start - 1].lower_ in self.lexicon.locative_prepositions
            # a weak ending (-i, -ny) does not make a person of "in Grozny"
            and self.lexicon.surname_strength(token) < 2
            and token.text not in self.lexicon.titles
            and following not in POSSESSIVES
        )

    def _is_bare_place_name(self, doc: Doc, ent: _Ent) -> bool:
        """A one-word "organisation" that is a town: after a locative preposition, or a news
        dateline (a capitalised word opening a line, then a comma and a date)."""
        if 1 < ent.end - ent.start <= 3:
            return self._is_compound_place_after_preposition(doc, ent)
        if ent.end - ent.start != 1:
            return False
        token = doc[ent.start]
        word = token.text.title()
        if token.text in self.lexicon.acronyms or self.lexicon.is_special(word):
            return False
        if not NAME_WORD.fullmatch(word) or (
            ACRONYM_SHAPE.fullmatch(token.text) and len(token) < 4
        ):
            return False
        if self._is_place_after_preposition(doc, ent):
            return True
        opens_line = ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws
        following = doc[ent.end : ent.end + 2]
        return (
            opens_line
            and len(following) == 2
            and following[0].text == ","
            and following[1].ent_type_ == "DATE"
        )

    def _is_compound_place_after_preposition(self, doc: Doc, ent: _Ent) -> bool:
        """ "at the airport in Mineralnye Vody": capitalised words right after a locative
        preposition, none of them an organisation, place-type or surname word."""
        span = doc[ent.start : ent.end]
        if ent.start == 0 or doc[ent.start - 1].lower_ not in self.lexicon.locative_prepositions:
            return False
        return all(
            NAME_WORD.fullmatch(t.text)
            and not self.lexicon.is_special(t.text)
            and self.lexicon.surname_strength(t) < 2
            for t in span
        )

    def _spread_place_labels(self, doc: Doc, ents: list[_Ent]) -> None:
        """One name, one reading per document: a lone surname of a named person is that person;
        a name read as a place once is a place everywhere ("Krasnodar" the GPE and "Krasnodar"
        the ORG): one-word ORG mentions take the place label."""
        surnames = {
            doc[e.end - 1].text for e in ents if e.label == "PERSON" and e.end - e.start > 1
        }
        for ent in ents:
            # "Alena Kavaleva ... the court found Kavaleva guilty": the surname alone is her
            if (
                ent.label != "PERSON"
                and ent.end - ent.start == 1
                and doc[ent.start].text in surnames
            ):
                ent.label = "PERSON"
        places = {doc[e.start : e.end].text.lower() for e in ents if e.label in PLACE_LABELS}
        for ent in ents:
            span = doc[ent.start : ent.end]
            if (
                ent.label == "ORG"
                and len(span) == 1
                and span.text.lower() in places
                and span.text not in self.lexicon.acronyms
            ):
                ent.label = "GPE"

    def _add_name_pairs(self, doc: Doc, ents: list[_Ent], texts: list[str]) -> list[_Ent]:
        """Given name + surname (+ surname-like words) the model missed or mislabelled."""
        # both words must be capitalised: checked on the texts, cheaper than on Tokens
        named = [NAME_WORD.fullmatch(text) is not None for text in texts]
        i = 0
        while i < len(doc) - 1:
            if not (named[i] and named[i + 1]):
                i += 1
                continue
            candidate = self._name_at(doc, i)
            if candidate is None:
                i += 1
                continue
            start, end = candidate
            ents = self._replace_with_person(doc, ents, start, end)
            i = end
        return ents

    def _name_at(self, doc: Doc, i: int) -> tuple[int, int] | None:
        first = doc[i]
        if not self._is_given_name(doc, first) or self.lexicon.surname_strength(doc[i + 1]) == 0:
            return None
        end = i + 2
        while end < len(doc) and end - i < 4 and self.lexicon.surname_strength(doc[end]):
            end += 1
        if end < len(doc) and self.lexicon.is_special(doc[end].text):
            return None  # "Aziz Karimov Street", "Karimov Foundation"
        start = i + 1 if first.text in self.lexicon.titles else i
        return start, end

    def _is_given_name(self, doc: Doc, token: Token) -> bool:
        if not NAME_WORD.fullmatch(token.text) or token.is_stop:
            return False
        if self.lexicon.is_special(token.text) or token.text in self.lexicon.not_surnames:
            return False
        if doc.has_annotation("TAG"):
            return token.pos_ == "PROPN"
        return not token.is_sent_start  # no tagger: a capital may just start the sentence

    def _replace_with_person(self, doc: Doc, ents: list[_Ent], start: int, end: int) -> list[_Ent]:
        overlapping = [e for e in ents if e.overlaps(start, end)]
        if any(e.label not in NAME_LABELS or e.start < start or e.end > end for e in overlapping):
            return ents  # part of a longer entity or of a date, number...
        if any(e.label == "PERSON" and (e.start, e.end) == (start, end) for e in overlapping):
            return ents
        weak = self.lexicon.surname_strength(doc[end - 1]) == 1
        if weak and any(e.label in PLACE_LABELS and e.end == end for e in overlapping):
            return ents  # "New Delhi": the model's place reading wins over an ambiguous ending
        kept = [e for e in ents if not e.overlaps(start, end)]
        return [*kept, _Ent(start, end, "PERSON")]

    def _spread_over_coordination(self, doc: Doc, ents: list[_Ent]) -> None:
        """In "A, B and C", a name-shaped B or C is a PERSON when A is (repeated to a fixpoint)."""
        ents.sort(key=lambda e: e.start)
        changed = True
        while changed:
            changed = False
            for k, ent in enumerate(ents):
                if ent.label == "PERSON" or not self._is_coordinated_name(doc, ent):
                    continue
                neighbours = [ents[j] for j in (k - 1, k + 1) if 0 <= j < len(ents)]
                if any(n.label == "PERSON" and _coordinated(doc, ent, n) for n in neighbours):
                    ent.label = "PERSON"
                    changed = True

    def _is_coordinated_name(self, doc: Doc, ent: _Ent) -> bool:
        span = doc[ent.start : ent.end]
        if ent.label not in NAME_LABELS or not 1 <= len(span) <= 4:
            return False
        if not all(NAME_WORD.fullmatch(t.text) for t in span):
            return False
        if any(
            self.lexicon.is_special(t.text) or t.text in self.lexicon.not_surnames for t in span
        ):
            return False
        return self.lexicon.surname_strength(span[-1]) > 0 or (
            len(span) >= 2 and ent.label not in PLACE_LABELS
        )

    def _missing_acronyms(self, texts: list[str], ents: list[_Ent]) -> list[_Ent]:
        taken = {i for e in ents for i in range(e.start, e.end)}
        acronyms = self.lexicon.acronyms
        return [
            _Ent(i, i + 1, "ORG")
            for i, text in enumerate(texts)
            if text in acronyms and i not in taken
        ]

    # ------------------------------------------------------------------ narrator

    def narrator(self, doc: Doc) -> str | None:
        """The narrator's participant name in a first-person document, else None."""
        if not self.is_first_person(doc):
            return None
        return doc._.author or interviewee(doc) or UNNAMED_NARRATOR

    def is_first_person(self, doc: Doc) -> bool:
        """Whether first-person singular pronouns outside quotations fill enough sentences."""
        sentences = list(_sentences(doc))
        if not sentences:
            return False
        texts = _token_texts(doc)
        strings = doc.vocab.strings
        lowers = [strings[h] for h in doc.to_array(LOWER).tolist()]
        first_person = [
            outside and (text == "I" or lower in FIRST_PERSON_LOWER)
            for outside, text, lower in zip(_outside_quotes(doc), texts, lowers, strict=True)
        ]
        voiced = sum(any(first_person[s.start : s.end]) for s in sentences)
        return (
            voiced >= self.min_first_person_sentences
            and voiced / len(sentences) >= self.min_first_person_share
        )

    # ------------------------------------------------------------------ serialisation

    def to_disk(self, path: str | Path, exclude: Sequence[str] = ()) -> None:
        self.lexicon.write(Path(path))

    def from_disk(self, path: str | Path, exclude: Sequence[str] = ()) -> EntityCorrector:
        self.lexicon = EntityLexicon.read(Path(path))
        return self


QUESTION_LEADS = ("- ", "– ", "— ", "Q:", "Q.", "Q -", "Q –")
MIN_QUESTIONS = 2


def interviewee(doc: Doc) -> str | None:
    """The one answering in an interview without a byline, named in its introduction (the
    text before the first question line): the first person of a sentence about speaking
    ("We spoke to Lebedeva", "his mother, Lyudmila Petrenko, told us"), else the first
    person the introduction names ("Davit Kiknadze, 36, ... We spoke to him").

    A question line starts with a dash or "Q:" and ends with a question mark.
    """
    questions = []
    offset = 0
    for line in doc.text.splitlines(keepends=True):
        text = line.strip()
        if text.startswith(QUESTION_LEADS) and text.rstrip("\"'”’").endswith("?"):
            questions.append(offset)
        offset += len(line)
    if len(questions) < MIN_QUESTIONS:
        return None
    intro = [s for s in doc.sents if s.end_char <= questions[0]]
    people = [[e for e in s.ents if e.label_ == "PERSON"] for s in intro]
    for sentence, named in zip(intro, people, strict=True):
        if named and any(t.lemma_.lower() in SPEAKING for t in sentence):
            return named[0].text
    first = next((named[0] for named in people if named), None)
    return first.text if first is not None else None


SPEAKING = frozenset({"speak", "talk", "tell", "interview", "conversation", "guest"})


def _without_possessive(doc: Doc, start: int, end: int) -> int:
    while end - start > 1 and doc[end - 1].text in POSSESSIVES:
        end -= 1
    return end


def _coordinated(doc: Doc, a: _Ent, b: _Ent) -> bool:
    """Whether only commas and "and"/"or" (at most two tokens) stand between two entities."""
    left, right = (a, b) if a.start < b.start else (b, a)
    between = doc[left.end : right.start]
    return 1 <= len(between) <= 2 and all(t.lower_ in COORDINATORS for t in between)


def _token_texts(doc: Doc) -> list[str]:
    """Every token's text, read from the Doc's array (no Token objects)."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(ORTH).tolist()]


def _sentences(doc: Doc) -> Iterator[Span]:
    """Sentences from the parser or segmenter; split on final punctuation when there are none."""
    if doc.has_annotation("SENT_START"):
        blank = [space or punct for space, punct in doc.to_array([IS_SPACE, IS_PUNCT]).tolist()]
        yield from (s for s in doc.sents if not all(blank[s.start : s.end]))
        return
    start = 0
    for token in doc:
        if token.text in {".", "!", "?"}:
            if token.i + 1 > start:
                yield doc[start : token.i + 1]
            start = token.i + 1
    if start < len(doc) and not all(t.is_space for t in doc[start:]):
        yield doc[start:]


def _outside_quotes(doc: Doc) -> list[bool]:
    """Per token, whether it stands outside quotation marks (reset at each paragraph)."""
    flags, quoted = [], False
    spaces = doc.to_array(IS_SPACE).tolist()
    for text, space in zip(_token_texts(doc), spaces, strict=True):
        if text in OPENING_QUOTES:
            quoted = True
        elif text in CLOSING_QUOTES:
            quoted = False
        elif text == '"':
            quoted = not quoted
        elif space and text.count("\n") >= 2:
            quoted = False  # a paragraph never inherits an unclosed quotation
        flags.append(not quoted and text not in QUOTE_MARKS)
    return flags


def canonical_name(span: Span) -> str:
    """The entity's name without possessive, leading "the", odd quotes or extra whitespace."""
    tokens = list(span)
    while len(tokens) > 1 and tokens[-1].text in POSSESSIVES:
        tokens.pop()
    if len(tokens) > 1 and tokens[0].lower_ == "the":
        tokens.pop(0)
    # a Span's text joins only its own tokens (Doc.text would rebuild the whole document)
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    text = " ".join(text.translate(QUOTE_TRANSLATION).split())
    return text.strip("\"' ") or text


@Language.factory(
    COMPONENT,
    default_config={"min_first_person_share": 0.2, "min_first_person_sentences": 1},
)
def make_entities(
    nlp: Language, name: str, min_first_person_share: float, min_first_person_sentences: int
) -> EntityCorrector:
    """The entity corrector, with the lexicon shipped in ``models/tnlp_entities``."""
    return EntityCorrector(
        lexicon=default_lexicon(),
        min_first_person_share=min_first_person_share,
        min_first_person_sentences=min_first_person_sentences,
    )
