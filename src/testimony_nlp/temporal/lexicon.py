"""Word lists shared by the grammar (normalize.py) and the detector (detect.py)."""

from __future__ import annotations

import datetime as dt

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip
"""ISO weekday numbers (Monday = 1)."""

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
    "overnight": "TNI", "tonight": "TNI",
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2,
    "single": 1,
}  # fmt: skip

VAGUE_NUMBERS = (
    "a few", "few", "several", "some", "many", "a number of", "numerous", "dozens of",
    "hundreds of", "countless", "a couple more", "more",
)  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip

UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "sec": ("S", 1), "minute": ("MIN", 1), "min": ("MIN", 1),
    "hour": ("H", 1), "hr": ("H", 1), "day": ("D", 1), "night": ("D", 1), "week": ("W", 1),
    "fortnight": ("W", 2), "month": ("M", 1), "quarter": ("M", 3), "year": ("Y", 1),
    "yr": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100), "centurie": ("Y", 100),
    "weekend": ("WE", 1),
}  # fmt: skip
"""Duration unit -> (TimeML unit letter, multiplier). MIN is written M after a T."""

SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "hourly": "PT1H",
}  # fmt: skip

TIMEZONES = (
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
    "eet", "msk", "ist", "et", "pt", "ct", "local time", "local",
)  # fmt: skip


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth given ISO weekday of a month (nth = -1 for the last one)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


HOLIDAYS = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new years day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new years eve": lambda y: dt.date(y, 12, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "valentines day": lambda y: dt.date(y, 2, 14),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "easter": easter,
    "easter sunday": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "mother's day": lambda y: _nth_weekday(y, 5, 7, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 7, 3),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
    "may day": lambda y: dt.date(y, 5, 1),
    "international women's day": lambda y: dt.date(y, 3, 8),
    "human rights day": lambda y: dt.date(y, 12, 10),
}
"""Fixed and movable feasts: name -> date in a given year."""
