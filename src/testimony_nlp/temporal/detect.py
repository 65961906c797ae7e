"""Detection of temporal expressions in a Doc: spaCy's DATE/TIME entities, corrected to
TimeML extents, plus Matcher patterns for what the statistical NER misses.

Extent corrections (TimeML / TempEval-3 conventions):

- a leading "the" and leading prepositions are not part of the expression;
- ranges and lists ("from May to July", "between 1994 and 1997", "April 24 and 25",
  "1994, 1995 and 1997") are one TIMEX3 per member;
- ages ("a 44-year-old", "52 years old") are not temporal expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LIKE_NUM, LOWER, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .lexicon import MONTHS, NUMBER_WORDS, SET_ADVERBS, WEEKDAYS

ENTITY_LABELS = frozenset({"DATE", "TIME"})

_UNITS = ["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
          "century", "weekend", "night"]  # fmt: skip
_UNITS_ALL = _UNITS + [u + "s" for u in _UNITS] + ["centuries"]
_PLURAL_UNITS = [u + "s" for u in _UNITS if u not in ("weekend", "night")]
_WEEKDAYS_FULL = [w for w in WEEKDAYS if len(w) > 4]
_MONTHS_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_PODS = ["morning", "afternoon", "evening", "night"]
_LEAD_PREPS = ["in", "since", "until", "by", "of", "during", "before", "after", "from"]
_MONTH_TOKENS = sorted({*MONTHS, *(m + "." for m in MONTHS if len(m) <= 4)})
_NOT_TRIGGERS = frozenset({
    "a", "an", "the", "this", "that", "same", "last", "next", "coming", "in", "since", "until",
    "by", "of", "during", "before", "after", "from", "per", "every", "each", "other", "once",
    "twice", "thrice", "times", "million", "billion", "thousand", "hundred", "percent", "-",
    ",", "earlier", "later", "early", "late", "mid", "more", "additional", "full", "long",
    "ago", "several", "few", "couple", "many", "dozen", "half", "for", "recent", "interviews",
    "meetings", "calls", "visits", "meals", "shifts", "following", "previous", "regular", "eve",
})  # fmt: skip
_QUANTITY_WORDS = ["a", "an", "several", "few", "couple", "many", "dozen", "half"]
_DAY = {"TEXT": {"REGEX": r"^(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?$"}}
_MONTH_TITLE = {"LOWER": {"IN": _MONTH_TOKENS}, "IS_TITLE": True}
_YEAR = {"TEXT": {"REGEX": r"^(1[0-9]{3}|20[0-9]{2})$"}}
_HOLIDAY_TOKENS = [{"LOWER": {"IN": ["thanksgiving", "christmas", "easter", "halloween"]}},
                   {"LOWER": {"IN": ["day", "eve", "sunday", "week"]}, "OP": "?"}]  # fmt: skip


def default_patterns() -> list[dict]:
    """Matcher patterns for expressions the NER tends to miss, as ``{"label", "pattern"}``."""
    number = [{"LIKE_NUM": True}]
    patterns = [
        ("DATE", [{"LOWER": "now"}]),
        ("DATE", [{"LOWER": {"IN": ["currently", "nowadays"]}}]),
        ("DATE", [{"LOWER": "the", "OP": "?"},
                  {"LOWER": {"IN": ["near", "distant", "foreseeable"]}, "OP": "?"},
                  {"LOWER": "future"}]),
        ("DATE", [{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "past"}]),
        ("SET", [{"LOWER": {"IN": sorted(SET_ADVERBS)}}]),
        ("SET", [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": "other", "OP": "?"},
                 {"LOWER": {"IN": _UNITS + _WEEKDAYS_FULL + _PODS}}]),
        ("SET", [{"LOWER": {"IN": ["once", "twice", "thrice"]}},
                 {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}},
                 {"LOWER": {"IN": _UNITS}}]),
        ("SET", [*number, {"LOWER": "times"}, {"LOWER": {"IN": ["a", "an", "per"]}},
                 {"LOWER": {"IN": _UNITS}}]),
        ("SET", [{"LOWER": "per"}, {"LOWER": {"IN": _UNITS}}]),
        ("SET", [{"LOWER": "a"}, {"LOWER": {"IN": ["daily", "weekly", "monthly", "yearly",
                                                     "annual", "regular"]}},
                 {"LOWER": "basis"}]),
        ("DATE", [{"LOWER": {"IN": ["last", "next", "this", "past", "coming"]}, "OP": "?"},
                  {"LOWER": {"IN": _WEEKDAYS_FULL}, "IS_TITLE": True},
                  {"LOWER": {"IN": _PODS}, "OP": "?"}]),
        ("DATE", [{"LOWER": {"IN": [*_LEAD_PREPS, "last", "next", "this", "early", "late",
                                     "mid"]}},
                  {"LOWER": {"IN": _MONTHS_FULL}, "IS_TITLE": True},
                  {**_YEAR, "OP": "?"}]),
        ("DATE", [{"LOWER": {"IN": _MONTH_TOKENS}}, _DAY,
                  {"ORTH": ",", "OP": "?"}, {**_YEAR, "OP": "?"}]),
        # "9 February 2021", which the NER sometimes labels EVENT or CARDINAL
        ("DATE", [_DAY, _MONTH_TITLE, {**_YEAR, "OP": "?"}]),
        # "the night of 9 February", "the morning of March 3, 2020"
        ("DATE", [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": _PODS}}, {"LOWER": "of"},
                  _DAY, _MONTH_TITLE, {**_YEAR, "OP": "?"}]),
        ("DATE", [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": _PODS}}, {"LOWER": "of"},
                  _MONTH_TITLE, _DAY, {"ORTH": ",", "OP": "?"}, {**_YEAR, "OP": "?"}]),
        ("DATE", [{"LOWER": {"IN": ["last", "next", "this", "past", "coming"]}, "OP": "?"},
                  *_HOLIDAY_TOKENS]),
        ("DATE", [{"SHAPE": {"IN": ["xxxx-dddd", "xxx-dddd", "xxxx-ddddx", "xxx-ddddx"]},
                   "TEXT": {"REGEX": r"^(?:post|pre|mid)-(?:1[0-9]{3}|20[0-9]{2})s?$"}}]),
        ("DATE", [{"LOWER": {"IN": ["that", "same", "this"]}}, {"LOWER": "same", "OP": "?"},
                  {"LOWER": {"IN": ["day", *_PODS]}}]),
        ("DATE", [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": "that"},
                  {"LOWER": {"IN": ["day", "week", "month", "year", *_PODS]}}]),
        ("DATE", [{"LOWER": "the"}, {"LOWER": {"IN": ["next", "following", "previous"]}},
                  {"LOWER": {"IN": ["day", *_PODS]}}]),
        ("DATE", [{"LOWER": "the"}, {"LOWER": {"IN": ["day", *_PODS]}},
                  {"LOWER": {"IN": ["before", "after"]}}]),
        ("DURATION", [{"LIKE_NUM": True}, {"LIKE_NUM": True, "OP": "?"},
                      {"LOWER": {"IN": ["more", "additional", "full", "long"]}, "OP": "?"},
                      {"LOWER": {"IN": _UNITS_ALL}},
                      {"LOWER": {"IN": ["ago", "later", "earlier"]}, "OP": "?"}]),
        ("DURATION", [{"LOWER": {"IN": _QUANTITY_WORDS}},
                      {"LOWER": {"IN": ["few", "couple", "dozen", "more", "of"]}, "OP": "?"},
                      {"LOWER": {"IN": [u for u in _UNITS_ALL if u != "second"]}},
                      {"LOWER": {"IN": ["ago", "later", "earlier"]}, "OP": "?"}]),
        ("FREQ", [{"LIKE_NUM": True}, {"LOWER": {"IN": ["million", "billion", "thousand",
                                                         "hundred", "times", "percent"]},
                                       "OP": "?"},
                  {"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": _UNITS}}]),
        ("FREQ", [{"LOWER": {"IN": ["interviews", "meetings", "calls", "visits", "hours",
                                     "times", "meals", "shifts"]}},
                  {"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": _UNITS}}]),
        ("DATE", [{"LOWER": {"IN": ["the", "this", "last", "next"]}}, {"LOWER": "weekend"}]),
        ("DATE", [{"LOWER": {"IN": ["today", "tonight", "yesterday", "tomorrow"]}}]),
        ("TIME", [{"SHAPE": {"IN": ["d", "dd", "d:dd", "dd:dd", "d.dd", "dd.dd"]}},
                  {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]}}]),
        ("TIME", [{"SHAPE": {"IN": ["dxx", "ddxx", "d:ddxx", "dd:ddxx", "dx.x.", "ddx.x."]},
                   "TEXT": {"REGEX": r"^\d{1,2}(:\d\d)?(am|pm|a\.m\.|p\.m\.)$"}}]),
        ("TIME", [{"LOWER": {"IN": ["noon", "midday", "midnight"]}}]),
        ("DURATION", [{"LIKE_NUM": True}, {"ORTH": "-"}, {"LOWER": {"IN": _UNITS}},
                      {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["long"]}, "OP": "?"}]),
        ("DURATION", [{"LOWER": {"IN": _UNITS + _PLURAL_UNITS}}, {"ORTH": "-"},
                      {"LOWER": "long"}]),
        ("DURATION", [{"LOWER": "for"}, {"LOWER": {"IN": _PLURAL_UNITS}}]),
        ("DURATION", [{"LOWER": {"IN": ["recent", "coming"]}},
                      {"LOWER": {"IN": _PLURAL_UNITS}}]),
    ]  # fmt: skip
    return [{"label": label, "pattern": pattern} for label, pattern in patterns]


# First words so common that a window nearly always holds one: their patterns run everywhere.
_COMMON_STARTS = frozenset({"the", "a", "an", "in", "of", "for", "that"})
_COMMON_SHAPES = frozenset({"d", "dd"})
_ALWAYS = 1  # bucket bit of the patterns every window tries


class TriggeredMatcher:
    """A spaCy Matcher run only around trigger tokens, with only the patterns that can start
    there.

    The Matcher's cost grows with tokens x patterns; temporal expressions are rare, so the
    tokens that can take part in a match (any word named in a pattern, any number-like
    token) are found with set lookups over the Doc's columns, and a Matcher runs on the
    merged windows around them. A pattern can only match where its first token does, so
    the patterns are put in buckets by their first word (or shape), and each window runs a
    Matcher holding just the buckets its words call for (built once per combination). The
    patterns keep their relative order, so the matches, their greedy filtering and their
    order are those of one Matcher holding every pattern.
    """

    WINDOW = 5  # longest pattern length
    BUCKETS = 8  # buckets for the less common first words

    def __init__(self, vocab: Vocab, patterns: list[dict]) -> None:
        self.vocab = vocab
        self._lower_bits: dict[int, int] = {}
        self._shape_bits: dict[int, int] = {}
        by_label: dict[str, list[list[dict]]] = {}
        for entry in patterns:
            for pattern in expand_first_token(entry["pattern"]):
                by_label.setdefault(entry["label"], []).append(pattern)
        # (label, pattern, bucket bit) in the order one Matcher of every pattern would hold
        self._ordered = [
            (label, pattern, self._start_bit(pattern[0]))
            for label, group in by_label.items()
            for pattern in group
        ]
        # one Matcher of every pattern validates them all now, as spaCy does on ``add``
        everything = _ALWAYS
        for _, _, bit in self._ordered:
            everything |= bit
        self._matchers: dict[int, Matcher | None] = {}
        self.matcher = self._matcher_for(everything, validate=True)
        words, shapes = _pattern_values(patterns)
        strings = vocab.strings
        self._words = frozenset(strings.add(w) for w in words)
        self._shapes = frozenset(strings.add(w) for w in shapes)

    def __call__(self, doc: Doc) -> list[Span]:
        if len(doc) == 0:
            return []
        lower, shape, like_num = doc.to_array([LOWER, SHAPE, LIKE_NUM]).T.tolist()
        words, shapes = self._words, self._shapes
        hits = [
            i
            for i, (word, form, number) in enumerate(zip(lower, shape, like_num, strict=True))
            if number or word in words or form in shapes
        ]
        lower_bits, shape_bits = self._lower_bits, self._shape_bits
        spans: list[Span] = []
        for start, end in _windows(hits, len(doc), self.WINDOW):
            mask = _ALWAYS
            for i in range(start, end):
                mask |= lower_bits.get(lower[i], 0) | shape_bits.get(shape[i], 0)
            matcher = self._matcher_for(mask)
            if matcher is not None:
                spans.extend(matcher(doc[start:end], as_spans=True))
        return spans

    def _start_bit(self, first: dict) -> int:
        """Bucket bit of a pattern, from the word or shape its (required) first token has."""
        for attr, table in (("LOWER", self._lower_bits), ("SHAPE", self._shape_bits)):
            value = first.get(attr)
            if not isinstance(value, str):
                continue
            if value in (_COMMON_STARTS if attr == "LOWER" else _COMMON_SHAPES):
                return _ALWAYS
            key = self.vocab.strings.add(value)
            table[key] = 1 << (1 + key % self.BUCKETS)
            return table[key]
        return _ALWAYS  # a number (in nearly every window) or a first token of another kind

    def _matcher_for(self, mask: int, validate: bool = False) -> Matcher | None:
        """The Matcher of the patterns in the buckets of ``mask`` (None if there are none)."""
        if mask in self._matchers:
            return self._matchers[mask]
        groups: dict[str, list[list[dict]]] = {}
        for label, pattern, bit in self._ordered:
            if bit & mask:
                groups.setdefault(label, []).append(pattern)
        matcher = Matcher(self.vocab, validate=validate) if groups else None
        for label, group in groups.items():
            matcher.add(label, group, greedy="LONGEST")
        self._matchers[mask] = matcher
        return matcher


def _windows(indices: list[int], length: int, width: int) -> list[tuple[int, int]]:
    """Merged ``[i - width, i + width)`` windows around the trigger indices."""
    windows: list[tuple[int, int]] = []
    for i in indices:
        start, end = max(0, i - width), min(length, i + width + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _pattern_values(patterns: list[dict]) -> tuple[set[str], set[str]]:
    """Trigger words (every LOWER/ORTH/TEXT word named by the patterns except function
    words, which every pattern that uses them pairs with a time word) and SHAPEs."""
    words: set[str] = set()
    shapes: set[str] = set()
    for entry in patterns:
        for token in entry["pattern"]:
            for key, value in token.items():
                values = value.get("IN", []) if isinstance(value, dict) else [value]
                target = shapes if key == "SHAPE" else words
                if key in ("LOWER", "ORTH", "TEXT", "SHAPE"):
                    target.update(v.lower() if key != "SHAPE" else v for v in values
                                  if isinstance(v, str))  # fmt: skip
    return words - _NOT_TRIGGERS, shapes


def build_matcher(vocab: Vocab, patterns: list[dict]) -> TriggeredMatcher:
    """The component's matcher for a list of ``{"label", "pattern"}`` entries."""
    return TriggeredMatcher(vocab, patterns)


def expand_first_token(pattern: list[dict]) -> list[list[dict]]:
    """Equivalent patterns whose first token is required and has no ``IN`` predicate."""
    if not pattern:
        return []
    first, rest = dict(pattern[0]), pattern[1:]
    out: list[list[dict]] = []
    if first.pop("OP", None) == "?":
        out.extend(expand_first_token(rest))
    choices = [first]
    for key, value in first.items():
        if isinstance(value, dict) and set(value) == {"IN"}:
            choices = [{**first, key: item} for item in value["IN"]]
            break
    out.extend([choice, *rest] for choice in choices)
    return out


_AGE_NUMBER = "|".join(["\\d+", *NUMBER_WORDS])
_AGE = re.compile(
    rf"\b(?:{_AGE_NUMBER})[- ](?:year|month|week|day)s?[- ]old\b|\baged?\b|\bage of\b", re.I
)
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your", "its"})
_LEADING_DROP = frozenset({"the", *_LEAD_PREPS, "on", "at", "for", "between"})
_POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'"})  # "last Tuesday's hearing"
_RANGE_WORDS = frozenset({"to", "and", "through", "thru", "until", "till", "or", "-", "\u2013"})
_LIST_SEPARATORS = _RANGE_WORDS | {","}
_RANGE_STARTERS = frozenset({"from", "between"})
_DAY_NUMBER = re.compile(r"^(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?$")
_YEAR_IN = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_MONTH_IN = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)


@dataclass(slots=True)
class Candidate:
    """A detected expression: the span to annotate and the text to normalise."""

    span: Span
    text: str  # what normalize() sees (may borrow a month or year from a range partner)
    label: str  # label hint from the detector (DATE, TIME, DURATION, SET)


def candidates(doc: Doc, matcher: TriggeredMatcher, normalizes) -> list[Candidate]:
    """All temporal expressions in ``doc`` with TimeML extents, in document order.

    Args:
        doc: A Doc, ideally with NER (``doc.ents``); blank Docs get the Matcher only.
        matcher: The Matcher built from the component's patterns.
        normalizes: ``text -> bool`` telling whether a text is a temporal expression the
            grammar understands (used to decide whether a range splits).
    """
    entities = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    matched = matcher(doc)
    result: list[Candidate] = []
    spans = _merge_clock_dates(doc, _prefer_longest(entities, matched), normalizes)
    for span in _merge_adjacent(doc, spans, normalizes):
        if _is_age(span) or _is_name(span) or _is_bare_ambiguous_month(span):
            continue
        if _introduces_clause(span):
            continue
        if span.label_ == "FREQ":  # "$1 billion a year": the SET is "a year"
            unit = span[-1]
            result.append(Candidate(span[-2:], f"per {unit.lower_}", "SET"))
            continue
        result.extend(_split(span, normalizes))
    return result


def _prefer_longest(entities: list[Span], matched: list[Span]) -> list[Span]:
    """Non-overlapping spans: longest first, the NER's extent winning ties."""
    ranked = sorted(
        [(e, 0) for e in entities] + [(m, 1) for m in matched],
        key=lambda item: (-_core_length(item[0]), item[1], item[0].start),
    )
    taken: set[int] = set()
    kept = []
    for span, _ in ranked:
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda span: span.start)


def _core_length(span: Span) -> int:
    """Length without leading prepositions and articles (what the extent will keep)."""
    trimmed = _trim(span) if span.label_ != "FREQ" else span
    return len(trimmed) if trimmed is not None else 0


_CLOCK_TEXT = re.compile(r"\d(?::\d\d)?\s*(?:a\.?m|p\.?m)\b\.?|\b(?:noon|midnight)$", re.I)
_TZ_WORDS = frozenset({"est", "edt", "gmt", "utc", "cst", "cdt", "pst", "pdt", "mst", "mdt",
                       "local", "time", "on", ","})  # fmt: skip


def _merge_clock_dates(doc: Doc, spans: list[Span], normalizes) -> list[Span]:
    """ "9 a.m. EST Tuesday" is one TIMEX3: join a clock time to a date right after it."""
    out: list[Span] = []
    for span in spans:
        if out and _CLOCK_TEXT.search(out[-1].text) and span.label_ == "DATE":
            gap = doc[out[-1].end : span.start]
            if len(gap) <= 2 and all(t.lower_ in _TZ_WORDS for t in gap):
                merged = Span(doc, out[-1].start, span.end, label="TIME")
                if normalizes(merged.text):
                    out[-1] = merged
                    continue
        out.append(span)
    return out


_PART_OF_DAY_WORDS = frozenset({"morning", "afternoon", "evening", "night"})
_RELATIVE_DAY = frozenset({"before", "after"})


def _merge_adjacent(doc: Doc, spans: list[Span], normalizes) -> list[Span]:
    """Join two touching spans that are one expression: "early Friday" + "morning" (the NER
    often labels the part of day apart), "the day before" + "last Tuesday"."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].end == span.start and _continues(out[-1], span):
            merged = Span(doc, out[-1].start, span.end, label="DATE")
            if normalizes(_trim(merged).text if _trim(merged) is not None else merged.text):
                out[-1] = merged
                continue
        out.append(span)
    return out


def _continues(first: Span, second: Span) -> bool:
    if second.text.lower() in _PART_OF_DAY_WORDS:
        return True
    return first[-1].lower_ in _RELATIVE_DAY and first[-2].lower_ == "day"


_NAME_WORDS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "noon", "midnight", "morning",
    "afternoon", "evening", "night", "tonight", "today", "yesterday", "tomorrow", "now",
    "daily", "weekly", "monthly", "decade", "decades", "century", "future", "past",
})  # fmt: skip
_OPENERS = frozenset({".", "!", "?", "`", "``", '"', "'", "''", "(", "[", ":", ";", "--", "_", "-"})


def _is_name(span: Span) -> bool:
    """Time words inside titles and names ("High Noon", CBS's "60 Minutes") are not times:
    a word written in lower case in running text is capitalised here mid-sentence, or the
    idiom "high noon" (a decisive moment)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ == "high" and span[0].lower_ == "noon":
        return True
    for token in span:
        if token.lower_ in _NAME_WORDS and token.is_title and not _starts_sentence(token):
            return not _title_case_line(token)
    return False


def _starts_sentence(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    previous = token.doc[token.i - 1]
    return previous.text in _OPENERS or previous.is_space


def _title_case_line(token: Token) -> bool:
    """Headlines capitalise every word: the rule above does not apply to them."""
    sent = token.sent if token.doc.has_annotation("SENT_START") else token.doc[:]
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) > 0.7 * len(words)


_AMBIGUOUS_MONTHS = frozenset({"march", "may"})
_MONTH_CONTEXT = frozenset({
    *_LEAD_PREPS, "on", "to", "through", "till", "last", "next", "this", "early", "late",
    "mid", "-", "and", "or", ",", "that", "every", "each", "between", "until", "in", "the",
    "for", "around", "throughout", "within", "than", "as", "'s",
})  # fmt: skip


def _is_bare_ambiguous_month(span: Span) -> bool:
    """ "March" and "May" alone are a month only in a date context (a day or year beside
    them, or a preposition or determiner before): not "the annual March for Life"."""
    core = _trim(span)
    if core is None or len(core) != 1 or core[0].lower_ not in _AMBIGUOUS_MONTHS:
        return False
    doc = span.doc
    before = doc[core.start - 1].lower_ if core.start > 0 else ""
    after = doc[core.end] if core.end < len(doc) else None
    if after is not None and (
        _DAY_NUMBER.match(after.text) or _YEAR_IN.fullmatch(after.text) or after.lower_ == "'s"
    ):
        return False  # "May 8", "March 2014", "March's vote"
    following = doc[core.end : core.end + 2]
    if len(following) == 2 and following[0].lower_ in ("for", "on", "of") and following[1].is_title:
        return True  # "the March for Life", "the March on Washington": an event's name
    return before not in _MONTH_CONTEXT


def _introduces_clause(span: Span) -> bool:
    """ "the day before officers searched his flat", "later in the day before flying back":
    "before" starts a clause of its own, so "the day before" is no anaphoric date."""
    core = _trim(span)
    if core is None or len(core) < 2 or core[-1].lower_ not in _RELATIVE_DAY:
        return False
    if core[-2].lower_ != "day":
        return False
    doc = span.doc
    following = doc[core.end : core.end + 2]
    if not len(following) or following[0].is_punct or following[0].is_space:
        return False
    if following[0].tag_ in ("VBG", "PRP") or core[-1].dep_ == "mark":
        return True
    return len(following) == 2 and following[1].tag_ in ("VBD", "VBZ", "VBP", "MD")


_DECADE = re.compile(r"(?:early |late |mid-?)?\d0'?s")


def _is_age(span: Span) -> bool:
    """ "a 44-year-old", "Kopp, 44,", "in his 30s" are ages, not times."""
    text = span.text
    if _AGE.search(text) or _BARE_NUMBER.match(text):
        return True
    doc = span.doc
    following = [doc[i].lower_ for i in range(span.end, min(span.end + 2, len(doc)))]
    if (following[:1] == ["old"] or following == ["-", "old"]) and _HAS_NUMBER.search(text):
        return True  # "44-year" + "-old"
    decade = _DECADE.fullmatch(text)
    return bool(decade) and span.start > 0 and doc[span.start - 1].lower_ in _POSSESSIVES


def _trim(span: Span) -> Span | None:
    """Drop leading "the" and prepositions, trailing punctuation and possessive marks."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1:
        lower = doc[start].lower_
        if lower not in _LEADING_DROP:
            break
        if lower == "at" and doc[start + 1].lower_ in ("least", "most"):
            break  # "at least 72 hours" keeps its modifier
        start += 1
    while end > start + 1:
        last = doc[end - 1]
        lower = last.lower_
        droppable = lower in _RANGE_WORDS or lower in _POSSESSIVE_MARKS
        if not (droppable or (last.is_punct and last.text != ".")):
            break
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label)


def _norm_text(span: Span, trimmed: Span) -> str:
    """The text to normalise: the trimmed extent, with its article ("the weekend")."""
    doc = span.doc
    if trimmed.start > span.start and doc[trimmed.start - 1].lower_ == "the":
        return doc[trimmed.start - 1 : trimmed.end].text
    return trimmed.text


def _split(span: Span, normalizes) -> list[Candidate]:
    """One candidate, or one per member of a range or list."""
    tokens = list(span)
    has_range_word = any(t.lower_ in _RANGE_WORDS for t in tokens[1:-1])
    whole = _trim(span)
    if whole is None:
        return []
    single = Candidate(whole, _norm_text(span, whole), span.label_)
    if not has_range_word and normalizes(single.text):
        return [single]
    if not any(t.lower_ in _LIST_SEPARATORS for t in tokens[1:-1]):
        return [single]
    parts = _parts(span)
    if len(parts) < 2:
        return [single]
    texts = _inherit(parts)
    if not all(normalizes(text) for text in texts):
        return [single]
    out = []
    for part, text in zip(parts, texts, strict=True):
        trimmed = _trim(part)
        if trimmed is not None:
            out.append(Candidate(trimmed, text, span.label_))
    return out


def _parts(span: Span) -> list[Span]:
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].lower_ in _RANGE_STARTERS:
        start += 1
    parts, begin = [], start
    for i in range(start, span.end):
        if doc[i].lower_ in _LIST_SEPARATORS:
            if i > begin:
                parts.append(Span(doc, begin, i, label=span.label))
            begin = i + 1
    if begin < span.end:
        parts.append(Span(doc, begin, span.end, label=span.label))
    # "2 p.m." keeps its "." etc.: drop empty or pure-punctuation parts
    return [p for p in parts if any(not t.is_punct for t in p)]


def _inherit(parts: list[Span]) -> list[str]:
    """Texts to normalise: a bare day borrows the month before it, and members without a
    year borrow the year written on the last member ("May to July 2014")."""
    texts = [p.text for p in parts]
    month = None
    for i, text in enumerate(texts):
        found = _MONTH_IN.search(text)
        if found:
            month = found.group(0)
        elif month and _DAY_NUMBER.match(text.strip()):
            texts[i] = f"{month} {text.strip()}"
    year = _YEAR_IN.search(texts[-1])
    if year:
        for i, text in enumerate(texts[:-1]):
            if not _YEAR_IN.search(text) and _MONTH_IN.search(text):
                texts[i] = f"{text} {year.group(0)}"
    return texts
