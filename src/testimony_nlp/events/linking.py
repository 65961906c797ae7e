"""Date and place linking with narrative anchoring.

An event takes the temporal expression of its own clause, else of its sentence (source
``sentence``). A sentence without one continues the narrative: its events take the current
narrative time (source ``context``), kept while the story goes on and reset at a paragraph
that opens a new time frame (it holds an explicit date of its own). Expressions anchored on
the previous event ("two days later", "the next day", "that evening") are resolved from that
event's date. Durations and sets (frequencies) never date an event; present-tense or habitual
statements do not inherit. Places follow the same clause > sentence > context order, the
context being limited to the paragraph.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .docindex import doc_index, kids
from .roles import is_headline
from .status import attached_clause, clause_head, is_past

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
PLACE_LABELS = ("GPE", "LOC", "FAC")
EVENT_DATE_TYPES = ("DATE", "TIME")
TEMPORAL_PREPS = frozenset({"after", "before", "since", "until", "till", "prior", "following"})

try:  # the time stage's helper for event-anchored expressions, when it exists
    from testimony_nlp.temporal import anchor_relative as _anchor_relative  # type: ignore
except ImportError:  # pragma: no cover - depends on the time engineer's module
    _anchor_relative = None


@dataclass(slots=True)
class DateValue:
    """A resolved event date."""

    text: str | None
    start: str | None
    end: str | None
    precision: str | None
    source: str = "none"

    def as_fields(self) -> dict:
        return {
            "date_text": self.text,
            "date_start": self.start,
            "date_end": self.end,
            "date_precision": self.precision,
            "date_source": self.source,
        }


NO_DATE = DateValue(None, None, None, None, "none")


@dataclass(slots=True)
class Timex:
    span: Span
    type: str
    start: str | None
    end: str | None
    precision: str | None
    value: str | None = None

    @property
    def explicit(self) -> bool:
        """A date fixed in the text itself, not anchored on another event."""
        return self.start is not None and not is_event_relative(self.span.text)

    @property
    def usable(self) -> bool:
        """Dates an event: not a vague reference to the present/past/future ("now")."""
        return not (self.value or "").endswith("_REF")


def timexes(doc: Doc) -> list[Timex]:
    """Temporal expressions of the time stage, or bare DATE/TIME entities when it did not run
    (read once per Doc: every event asks)."""
    memo = doc_index(doc).memo
    if "timexes" not in memo:
        memo["timexes"] = read_timexes(doc)
    return memo["timexes"]


def read_timexes(doc: Doc) -> list[Timex]:
    found = []
    if "timex" in doc.spans:
        for span in doc.spans["timex"]:
            ttype = getattr(span._, "timex_type", None) or span.label_
            found.append(
                Timex(
                    span,
                    ttype,
                    span._.date_start,
                    span._.date_end,
                    span._.date_precision,
                    span._.timex,
                )
            )
    else:
        for ent in doc_index(doc).ents:
            if ent.label_ in EVENT_DATE_TYPES:
                start = ent._.date_start if Span.has_extension("date_start") else None
                end = ent._.date_end if Span.has_extension("date_end") else None
                prec = ent._.date_precision if Span.has_extension("date_precision") else None
                found.append(Timex(ent, ent.label_, start, end, prec))
    return [t for t in found if t.type in EVENT_DATE_TYPES and t.usable]


# ---------------------------------------------------------------- relative anchoring

RELATIVE = re.compile(
    r"^(?:(?P<n>\w+) (?P<unit>day|week|month|year)s? (?:later|after(?:wards)?)"
    r"|(?:the )?(?P<next>next|following) (?P<unit2>day|morning|evening|night|week|month|year)"
    r"|(?:that|the same) (?P<same>day|morning|evening|night|afternoon)"
    r"|(?:the )?day after)$",
    re.IGNORECASE,
)
NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "an": 1,
    "few": 3,
    "several": 3,
}


def is_event_relative(text: str) -> bool:
    return RELATIVE.match(text.strip()) is not None


def anchor_relative(text: str, anchor: DateValue) -> DateValue | None:
    """Resolve "two days later" / "the next day" / "that evening" against an event date.

    Uses ``testimony_nlp.temporal.anchor_relative`` when the time stage provides it; this
    local fallback handles day, week, month and year offsets.
    """
    if _anchor_relative is not None:
        result = _anchor_relative(text, anchor.start, anchor.end, anchor.precision)
        if result:
            start, end, precision = result
            return DateValue(text, start, end, precision, "context")
    match = RELATIVE.match(text.strip())
    if not match or anchor.start is None:
        return None
    start = dt.date.fromisoformat(anchor.start)
    if match.group("same"):
        return DateValue(text, anchor.start, anchor.end, anchor.precision, "context")
    if match.group("n"):
        count = NUMBERS.get(match.group("n").lower()) or int_or_none(match.group("n"))
        unit = match.group("unit").lower()
    else:
        count, unit = 1, (match.group("unit2") or "day").lower()
        if unit in ("morning", "evening", "night"):
            unit = "day"
    if count is None:
        return None
    if unit in ("day", "week") and anchor.precision in COARSE_PRECISIONS:
        # "two days later" after "in the spring of 2019": still that spring
        return DateValue(text, anchor.start, anchor.end, anchor.precision, "context")
    if unit == "week" and anchor.precision == "day" and count > 1:
        # "two weeks later" is an approximate lapse: the month it lands in
        day = start + dt.timedelta(weeks=count)
        last = calendar.monthrange(day.year, day.month)[1]
        month = f"{day.year}-{day.month:02d}"
        return DateValue(text, f"{month}-01", f"{month}-{last}", "month", "context")
    if unit == "day" and anchor.precision == "day":
        day = start + dt.timedelta(days=count)
        return DateValue(text, day.isoformat(), day.isoformat(), "day", "context")
    if unit == "week" and anchor.precision == "day":
        day = start + dt.timedelta(weeks=count)
        return DateValue(text, day.isoformat(), day.isoformat(), "day", "context")
    if unit == "month" and anchor.precision in ("day", "month"):
        month = start.month - 1 + count
        year, month = start.year + month // 12, month % 12 + 1
        last = calendar.monthrange(year, month)[1]
        return DateValue(
            text, f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last}", "month", "context"
        )
    if unit == "year" and anchor.precision in ("day", "month", "year"):
        year = start.year + count
        return DateValue(text, f"{year}-01-01", f"{year}-12-31", "year", "context")
    return None


COARSE_PRECISIONS = frozenset({"week", "month", "season", "quarter"})
YEAR = re.compile(r"\b\d{4}\b|\b(?:year|ago|last|next|this)\b", re.IGNORECASE)


def reanchor_yearless(tx: Timex, current: DateValue | None) -> tuple[str, str] | None:
    """A month or season named without a year ("in the summer", "in May") takes its year from
    the story being told, not from the publication date: its first occurrence from the
    narrative's current date on, when that is earlier than the time stage's reading."""
    if current is None or current.start is None or tx.start is None or tx.end is None:
        return None
    if current.precision not in ("day", "week", "month", "season"):
        return None  # "fled in 2019" is background; "In July" then means the news's July
    if tx.precision not in ("month", "season") or YEAR.search(tx.span.text):
        return None
    start, end = dt.date.fromisoformat(tx.start), dt.date.fromisoformat(tx.end)
    now = dt.date.fromisoformat(current.start)
    for year in range(now.year, start.year):
        shift = year - start.year
        new_start = shift_year(start, shift)
        if new_start.year > now.year or (
            new_start.year == now.year and new_start >= now.replace(day=1)
        ):
            return new_start.isoformat(), shift_year(end, shift).isoformat()
    return None


def shift_year(day: dt.date, years: int) -> dt.date:
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def int_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() else None


# ---------------------------------------------------------------- structure helpers


def paragraph_ids(doc: Doc) -> list[int]:
    """Paragraph number of each sentence (blank lines separate paragraphs).

    Several steps ask for it; it is computed once per Doc, kept with the Doc's index.
    """
    index = doc_index(doc)
    if "paragraph_ids" in index.memo:
        return index.memo["paragraph_ids"]
    ids, breaks = [], 0
    bounds = [*index.sent_starts[1:], len(doc)]
    for sent, end in zip(index.sents, bounds, strict=False):
        ids.append(breaks)
        end_char = doc[end].idx if end < len(doc) else len(index.text)
        breaks += len(PARAGRAPH_BREAK.findall(index.text, sent.start_char, end_char))
    index.memo["paragraph_ids"] = ids
    return ids


def temporal_subordinate(token: Token) -> Token | None:
    """The "after/before/since/until" word whose phrase contains the token, if any."""
    current = token
    while current.head.i != current.i:
        if current.lower_ in TEMPORAL_PREPS and current.dep_ in ("prep", "mark"):
            return current
        current = current.head
    return current if current.lower_ in TEMPORAL_PREPS else None


def span_head(span: Span) -> Token:
    return span.root


def iterative(anchor: Token, lex_iterative: frozenset[str]) -> bool:
    """ "often harassed", "repeatedly tried": a series, not a datable incident."""
    current, seen = anchor, 0
    while seen < 4:
        if any(c.lower_ in lex_iterative for c in kids(current) if c.dep_ == "advmod"):
            return True
        if current.head.i == current.i or current.dep_ in ("ROOT", "advcl", "ccomp", "relcl"):
            return False
        current, seen = current.head, seen + 1
    return False


def pick_in_sentence(anchor: Token, spans: list, head_of) -> tuple[object | None, str]:
    """Choose among the sentence's expressions: same clause first, never across a
    temporal subordinate ("after weeks in which I was harassed, ... in May")."""
    sub = temporal_subordinate(anchor)
    anchor_clause = clause_head(anchor)
    usable = []
    for item in spans:
        head = head_of(item)
        if not governs_or_within(attached_clause(head), head, anchor):
            continue
        item_sub = temporal_subordinate(head)
        if sub is not None and (item_sub is None or item_sub != sub):
            continue
        # a time inside another clause's "after ..." phrase does not date this event
        foreign = item_sub is not None and item_sub.head.i != anchor_clause.i
        if sub is None and foreign and not is_ancestor(item_sub, anchor):
            continue
        usable.append(item)
    if not usable:
        return None, "blocked" if spans else "none"
    same_clause = [s for s in usable if attached_clause(head_of(s)).i == anchor_clause.i]
    if same_clause:
        return min(same_clause, key=lambda s: abs(head_of(s).i - anchor.i)), "clause"
    return min(usable, key=lambda s: abs(head_of(s).i - anchor.i)), "sentence"


def governs_or_within(item_clause: Token, item: Token, anchor: Token) -> bool:
    """An expression applies to an event when its clause dominates the event's (main clause,
    coordinated clauses) or when it sits inside the event's own phrase ("a visa I got
    in the autumn"); not when it belongs to some other subordinate clause."""
    if item_clause.i == anchor.i or is_ancestor(item_clause, anchor):
        return True
    return is_ancestor(anchor, item)


def is_ancestor(ancestor: Token, token: Token) -> bool:
    return any(a.i == ancestor.i for a in token.ancestors)


# ---------------------------------------------------------------- linkers


class NarrativeLinker:
    """Walks a document's events in order, keeping the narrative's current time and place."""

    def __init__(self, doc: Doc, iterative_adverbs: frozenset[str]):
        self.doc = doc
        index = doc_index(doc)
        self.sents = index.sents
        self.paragraph = paragraph_ids(doc)
        self.timexes = timexes(doc)
        self.places = [e for e in index.ents if e.label_ in PLACE_LABELS]
        self.iterative_adverbs = iterative_adverbs
        self.current_date: DateValue | None = None
        self.current_place: tuple[int, dict] | None = None  # (paragraph, fields)
        self.last_event_date: DateValue | None = None
        self._last_sentence = -1
        self._relative: dict[int, DateValue | None] = {}
        self.story_date: DateValue | None = None  # the last date told, never reset
        self._home: list[Span] | None = None
        self._reset_paragraphs = self.paragraphs_with_new_time_frame()

    def paragraphs_with_new_time_frame(self) -> set[int]:
        """Paragraphs that tell an explicit date in a past-tense sentence: the story moves to
        a new time there. A date in background told in the present ("since April 2017 the
        faith has been treated as a crime") does not interrupt the story's time."""
        starts = set()
        for tx in self.timexes:
            if not tx.explicit:
                continue
            k = self.sentence_index(tx.span.start)
            if is_past(self.sents[k].root):
                starts.add(self.paragraph[k])
        return starts

    def sentence_index(self, token_i: int) -> int:
        for k, sent in enumerate(self.sents):
            if sent.start <= token_i < sent.end:
                return k
        return len(self.sents) - 1

    def advance_to(self, sent_index: int) -> None:
        """Move the narrative clock to a sentence: paragraph resets, dates told on the way."""
        for k in range(self._last_sentence + 1, sent_index + 1):
            para = self.paragraph[k]
            starts_paragraph = k == 0 or para != self.paragraph[k - 1]
            if starts_paragraph and para in self._reset_paragraphs:
                self.current_date = None
            sent = self.sents[k]
            if k < sent_index:
                self.note_sentence_time(sent)
                self.note_sentence_place(sent, para)
        self._last_sentence = max(self._last_sentence, sent_index)

    def places_in(self, sent: Span) -> list[Span]:
        return [p for p in self.places if sent.start <= p.start < sent.end]

    def note_sentence_place(self, sent: Span, para: int) -> None:
        """A past-tense sentence set in one town, though it tells no event, sets the
        paragraph's place ("monitors recorded pressure on his family in Kulob")."""
        if not is_past(sent.root):
            return
        towns = [p for p in self.places_in(sent) if is_town(p)]
        if len(towns) == 1:
            self.current_place = (para, self.town_fields(towns[0]))

    def note_sentence_time(self, sent: Span) -> None:
        """A past-tense sentence with an explicit date moves the narrative time."""
        if not is_past(sent.root):
            return
        own = [t for t in self.timexes if sent.start <= t.span.start < sent.end and t.explicit]
        if own:
            root_clause = [t for t in own if attached_clause(t.span.root).i == sent.root.i]
            chosen = (root_clause or own)[-1]
            start, end = reanchor_yearless(chosen, self.story_date) or (chosen.start, chosen.end)
            self.current_date = DateValue(chosen.span.text, start, end, chosen.precision, "context")
            self.story_date = self.current_date
            # the story moved on: "that night" now refers to this time, not the last event's
            self.last_event_date = self.current_date

    def link_date(self, anchor: Token, sent_index: int, contextual: bool) -> DateValue:
        """Date of the event at ``anchor``; ``contextual`` says it may inherit the narrative's."""
        self.advance_to(sent_index)
        sent = self.sents[sent_index]
        in_sent = [
            t
            for t in self.timexes
            if sent.start <= t.span.start < sent.end
            and (t.start is not None or is_event_relative(t.span.text))
        ]  # "all night", "the evening": a time of day with no date neither dates nor blocks
        chosen, how = pick_in_sentence(anchor, in_sent, lambda t: t.span.root)
        value: DateValue | None = None
        if chosen is not None:
            value = self.resolved_relative(chosen)
            if value is None:
                start, end = reanchor_yearless(chosen, self.story_date) or (
                    chosen.start,
                    chosen.end,
                )
                value = DateValue(chosen.span.text, start, end, chosen.precision, "sentence")
            if chosen.explicit and is_past(attached_clause(chosen.span.root)):
                self.current_date = DateValue(
                    value.text, value.start, value.end, value.precision, "context"
                )
                self.story_date = self.current_date
        elif (
            how == "none"
            and contextual
            and self.current_date is not None
            and not iterative(anchor, self.iterative_adverbs)
        ):
            cur = self.current_date
            value = DateValue(cur.text, cur.start, cur.end, cur.precision, "context")
        value = value or DateValue(None, None, None, None, "none")
        if value.start is not None:
            self.last_event_date = value
        return value

    def resolved_relative(self, tx: Timex) -> DateValue | None:
        """ "two days later", "the next day": from the previous event's date, else the
        narrative's; resolved once, so two events of one sentence do not step twice."""
        if not is_event_relative(tx.span.text):
            return None
        key = tx.span.start
        if key not in self._relative:
            base = self.last_event_date or self.current_date
            value = anchor_relative(tx.span.text, base) if base is not None else None
            self._relative[key] = value
        value = self._relative[key]
        if value is None:
            return None
        return DateValue(value.text, value.start, value.end, value.precision, "sentence")

    def link_place(
        self, anchor: Token, sent_index: int, contextual: bool, relocation: bool = False
    ) -> dict:
        """Place of the event: clause, sentence, else the paragraph's current place, else the
        document's home town. A district, street or building stands for its town; a move is
        told "origin → destination"."""
        sent = self.sents[sent_index]
        chosen, _ = pick_in_sentence(anchor, self.places_in(sent), lambda p: p.root)
        para = self.paragraph[sent_index]
        if relocation:
            destination = self.destination(anchor, sent_index)
            if destination is not None and destination is not chosen:
                fields = place_fields(destination) | {"place_source": "sentence"}
                origin = chosen.text if chosen is not None else None
                if origin:
                    fields["place_text"] = f"{origin} → {destination.text}"
                return fields
        if chosen is not None:
            fields = self.town_fields(chosen) | {"place_source": "sentence"}
            self.current_place = (para, fields)
            return fields
        if contextual and self.current_place and self.current_place[0] == para:
            return self.current_place[1] | {"place_source": "context"}
        # the document's home town: a guess the analyst can filter out by place_source
        fields = self.town_fields(None)
        return fields | {"place_source": "document" if fields["place_name"] else "none"}

    def town_fields(self, place: Span | None) -> dict:
        """Fields of a town-level place; below a town (a district, a police station) or
        unresolved, the document's home town with the local name kept in ``place_text``."""
        home = self.home_town
        if place is not None and (is_town(place) or home is None or not below_town(place)):
            return place_fields(place)
        if home is None:
            return place_fields(None)
        fields = place_fields(home)
        if place is not None:
            fields["place_text"] = f"{place.text}, {home.text}"
        return fields

    def destination(self, anchor: Token, sent_index: int) -> Span | None:
        """Where a move ends: a town after the trigger in its sentence (not the place left),
        else a town in the next sentence of the paragraph ("He now lives in Vilnius")."""
        sent = self.sents[sent_index]
        after = [
            p
            for p in self.places
            if anchor.i < p.start < sent.end and is_town(p) and not is_left_place(p, anchor)
        ]
        if after:
            return after[0]
        nxt = sent_index + 1
        if nxt < len(self.sents) and self.paragraph[nxt] == self.paragraph[sent_index]:
            ahead = self.sents[nxt]
            towns = [p for p in self.places if ahead.start <= p.start < ahead.end and is_town(p)]
            if towns:
                return towns[0]
        return None

    @property
    def home_town(self) -> Span | None:
        """The town the document is about: the resolved town with the most weight of mentions
        (see :func:`setting_weight`), the first mentioned on ties."""
        if self._home is None:
            weights: dict[str, float] = {}
            first: dict[str, Span] = {}
            for place in self.places:
                if is_town(place):
                    name = place_name(place)
                    weights[name] = weights.get(name, 0.0) + setting_weight(place)
                    first.setdefault(name, place)
            for ent in doc_index(self.doc).ents:  # "the Hrodna Regional Court" names its town too
                if ent.label_ not in PLACE_LABELS:
                    for name in {t.text for t in ent} & set(weights):
                        weights[name] += 1.0
            ranked = sorted(first, key=lambda n: (-weights[n], first[n].start))
            self._home = [first[ranked[0]]] if ranked else []
        return self._home[0] if self._home else None


_BELOW_TOWN_WORDS = (
    "district quarter street avenue square station prison colony centre center building "
    "airport court hospital department office camp"
)
BELOW_TOWN_WORDS = frozenset(_BELOW_TOWN_WORDS.split())


def geo_of(ent: Span) -> dict:
    return (ent._.geo if Span.has_extension("geo") else None) or {}


def place_name(ent: Span) -> str:
    return geo_of(ent).get("place_name") or ent.text


def is_town(ent: Span) -> bool:
    return geo_of(ent).get("feature") == "city"


def below_town(ent: Span) -> bool:
    """A district, street or building, or a name the gazetteer could not place."""
    if not geo_of(ent) or ent.label_ == "FAC":
        return True
    return any(t.lower_ in BELOW_TOWN_WORDS for t in ent)


SETTING_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around"})
PASSING_PREPS = frozenset({"from", "to", "through", "via", "into", "for", "towards"})


def setting_weight(place: Span) -> float:
    """How much a mention says the story happens there: "in/at X" (also "at the X airport")
    counts double, "a friend from X", "a flight to X", "through X" half."""
    word = place.root
    while word.dep_ in ("compound", "amod", "nmod") and word.head.i != word.i:
        word = word.head
    if word.dep_ == "pobj":
        prep = word.head.lower_
        if prep in SETTING_PREPS:
            return 2.0
        if prep in PASSING_PREPS:
            return 0.5
    return 1.0


def is_left_place(place: Span, anchor: Token) -> bool:
    """The place a move starts from: the object of "left", or after "from"/"out of"."""
    root = place.root
    if root.dep_ == "dobj" and root.head.i == anchor.i:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("from", "of")


def place_fields(ent: Span | None) -> dict:
    """The place columns of an event from a place entity and its gazetteer entry."""
    if ent is None:
        return {
            "place_text": None,
            "place_name": None,
            "country_code": None,
            "latitude": None,
            "longitude": None,
            "geo_precision": None,
        }
    geo = (ent._.geo if Span.has_extension("geo") else None) or {}
    return {
        "place_text": ent.text,
        "place_name": geo.get("place_name") or ent.text,
        "country_code": geo.get("country_code"),
        "latitude": geo.get("latitude"),
        "longitude": geo.get("longitude"),
        "geo_precision": geo.get("geo_precision"),
    }


DATE_FIELDS = ("date_text", "date_start", "date_end", "date_precision")


def date_headlines(doc: Doc, events: list[dict]) -> None:
    """A headline's undated event is the story's first event of its type ("BLOGGER DETAINED"
    … "police detained him on 3 May"): it takes that event's date."""
    for k, event in enumerate(events):
        if event["date_start"] is not None:
            continue
        span = doc.char_span(event["trigger_start"], event["trigger_end"], alignment_mode="expand")
        if span is None or not len(span) or not is_headline(span[0]):
            continue
        lead = next((e for e in events[k + 1 :] if e["event_type"] == event["event_type"]), None)
        if lead is not None and lead["date_start"] is not None:
            event.update({f: lead[f] for f in DATE_FIELDS}, date_source="context")
