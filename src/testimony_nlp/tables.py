"""Turn an annotated Doc (or an unreadable record) into rows of the four output tables."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from . import __version__
from .attributes import GEO_FIELDS, TIMEX_GROUP
from .records import DocumentRecord

# Time expressions come from the time stage's span group, so these NER labels are not
# repeated from doc.ents; numbers are left out as noise for analysts.
SKIPPED_ENT_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
EVENT_GEO_COLUMNS = ("country_code", "latitude", "longitude", "geo_precision")
EVENT_COLUMNS = (
    "event_type",
    "status",
    "trigger",
    "trigger_start",
    "trigger_end",
    "start_char",
    "end_char",
    "sentence_index",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "date_source",
    "place_text",
    "place_name",
    *EVENT_GEO_COLUMNS,
    "place_source",
    "victim",
    "perpetrator",
    "perpetrator_text",
    "confidence",
    "rule",
    "huridocs_code",
    "plover_type",
    "plover_mode",
    "acled_sub_event",
)


@dataclass(slots=True)
class DocumentRows:
    """All rows one document contributes, table by table."""

    documents: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)

    def by_table(self) -> dict[str, list[dict]]:
        return {
            "documents": self.documents,
            "mentions": self.mentions,
            "events": self.events,
            "participants": self.participants,
        }


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hash that is the same in every run for the same parts."""
    key = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(key.encode("utf-8"), digest_size=length // 2).hexdigest()


def to_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def mention_id(doc_id: str, label: str, start: int, end: int) -> str:
    return stable_id(doc_id, label, start, end)


def error_rows(record: DocumentRecord) -> DocumentRows:
    """The single documents row of a record that could not be read or processed."""
    return DocumentRows(documents=[_document_row(record, status="error", error=record.error)])


def rows_from_doc(record: DocumentRecord, doc: Doc) -> DocumentRows:
    """Rows of a successfully annotated document."""
    doc_id = record.doc_id
    sentences = list(doc.sents) if len(doc) else []
    sentence_starts = [sent.start_char for sent in sentences]
    mentions = _mention_rows(doc_id, doc, sentence_starts)
    events, participants = _event_rows(doc_id, sentences, mentions, sentence_starts)
    document = _document_row(
        record,
        status="ok",
        error=None,
        note=doc._.skipped_reason,
        reference_date=to_date(doc._.reference_date),
        reference_date_source=doc._.reference_date_source,
        language=doc._.language,
        n_sentences=len(sentence_starts),
        n_mentions=len(mentions),
        n_events=len(events),
    )
    return DocumentRows([document], mentions, events, participants)


def _document_row(record: DocumentRecord, *, status: str, error: str | None, **extra) -> dict:
    row = {
        "doc_id": record.doc_id,
        "source": record.source,
        "title": record.title,
        "author": record.author,
        "url": record.url,
        "published": record.published,
        "reference_date": None,
        "reference_date_source": "none",
        "language": record.language,
        "text": record.text if record.ok else None,
        "n_sentences": 0,
        "n_mentions": 0,
        "n_events": 0,
        "status": status,
        "error": error,
        "pipeline_version": __version__,
        "note": None,
    }
    row.update(extra)
    return row


def _sentence_index(starts: list[int], char: int) -> int | None:
    """Index of the sentence holding ``char`` (binary search over sentence starts)."""
    if not starts:
        return None
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _mention_spans(doc: Doc) -> list[Span]:
    spans = [ent for ent in doc.ents if ent.label_ not in SKIPPED_ENT_LABELS]
    if TIMEX_GROUP in doc.spans:
        spans.extend(doc.spans[TIMEX_GROUP])
    return sorted(spans, key=lambda s: (s.start_char, s.end_char, s.label_))


def _mention_rows(doc_id: str, doc: Doc, sentence_starts: list[int]) -> list[dict]:
    rows = []
    for span in _mention_spans(doc):
        geo = span._.geo or {}
        row = {
            "doc_id": doc_id,
            "mention_id": mention_id(doc_id, span.label_, span.start_char, span.end_char),
            "label": span.label_,
            "text": span.text,
            "start_char": span.start_char,
            "end_char": span.end_char,
            "sentence_index": _sentence_index(sentence_starts, span.start_char),
            "canonical": span._.canonical,
            "timex": span._.timex,
            "timex_status": span._.timex_status,
            "date_start": to_date(span._.date_start),
            "date_end": to_date(span._.date_end),
            "date_precision": span._.date_precision,
        }
        row.update({column: geo.get(column) for column in GEO_FIELDS})
        rows.append(row)
    return rows


def _event_rows(
    doc_id: str, sentences: list[Span], mentions: list[dict], sentence_starts: list[int]
) -> tuple[list[dict], list[dict]]:
    by_offsets = {(m["start_char"], m["end_char"]): m["mention_id"] for m in mentions}
    events, participants = [], []
    doc = sentences[0].doc if sentences else None
    for event in (doc._.events or []) if doc is not None else []:
        event_id = stable_id(
            doc_id, event["event_type"], event["trigger_start"], event["trigger_end"]
        )
        row = {"doc_id": doc_id, "event_id": event_id}
        row.update({column: event.get(column) for column in EVENT_COLUMNS})
        row["date_start"] = to_date(row["date_start"])
        row["date_end"] = to_date(row["date_end"])
        if row["sentence_index"] is None:
            row["sentence_index"] = _sentence_index(sentence_starts, event["start_char"])
        row["sentence"] = sentences[row["sentence_index"]].text.strip()
        events.append(row)
        for person in event.get("participants") or []:
            participants.append(
                {
                    "doc_id": doc_id,
                    "event_id": event_id,
                    "role": person.get("role"),
                    "name": person.get("name"),
                    "mention_id": by_offsets.get(
                        (person.get("start_char"), person.get("end_char"))
                    ),
                    "is_narrator": bool(person.get("is_narrator")),
                }
            )
    return events, participants
