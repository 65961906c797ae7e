"""Table-driven tests of the TimeML grammar: (text, reference date, tense) -> Timex.

Reference dates used below: 2015-11-30 is a Monday, 1998-08-08 a Saturday, 2000-01-03 the
Monday of ISO week 2000-W01 and 2014-12-31 a Wednesday of ISO week 2015-W01, so the
weekday, week and year-boundary cases are covered.
"""

from __future__ import annotations

import datetime as dt

import pytest

from testimony_nlp.temporal import Timex, normalize, resolve_relative_to

# text, reference date, tense -> type, value, start, end, precision, status
# One row a line, so the table reads as a table (the formatter would split each row).
# fmt: off
CASES = [
    ("Aug. 7, 1998", "2015-11-30", None, "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("August 7 1998", "2015-11-30", None, "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("7 August 1998", "2015-11-30", None, "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("the 7th of August, 1998", "2015-11-30", None, "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("March 5, 1946", None, None, "DATE", "1946-03-05", "1946-03-05", "1946-03-05", "day", "resolved"),
    ("Dec. 21, 1988", None, None, "DATE", "1988-12-21", "1988-12-21", "1988-12-21", "day", "resolved"),
    ("1998-08-07", None, None, "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("08/07/1998", None, None, "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("July 1997", None, None, "DATE", "1997-07", "1997-07-01", "1997-07-31", "month", "resolved"),
    ("June 1998", "2015-11-30", "past", "DATE", "1998-06", "1998-06-01", "1998-06-30", "month", "resolved"),
    ("October of 2013", None, None, "DATE", "2013-10", "2013-10-01", "2013-10-31", "month", "resolved"),
    ("1995", None, None, "DATE", "1995", "1995-01-01", "1995-12-31", "year", "resolved"),
    ("fiscal 1998", None, None, "DATE", "1998", "1998-01-01", "1998-12-31", "year", "resolved"),
    ("post-1959", None, None, "DATE", "1959", "1959-01-01", "1959-12-31", "year", "resolved"),
    ("the 1980s", None, None, "DATE", "198X", "1980-01-01", "1989-12-31", "decade", "resolved"),
    ("the early 1990s", None, None, "DATE", "199X", "1990-01-01", "1999-12-31", "decade", "resolved"),
    ("mid-1990s", None, None, "DATE", "199X", "1990-01-01", "1999-12-31", "decade", "resolved"),
    ("the '90s", "2015-11-30", None, "DATE", "199X", "1990-01-01", "1999-12-31", "decade", "resolved"),
    ("the sixties", "2015-11-30", None, "DATE", "196X", "1960-01-01", "1969-12-31", "decade", "resolved"),
    ("the 20th century", None, None, "DATE", "19", "1900-01-01", "1999-12-31", "unknown", "resolved"),
    ("Friday, Oct. 23", "1998-11-21", None, "DATE", "1998-10-23", "1998-10-23", "1998-10-23", "day", "resolved"),
    ("Monday, Oct. 26", "1998-10-25", None, "DATE", "1998-10-26", "1998-10-26", "1998-10-26", "day", "resolved"),
    ("summer 2014", None, None, "DATE", "2014-SU", "2014-06-01", "2014-08-31", "season", "resolved"),
    ("the winter of 2013", None, None, "DATE", "2013-WI", "2013-12-01", "2014-02-28", "season", "resolved"),
    ("the first quarter of 2013", None, None, "DATE", "2013-Q1", "2013-01-01", "2013-03-31", "quarter", "resolved"),
    ("Q3 2012", None, None, "DATE", "2012-Q3", "2012-07-01", "2012-09-30", "quarter", "resolved"),
    ("the third quarter", "2015-11-30", "past", "DATE", "2015-Q3", "2015-07-01", "2015-09-30", "quarter", "resolved"),
    ("the fourth quarter", "2015-11-30", "past", "DATE", "2015-Q4", "2015-10-01", "2015-12-31", "quarter", "resolved"),
    ("November 8 this year", "2015-11-30", None, "DATE", "2015-11-08", "2015-11-08", "2015-11-08", "day", "resolved"),
    ("Nov. 25", "2000-01-07", "past", "DATE", "1999-11-25", "1999-11-25", "1999-11-25", "day", "resolved"),
    ("Feb. 10", "2000-01-07", None, "DATE", "2000-02-10", "2000-02-10", "2000-02-10", "day", "resolved"),
    ("Jan. 14", "2000-01-05", "past", "DATE", "2000-01-14", "2000-01-14", "2000-01-14", "day", "resolved"),
    ("Oct. 23", "1999-05-06", "past", "DATE", "1998-10-23", "1998-10-23", "1998-10-23", "day", "resolved"),
    ("March 12", "1999-02-16", "future", "DATE", "1999-03-12", "1999-03-12", "1999-03-12", "day", "resolved"),
    ("May 8", "2015-11-30", "past", "DATE", "2015-05-08", "2015-05-08", "2015-05-08", "day", "resolved"),
    ("May 8", "2015-11-30", "future", "DATE", "2016-05-08", "2016-05-08", "2016-05-08", "day", "resolved"),
    ("last Oct. 23", "1999-04-19", None, "DATE", "1998-10-23", "1998-10-23", "1998-10-23", "day", "resolved"),
    ("April 24", "1999-02-10", None, "DATE", "1999-04-24", "1999-04-24", "1999-04-24", "day", "resolved"),
    ("December 25 last year", "2015-11-30", None, "DATE", "2014-12-25", "2014-12-25", "2014-12-25", "day", "resolved"),
    ("May 8", None, None, "DATE", "XXXX-05-08", None, None, "day", "unanchored"),
    ("This May", "2015-11-30", None, "DATE", "2015-05", "2015-05-01", "2015-05-31", "month", "resolved"),
    ("this May", "2015-11-30", "past", "DATE", "2015-05", "2015-05-01", "2015-05-31", "month", "resolved"),
    ("May", "2015-11-30", "past", "DATE", "2015-05", "2015-05-01", "2015-05-31", "month", "resolved"),
    ("May", "2015-11-30", "future", "DATE", "2016-05", "2016-05-01", "2016-05-31", "month", "resolved"),
    ("in April", "1998-12-05", "future", "DATE", "1999-04", "1999-04-01", "1999-04-30", "month", "resolved"),
    ("April", "1999-06-07", "past", "DATE", "1999-04", "1999-04-01", "1999-04-30", "month", "resolved"),
    ("last October", "1999-02-06", None, "DATE", "1998-10", "1998-10-01", "1998-10-31", "month", "resolved"),
    ("next March", "2015-11-30", None, "DATE", "2016-03", "2016-03-01", "2016-03-31", "month", "resolved"),
    ("early December", "2000-01-07", "past", "DATE", "1999-12", "1999-12-01", "1999-12-31", "month", "resolved"),
    ("late November", "2000-04-01", "past", "DATE", "1999-11", "1999-11-01", "1999-11-30", "month", "resolved"),
    ("April next year", "1998-12-03", None, "DATE", "1999-04", "1999-04-01", "1999-04-30", "month", "resolved"),
    ("February this year", "1998-12-03", None, "DATE", "1998-02", "1998-02-01", "1998-02-28", "month", "resolved"),
    ("December", "1999-05-06", "past", "DATE", "1998-12", "1998-12-01", "1998-12-31", "month", "resolved"),
    ("January", "2014-12-31", "future", "DATE", "2015-01", "2015-01-01", "2015-01-31", "month", "resolved"),
    ("September", None, None, "DATE", "XXXX-09", None, None, "month", "unanchored"),
    ("Friday", "1998-08-07", "past", "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("Friday", "1998-08-08", "past", "DATE", "1998-08-07", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("on Friday", "2015-11-30", "past", "DATE", "2015-11-27", "2015-11-27", "2015-11-27", "day", "resolved"),
    ("Friday", "2015-11-30", "future", "DATE", "2015-12-04", "2015-12-04", "2015-12-04", "day", "resolved"),
    ("Thursday", "1998-09-30", "future", "DATE", "1998-10-01", "1998-10-01", "1998-10-01", "day", "resolved"),
    ("Tuesday", "1998-08-17", "future", "DATE", "1998-08-18", "1998-08-18", "1998-08-18", "day", "resolved"),
    ("last Wednesday", "2000-04-03", None, "DATE", "2000-03-29", "2000-03-29", "2000-03-29", "day", "resolved"),
    ("next Monday", "2015-11-30", None, "DATE", "2015-12-07", "2015-12-07", "2015-12-07", "day", "resolved"),
    ("this Friday", "2015-11-30", None, "DATE", "2015-12-04", "2015-12-04", "2015-12-04", "day", "resolved"),
    ("Sunday", "2000-01-03", "past", "DATE", "2000-01-02", "2000-01-02", "2000-01-02", "day", "resolved"),
    ("Saturday", "2014-12-31", "future", "DATE", "2015-01-03", "2015-01-03", "2015-01-03", "day", "resolved"),
    ("Friday", "2014-12-31", None, "DATE", "2015-01-02", "2015-01-02", "2015-01-02", "day", "resolved"),
    ("Monday", "2015-11-30", None, "DATE", "2015-11-30", "2015-11-30", "2015-11-30", "day", "resolved"),
    ("Friday morning", "1998-08-08", "past", "TIME", "1998-08-07TMO", "1998-08-07", "1998-08-07", "day", "resolved"),
    ("Wednesday night", "2000-01-07", "past", "TIME", "2000-01-05TNI", "2000-01-05", "2000-01-05", "day", "resolved"),
    ("Wednesday evening", "2000-03-29", None, "TIME", "2000-03-29TEV", "2000-03-29", "2000-03-29", "day", "resolved"),
    ("Friday", None, None, "DATE", "XXXX-WXX-5", None, None, "day", "unanchored"),
    ("every Monday", "2015-11-30", None, "SET", "XXXX-WXX-1", None, None, None, "resolved"),
    ("Mondays", "2015-11-30", None, "SET", "XXXX-WXX-1", None, None, None, "resolved"),
    ("today", "2015-11-30", None, "DATE", "2015-11-30", "2015-11-30", "2015-11-30", "day", "resolved"),
    ("Today", None, None, "DATE", "XXXX-XX-XX", None, None, "day", "unanchored"),
    ("yesterday", "2015-11-30", None, "DATE", "2015-11-29", "2015-11-29", "2015-11-29", "day", "resolved"),
    ("tomorrow", "2014-12-31", None, "DATE", "2015-01-01", "2015-01-01", "2015-01-01", "day", "resolved"),
    ("tonight", "2015-11-30", None, "TIME", "2015-11-30TNI", "2015-11-30", "2015-11-30", "day", "resolved"),
    ("this morning", "2015-11-30", None, "TIME", "2015-11-30TMO", "2015-11-30", "2015-11-30", "day", "resolved"),
    ("last night", "2000-01-03", None, "TIME", "2000-01-02TNI", "2000-01-02", "2000-01-02", "day", "resolved"),
    ("yesterday afternoon", "2015-11-30", None, "TIME", "2015-11-29TAF", "2015-11-29", "2015-11-29", "day", "resolved"),
    ("the day before yesterday", "2015-11-30", None, "DATE", "2015-11-28", "2015-11-28", "2015-11-28", "day", "resolved"),
    ("now", "2015-11-30", None, "DATE", "PRESENT_REF", "2015-11-30", "2015-11-30", "unknown", "resolved"),
    ("right now", "2015-11-30", None, "DATE", "PRESENT_REF", "2015-11-30", "2015-11-30", "unknown", "resolved"),
    ("currently", "2015-11-30", None, "DATE", "PRESENT_REF", "2015-11-30", "2015-11-30", "unknown", "resolved"),
    ("the future", "2015-11-30", None, "DATE", "FUTURE_REF", None, None, "unknown", "resolved"),
    ("in the past", "2015-11-30", None, "DATE", "PAST_REF", None, None, "unknown", "resolved"),
    ("recently", "2015-11-30", None, "DATE", "PAST_REF", None, None, "unknown", "resolved"),
    ("last year", "2015-11-30", None, "DATE", "2014", "2014-01-01", "2014-12-31", "year", "resolved"),
    ("this year", "2015-11-30", None, "DATE", "2015", "2015-01-01", "2015-12-31", "year", "resolved"),
    ("next year", "2014-12-31", None, "DATE", "2015", "2015-01-01", "2015-12-31", "year", "resolved"),
    ("last month", "2000-01-03", None, "DATE", "1999-12", "1999-12-01", "1999-12-31", "month", "resolved"),
    ("this month", "2015-11-30", None, "DATE", "2015-11", "2015-11-01", "2015-11-30", "month", "resolved"),
    ("next month", "2014-12-31", None, "DATE", "2015-01", "2015-01-01", "2015-01-31", "month", "resolved"),
    ("earlier this month", "2015-11-30", None, "DATE", "2015-11", "2015-11-01", "2015-11-30", "month", "resolved"),
    ("later this year", "2015-11-30", None, "DATE", "2015", "2015-01-01", "2015-12-31", "year", "resolved"),
    ("last week", "2015-11-30", None, "DATE", "2015-W48", "2015-11-23", "2015-11-29", "week", "resolved"),
    ("this week", "2000-01-03", None, "DATE", "2000-W01", "2000-01-03", "2000-01-09", "week", "resolved"),
    ("next week", "2014-12-31", None, "DATE", "2015-W02", "2015-01-05", "2015-01-11", "week", "resolved"),
    ("early next week", "2000-01-07", None, "DATE", "2000-W02", "2000-01-10", "2000-01-16", "week", "resolved"),
    ("earlier this week", "2000-02-10", None, "DATE", "2000-W06", "2000-02-07", "2000-02-13", "week", "resolved"),
    ("the weekend", "2015-11-30", "past", "DATE", "2015-W48-WE", "2015-11-28", "2015-11-29", "week", "resolved"),
    ("the weekend", "2015-11-30", "future", "DATE", "2015-W49-WE", "2015-12-05", "2015-12-06", "week", "resolved"),
    ("last weekend", "2015-11-30", None, "DATE", "2015-W48-WE", "2015-11-28", "2015-11-29", "week", "resolved"),
    ("this weekend", "2015-12-02", None, "DATE", "2015-W49-WE", "2015-12-05", "2015-12-06", "week", "resolved"),
    ("this decade", "2015-11-30", None, "DATE", "201X", "2010-01-01", "2019-12-31", "decade", "resolved"),
    ("last decade", "2015-11-30", None, "DATE", "200X", "2000-01-01", "2009-12-31", "decade", "resolved"),
    ("this century", "2015-11-30", None, "DATE", "20", "2000-01-01", "2099-12-31", "unknown", "resolved"),
    ("last quarter", "2015-11-30", None, "DATE", "2015-Q3", "2015-07-01", "2015-09-30", "quarter", "resolved"),
    ("this quarter", "2015-11-30", None, "DATE", "2015-Q4", "2015-10-01", "2015-12-31", "quarter", "resolved"),
    ("last year", None, None, "DATE", None, None, None, None, "unanchored"),
    ("the summer", "2015-11-30", None, "DATE", "2015-SU", "2015-06-01", "2015-08-31", "season", "resolved"),
    ("the summer", "2015-11-30", "past", "DATE", "2015-SU", "2015-06-01", "2015-08-31", "season", "resolved"),
    ("the summer", "2015-03-10", "past", "DATE", "2014-SU", "2014-06-01", "2014-08-31", "season", "resolved"),
    ("the summer", "2015-03-10", "future", "DATE", "2015-SU", "2015-06-01", "2015-08-31", "season", "resolved"),
    ("last fall", "1999-04-10", None, "DATE", "1998-FA", "1998-09-01", "1998-11-30", "season", "resolved"),
    ("this spring", "2015-11-30", None, "DATE", "2015-SP", "2015-03-01", "2015-05-31", "season", "resolved"),
    ("next winter", "2015-11-30", None, "DATE", "2015-WI", "2015-12-01", "2016-02-29", "season", "resolved"),
    ("last winter", "2015-01-15", None, "DATE", "2013-WI", "2013-12-01", "2014-02-28", "season", "resolved"),
    ("the summer", None, None, "DATE", "XXXX-SU", None, None, "season", "unanchored"),
    ("summers", "2015-11-30", None, "SET", "XXXX-SU", None, None, None, "resolved"),
    ("two decades ago", "2015-11-30", None, "DATE", "1995", "1995-01-01", "1995-12-31", "year", "resolved"),
    ("50 years ago", "1999-02-16", None, "DATE", "1949", "1949-01-01", "1949-12-31", "year", "resolved"),
    ("two months ago", "2000-01-28", None, "DATE", "1999-11", "1999-11-01", "1999-11-30", "month", "resolved"),
    ("11 days ago", "1999-04-19", None, "DATE", "1999-04-08", "1999-04-08", "1999-04-08", "day", "resolved"),
    ("a week ago", "2000-01-03", None, "DATE", "1999-W52", "1999-12-27", "2000-01-02", "week", "resolved"),
    ("three years ago", None, None, "DATE", None, None, None, None, "unanchored"),
    ("years ago", "2015-11-30", None, "DATE", "PAST_REF", None, None, "unknown", "resolved"),
    ("a decade ago", "1999-03-12", None, "DATE", "1989", "1989-01-01", "1989-12-31", "year", "resolved"),
    ("two weeks from now", "2015-11-30", None, "DATE", "2015-W51", "2015-12-14", "2015-12-20", "week", "resolved"),
    ("two days later", None, None, "DATE", None, None, None, None, "unanchored"),
    ("Two decades", "2015-11-30", None, "DURATION", "P20Y", None, None, None, "resolved"),
    ("three days", "2015-11-30", None, "DURATION", "P3D", None, None, None, "resolved"),
    ("16-hour", None, None, "DURATION", "PT16H", None, None, None, "resolved"),
    ("five-hour", None, None, "DURATION", "PT5H", None, None, None, "resolved"),
    ("two-day", None, None, "DURATION", "P2D", None, None, None, "resolved"),
    ("the past two months", None, None, "DURATION", "P2M", None, None, None, "resolved"),
    ("past 20 years", None, None, "DURATION", "P20Y", None, None, None, "resolved"),
    ("the last five years", None, None, "DURATION", "P5Y", None, None, None, "resolved"),
    ("less than a decade", None, None, "DURATION", "P10Y", None, None, None, "resolved"),
    ("at least 72 hours", None, None, "DURATION", "PT72H", None, None, None, "resolved"),
    ("over an hour", None, None, "DURATION", "PT1H", None, None, None, "resolved"),
    ("one minute", None, None, "DURATION", "PT1M", None, None, None, "resolved"),
    ("5 1/2 hours", None, None, "DURATION", "PT5H30M", None, None, None, "resolved"),
    ("half an hour", None, None, "DURATION", "PT30M", None, None, None, "resolved"),
    ("a year and a half", None, None, "DURATION", "P1Y6M", None, None, None, "resolved"),
    ("two and a half years", None, None, "DURATION", "P2Y6M", None, None, None, "resolved"),
    ("several weeks", None, None, "DURATION", "PXW", None, None, None, "resolved"),
    ("years", None, None, "DURATION", "PXY", None, None, None, "resolved"),
    ("decades-long", None, None, "DURATION", "PXY", None, None, None, "resolved"),
    ("day-long", None, None, "DURATION", "P1D", None, None, None, "resolved"),
    ("recent days", None, None, "DURATION", "PXD", None, None, None, "resolved"),
    ("the coming years", None, None, "DURATION", "PXY", None, None, None, "resolved"),
    ("a fortnight", None, None, "DURATION", "P2W", None, None, None, "resolved"),
    ("two centuries", None, None, "DURATION", "P200Y", None, None, None, "resolved"),
    ("three hours and 20 minutes", None, None, "DURATION", "PT3H20M", None, None, None, "resolved"),
    ("two years and three months", None, None, "DURATION", "P2Y3M", None, None, None, "resolved"),
    ("the past week", None, None, "DURATION", "P1W", None, None, None, "resolved"),
    ("90 seconds", None, None, "DURATION", "PT90S", None, None, None, "resolved"),
    ("14 days", None, None, "DURATION", "P14D", None, None, None, "resolved"),
    ("two more weeks", None, None, "DURATION", "P2W", None, None, None, "resolved"),
    ("daily", None, None, "SET", "P1D", None, None, None, "resolved"),
    ("weekly", None, None, "SET", "P1W", None, None, None, "resolved"),
    ("annually", None, None, "SET", "P1Y", None, None, None, "resolved"),
    ("every day", None, None, "SET", "P1D", None, None, None, "resolved"),
    ("each year", None, None, "SET", "P1Y", None, None, None, "resolved"),
    ("twice a week", None, None, "SET", "P1W", None, None, None, "resolved"),
    ("every other month", None, None, "SET", "P2M", None, None, None, "resolved"),
    ("per hour", None, None, "SET", "PT1H", None, None, None, "resolved"),
    ("on a daily basis", None, None, "SET", "P1D", None, None, None, "resolved"),
    ("every morning", None, None, "SET", "XXXX-XX-XXTMO", None, None, None, "resolved"),
    ("10:35 a.m.", "1998-08-08", None, "TIME", "1998-08-08T10:35", "1998-08-08", "1998-08-08", "day", "resolved"),
    ("9 a.m. Tuesday", "2000-04-03", "future", "TIME", "2000-04-04T09:00", "2000-04-04", "2000-04-04", "day", "resolved"),
    ("4 a.m. EDT Thursday", "2000-04-05", "future", "TIME", "2000-04-06T04:00", "2000-04-06", "2000-04-06", "day", "resolved"),
    ("noon", "2015-11-30", None, "TIME", "2015-11-30T12:00", "2015-11-30", "2015-11-30", "day", "resolved"),
    ("midnight", "2015-11-30", None, "TIME", "2015-11-30T24:00", "2015-11-30", "2015-11-30", "day", "resolved"),
    ("10 p.m.", None, None, "TIME", "XXXX-XX-XXT22:00", None, None, "day", "unanchored"),
    ("4 in the morning", "2000-04-05", None, "TIME", "2000-04-05T04:00", "2000-04-05", "2000-04-05", "day", "resolved"),
    ("14:30", "2015-11-30", None, "TIME", "2015-11-30T14:30", "2015-11-30", "2015-11-30", "day", "resolved"),
    ("Thursday at 3 p.m.", "2015-11-30", "past", "TIME", "2015-11-26T15:00", "2015-11-26", "2015-11-26", "day", "resolved"),
    ("Thanksgiving Day", "2000-01-07", "past", "DATE", "1999-11-25", "1999-11-25", "1999-11-25", "day", "resolved"),
    ("last Thanksgiving", "2000-02-10", None, "DATE", "1999-11-25", "1999-11-25", "1999-11-25", "day", "resolved"),
    ("Christmas", "2015-11-30", "future", "DATE", "2015-12-25", "2015-12-25", "2015-12-25", "day", "resolved"),
    ("Christmas 2010", None, None, "DATE", "2010-12-25", "2010-12-25", "2010-12-25", "day", "resolved"),
    ("Easter 2016", None, None, "DATE", "2016-03-27", "2016-03-27", "2016-03-27", "day", "resolved"),
    ("Election Day", "1998-10-26", "future", "DATE", "1998-11-03", "1998-11-03", "1998-11-03", "day", "resolved"),
    ("New Year's Day", "2015-11-30", "future", "DATE", "2016-01-01", "2016-01-01", "2016-01-01", "day", "resolved"),
    ("Easter week", "2000-04-17", None, "DATE", "2000-W16", "2000-04-17", "2000-04-23", "week", "resolved"),
    # a relative day anchored on a written date, joined by the detector into one TIMEX3
    ("the day before last Tuesday", "2015-11-30", None, "DATE", "2015-11-23", "2015-11-23", "2015-11-23", "day", "resolved"),
    ("the day after Christmas", "2015-11-30", "past", "DATE", "2014-12-26", "2014-12-26", "2014-12-26", "day", "resolved"),
    # a part of day the NER labelled apart from its modified weekday, joined by the detector
    ("early Friday morning", "2015-11-30", "past", "TIME", "2015-11-27TMO", "2015-11-27", "2015-11-27", "day", "resolved"),
    # no tense (a planned event reported in the past): the nearest occurrence
    ("Saturday", "2015-11-27", None, "DATE", "2015-11-28", "2015-11-28", "2015-11-28", "day", "resolved"),
    ("December", "2015-11-20", None, "DATE", "2015-12", "2015-12-01", "2015-12-31", "month", "resolved"),
    ("Christmas", None, None, "DATE", None, None, None, None, "unanchored"),
    ("the age of 12", "2015-11-30", None, "DATE", None, None, None, None, "unresolved"),
    ("some point", "2015-11-30", None, "DATE", None, None, None, None, "unresolved"),
    ("", "2015-11-30", None, "DATE", None, None, None, None, "unresolved"),
    ("February 30", "2015-11-30", None, "DATE", None, None, None, None, "unresolved"),
    ("the day", "2015-11-30", None, "DATE", None, None, None, None, "unresolved"),
]
# fmt: on


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize(
    ("text", "ref", "tense", "type_", "value", "start", "end", "precision", "status"), CASES
)
def test_time_normalize_table(text, ref, tense, type_, value, start, end, precision, status):
    timex = normalize(text, _date(ref), tense)
    assert timex == Timex(text, type_, value, _date(start), _date(end), precision, status)


def test_time_normalize_table_is_large_enough():
    assert len(CASES) >= 150


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("two days later", "2014-08-03", "2014-08-05"),
        ("the next day", "2014-12-31", "2015-01-01"),
        ("the day before", "2015-03-01", "2015-02-28"),
        ("that evening", "2014-08-03", "2014-08-03TEV"),
        ("that same day", "2014-08-03", "2014-08-03"),
        ("a week later", "2014-08-03", "2014-W32"),  # Sunday + 7 days
        ("three months later", "2014-11-15", "2015-02"),
        ("two years earlier", "2014-11-15", "2012"),
        ("the following week", "2014-12-29", "2015-W02"),
        ("later that year", "2014-03-01", "2014"),
        ("the next morning", "2000-02-22", "2000-02-23TMO"),
    ],
)
def test_time_resolve_relative_to_anchor(text, anchor, value):
    assert resolve_relative_to(text, dt.date.fromisoformat(anchor)).value == value


def test_time_relative_to_anchor_not_publication():
    # "two days later" follows the event, not the publication date
    published = dt.date(2015, 11, 30)
    assert normalize("two days later", published).status == "unanchored"
    timex = normalize("two days later", published, anchor=dt.date(2014, 8, 3))
    assert (timex.value, timex.status) == ("2014-08-05", "resolved")


@pytest.mark.parametrize(
    ("text", "context_year", "tense", "value"),
    [
        ("in May", 2012, "past", "2012-05"),
        ("May 3", 2012, "past", "2012-05-03"),
        ("this May", 2014, "past", "2015-05"),  # "this" names the reference year
        ("in May", 2012, "future", "2016-05"),  # context informs past narration only
    ],
)
def test_time_context_year_informs_bare_months(text, context_year, tense, value):
    ref = dt.date(2015, 11, 30)
    assert normalize(text, ref, tense, context_year=context_year).value == value


@pytest.mark.parametrize(
    ("text", "story", "tense", "value"),
    [
        # the year the story has reached, not the publication's
        ("on 29 March", dt.date(2021, 3, 17), "past", "2021-03-29"),
        ("on 2 March", dt.date(2021, 3, 17), "past", "2021-03-02"),  # told looking back
        ("on 5 January", dt.date(2020, 12, 20), "past", "2021-01-05"),  # into the next year
        ("in September", dt.date(2021, 3, 29), "past", "2021-09"),
        # not past the reference date, not from an old date, not for the future tense
        ("on 29 December", dt.date(2022, 10, 1), "past", "2021-12-29"),
        ("on 29 March", dt.date(1985, 3, 17), "past", "2022-03-29"),
        ("on 29 March", dt.date(2021, 3, 17), "future", "2023-03-29"),
        ("on 29 March", None, "past", "2022-03-29"),
    ],
)
def test_time_yearless_dates_take_the_year_of_the_story(text, story, tense, value):
    ref = dt.date(2022, 11, 3)
    assert normalize(text, ref, tense, anchor=story).value == value


def test_time_a_past_tense_day_is_never_after_the_reference():
    # ten months back, not two months ahead
    assert normalize("on January 11", dt.date(2022, 11, 10), "past").value == "2022-01-11"
    assert normalize("on January 11", dt.date(2022, 11, 10), "future").value == "2023-01-11"


def test_time_normalize_accepts_datetime_reference():
    assert normalize("yesterday", dt.datetime(2015, 11, 30, 23, 59)).value == "2015-11-29"
