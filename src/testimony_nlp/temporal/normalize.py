"""TimeML normalisation of one temporal expression, usable without the spaCy pipeline.

Public API:

- ``normalize(text, reference_date, tense=None, *, anchor=None, context_year=None) -> Timex``
  turns an expression ("last Friday", "Aug. 7, 1998", "two decades", "daily") into a
  frozen :class:`Timex`: TimeML type (DATE, TIME, DURATION, SET), TimeML value
  (``2013-03-21``, ``2013-W12``, ``2013-SU``, ``201X``, ``P3Y``, ``PRESENT_REF`` ...),
  the calendar interval ``start``/``end`` and its ``precision``, and a ``status``:

  * ``resolved``: the value is fully determined;
  * ``unanchored``: the expression is relative and there is no reference date (or no
    anchor): the value keeps its unknown parts as ``X`` (``XXXX-05-08``) or is None,
    and there is no interval. A year is never invented;
  * ``unresolved``: the grammar does not understand the text; value None.

  ``reference_date`` is the document's publication (or testimony) date; ``tense`` of the
  governing verb ("past", "present", "future" or None) chooses between the previous and
  the next occurrence of a weekday, month or season: "on Friday" in a past-tense
  sentence is the Friday on or before the reference date, in a future-tense one the
  Friday on or after it, and without tense the nearest one. ``anchor`` is the date of the
  event the expression follows in a narrative; ``context_year`` a year set earlier in
  the text (used for a bare month or month-day when that stays before the reference).
  Without a context year, a past-tense bare month or month-day that is not of the past
  two months takes its year from the anchor (the story's date, if of the last five years):
  the first occurrence from it on, or one at most a month before it.

- ``resolve_relative_to(text, anchor_date) -> Timex`` for narrative anchoring (the events
  stage): "two days later", "the next day", "the day before", "that evening", "a week
  after", "later that year" resolve against the date of the previous event instead of
  the publication date, e.g. ``resolve_relative_to("two days later", date(2014, 8, 3))``
  gives ``2014-08-05``.

The grammar below handles the common English forms (fast path, cached); dateparser is
only a fallback for absolute dates in unusual formats ("08/07/1998", "7th of August 1998"),
with explicit settings, and its answer is accepted only when it carries a year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    TIMEZONES,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from .values import SEASON_MONTHS, add_months, value_interval, week_value

RESOLVED, UNRESOLVED, UNANCHORED = "resolved", "unresolved", "unanchored"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised temporal expression (see the module docstring for the fields)."""

    text: str
    type: str
    value: str | None
    start: dt.date | None
    end: dt.date | None
    precision: str | None
    status: str


@dataclass(frozen=True, slots=True)
class _Ctx:
    ref: dt.date | None
    tense: str | None
    anchor: dt.date | None
    context_year: int | None


@dataclass(frozen=True, slots=True)
class _Hit:
    type: str
    value: str | None
    status: str = RESOLVED


def normalize(
    text: str,
    reference_date: dt.date | None,
    tense: str | None = None,
    *,
    anchor: dt.date | None = None,
    context_year: int | None = None,
) -> Timex:
    """Normalise one temporal expression into TimeML; never raises.

    Args:
        text: The expression as written ("last Friday", "the summer", "three days").
        reference_date: The date relative expressions resolve against, or None.
        tense: Tense of the governing verb: "past", "present", "future" or None.
        anchor: Date of the preceding narrative event, for "two days later" and the like.
        context_year: A year established earlier in the text, for bare months.

    Returns:
        The :class:`Timex`; ``status`` says whether ``value`` and the interval are known.
    """
    return _normalize_memo(text, reference_date, tense, anchor, context_year)


@lru_cache(maxsize=65536)
def _normalize_memo(
    text: str,
    reference_date: dt.date | None,
    tense: str | None,
    anchor: dt.date | None,
    context_year: int | None,
) -> Timex:
    """:func:`normalize`, memoised: the time stage asks about each expression more than once
    (whether a range splits, then its value), and documents repeat expressions."""
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = _Ctx(reference_date, _tense(tense), anchor, context_year)
    try:
        hit = _normalize_cached(_clean(text), ctx)
    except (ValueError, OverflowError, KeyError, IndexError):  # impossible dates (Feb 30)
        hit = _Hit("DATE", None, UNRESOLVED)
    return _build(text, hit, ctx)


def resolve_relative_to(text: str, anchor_date: dt.date) -> Timex:
    """Resolve an anaphoric expression ("two days later", "that evening") against an event date.

    Args:
        text: The expression.
        anchor_date: The date of the event it is relative to.

    Returns:
        The :class:`Timex`; non-anaphoric expressions resolve with ``anchor_date`` as reference.
    """
    return normalize(text, anchor_date, None, anchor=anchor_date)


def _tense(tense: str | None) -> str | None:
    if not tense:
        return None
    key = tense.lower()[:3]
    return {"pas": "past", "pre": "present", "fut": "future"}.get(key)


def _build(text: str, hit: _Hit, ctx: _Ctx) -> Timex:
    start = end = precision = None
    if hit.type in ("DATE", "TIME") and hit.value:
        start, end, precision = value_interval(hit.value)
        if hit.value == "PRESENT_REF" and ctx.ref:
            start = end = ctx.ref
    status = hit.status
    named_interval = hit.type in ("DATE", "TIME") and not str(hit.value).endswith("_REF")
    if status == RESOLVED and named_interval and start is None:
        status = UNANCHORED if hit.value and "X" in hit.value else UNRESOLVED
    return Timex(text, hit.type, hit.value, start, end, precision, status)


# ---------------------------------------------------------------- text cleaning

_ABBREV = re.compile(
    r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri"
    r"|sat|sun|st|nd|rd|th)\."
)
_STRIP_WORDS = (
    "the", "on", "in", "at", "during", "by", "since", "until", "till", "til", "from", "of",
    "for", "over", "through", "throughout", "within", "as of", "as early as", "as soon as",
    "as late as", "as long as", "as recently as", "about", "around", "almost", "nearly",
    "approximately", "roughly", "some", "more than", "less than", "at least", "at most", "up to",
    "just", "only", "under", "barely", "well over", "fewer than", "no more than", "close to",
    "a little over", "a little more than", "after", "before", "between", "into", "to", "past",
    "starting", "beginning", "right", "exactly", "precisely", "circa", "ca", "c",
    "early", "late", "mid", "mid-", "earlier", "later", "the beginning of", "the end of",
    "the start of", "the middle of", "the turn of", "end of", "beginning of", "start of",
    "the early hours of", "early hours of", "the wee hours of", "the small hours of",
    "middle of", "the rest of", "rest of", "all", "all of", "most of", "much of", "part of",
    "the whole", "whole", "full", "entire", "the entire", "another", "an additional",
    "additional", "first", "very", "ever", "the day", "day",
)  # fmt: skip
_STRIP = re.compile(
    r"^(?:"
    + "|".join(sorted((re.escape(w) for w in _STRIP_WORDS), key=len, reverse=True))
    + r")(?:\s+|-)"
)


_AM = re.compile(r"\ba\.m\.?|\ba\.m\b")
_PM = re.compile(r"\bp\.m\.?|\bp\.m\b")
_POSSESSIVE_S = re.compile(r"(\w)'s\b")
_PLURAL_POSSESSIVE = re.compile(r"(\w)s'(?=\s|$)")
_BRACKETS_QUOTES = re.compile(r"[()\"]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def _clean(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = s.replace("\u2013", "-").replace("\u2014", " ").replace("\u00a0", " ")
    s = _AM.sub("am", s)
    s = _PM.sub("pm", s)
    s = _ABBREV.sub(r"\1", s)
    s = _POSSESSIVE_S.sub(r"\1", s)
    s = _PLURAL_POSSESSIVE.sub(r"\1s", s)
    s = _BRACKETS_QUOTES.sub(" ", s)
    s = _SPACES.sub(" ", s)
    return s.strip(" .,;:!?'-_")


@lru_cache(maxsize=65536)
def _normalize_cached(s: str, ctx: _Ctx) -> _Hit:
    """Try the grammar on ``s``, then on ``s`` without its leading modifier, and so on."""
    seen = 0
    while s and seen < 6:
        hit = _apply_rules(s, ctx)
        if hit is not None:
            return hit
        shorter = _STRIP.sub("", s, count=1).strip(" ,")
        if shorter == s:
            break
        s, seen = shorter, seen + 1
    return _fallback(s, ctx)


def _apply_rules(s: str, ctx: _Ctx) -> _Hit | None:
    for pattern, handler in _RULES:
        m = pattern.fullmatch(s)
        if m:
            hit = handler(m, ctx)
            if hit is not None:
                return hit
    return None


# ---------------------------------------------------------------- building blocks

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_SEASON = "|".join(SEASONS)
_POD = "morning|afternoon|evening|night|overnight"
_NUMW = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE_NUMBERS), key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?: 1/2)?|(?:{_TENS})[- ](?:{_ONES})|(?:{_NUMW})(?: hundred)?|{_VAGUE})"
    rf"(?: and a half)?"
)
_UNIT = (
    r"(?:second|sec|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr"
    r"|decade|century|centurie|weekend)s?"
)
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})"
_DAYN = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_REL = r"(?:this|last|next|past|previous|coming|current|following|that|same|that same)"
_TZ = "|".join(sorted(TIMEZONES, key=len, reverse=True))


def _number(word: str) -> float | str:
    """Numeric value of a number phrase; "X" for vague quantities ("several")."""
    word = word.strip()
    half = word.endswith(" and a half")
    if half:
        word = word[: -len(" and a half")]
    if word in VAGUE_NUMBERS:
        return "X"
    if m := re.fullmatch(rf"({_TENS})[- ]({_ONES})", word):
        n: float = NUMBER_WORDS[m[1]] + NUMBER_WORDS[m[2]]
    elif word.endswith(" hundred"):
        n = NUMBER_WORDS.get(word[: -len(" hundred")], 1) * 100
    elif word in NUMBER_WORDS:
        n = NUMBER_WORDS[word]
    elif word.endswith(" 1/2"):
        n = float(word[:-4]) + 0.5
    else:
        n = float(word.replace(",", ""))
    return n + 0.5 if half else n


def _unit(word: str) -> tuple[str, int]:
    word = word.rstrip("s") if word not in ("centuries",) else "centurie"
    return UNITS[word]


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


_SMALLER = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "W": ("D", 7)}
_DATE_LETTERS = ("Y", "M", "W", "D")


def _duration_value(n: float | str, unit: str) -> str:
    """TimeML duration: ``P3Y``, ``PT5H``, ``PXD``; fractions become smaller units
    (1.5 years -> ``P1Y6M``, 5 1/2 hours -> ``PT5H30M``)."""
    letter, mult = _unit(unit)
    if n == "X":
        parts = [(letter, "X")]
    else:
        total = float(n) * mult
        whole, rest = int(total), total - int(total)
        parts = [(letter, _fmt_num(whole))] if whole else []
        if rest:
            if letter in _SMALLER:
                small, factor = _SMALLER[letter]
                parts.append((small, _fmt_num(round(rest * factor, 3))))
            else:
                parts = [(letter, _fmt_num(total))]
    date_part = "".join(q + ltr for ltr, q in parts if ltr in _DATE_LETTERS or ltr == "WE")
    time_part = "".join(q + ("M" if ltr == "MIN" else ltr) for ltr, q in parts
                        if ltr in ("H", "MIN", "S"))  # fmt: skip
    return "P" + date_part + ("T" + time_part if time_part else "")


def _year(text: str) -> int:
    return int(text)


def _two_digit_year(yy: int, ref: dt.date | None) -> int:
    """'98 -> 1998; '05 -> 2005 when that is not after the reference's year + 10."""
    base = ref.year if ref else 2000
    year = 2000 + yy
    return year if year <= base + 10 else year - 100


def _day_hit(day: dt.date, suffix: str = "") -> _Hit:
    return _Hit("TIME" if suffix else "DATE", day.isoformat() + suffix)


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _pick_occurrence(
    candidates: list[dt.date], ref: dt.date, direction: str | None
) -> dt.date | None:
    """Choose among yearly occurrences: on/before ref ("past"), on/after ("future"), nearest."""
    if direction == "past":
        before = [c for c in candidates if c <= ref]
        return max(before) if before else None
    if direction == "future":
        after = [c for c in candidates if c >= ref]
        return min(after) if after else None
    if direction == "before":
        before = [c for c in candidates if c < ref]
        return max(before) if before else None
    if direction == "after":
        after = [c for c in candidates if c > ref]
        return min(after) if after else None
    # no tense: the nearest occurrence, news-style leaning to the past (a future date
    # must be twice as close to win)
    return min(candidates, key=lambda c: (abs((c - ref).days) * (2 if c > ref else 1), c > ref))


def _direction(ctx: _Ctx, modifier: str | None) -> str | None:
    """Which occurrence a calendar name means: from its modifier, else from the tense."""
    if modifier in ("last", "past", "previous"):
        return "before"
    if modifier in ("next", "coming", "following"):
        return "after"
    if ctx.tense in ("past", "future"):
        return ctx.tense
    return None


# ---------------------------------------------------------------- rule handlers

Handler = Callable[[re.Match[str], _Ctx], "_Hit | None"]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str) -> Callable[[Handler], Handler]:
    """Register a handler for texts that fully match ``pattern`` (rules run in order)."""

    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern), handler))
        return handler

    return register


@rule(
    r"now|right now|currently|current|at present|presently|nowadays|these days|the present"
    r"|present|at the moment|at this time|for now|so far|to date|the present day"
)
def _present(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("DATE", "PRESENT_REF")


@rule(r"(?:the |in the )?past|recently|lately|previously|formerly|long ago|some time ago")
def _past(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("DATE", "PAST_REF")


@rule(r"(?:the |in the )?(?:near |distant |foreseeable )?future|soon|someday")
def _future(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("DATE", "FUTURE_REF")


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


@rule(
    rf"(?P<word>today|tonight|yesterday|tomorrow|the day before yesterday"
    rf"|the day after tomorrow)(?: (?P<pod>{_POD}))?"
)
def _deictic_day(m: re.Match[str], ctx: _Ctx) -> _Hit:
    word = m["word"]
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(
        word, _DEICTIC.get(word, 0)
    )
    suffix = PARTS_OF_DAY[m["pod"]] if m["pod"] else ("TNI" if word == "tonight" else "")
    if ctx.ref is None:
        return _Hit("TIME" if suffix else "DATE", "XXXX-XX-XX" + suffix, UNANCHORED)
    return _day_hit(ctx.ref + dt.timedelta(days=offset), suffix)


@rule(rf"(?:this|early this|late this) (?P<pod>{_POD})|(?P<last>last) night")
def _this_part_of_day(m: re.Match[str], ctx: _Ctx) -> _Hit:
    if ctx.ref is None:
        return _Hit("TIME", "XXXX-XX-XX" + ("TNI" if m["last"] else ""), UNANCHORED)
    if m["last"]:
        return _day_hit(ctx.ref - dt.timedelta(days=1), "TNI")
    return _day_hit(ctx.ref, PARTS_OF_DAY[m["pod"]])


# --- anaphoric expressions: need the narrative anchor


def _anchored(ctx: _Ctx, days: int = 0, suffix: str = "") -> _Hit:
    if ctx.anchor is None:
        return _Hit("TIME" if suffix else "DATE", None, UNANCHORED)
    return _day_hit(ctx.anchor + dt.timedelta(days=days), suffix)


@rule(
    rf"(?:that|the same|that same|the very same|this same) (?P<unit>day|date|{_POD})"
    rf"|(?P<same>same day)|(?:on )?that (?:very )?(?P<unit2>day)"
)
def _that_day(m: re.Match[str], ctx: _Ctx) -> _Hit:
    unit = m["unit"] or "day"
    return _anchored(ctx, 0, PARTS_OF_DAY.get(unit, ""))


@rule(
    rf"(?:the )?(?P<rel>next|following|previous|preceding|prior) (?P<unit>day|{_POD})"
    rf"|the (?P<unit2>day|{_POD}) (?P<rel2>before|after)"
)
def _next_day(m: re.Match[str], ctx: _Ctx) -> _Hit:
    rel, unit = (m["rel"] or m["rel2"]), (m["unit"] or m["unit2"])
    step = 1 if rel in ("next", "following", "after") else -1
    return _anchored(ctx, step, PARTS_OF_DAY.get(unit, ""))


@rule(
    r"(?:that|the same|that same) (?P<unit>week|month|year)"
    r"|(?:the )?(?P<rel>following|previous|preceding|prior) (?P<unit2>week|month|year)"
    r"|the (?P<rel3>next) (?P<unit3>week|month|year)"
)
def _that_unit(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    unit = m["unit"] or m["unit2"] or m["unit3"]
    rel = m["rel"] or m["rel3"]
    step = 0 if rel is None else (1 if rel in ("next", "following") else -1)
    if m["rel3"] and ctx.anchor is None:
        return None  # "the next week" without a narrative anchor: a duration (below)
    if unit == "year" and step == 0 and ctx.context_year:
        return _Hit("DATE", f"{ctx.context_year:04d}")
    if ctx.anchor is None:
        return _Hit("DATE", None, UNANCHORED)
    return _Hit("DATE", _shift_unit(ctx.anchor, unit, step))


def _shift_unit(day: dt.date, unit: str, step: int) -> str:
    if unit == "week":
        return week_value(day + dt.timedelta(weeks=step))
    if unit == "month":
        shifted = add_months(day.replace(day=1), step)
        return _month_value(shifted.year, shifted.month)
    return f"{day.year + step:04d}"


@rule(
    rf"(?P<num>{_NUM}) (?P<unit>{_UNIT}) (?P<dir>later|after|afterwards?|earlier|before|"
    rf"previously|prior|beforehand|on|after that|before that)"
)
def _n_units_later(m: re.Match[str], ctx: _Ctx) -> _Hit:
    n = _number(m["num"])
    sign = (
        1 if m["dir"] in ("later", "after", "afterward", "afterwards", "on", "after that") else -1
    )
    if ctx.anchor is None or n == "X":
        return _Hit("DATE", None, UNANCHORED)
    return _Hit("DATE", _offset_value(ctx.anchor, sign * n, m["unit"]))


def _offset_value(base: dt.date, n: float, unit: str) -> str | None:
    """Value of ``base`` shifted by n units, at the granularity of the unit."""
    letter, mult = _unit(unit)
    n = n * mult
    if not float(n).is_integer():
        return None
    n = int(n)
    if letter == "D":
        return (base + dt.timedelta(days=n)).isoformat()
    if letter in ("H", "MIN", "S"):
        return base.isoformat()
    if letter == "W":
        return week_value(base + dt.timedelta(weeks=n))
    if letter == "WE":
        return week_value(base + dt.timedelta(weeks=n), weekend=True)
    if letter == "M":
        shifted = add_months(base.replace(day=1), n)
        return _month_value(shifted.year, shifted.month)
    return f"{base.year + n:04d}"


@rule(rf"(?P<num>{_NUM}) (?P<unit>{_UNIT}) (?P<dir>ago|back|from now|hence|from today)")
def _n_units_ago(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n = _number(m["num"])
    sign = -1 if m["dir"] in ("ago", "back") else 1
    if n == "X":
        return _Hit("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.ref is None:
        return _Hit("DATE", None, UNANCHORED)
    value = _offset_value(ctx.ref, sign * n, m["unit"])
    return _Hit("DATE", value) if value else None


@rule(rf"(?P<unit>{_UNIT}) (?P<dir>ago|from now)")
def _vague_ago(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("DATE", "PAST_REF" if m["dir"] == "ago" else "FUTURE_REF")


@rule(
    rf"(?:the )?(?P<unit>day|{_POD}|week|weekend) (?P<rel>before|after|of|following|preceding)"
    rf" (?P<rest>.+)"
)
def _unit_of_date(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    inner = _normalize_cached(m["rest"], ctx)
    if not inner.value or not re.match(r"\d{4}-\d\d-\d\d", inner.value):
        return None
    day = dt.date.fromisoformat(inner.value[:10])
    unit, rel = m["unit"], m["rel"]
    if unit in ("week", "weekend"):
        return _Hit("DATE", week_value(day, weekend=unit == "weekend")) if rel == "of" else None
    step = {"before": -1, "preceding": -1, "after": 1, "following": 1}.get(rel, 0)
    return _day_hit(day + dt.timedelta(days=step), PARTS_OF_DAY.get(unit, ""))


# --- clock times


_CLOCK = (
    r"(?P<h>[01]?[0-9]|2[0-3])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>am|pm)"
    r"|(?P<h2>[01]?[0-9]|2[0-3])[:.](?P<mi2>[0-5][0-9])"
    r"|(?P<h3>[01]?[0-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?: o'clock)?(?P<pod> in the (?:morning|afternoon|evening)| at night| tonight)"
    r"|(?P<h4>[01]?[0-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r" o'clock|(?P<word>noon|midday|midnight|high noon|mid-day)"
    r"|(?P<h5>[01][0-9]|2[0-3])(?P<mi5>[0-5][0-9]) (?:gmt|utc|hours|hrs)"
)
_CLOCK_RE = re.compile(_CLOCK)


def _clock(s: str) -> str | None:
    """``HH:MM`` of a clock expression, or None."""
    m = _CLOCK_RE.fullmatch(s)
    if not m:
        return None
    if m["word"]:
        return "24:00" if m["word"] == "midnight" else "12:00"
    if m["h"]:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour > 12:
            return None
        hour = hour % 12 + (12 if m["ap"] == "pm" else 0)
        return f"{hour:02d}:{minute:02d}"
    if m["h2"]:
        return f"{int(m['h2']):02d}:{m['mi2']}"
    if m["h5"]:
        return f"{int(m['h5']):02d}:{m['mi5']}"
    word = m["h3"] or m["h4"]
    hour = NUMBER_WORDS.get(word) or int(word)
    if m["pod"] and ("afternoon" in m["pod"] or "evening" in m["pod"] or "night" in m["pod"]):
        hour = hour % 12 + 12 if hour != 12 or "night" not in m["pod"] else 0
    return f"{hour:02d}:00"


_TZ_SUFFIX = rf"(?:\s+(?:{_TZ}))?(?:\s+(?:\d{{3,4}}\s+(?:gmt|utc)))?"
_CLOCK_NC = re.sub(r"\(\?P<\w+>", "(?:", _CLOCK)


@rule(
    rf"(?P<time>{_CLOCK_NC}){_TZ_SUFFIX}(?:,? (?:on |this |of )?(?P<date>.+))?"
    rf"|(?P<date2>.+?),? (?:at |by |around |about )?(?P<time2>{_CLOCK_NC}){_TZ_SUFFIX}"
)
def _clock_time(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    clock = _clock(m["time"] or m["time2"])
    if clock is None:
        return None
    date_text = m["date"] or m["date2"]
    if date_text:
        day = _normalize_cached(date_text, ctx)
        if day.type not in ("DATE", "TIME") or not day.value or len(day.value) < 10:
            return None
        return _Hit("TIME", f"{day.value[:10]}T{clock}", day.status)
    base = ctx.anchor or ctx.ref
    if base is None:
        return _Hit("TIME", f"XXXX-XX-XXT{clock}", UNANCHORED)
    return _Hit("TIME", f"{base.isoformat()}T{clock}")


# --- weekdays


@rule(
    rf"(?:(?P<mod>last|next|this|past|coming|previous|following|this past|this coming) )?"
    rf"(?P<wd>{_WD})(?: (?P<pod>{_POD}))?"
)
def _weekday(m: re.Match[str], ctx: _Ctx) -> _Hit:
    weekday = WEEKDAYS[m["wd"]]
    suffix = PARTS_OF_DAY[m["pod"]] if m["pod"] else ""
    mod = m["mod"]
    if mod == "following" and ctx.anchor is not None:
        base, mod = ctx.anchor, "next"
    else:
        base = ctx.ref
    if base is None:
        return _Hit("TIME" if suffix else "DATE", f"XXXX-WXX-{weekday}{suffix}", UNANCHORED)
    return _day_hit(_resolve_weekday(weekday, base, mod, ctx.tense), suffix)


def _resolve_weekday(weekday: int, ref: dt.date, mod: str | None, tense: str | None) -> dt.date:
    """The weekday meant relative to ``ref`` (same-day mentions resolve to ``ref`` itself)."""
    back = (ref.isoweekday() - weekday) % 7  # days since the last such weekday (0 = today)
    fwd = (weekday - ref.isoweekday()) % 7
    if mod in ("last", "past", "previous", "this past"):
        return ref - dt.timedelta(days=back or 7)
    if mod in ("next", "coming", "following", "this coming"):
        return ref + dt.timedelta(days=fwd or 7)
    if mod == "this":
        return ref + dt.timedelta(days=weekday - ref.isoweekday())
    if tense == "past":
        return ref - dt.timedelta(days=back)
    if tense == "future":
        return ref + dt.timedelta(days=fwd)
    if tense == "present":
        return ref - dt.timedelta(days=back) if back <= fwd else ref + dt.timedelta(days=fwd)
    # no tense known: news reports mostly look back
    return ref - dt.timedelta(days=back) if back <= 2 * fwd else ref + dt.timedelta(days=fwd)


@rule(rf"(?:every|each) (?P<wd>{_WD})(?: (?P<pod>{_POD}))?|(?P<wds>{_WD})s")
def _weekday_set(m: re.Match[str], ctx: _Ctx) -> _Hit:
    weekday = WEEKDAYS[m["wd"] or m["wds"]]
    suffix = PARTS_OF_DAY[m["pod"]] if m["pod"] else ""
    return _Hit("SET", f"XXXX-WXX-{weekday}{suffix}")


# --- calendar dates


_TENSE_WINDOW_DAYS = 300  # past the window the tense is less telling than proximity
_PLAN_DAYS = 31  # how far ahead a past-tense sentence's yearless date may lie


def _resolve_month_day(month: int, day: int, ctx: _Ctx, mod: str | None = None) -> _Hit:
    if ctx.ref is None:
        dt.date(2000, month, day)  # validates the day (raises ValueError on "February 30")
        return _Hit("DATE", f"XXXX-{month:02d}-{day:02d}", UNANCHORED)
    if ctx.context_year and mod is None and ctx.tense == "past":
        candidate = dt.date(ctx.context_year, month, day)
        if candidate <= ctx.ref:
            return _Hit("DATE", candidate.isoformat())
    in_story = _near_story_date(ctx, mod, lambda year: _safe_date(year, month, day))
    if in_story is not None:
        return _Hit("DATE", in_story.isoformat())
    candidates = [_safe_date(y, month, day) for y in range(ctx.ref.year - 1, ctx.ref.year + 2)]
    candidates = [c for c in candidates if c]
    direction = _direction(ctx, mod)
    picked = _pick_occurrence(candidates, ctx.ref, direction)
    if direction in ("past", "future") and (
        picked is None or abs((picked - ctx.ref).days) > _TENSE_WINDOW_DAYS
    ):
        nearest = _pick_occurrence(candidates, ctx.ref, None)
        # a past tense reaches a date still to come only in reported plans ("said the
        # talks would open on Jan. 14"), which lie weeks ahead, not months
        if direction != "past" or picked is None or (nearest - ctx.ref).days <= _PLAN_DAYS:
            picked = nearest
    if picked is None:
        return _Hit("DATE", None, UNRESOLVED)
    return _Hit("DATE", picked.isoformat())


_STORY_YEARS_BACK = 5  # an older day-date (a birth, a history) sets no story year
_LOOK_BACK_DAYS = 31  # how far before the story's date a yearless date may lie
_RECENT_DAYS = 62  # a yearless date this close before the reference is the reference's


def _near_story_date(ctx: _Ctx, mod: str | None, in_year) -> dt.date | None:
    """In a past narrative whose last day-date lies before the reference date, the
    occurrence of a yearless date nearest to it, not after the reference ("On 17 March 2021
    I was taken ... On 29 March I was charged" is 2021-03-29). ``in_year`` gives the
    date in a year (None where it does not exist)."""
    story = ctx.anchor
    if mod is not None or ctx.tense != "past" or story is None or ctx.ref is None:
        return None
    if not (ctx.ref.year - _STORY_YEARS_BACK <= story.year and story < ctx.ref):
        return None
    latest = [d for d in (in_year(ctx.ref.year), in_year(ctx.ref.year - 1)) if d and d <= ctx.ref]
    if latest and (ctx.ref - max(latest)).days <= _RECENT_DAYS:
        return None  # news of the past weeks: "on 16 January" in a digest of January
    candidates = [in_year(y) for y in (story.year - 1, story.year, story.year + 1)]
    candidates = [c for c in candidates if c is not None and c <= ctx.ref]
    if not candidates:
        return None
    # a story moves on ("In September 2022 ... In June" is the next June); it looks back
    # only a little ("On 17 March ... I had arrived on 2 March")
    back = [c for c in candidates if c < story and (story - c).days <= _LOOK_BACK_DAYS]
    ahead = [c for c in candidates if c >= story]
    if back:
        return max(back)
    return min(ahead) if ahead else max(candidates)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_YEAR_SUFFIX = r"(?: of)? (?P<yrel>this|last|next|the same|that|the following|the previous) year"


def _relative_year(word: str, ctx: _Ctx) -> int | None:
    """Year named by "this year", "last year", "that year" ..."""
    if word in ("the same", "that"):
        return ctx.context_year or (ctx.anchor.year if ctx.anchor else None)
    if word in ("the following", "the previous"):
        base = ctx.context_year or (ctx.anchor.year if ctx.anchor else None)
        return None if base is None else base + (1 if word == "the following" else -1)
    if ctx.ref is None:
        return None
    return ctx.ref.year + {"this": 0, "last": -1, "next": 1}[word]


@rule(
    rf"(?:(?P<mod>last|this|next|this past|this coming|past|coming) )?"
    rf"(?:(?P<wd>{_WD}),? )?(?:(?P<mon>{_MONTH}) (?:the )?(?P<day>{_DAYN})"
    rf"|(?:the )?(?P<day2>{_DAYN}) (?:of )?(?P<mon2>{_MONTH}))"
    rf"(?:(?:,| of|,? in)? (?P<year>{_YEAR}|'\d\d)|{_YEAR_SUFFIX})?"
)
def _month_day(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    month = MONTHS[m["mon"] or m["mon2"]]
    day = int(re.match(r"\d+", m["day"] or m["day2"])[0])
    if m["year"]:
        year = _year_token(m["year"], ctx)
        return _Hit("DATE", dt.date(year, month, day).isoformat())
    if m["yrel"]:
        year = _relative_year(m["yrel"], ctx)
        if year is None:
            return _Hit("DATE", f"XXXX-{month:02d}-{day:02d}", UNANCHORED)
        return _Hit("DATE", dt.date(year, month, day).isoformat())
    if m["wd"] and ctx.ref is not None:
        return _month_day_with_weekday(month, day, WEEKDAYS[m["wd"]], ctx)
    mod = {"this past": "last", "this coming": "next"}.get(m["mod"], m["mod"])
    return _resolve_month_day(month, day, ctx, None if mod == "this" else mod)


def _month_day_with_weekday(month: int, day: int, weekday: int, ctx: _Ctx) -> _Hit:
    """'Friday, Oct. 23': the year near the reference in which that day is that weekday."""
    assert ctx.ref is not None
    for year in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate and candidate.isoweekday() == weekday:
            return _Hit("DATE", candidate.isoformat())
    return _resolve_month_day(month, day, ctx)


def _year_token(token: str, ctx: _Ctx) -> int:
    if token.startswith("'"):
        return _two_digit_year(int(token[1:]), ctx.ref)
    return int(token)


@rule(
    rf"(?:(?P<mod>this|last|next|past|coming|this past|this coming|early|late|mid|mid-) ?)?"
    rf"(?P<mon>{_MONTH})(?:(?:,| of|,? in)? (?P<year>{_YEAR}|'\d\d)|{_YEAR_SUFFIX})?"
)
def _month(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    month = MONTHS[m["mon"]]
    mod = m["mod"]
    if mod in ("early", "late", "mid", "mid-"):
        mod = None
    if len(m["mon"]) <= 4 and m["mon"] not in ("may", "june", "july") and not m["year"]:
        return None  # a lone abbreviation ("Jan", "Dec") is more often a name than a month
    if m["year"]:
        return _Hit("DATE", _month_value(_year_token(m["year"], ctx), month))
    if m["yrel"]:
        year = _relative_year(m["yrel"], ctx)
        if year is None:
            return _Hit("DATE", f"XXXX-{month:02d}", UNANCHORED)
        return _Hit("DATE", _month_value(year, month))
    if ctx.ref is None:
        return _Hit("DATE", f"XXXX-{month:02d}", UNANCHORED)
    if mod == "this":
        return _Hit("DATE", _month_value(ctx.ref.year, month))
    in_context = mod is None and ctx.context_year and ctx.tense == "past"
    if in_context and dt.date(ctx.context_year, month, 1) <= ctx.ref:
        return _Hit("DATE", _month_value(ctx.context_year, month))
    in_story = _near_story_date(ctx, mod, lambda year: dt.date(year, month, 1))
    if in_story is not None:
        return _Hit("DATE", _month_value(in_story.year, month))
    direction = _direction(ctx, {"this past": "last", "this coming": "next"}.get(mod, mod))
    ref_month = ctx.ref.replace(day=1)
    candidates = [dt.date(y, month, 1) for y in range(ctx.ref.year - 1, ctx.ref.year + 2)]
    picked = _pick_occurrence(candidates, ref_month, direction)
    if picked is None:
        return None
    return _Hit("DATE", _month_value(picked.year, picked.month))


@rule(
    rf"(?:(?P<pre>fiscal|the year|calendar|year|post|pre|mid|mid-|early|late)[ -]?)?"
    rf"(?P<year>{_YEAR})(?P<ad> ad| a\.d| ce| bc| b\.c)?"
)
def _year_only(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if m["ad"] and "b" in m["ad"]:
        return None
    return _Hit("DATE", m["year"])


@rule(r"'(?P<yy>\d\d)")
def _short_year(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("DATE", f"{_two_digit_year(int(m['yy']), ctx.ref):04d}")


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


@rule(
    r"(?:(?:early|late|mid|mid-) ?)?(?:(?P<full>1[0-9]{2}|20[0-9])0'?s|'?(?P<short>[0-9])0'?s"
    r"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
)
def _decade(m: re.Match[str], ctx: _Ctx) -> _Hit:
    if m["full"]:
        return _Hit("DATE", f"{m['full']}X")
    digit = int(m["short"]) if m["short"] else _DECADE_WORDS[m["word"]]
    latest = ctx.ref.year if ctx.ref else 1999
    year = max(y for y in (1900 + 10 * digit, 2000 + 10 * digit, 1800 + 10 * digit) if y <= latest)
    return _Hit("DATE", f"{year // 10:03d}X")


_ORDINAL_CENTURY = r"(?P<n>\d{1,2})(?:st|nd|rd|th)"
_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "eighteenth": 18}


@rule(
    rf"(?:{_ORDINAL_CENTURY}|(?P<w>nineteenth|twentieth|twenty-first|eighteenth)) century"
    rf"|(?P<rel>this|last|next|the last|the past|past|previous) century"
)
def _century(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if m["rel"]:
        if m["rel"] in ("the last", "the past", "past"):
            return _Hit("DURATION", "P100Y")
        if ctx.ref is None:
            return _Hit("DATE", None, UNANCHORED)
        step = {"this": 0, "last": -1, "previous": -1, "next": 1}[m["rel"]]
        return _Hit("DATE", f"{(ctx.ref.year - 1) // 100 + 1 + step - 1:02d}")
    number = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["w"]]
    return _Hit("DATE", f"{number - 1:02d}")


# --- seasons and quarters


@rule(
    rf"(?:(?P<mod>this|last|next|past|coming|this past|this coming|early|late|mid|mid-|the)"
    rf"[ -]?)?(?P<season>{_SEASON})(?:(?:,| of|,? in)? (?P<year>{_YEAR}|'\d\d)|{_YEAR_SUFFIX})?"
)
def _season(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    code = SEASONS[m["season"]]
    if m["year"]:
        return _Hit("DATE", f"{_year_token(m['year'], ctx):04d}-{code}")
    if m["yrel"]:
        year = _relative_year(m["yrel"], ctx)
        return _Hit("DATE", f"{year:04d}-{code}" if year else f"XXXX-{code}", RESOLVED)
    if ctx.ref is None:
        return _Hit("DATE", f"XXXX-{code}", UNANCHORED)
    mod = m["mod"] if m["mod"] not in ("early", "late", "mid", "mid-", "the") else None
    year = _resolve_season_year(code, ctx.ref, mod, ctx.tense)
    return _Hit("DATE", f"{year:04d}-{code}")


def _resolve_season_year(code: str, ref: dt.date, mod: str | None, tense: str | None) -> int:
    """Year of the meant occurrence of a season (WI of year Y = Dec Y to Feb Y+1)."""
    spans = []
    for year in range(ref.year - 2, ref.year + 2):
        start = dt.date(year, SEASON_MONTHS[code], 1)
        end = add_months(start, 3) - dt.timedelta(days=1)
        spans.append((year, start, end))
    if mod in ("last", "past", "previous", "this past"):
        return max(y for y, _, end in spans if end < ref)
    if mod in ("next", "coming", "this coming"):
        return min(y for y, start, _ in spans if start > ref)
    if tense == "past" and mod is None:
        return max(y for y, start, _ in spans if start <= ref)
    if tense == "future" and mod is None:
        return min(y for y, _, end in spans if end >= ref)
    # "this summer" / no tense: the season of the reference's year (winter: the one it is in
    # or the one that ends in the reference's year when the reference is in Jan-Feb)
    if code == "WI" and ref.month <= 2:
        return ref.year - 1
    return ref.year


@rule(
    rf"(?:the )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:fiscal )?"
    rf"quarter(?:(?:,| of|,? in)(?: fiscal)? (?P<year>{_YEAR}|'\d\d)|{_YEAR_SUFFIX})?"
    rf"|q(?P<q>[1-4]),? (?P<qyear>{_YEAR})"
)
def _quarter(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if m["q"]:
        return _Hit("DATE", f"{m['qyear']}-Q{m['q']}")
    number = ORDINALS[m["ord"]]
    if m["year"]:
        return _Hit("DATE", f"{_year_token(m['year'], ctx):04d}-Q{number}")
    if m["yrel"]:
        year = _relative_year(m["yrel"], ctx)
        return _Hit("DATE", f"{year:04d}-Q{number}" if year else f"XXXX-Q{number}")
    if m["ord"] == "last" and ctx.ref is not None:
        return _Hit("DATE", _quarter_value(add_months(ctx.ref.replace(day=1), -3)))
    if ctx.ref is None:
        return _Hit("DATE", f"XXXX-Q{number}", UNANCHORED)
    year = ctx.ref.year
    if ctx.tense == "past" and number > (ctx.ref.month - 1) // 3 + 1:
        year -= 1
    return _Hit("DATE", f"{year:04d}-Q{number}")


def _quarter_value(day: dt.date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


# --- holidays


_FEASTS = {_clean(name): feast for name, feast in HOLIDAYS.items()}  # keys as _clean writes them
_HOLIDAY = "|".join(sorted((re.escape(h) for h in _FEASTS), key=len, reverse=True))


@rule(
    rf"(?:(?P<mod>last|next|this|this past|this coming|past|coming) )?(?P<name>{_HOLIDAY})"
    rf"(?P<week> week(?:end)?)?(?:(?:,| of)? (?P<year>{_YEAR})|{_YEAR_SUFFIX})?"
)
def _holiday(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    feast = _FEASTS[m["name"]]
    if m["year"]:
        day = feast(int(m["year"]))
    elif m["yrel"]:
        year = _relative_year(m["yrel"], ctx)
        if year is None:
            return _Hit("DATE", None, UNANCHORED)
        day = feast(year)
    elif ctx.ref is None:
        return _Hit("DATE", None, UNANCHORED)
    else:
        mod = {"this past": "last", "this coming": "next"}.get(m["mod"], m["mod"])
        if mod == "this":
            day = feast(ctx.ref.year)
        else:
            days = [feast(y) for y in range(ctx.ref.year - 1, ctx.ref.year + 2)]
            if m["week"]:  # a feast's week has begun once its Monday is past
                days = [d - dt.timedelta(days=d.weekday()) for d in days]
            picked = _pick_occurrence(days, ctx.ref, _direction(ctx, mod))
            if picked is None:
                return None
            day = picked
    if m["week"]:
        return _Hit("DATE", week_value(day, weekend=m["week"].endswith("end")))
    return _Hit("DATE", day.isoformat())


# --- deictic calendar units: this week, last month, next year, the weekend


_UNIT_STEPS = {
    "this": 0, "current": 0, "the current": 0, "early this": 0, "late this": 0,
    "earlier this": 0, "later this": 0, "so far this": 0, "the end of this": 0,
    "the beginning of this": 0, "the start of this": 0, "the middle of this": 0,
    "the end of the": 0, "the rest of the": 0, "the rest of this": 0, "the": 0,
    "last": -1, "past": -1, "previous": -1, "this past": -1, "early last": -1, "late last": -1,
    "the end of last": -1, "the beginning of last": -1,
    "next": 1, "coming": 1, "this coming": 1, "early next": 1, "late next": 1,
    "the end of next": 1, "the beginning of next": 1,
}  # fmt: skip
_UNIT_RELS = "|".join(sorted(_UNIT_STEPS, key=len, reverse=True))


@rule(r"(?:the )?(?P<rel>past|last|next|coming) (?P<unit>week|month|year|decade|quarter)")
def _past_unit_duration(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    if not m[0].startswith("the "):
        return None  # "last week" is a date; "the last week" a duration
    return _Hit("DURATION", _duration_value(1, m["unit"]))


@rule(rf"(?P<rel>{_UNIT_RELS}) (?P<unit>week|weekend|month|year|decade|quarter)")
def _relative_unit(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    rel, unit = m["rel"], m["unit"]
    step = _UNIT_STEPS[rel]
    if rel == "the" and unit != "weekend":
        return None
    if ctx.ref is None:
        return _Hit("DATE", None, UNANCHORED)
    if unit == "weekend":
        return _Hit("DATE", _weekend_value(ctx.ref, step, rel == "the", ctx.tense))
    if unit == "decade":
        return _Hit("DATE", f"{ctx.ref.year // 10 + step:03d}X")
    if unit == "quarter":
        return _Hit("DATE", _quarter_value(add_months(ctx.ref.replace(day=1), 3 * step)))
    return _Hit("DATE", _shift_unit(ctx.ref, unit, step))


def _weekend_value(ref: dt.date, step: int, bare: bool, tense: str | None) -> str:
    """The weekend meant relative to the reference's ISO week.

    "last weekend" is the one before the reference's week, "this weekend" the one ending
    it; a bare "the weekend" is the most recent one in a past-tense sentence, the coming one
    in a future-tense sentence, else the nearest.
    """
    in_weekend = ref.isoweekday() >= 6
    if bare:
        if tense == "past":
            step = 0 if in_weekend else -1
        elif tense == "future":
            step = 0
        else:
            step = -1 if ref.isoweekday() <= 3 else 0
    saturday = ref + dt.timedelta(days=6 - ref.isoweekday())
    return week_value(saturday + dt.timedelta(weeks=step), weekend=True)


# --- sets


@rule(
    rf"(?:(?P<times>once|twice|thrice|{_NUM} times) )?(?:every|each|per|a|an)"
    rf"(?P<other> other)? (?:(?P<num>{_NUM}) )?(?P<unit>{_UNIT}|{_POD})"
)
def _every(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    unit = m["unit"]
    if unit in PARTS_OF_DAY:
        return _Hit("SET", f"XXXX-XX-XX{PARTS_OF_DAY[unit]}")
    if m["num"] is None and m["other"] is None and m["times"] is None and m[0].startswith("a"):
        return None  # "a day" is a duration unless a frequency precedes it ("twice a day")
    n = 2 if m["other"] else (_number(m["num"]) if m["num"] else 1)
    return _Hit("SET", _duration_value(n, unit))


@rule(rf"(?P<season>{_SEASON})s|every (?P<season2>{_SEASON})")
def _every_season(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("SET", f"XXXX-{SEASONS[m['season'] or m['season2']]}")


@rule(r"(?P<adv>daily|nightly|weekly|biweekly|monthly|quarterly|yearly|annually|annual|hourly)")
def _set_adverb(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("SET", SET_ADVERBS[m["adv"]])


@rule(r"(?:on )?a (?:daily|weekly|monthly|yearly|annual|regular|hourly) basis")
def _set_basis(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    for word, value in SET_ADVERBS.items():
        if word in m[0]:
            return _Hit("SET", value)
    return None


# --- durations


@rule(
    rf"(?:the )?(?P<rel>past|last|previous|next|coming|first|final|following|recent|preceding)"
    rf" (?P<num>{_NUM}) (?P<unit>{_UNIT})"
)
def _span_of_units(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("DURATION", _duration_value(_number(m["num"]), m["unit"]))


@rule(
    rf"(?:the |in )?(?P<rel>past|last|previous|next|coming|recent|following|ensuing|subsequent"
    rf"|intervening|preceding|early|later|later|first|final) (?P<unit>{_UNIT})"
)
def _span_of_vague_units(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    unit = m["unit"]
    if not unit.endswith("s") or unit == "weekends":
        if m["rel"] in ("past", "last", "previous", "next", "coming") and m[0].startswith("the"):
            return _Hit("DURATION", _duration_value(1, unit))
        return None
    return _Hit("DURATION", _duration_value("X", unit))


@rule(
    rf"(?P<num>{_NUM})(?:[- ](?P<more>more|additional|long|straight|full|consecutive|whole))?"
    rf"[- ](?P<unit>{_UNIT})(?:[- ](?:long|old|running|plus|or so|in a row|straight))?"
)
def _duration(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n = _number(m["num"])
    if n != "X" and float(n) == 0:
        return None
    return _Hit("DURATION", _duration_value(n, m["unit"]))


@rule(rf"(?P<unit>{_UNIT})(?:[- ](?:long|old|on end|and years|and months|and days))?")
def _bare_unit(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    unit = m["unit"]
    if unit.endswith("s") or "-" in m[0] or " " in m[0]:
        return _Hit("DURATION", _duration_value(1 if not unit.endswith("s") else "X", unit))
    return None


@rule(r"half (?:an? )?(?P<unit>hour|day|year|month|week|century|decade)")
def _half(m: re.Match[str], ctx: _Ctx) -> _Hit:
    return _Hit("DURATION", _duration_value(0.5, m["unit"]))


@rule(rf"(?P<num>{_NUM}) (?P<unit>{_UNIT}) and (?:a )?half")
def _and_a_half(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n = _number(m["num"])
    if n == "X":
        return None
    return _Hit("DURATION", _duration_value(float(n) + 0.5, m["unit"]))


@rule(
    rf"(?P<num>{_NUM}) (?P<unit>years?|months?|weeks?|days?|hours?),? (?:and )?"
    rf"(?P<num2>{_NUM}) (?P<unit2>months?|weeks?|days?|hours?|minutes?)"
)
def _compound_duration(m: re.Match[str], ctx: _Ctx) -> _Hit | None:
    n1, n2 = _number(m["num"]), _number(m["num2"])
    if "X" in (n1, n2):
        return None
    v1, v2 = _duration_value(n1, m["unit"]), _duration_value(n2, m["unit2"])
    if v1.startswith("PT"):
        return _Hit("DURATION", v1 + v2[2:]) if v2.startswith("PT") else None
    return _Hit("DURATION", v1 + v2[1:])


# ---------------------------------------------------------------- dateparser fallback


_ABSOLUTE_SHAPE = re.compile(
    rf"\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|\b(?:{_MONTH})\b.*\b\d{{4}}\b|\b\d{{4}}\b.*\b(?:{_MONTH})\b"
)


def _fallback(s: str, ctx: _Ctx) -> _Hit:
    """Absolute dates in unusual formats through dateparser; everything else stays unresolved."""
    if not _ABSOLUTE_SHAPE.search(s):
        return _Hit("DATE", None, UNRESOLVED)
    parsed = _dateparser(s, ctx.ref, ctx.tense)
    if parsed is None:
        return _Hit("DATE", None, UNRESOLVED)
    day, period = parsed
    if period == "day":
        return _Hit("DATE", day.isoformat())
    if period == "month":
        return _Hit("DATE", _month_value(day.year, day.month))
    return _Hit("DATE", f"{day.year:04d}")


@lru_cache(maxsize=4096)
def _dateparser(text: str, reference: dt.date | None, tense: str | None):
    """dateparser with explicit settings, cached on (text, reference date, tense).

    Returns ``(date, period)`` only when the text itself names the year, so that no
    year is ever taken from the reference date.
    """
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings = {
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    parser = DateDataParser(languages=["en"], settings=settings)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises many types on odd input; never let them out
        return None
    parts = getattr(data, "parts", None) or ()
    if data.date_obj is None or "year" not in parts:
        return None
    period = "day" if "day" in parts else ("month" if "month" in parts else "year")
    return data.date_obj.date(), period


def rules_count() -> int:
    """Number of grammar rules (for documentation and tests)."""
    return len(_RULES)
