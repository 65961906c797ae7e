"""Stage ``tnlp_time``: TIMEX3 detection and TimeML normalisation of a whole Doc.

Reads ``doc._.reference_date`` (ISO string or None) and writes ``doc.spans["timex"]``:
one Span per temporal expression, labelled DATE, TIME, DURATION or SET, with
``span._.timex``, ``timex_type``, ``date_start``, ``date_end`` (ISO strings),
``date_precision`` and ``timex_status``. Documents whose ``doc._.language`` is not
English get an empty group.

Context used for each expression:

- tense of its governing verb (``tag_`` VBD, perfect auxiliaries, ``morph`` Tense=Past;
  "will", "shall", "going to", "expected/scheduled/planned to" for the future);
- a year written in the previous sentences, for bare months in past-tense sentences;
- the latest day-precise date before it, for anaphoric expressions ("two days later",
  "the next day") and clock times without a date ("at 10 p.m.").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import attributes
from ..attributes import TIMEX_GROUP
from .detect import Candidate, build_matcher, candidates, default_patterns
from .normalize import UNRESOLVED, Timex, normalize

PATTERNS_FILE = "patterns.json"
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_FUTURE_GOVERNORS = frozenset({
    "expect", "schedule", "plan", "intend", "set", "due", "go", "hope", "aim", "prepare",
    "promise", "threaten", "vow", "pledge", "agree", "decide", "want",
})  # fmt: skip
_SCHEDULING = frozenset({"schedule", "set", "slate", "plan", "expect", "due"})
_PLANNING = frozenset({"plan", "schedule", "slate", "propose", "planned", "scheduled", "slated"})
_PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'d"})
_EXPLICIT_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_DATE_WORD = re.compile(
    r"\d|today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|day|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b",
    re.I,
)
_CLOCK_ONLY = re.compile(
    r"^[\d:. ]*(?:a\.?m\.?|p\.?m\.?|noon|midday|midnight|o'clock)?[ .]*$"
    r"|^(?:noon|midday|midnight)$",
    re.I,
)
_CONTEXT_SENTENCES = 2  # how far back a written year informs a bare month


class TimeNormalizer:
    """Detects temporal expressions and normalises them against the reference date."""

    def __init__(self, nlp: Language, name: str = "tnlp_time") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.patterns: list[dict] = default_patterns()
        self.matcher = build_matcher(self.vocab, self.patterns)
        attributes.register_attributes()

    # ------------------------------------------------------------ spaCy API

    def __call__(self, doc: Doc) -> Doc:
        language = doc._.language
        if language not in (None, "en"):
            doc.spans[TIMEX_GROUP] = []
            return doc
        reference = _parse_date(doc._.reference_date)
        found = candidates(doc, self.matcher, self._understood)
        annotated = self._normalise_all(found, reference)
        self._set_annotations(doc, annotated)
        return doc

    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        """Save the Matcher patterns as JSON."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / PATTERNS_FILE, "w", encoding="utf-8") as f:
            json.dump(self.patterns, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> TimeNormalizer:
        """Load the Matcher patterns saved by :meth:`to_disk` (defaults if the file is absent)."""
        file = Path(path) / PATTERNS_FILE
        if file.is_file():
            with open(file, encoding="utf-8") as f:
                self.patterns = json.load(f)
            self.matcher = build_matcher(self.vocab, self.patterns)
        return self

    # ------------------------------------------------------------ computing

    @staticmethod
    def _understood(text: str) -> bool:
        timex = normalize(text, dt.date(2000, 6, 15))
        return timex.status != UNRESOLVED and timex.type in ("DATE", "TIME")

    def _normalise_all(
        self, found: list[Candidate], reference: dt.date | None
    ) -> list[tuple[Span, Timex]]:
        out: list[tuple[Span, Timex]] = []
        anchor: tuple[int, dt.date] | None = None  # (sentence index, date) of last day-date
        context: tuple[int, int] | None = None  # (sentence index, year) of last written year
        sent_index = _sentence_indexer(found)
        for cand in found:
            span = cand.span
            sent = sent_index(span)
            tense = verb_tense(span)
            context_year = None
            if context and sent - context[0] <= _CONTEXT_SENTENCES:
                context_year = context[1]
            clock_base = self._clock_anchor(cand, found, reference, anchor, sent, sent_index)
            timex = normalize(
                cand.text,
                reference,
                tense,
                anchor=clock_base if clock_base else (anchor[1] if anchor else None),
                context_year=context_year,
            )
            out.append((span, timex))
            if timex.precision == "day" and timex.start and timex.value != "PRESENT_REF":
                anchor = (sent, timex.start)
            if timex.precision in ("day", "month") and timex.start:
                year = _EXPLICIT_YEAR.search(cand.text)
                written = year and reference and int(year.group(1)) >= reference.year - 5
                context = (sent, int(year.group(1))) if written else None
        return out

    @staticmethod
    def _clock_anchor(cand, found, reference, anchor, sent, sent_index) -> dt.date | None:
        """Date for a clock time without one: a day-date in the same sentence, else the
        narrative anchor from the previous sentence, else None (reference date)."""
        if not _CLOCK_ONLY.match(cand.span.text.strip()):
            return None
        for other in found:
            if other is cand or sent_index(other.span) != sent:
                continue
            if not _DATE_WORD.search(other.text) or _CLOCK_ONLY.match(other.span.text.strip()):
                continue
            timex = normalize(other.text, reference, verb_tense(other.span))
            if timex.precision == "day" and timex.start and timex.value != "PRESENT_REF":
                return timex.start
        if anchor and sent - anchor[0] <= 1:
            return anchor[1]
        return None

    # ------------------------------------------------------------ annotating

    @staticmethod
    def _set_annotations(doc: Doc, annotated: list[tuple[Span, Timex]]) -> None:
        spans = []
        for span, timex in annotated:
            labelled = Span(doc, span.start, span.end, label=timex.type)
            ext = labelled._  # each ``span._`` access builds a new accessor
            ext.timex = timex.value
            ext.timex_type = timex.type
            ext.date_start = timex.start.isoformat() if timex.start else None
            ext.date_end = timex.end.isoformat() if timex.end else None
            ext.date_precision = timex.precision
            ext.timex_status = timex.status
            spans.append(labelled)
        doc.spans[TIMEX_GROUP] = spans


def _parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _sentence_indexer(found: list[Candidate]):
    """Maps a span to the index of its sentence (0 when the Doc has no sentence boundaries)."""
    cache: dict[int, int] = {}
    by_span: dict[tuple[int, int], int] = {}  # the same spans are asked about repeatedly
    sentenced: list[bool] = []  # whether the (one) Doc has sentences, once known

    def index(span: Span) -> int:
        if not sentenced:
            doc = span.doc
            sentenced.append(doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
        if not sentenced[0]:
            return 0
        key = (span.start, span.end)
        if key not in by_span:
            start = span.sent.start
            if start not in cache:
                cache[start] = len(cache)
            by_span[key] = cache[start]
        return by_span[key]

    return index


def verb_tense(span: Span) -> str | None:
    """Tense ("past", "present", "future") of the verb governing ``span``, None if unknown."""
    doc = span.doc
    if not doc.has_annotation("TAG"):
        return None
    verb = _governing_verb(span.root) if doc.has_annotation("DEP") else None
    if _after_future_signal(span) and not (verb is not None and _is_past_perfect(verb)):
        return "future"  # "until Tuesday", but not "until Tuesday, they had not called"
    if verb is None:
        return None
    scheduled = _scheduling_modifier(span, verb)
    if scheduled is not None:
        verb = scheduled
    planning = verb.lemma_ in _PLANNING or verb.lower_ in _PLANNING
    if planning and span.start > verb.i and _planned_in_past(verb):
        # "protesters planned a rally on Saturday": the rally's day, either side of the
        # report; a fronted "On Friday, they planned ..." dates the planning itself
        return None
    return _tense_of(verb)


_SCHEDULED_ADJECTIVES = frozenset({"slated", "planned", "scheduled", "upcoming", "proposed"})
_SCHEDULED_WINDOW = 12  # tokens between the planned event's noun and its time


def _scheduling_modifier(span: Span, verb: Token) -> Token | None:
    """ "talking about the planned trip of the envoy in March": a time after a
    planned event's noun belongs to that event (whichever way the parser attached it), so
    it takes its tense from the planning participle, not from the clause."""
    doc = span.doc
    first = max(verb.i + 1, span.start - _SCHEDULED_WINDOW)
    for token in doc[first : span.start]:
        modifies_noun = token.dep_ in ("amod", "acl") and token.head.pos_ in ("NOUN", "PROPN")
        if token.lower_ in _SCHEDULED_ADJECTIVES and modifies_noun and token.head.i < span.start:
            return token
    return None


def _planned_in_past(verb: Token) -> bool:
    """A scheduling verb in the past ("planned", "had scheduled", or a participle such as
    "slated"/"planned for" modifying a noun in a past-tense clause)."""
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in verb.children if a.dep_ == "aux"):
        return True
    if verb.dep_ in ("amod", "acl") and verb.head is not verb:
        clause = _governing_verb(verb.head)
        return clause is not None and clause is not verb and _tense_of(clause) == "past"
    return False


def _is_past_perfect(verb: Token) -> bool:
    return any(c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass"))


_FUTURE_SIGNALS = ("until", "till", "as soon as", "as early as", "no later than")


def _after_future_signal(span: Span) -> bool:
    """ "until Tuesday", "as soon as Friday": a deadline or expectation, on or after today."""
    before = span.doc[max(0, span.start - 3) : span.start].text.lower()
    return any(before.endswith(signal) for signal in _FUTURE_SIGNALS)


def _governing_verb(token: Token) -> Token | None:
    seen = 0
    while seen < 8:
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            return token
        if token.head is token:
            return None
        token, seen = token.head, seen + 1
    return None


def _tense_of(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX:
        return "future"
    if "to" in lowers and verb.head is not verb:
        governor = verb.head
        if governor.lemma_ in _FUTURE_GOVERNORS or governor.lower_ in ("going", "due"):
            return "future"
    if verb.lemma_ in _SCHEDULING and verb.tag_ == "VBN" and not lowers & {"had"}:
        return "future"  # "has set a press briefing for Friday", "a summit set for April"
    if lowers & {"would", "could", "might", "may", "should", "must", "can"}:
        return None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if lowers & _PERFECT_AUX and "been" in lowers:
        return "past"  # "have been searching since ..."
    if verb.tag_ == "VBN" and (lowers & _PERFECT_AUX or not lowers):
        return "past"  # perfect, or a bare participle ("the ruling issued Thursday")
    if "Past" in verb.morph.get("Tense") and verb.tag_ != "VBN":
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or lowers & {"is", "are", "am"}:
        return "present"
    return None


@Language.factory("tnlp_time", default_config={})
def make_time_normalizer(nlp: Language, name: str) -> TimeNormalizer:
    """Factory of the ``tnlp_time`` component (place it after "ner")."""
    return TimeNormalizer(nlp, name)
