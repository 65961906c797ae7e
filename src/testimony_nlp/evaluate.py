"""Scoring extracted events against a researcher's gold annotations.

This is the library behind ``testimony-nlp evaluate``. A gold file is a JSONL corpus (one
document a line: ``doc_id``/``id``, ``text``/``text_file``, ``published``, ``author``) whose
lines also carry ``events``; see ``data/eval/gold.jsonl`` for an example.

Matching rules (the same as the project's reference scorer, so numbers are comparable):

- A predicted event matches a gold event of the same type when its trigger span
  ``[start_char, end_char)`` overlaps one of the gold evidence spans, located in the
  pipeline's own ``documents.text`` (exact search first, whitespace-insensitive fallback).
- First pass: gold events in file order each take the first unused overlapping prediction.
  Second pass: leftover predictions overlapping a gold event of their type are duplicates
  (not false positives); on an optional gold event they are simply ignored.
- Precision, recall and F1 count non-optional gold events only. Attribute accuracies
  (status, date, place, perpetrator, victim) are computed over matched events whose gold
  value is set.
- ``types`` restricts the *predictions* to those event types; gold events keep every type
  (use it with gold files annotated only for those types).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from .errors import InputError, UsageError

ATTRIBUTES = ("status", "date", "place", "perpetrator", "victim")
"""Event attributes whose accuracy is reported, in report order."""

NARRATOR = "narrator"
"""Gold victim/perpetrator key that stands for the first-person author."""

_SEASONS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11)}
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")


# --------------------------------------------------------------------------- gold data


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One annotated incident; ``evidence`` lists clauses of the text that state it."""

    event_type: str
    evidence: tuple[str, ...]
    status: str | None = None
    date: str | None = None
    place: tuple[str, ...] = ()
    perpetrator: str | None = None
    victim: str | None = None
    optional: bool = False
    id: str | None = None


@dataclass(slots=True)
class GoldDocument:
    """One gold line: the document (it doubles as a corpus record) and its events."""

    doc_id: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    published: dt.date | None = None
    author: str | None = None


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file; ``text_file`` paths are relative to the gold file.

    Raises:
        UsageError: the file does not exist.
        InputError: a line is not valid JSON or lacks an id or a text.
    """
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"gold file {path} does not exist; pass a JSONL file of gold events")
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            docs.append(_parse_gold_line(line, path, number))
    return docs


def _parse_gold_line(line: str, path: Path, number: int) -> GoldDocument:
    where = f"{path}:{number}"
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{where}: not valid JSON ({err.msg}); each line must be one object"
        ) from err
    doc_id = raw.get("doc_id", raw.get("id"))
    if doc_id is None:
        raise InputError(f"{where}: no 'doc_id' or 'id'; give every gold document an id")
    text = raw.get("text") or _read_text_file(raw.get("text_file"), path, where)
    published = raw.get("published")
    return GoldDocument(
        doc_id=str(doc_id),
        text=text,
        events=[_parse_gold_event(e, where) for e in raw.get("events") or []],
        published=dt.date.fromisoformat(published[:10]) if published else None,
        author=raw.get("author") or None,
    )


def _read_text_file(name: str | None, gold_path: Path, where: str) -> str:
    if not name:
        raise InputError(f"{where}: neither 'text' nor 'text_file'; give the document's text")
    file = gold_path.parent / name
    if not file.is_file():
        raise InputError(f"{where}: text_file {file} does not exist")
    return file.read_text(encoding="utf-8")


def _parse_gold_event(raw: Mapping[str, Any], where: str) -> GoldEvent:
    if not raw.get("event_type") or not raw.get("evidence"):
        raise InputError(f"{where}: every gold event needs 'event_type' and 'evidence'")
    evidence = raw["evidence"]
    place = raw.get("place") or ()
    return GoldEvent(
        event_type=str(raw["event_type"]),
        evidence=(evidence,) if isinstance(evidence, str) else tuple(evidence),
        status=raw.get("status") or None,
        date=raw.get("date") or None,
        place=(place,) if isinstance(place, str) else tuple(place),
        perpetrator=raw.get("perpetrator") or None,
        victim=raw.get("victim") or None,
        optional=bool(raw.get("optional", False)),
        id=raw.get("id"),
    )


def gold_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a gold date stands for.

    Accepts ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ISO weeks ``YYYY-Www`` and meteorological
    seasons ``YYYY-SP|SU|FA|AU|WI`` (winter runs from December into the next year).

    Raises:
        ValueError: the value has none of these shapes.
    """
    if not value:
        return None
    if week := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if season := _SEASON.fullmatch(value):
        year = int(season[1])
        if season[2] == "WI":
            return dt.date(year, 12, 1), _month_end(year + 1, 2)
        first, last = _SEASONS[season[2]]
        return dt.date(year, first, 1), _month_end(year, last)
    if not _PARTIAL_DATE.fullmatch(value):
        raise ValueError(f"unknown gold date shape: {value!r}")
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1), _month_end(parts[0], parts[1])
    day = dt.date(*parts)
    return day, day


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# --------------------------------------------------------------------------- results


class TypeScore(NamedTuple):
    """Counts and measures for one event type."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class AttributeScore(NamedTuple):
    """Accuracy of one attribute over matched events (None when the denominator is 0)."""

    accuracy: float | None
    denominator: int


class Miss(NamedTuple):
    """A non-optional gold event no prediction matched."""

    doc_id: str
    event_type: str
    evidence: str
    sentence: str


class Extra(NamedTuple):
    """A prediction that matched no gold event (a false positive)."""

    doc_id: str
    event_type: str
    trigger: str
    sentence: str


@dataclass(slots=True)
class Score:
    """The result of scoring; every measure keeps full precision (round when displaying)."""

    tp: int
    fp: int
    fn: int
    duplicates: int
    precision: float
    recall: float
    f1: float
    per_type: dict[str, TypeScore]
    attributes: dict[str, AttributeScore]
    misses: list[Miss]
    extras: list[Extra]

    def to_dict(self, ndigits: int | None = 3) -> dict[str, Any]:
        """A JSON-ready dict; measures rounded like the reference scorer (``round(x, 3)``)."""

        def rnd(x: float | None) -> float | None:
            return x if x is None or ndigits is None else round(x, ndigits)

        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "duplicates": self.duplicates,
            "precision": rnd(self.precision),
            "recall": rnd(self.recall),
            "f1": rnd(self.f1),
            "attributes": {k: [rnd(a.accuracy), a.denominator] for k, a in self.attributes.items()},
            "per_type": {
                k: {
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                    "precision": rnd(t.precision),
                    "recall": rnd(t.recall),
                    "f1": rnd(t.f1),
                }
                for k, t in self.per_type.items()
            },
            "misses": [m._asdict() for m in self.misses],
            "extras": [e._asdict() for e in self.extras],
        }

    def to_json(self, ndigits: int | None = 3, indent: int | None = 1) -> str:
        """The report as JSON text (see ``to_dict``)."""
        return json.dumps(self.to_dict(ndigits), ensure_ascii=False, indent=indent)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 when undefined."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --------------------------------------------------------------------------- matching


@dataclass(slots=True)
class _Tally:
    """Running counts while documents are scored."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [tp, fp, fn]
    attributes: dict[str, list[int]] = field(
        default_factory=lambda: {name: [0, 0] for name in ATTRIBUTES}
    )
    misses: list[Miss] = field(default_factory=list)
    extras: list[Extra] = field(default_factory=list)

    def count_type(self, event_type: Any, slot: int) -> None:
        self.per_type.setdefault(str(event_type), [0, 0, 0])[slot] += 1

    def count_attribute(self, name: str, correct: bool) -> None:
        self.attributes[name][0] += int(correct)
        self.attributes[name][1] += 1


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` in ``text``; whitespace-insensitive if there is none."""
    spans = []
    start = text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    if spans or not needle.split():
        return spans
    pattern = r"\s+".join(re.escape(word) for word in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _offset(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return int(value)


def _overlaps(pred: Mapping[str, Any], spans: Iterable[tuple[int, int]]) -> bool:
    start, end = _offset(pred.get("start_char")), _offset(pred.get("end_char"))
    if start is None or end is None:
        return False
    return any(start < b and end > a for a, b in spans)


class _Pairing(NamedTuple):
    spans: list[list[tuple[int, int]]]  # per gold event, where its evidence is
    used: list[bool]  # per prediction, whether it lands on a gold event of its type
    matched: list[dict[str, Any] | None]  # per gold event, the prediction it took
    duplicates: int  # leftovers on a matched, non-optional gold event


def _pair(gold: GoldDocument, text: str, preds: list[dict[str, Any]]) -> _Pairing:
    spans = [[sp for ev in ge.evidence for sp in find_spans(text, ev)] for ge in gold.events]
    used = [False] * len(preds)
    matched: list[dict[str, Any] | None] = [None] * len(gold.events)
    duplicates = 0
    # pass 1: each gold event takes the first unused prediction of its type that overlaps it
    for gi, ge in enumerate(gold.events):
        for pi, pred in enumerate(preds):
            if used[pi] or pred.get("event_type") != ge.event_type:
                continue
            if _overlaps(pred, spans[gi]):
                used[pi], matched[gi] = True, pred
                break
    # pass 2: leftovers on an already matched (or optional) gold event are not false positives
    for pi, pred in enumerate(preds):
        if used[pi]:
            continue
        for gi, ge in enumerate(gold.events):
            if pred.get("event_type") == ge.event_type and _overlaps(pred, spans[gi]):
                used[pi] = True
                duplicates += not ge.optional
                break
    return _Pairing(spans, used, matched, duplicates)


def false_positives(gold: GoldDocument, text: str, preds: list[dict[str, Any]]) -> list[bool]:
    """Per prediction of one document, whether the scorer counts it as a false positive
    (the labels the event verifier is trained on)."""
    return [not used for used in _pair(gold, text, preds).used]


def _match_document(
    gold: GoldDocument, text: str, preds: list[dict[str, Any]], tally: _Tally
) -> None:
    spans, used, matched, duplicates = _pair(gold, text, preds)
    tally.duplicates += duplicates
    for pi, pred in enumerate(preds):
        if not used[pi]:
            tally.fp += 1
            tally.count_type(pred.get("event_type"), 1)
            tally.extras.append(_extra(gold.doc_id, text, pred))
    for gi, ge in enumerate(gold.events):
        if ge.optional:
            continue
        pred = matched[gi]
        if pred is None:
            tally.fn += 1
            tally.count_type(ge.event_type, 2)
            tally.misses.append(_miss(gold.doc_id, text, ge, spans[gi]))
        else:
            tally.tp += 1
            tally.count_type(ge.event_type, 0)
            _count_attributes(ge, pred, gold.author, tally)


def _count_attributes(
    ge: GoldEvent, pred: Mapping[str, Any], author: str | None, tally: _Tally
) -> None:
    if ge.status:
        tally.count_attribute("status", _as_text(pred.get("status")) == ge.status)
    if ge.date:
        predicted = (_as_date(pred.get("date_start")), _as_date(pred.get("date_end")))
        tally.count_attribute("date", predicted == gold_interval(ge.date))
    if ge.place:
        # both columns in one string, as the reference scorer does
        found = f"{_as_text(pred.get('place_name'))} {_as_text(pred.get('place_text'))}".lower()
        tally.count_attribute("place", any(name.lower() in found for name in ge.place))
    if ge.perpetrator:
        found = _as_text(pred.get("perpetrator")).lower()
        tally.count_attribute("perpetrator", ge.perpetrator.lower() in found)
    if ge.victim:
        found = _as_text(pred.get("victim")).lower()
        tally.count_attribute("victim", _victim_matches(ge.victim.lower(), found, author))


def _victim_matches(want: str, found: str, author: str | None) -> bool:
    if want != NARRATOR:
        return want in found
    return NARRATOR in found or (bool(author) and author.lower() in found)


def _as_text(value: Any) -> str:
    """A table cell as text; lists (participants) joined with ' ; '."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return " ; ".join(str(x) for x in list(value))
    return str(value)


def _as_date(value: Any) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):  # also pd.Timestamp
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or paragraph-bounded clause) holding ``text[start:end]``, one line."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        begin = m.end()
    stop = _SENTENCE_END.search(text, max(end, start))
    return " ".join(text[begin : stop.start() + 1 if stop else len(text)].split())


def _extra(doc_id: str, text: str, pred: Mapping[str, Any]) -> Extra:
    start, end = _offset(pred.get("start_char")), _offset(pred.get("end_char"))
    if start is not None and end is not None:
        trigger = text[start:end]
        sentence = _as_text(pred.get("sentence")) or sentence_around(text, start, end)
    else:
        trigger, sentence = _as_text(pred.get("trigger")), _as_text(pred.get("sentence"))
    return Extra(doc_id, _as_text(pred.get("event_type")), trigger, sentence)


def _miss(doc_id: str, text: str, ge: GoldEvent, spans: list[tuple[int, int]]) -> Miss:
    sentence = sentence_around(text, *spans[0]) if spans else ""
    return Miss(doc_id, ge.event_type, ge.evidence[0], sentence)


# --------------------------------------------------------------------------- entry points


def score(
    gold_docs: Iterable[GoldDocument],
    documents: pd.DataFrame | None,
    events: pd.DataFrame,
    types: set[str] | None = None,
) -> Score:
    """Score predicted ``events`` against gold documents.

    Args:
        gold_docs: from ``load_gold``.
        documents: the pipeline's documents table; its ``text`` is where evidence is located
            (the gold text is used for documents it lacks).
        events: the pipeline's events table (``doc_id, event_type, status, start_char,
            end_char, date_start, date_end, place_name, place_text, perpetrator, victim``).
        types: keep only predictions of these event types.

    Returns:
        The counts, measures, attribute accuracies, misses and extras.
    """
    if types:
        events = events[events["event_type"].isin(types)]
    texts = _texts_by_id(documents)
    preds_by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in events.to_dict("records"):
        preds_by_doc.setdefault(str(row.get("doc_id")), []).append(row)
    tally = _Tally()
    for gold in gold_docs:
        text = texts.get(gold.doc_id) or gold.text
        _match_document(gold, text, preds_by_doc.get(gold.doc_id, []), tally)
    return _finish(tally)


def _texts_by_id(documents: pd.DataFrame | None) -> dict[str, str]:
    if documents is None or "text" not in documents.columns:
        return {}
    return {
        str(doc_id): text
        for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True)
        if isinstance(text, str)
    }


def _finish(tally: _Tally) -> Score:
    precision, recall, f1 = prf(tally.tp, tally.fp, tally.fn)
    return Score(
        tp=tally.tp,
        fp=tally.fp,
        fn=tally.fn,
        duplicates=tally.duplicates,
        precision=precision,
        recall=recall,
        f1=f1,
        per_type={
            name: TypeScore(tp, fp, fn, *prf(tp, fp, fn))
            for name, (tp, fp, fn) in sorted(tally.per_type.items())
        },
        attributes={
            name: AttributeScore(right / total if total else None, total)
            for name, (right, total) in tally.attributes.items()
        },
        misses=tally.misses,
        extras=tally.extras,
    )


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame | None:
    """An output table, stored as ``<name>/`` (a folder of parts) or ``<name>.parquet``."""
    for candidate in (Path(out_dir) / name, Path(out_dir) / f"{name}.parquet"):
        if candidate.exists():
            return pd.read_parquet(candidate)
    return None


def score_output_dir(
    gold_path: str | Path, out_dir: str | Path, types: set[str] | None = None
) -> Score:
    """Score the tables in an extraction output folder against a gold file.

    Raises:
        UsageError: the folder has no events table.
    """
    events = read_table(out_dir, "events")
    if events is None:
        raise UsageError(f"no events table in {out_dir}; run `testimony-nlp extract` into it first")
    return score(load_gold(gold_path), read_table(out_dir, "documents"), events, types)


def evaluate(gold_path: str | Path, out_dir: str | Path, types: set[str] | None = None) -> Score:
    """The scoring half of ``testimony-nlp evaluate`` (extraction into ``out_dir`` is done)."""
    return score_output_dir(gold_path, out_dir, types)


# --------------------------------------------------------------------------- report


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def render_report(score: Score, max_rows: int = 50) -> list[RenderableType]:
    """Rich renderables to print one by one.

    Totals, a table with a row per event type, attribute accuracies, then the missed gold
    events and the extra predictions, each with its sentence (at most ``max_rows`` each).
    """
    parts: list[RenderableType] = [_summary_table(score), _type_table(score)]
    parts.append(_attribute_table(score))
    if score.misses:
        parts.append(_listing("Missed gold events", score.misses, max_rows, "evidence"))
    if score.extras:
        parts.append(_listing("Extra predictions", score.extras, max_rows, "trigger"))
    return parts


def _summary_table(score: Score) -> Table:
    table = Table(title="Events", title_justify="left")
    for column in ("tp", "fp", "fn", "duplicates", "precision", "recall", "F1"):
        table.add_column(column, justify="right")
    table.add_row(
        str(score.tp),
        str(score.fp),
        str(score.fn),
        str(score.duplicates),
        _fmt(score.precision),
        _fmt(score.recall),
        Text(_fmt(score.f1), style="bold"),
    )
    return table


def _type_table(score: Score) -> Table:
    table = Table(title="Per event type", title_justify="left")
    table.add_column("event type")
    for column in ("tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="right")
    for name, t in score.per_type.items():
        table.add_row(
            name, str(t.tp), str(t.fp), str(t.fn), _fmt(t.precision), _fmt(t.recall), _fmt(t.f1)
        )
    return table


def _attribute_table(score: Score) -> Table:
    table = Table(title="Attributes of matched events", title_justify="left")
    table.add_column("attribute")
    table.add_column("accuracy", justify="right")
    table.add_column("of", justify="right")
    for name, attribute in score.attributes.items():
        table.add_row(name, _fmt(attribute.accuracy), str(attribute.denominator))
    return table


def _listing(title: str, rows: list[Miss] | list[Extra], max_rows: int, what: str) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=True)
    table.add_column("document", overflow="fold")
    table.add_column("type")
    table.add_column(what, overflow="fold")
    table.add_column("sentence", overflow="fold", ratio=1)
    for doc_id, event_type, snippet, sentence in rows[:max_rows]:
        table.add_row(doc_id, event_type, snippet, sentence)
    if len(rows) > max_rows:
        table.caption = f"{len(rows) - max_rows} more not shown; see the JSON report"
    return table
