"""TimeML value strings and the calendar intervals they denote.

``value_interval`` and ``interval_value`` are inverse for every shape that names a
calendar interval (day, ISO week, weekend, month, season, quarter, year, decade,
century). Seasons are meteorological and northern: spring = Mar-May, summer = Jun-Aug,
fall = Sep-Nov, winter = Dec of the value's year to the end of February of the next.
"""

from __future__ import annotations

import datetime as dt
import re

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""First month of each meteorological season (the season lasts three months)."""

PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade", "unknown")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})$")


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month."""
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift a date by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, month_end(year, month + 1).day))


def week_value(day: dt.date, weekend: bool = False) -> str:
    """ISO week value (``2013-W12``) of the week holding ``day``."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if weekend else "")


def value_interval(value: str | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    """Calendar interval ``(start, end, precision)`` named by a TimeML DATE value.

    Values that name no fixed interval (``PRESENT_REF``, ``XXXX-05-08``, durations)
    give ``(None, None, precision of their shape or None)``.
    """
    if not value:
        return None, None, None
    try:
        return _interval(value)
    except ValueError:  # out-of-range numbers (e.g. week 54) name no interval
        return None, None, None


def _interval(value: str) -> tuple[dt.date | None, dt.date | None, str | None]:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, "day"
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
        return monday, monday + dt.timedelta(days=6), "week"
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), month_end(year, month), "month"
    if m := _SEASON.match(value):
        start = dt.date(int(m[1]), SEASON_MONTHS[m[2]], 1)
        last = add_months(start, 2)
        return start, month_end(last.year, last.month), "season"
    if m := _QUARTER.match(value):
        first = (int(m[2]) - 1) * 3 + 1
        return dt.date(int(m[1]), first, 1), month_end(int(m[1]), first + 2), "quarter"
    if m := _YEAR.match(value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if m := _DECADE.match(value):
        year = int(m[1]) * 10
        return dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        year = int(m[1]) * 100
        return dt.date(max(year, 1), 1, 1), dt.date(year + 99, 12, 31), "unknown"
    return None, None, _shape_precision(value)


def _shape_precision(value: str) -> str | None:
    """Precision of an underspecified value such as ``XXXX-05-08`` or ``XXXX-WXX-5``."""
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return "unknown"
    if value.startswith("P"):
        return None
    body = value.split("T", 1)[0]
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", body) or re.fullmatch(r"[\dX]{4}-WXX-\d", body):
        return "day"
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}(-WE)?", body):
        return "week"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", body):
        return "month"
    if re.fullmatch(r"[\dX]{4}-(SP|SU|FA|WI)", body):
        return "season"
    if re.fullmatch(r"[\dX]{4}-Q[1-4X]", body):
        return "quarter"
    if re.fullmatch(r"[\dX]{4}", body):
        return "year"
    if re.fullmatch(r"[\dX]{3}X", body):
        return "decade"
    return "unknown"


def interval_value(start: dt.date, end: dt.date, precision: str) -> str | None:
    """Inverse of :func:`value_interval` for intervals it produces; None for other intervals."""
    candidate: str | None
    if precision == "day":
        candidate = start.isoformat()
    elif precision == "week":
        candidate = week_value(start, weekend=start.weekday() == 5)
    elif precision == "month":
        candidate = f"{start.year:04d}-{start.month:02d}"
    elif precision == "season":
        codes = {v: k for k, v in SEASON_MONTHS.items()}
        candidate = f"{start.year:04d}-{codes.get(start.month, 'XX')}"
    elif precision == "quarter":
        candidate = f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    elif precision == "year":
        candidate = f"{start.year:04d}"
    elif precision == "decade":
        candidate = f"{start.year // 10:03d}X"
    elif precision == "unknown":
        candidate = f"{start.year // 100:02d}"
    else:
        return None
    return candidate if value_interval(candidate)[:2] == (start, end) else None
