"""Property tests of the time stage's normaliser (hypothesis)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from testimony_nlp.temporal import normalize
from testimony_nlp.temporal.values import interval_value, value_interval

PHRASES = [
    "today", "yesterday", "tomorrow", "tonight", "last year", "this year", "next year",
    "last month", "this month", "earlier this month", "last week", "this week", "next week",
    "the weekend", "last weekend", "Friday", "on Monday", "last Sunday", "next Thursday",
    "this May", "May", "last October", "November 8", "November 8 this year", "Aug. 7",
    "the summer", "last fall", "this winter", "next spring", "the first quarter", "last quarter",
    "two decades ago", "three days ago", "a month ago", "the 1990s", "this decade",
    "this century", "Christmas", "Thanksgiving", "Easter week", "Friday morning", "now",
    "9 a.m. Tuesday", "10:35 a.m.", "1998", "March 2014", "Dec. 21, 1988",
]  # fmt: skip
SHAPES = {
    "day": re.compile(r"^\d{4}-\d\d-\d\d(T.*)?$"),
    "week": re.compile(r"^\d{4}-W\d\d(-WE)?$"),
    "month": re.compile(r"^\d{4}-\d\d$"),
    "season": re.compile(r"^\d{4}-(SP|SU|FA|WI)$"),
    "quarter": re.compile(r"^\d{4}-Q[1-4]$"),
    "year": re.compile(r"^\d{4}$"),
    "decade": re.compile(r"^\d{3}X$"),
    "unknown": re.compile(r"^(\d\d|PRESENT_REF|PAST_REF|FUTURE_REF)$"),
}
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
tenses = st.sampled_from([None, "past", "present", "future"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PHRASES), dates, tenses)
def test_time_property_dates_are_ordered_and_shaped(text, ref, tense):
    timex = normalize(text, ref, tense)
    assert timex.type in ("DATE", "TIME")
    assert timex.status == "resolved"
    if timex.start is not None:
        assert timex.start <= timex.end
    assert SHAPES[timex.precision].match(timex.value), (text, timex)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PHRASES), dates, tenses)
def test_time_property_value_interval_round_trip(text, ref, tense):
    timex = normalize(text, ref, tense)
    if timex.start is None or "T" in timex.value or timex.value.endswith("_REF"):
        return
    start, end, precision = value_interval(timex.value)
    assert (start, end, precision) == (timex.start, timex.end, timex.precision)
    assert interval_value(start, end, precision) == timex.value


@settings(max_examples=300, deadline=None)
@given(dates, st.sampled_from(["day", "week", "month", "season", "quarter", "year", "decade"]))
def test_time_property_interval_round_trip_from_any_day(day, precision):
    value = {
        "day": day.isoformat(),
        "week": f"{day.isocalendar().year}-W{day.isocalendar().week:02d}",
        "month": f"{day.year}-{day.month:02d}",
        "season": f"{day.year}-{['WI', 'SP', 'SU', 'FA'][day.month % 12 // 3]}",
        "quarter": f"{day.year}-Q{(day.month - 1) // 3 + 1}",
        "year": f"{day.year}",
        "decade": f"{day.year // 10}X",
    }[precision]
    start, end, got = value_interval(value)
    assert got == precision and start <= end
    assert interval_value(start, end, precision) == value


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60), st.one_of(st.none(), dates), tenses)
def test_time_property_normalize_never_raises(text, ref, tense):
    timex = normalize(text, ref, tense)
    assert timex.status in ("resolved", "unresolved", "unanchored")
    if timex.start is not None:
        assert timex.start <= timex.end


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PHRASES), tenses)
def test_time_property_no_reference_never_invents_a_year(text, tense):
    timex = normalize(text, None, tense)
    explicit = re.search(r"\d{4}", text)
    if not explicit and timex.value and timex.type in ("DATE", "TIME"):
        assert not re.match(r"^\d{4}", timex.value) or timex.value.endswith("_REF")
        assert timex.start is None or timex.value == "PRESENT_REF"
