"""One document as a self-contained HTML page (``testimony-nlp render``).

The text is drawn by displaCy's span style from three span groups (entities, time
expressions, event triggers), each in its own colours; below it, a table gives every
event's fields beside its evidence sentence. The page links nothing outside itself
(no fonts, CSS or scripts), so it opens offline in any browser.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spacy import displacy
from spacy.tokens import Doc, Span

from .attributes import TIMEX_GROUP
from .records import DocumentRecord
from .show import format_date, sentence_offset
from .tables import SKIPPED_ENT_LABELS, DocumentRows

if TYPE_CHECKING:
    from spacy.language import Language

    from .api import ExtractOptions

ENTITY_GROUP = "tnlp_entities"
TRIGGER_GROUP = "tnlp_triggers"

TRIGGER_COLOUR = "#ff7a6b"
TIMEX_COLOUR = "#ffd866"
ENTITY_COLOURS = {
    "PERSON": "#8ec9ff",
    "NORP": "#8ec9ff",
    "ORG": "#c6b4ff",
    "GPE": "#8fe0bd",
    "LOC": "#8fe0bd",
    "FAC": "#8fe0bd",
}
OTHER_ENTITY_COLOUR = "#d4d4d4"

# displaCy's span templates with two changes: the label is a <mark> (a stable hook for
# styling and tests) and it does not wrap.
TEMPLATE_START = """
<span style="background: {bg}; top: {top_offset}px; height: 4px; border-top-left-radius: 3px; \
border-bottom-left-radius: 3px; left: -1px; width: calc(100% + 2px); position: absolute;">
    <mark class="tnlp-label" data-label="{label}" style="background: {bg}; z-index: 10; \
color: #000; top: -0.5em; padding: 2px 3px; position: absolute; font-size: 0.6em; \
font-weight: bold; line-height: 1; border-radius: 3px; white-space: nowrap">{label}{kb_link}</mark>
</span>
"""
TEMPLATE_SLICE = """
<span style="background: {bg}; top: {top_offset}px; height: 4px; left: -1px; \
width: calc(100% + 2px); position: absolute;"></span>
"""
TEMPLATE_SPAN = """
<span style="font-weight: bold; display: inline-block; position: relative; \
height: {total_height}px;">{text}{span_slices}{span_starts}</span>
"""

STYLE = """
body { font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial,
       sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; color: #1b1b1b; }
header p { margin: 0.2rem 0; color: #555; }
.legend span { display: inline-block; padding: 0 0.4rem; margin-right: 0.4rem;
               border-radius: 3px; font-size: 0.85em; }
.text .spans { margin-bottom: 1.2rem; }
.tnlp-label a { color: inherit; }
table.events { border-collapse: collapse; width: 100%; font-size: 0.9em; margin-top: 1rem; }
table.events th, table.events td { border: 1px solid #ccc; padding: 0.35rem 0.5rem;
                                   vertical-align: top; text-align: left; }
table.events th { background: #f2f2f2; }
table.events tr:target { outline: 3px solid #333; }
table.events td.type, table.events td.status, table.events td.date { white-space: nowrap; }
mark.tnlp-trigger { padding: 0 2px; border-radius: 3px; font-weight: bold; }
.muted { color: #777; font-size: 0.85em; }
"""

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header>
<h1>{title}</h1>
{meta}
<p class="legend">{legend}</p>
</header>
<section class="text">
{text}
</section>
<section>
<h2>Events ({n_events})</h2>
{events}
</section>
</body>
</html>
"""


# -- entry points -----------------------------------------------------------------------------
def render_input(input_path: str, options: ExtractOptions, *, doc_id: str | None = None) -> str:
    """The page of one document read from a file or corpus, as the ``render`` command does.

    Raises:
        UsageError: the input matches nothing, or no document has ``doc_id``.
        InputError: the chosen document cannot be read.
        ModelNotFoundError: the spaCy pipeline is not installed.
    """
    from .api import read_records

    record = pick_record(read_records([input_path], options), doc_id)
    nlp = load_pipeline(options.model)
    return render_html(record, nlp, published=options.published, author=options.author)


def load_pipeline(model: str) -> Language:
    """The full testimony-nlp pipeline on ``model`` (a seam for tests)."""
    from .pipeline import build_pipeline

    return build_pipeline(model)


def pick_record(records: Iterable[DocumentRecord], doc_id: str | None) -> DocumentRecord:
    """The first record, or the one whose id is ``doc_id``; it must be readable."""
    from .errors import InputError, UsageError

    seen: list[str] = []
    for record in records:
        if doc_id is None or record.doc_id == doc_id:
            if not record.ok:
                raise InputError(f"{record.source}: {record.error}")
            return record
        seen.append(record.doc_id)
    if doc_id is None:
        raise UsageError("the input holds no document to render")
    listed = ", ".join(seen[:10]) + (", …" if len(seen) > 10 else "")
    raise UsageError(f"no document {doc_id!r} in the input; its ids are: {listed}")


def render_html(
    record_or_text: DocumentRecord | str,
    nlp: Language,
    *,
    published=None,
    author: str | None = None,
) -> str:
    """Annotate one document with ``nlp`` and return its HTML page.

    Args:
        record_or_text: a record from the readers, or a plain text (id ``document``).
        nlp: a pipeline from :func:`testimony_nlp.pipeline.build_pipeline`.
        published: reference date for a document without one (as ``--published``).
        author: name of the first-person narrator (as ``--author``).

    Raises:
        TestimonyNLPError: the pipeline failed on the document.
    """
    from .errors import TestimonyNLPError
    from .pipeline import annotate
    from .tables import rows_from_doc

    record = record_or_text
    if isinstance(record, str):
        record = DocumentRecord(doc_id="document", source="<text>", text=record, language="en")
    ((record, doc),) = list(annotate(nlp, [record], published=published, author=author))
    if doc is None:
        raise TestimonyNLPError(f"the pipeline failed on document {record.doc_id!r}")
    return render_doc(doc, rows_from_doc(record, doc), record)


def render_doc(doc: Doc, rows: DocumentRows, record: DocumentRecord | None = None) -> str:
    """The page of an annotated Doc and its table rows (no pipeline needed)."""
    add_span_groups(doc, rows.events)
    title = (record.title or record.doc_id) if record is not None else doc._.doc_id
    page = PAGE.format(
        lang=html.escape(doc._.language or "en"),
        title=html.escape(title or "document"),
        style=STYLE,
        meta=_meta(doc, record),
        legend=_legend(doc),
        text=_text_markup(doc),
        n_events=len(rows.events),
        events=_events_table(doc.text, rows),
    )
    return strip_external(page)


# -- span groups and the highlighted text -------------------------------------------------
def add_span_groups(doc: Doc, events: Sequence[dict]) -> None:
    """Put entities and event triggers into span groups beside the time group.

    Trigger spans carry the event's number as ``kb_id`` so that their label links to
    the event's row in the table.
    """
    doc.spans[ENTITY_GROUP] = [e for e in doc.ents if e.label_ not in SKIPPED_ENT_LABELS]
    triggers = []
    for number, event in enumerate(events, start=1):
        span = doc.char_span(event["start_char"], event["end_char"], alignment_mode="expand")
        if span is not None:
            label = trigger_label(event)
            triggers.append(Span(doc, span.start, span.end, label=label, kb_id=f"#{number}"))
    doc.spans[TRIGGER_GROUP] = triggers


def trigger_label(event: dict) -> str:
    """``detention``, or ``detention (attempted)`` when the event did not simply occur."""
    status = event.get("status")
    kind = event.get("event_type") or "event"
    return kind if status in (None, "occurred") else f"{kind} ({status})"


def timex_label(span: Span) -> str:
    value = span._.timex
    return f"{span.label_} {value}" if value else span.label_


def _highlights(doc: Doc) -> list[tuple[Span, str, str, str]]:
    """Every highlighted span as (span, label, colour, link target)."""
    found = [
        (s, s.label_, ENTITY_COLOURS.get(s.label_, OTHER_ENTITY_COLOUR), "")
        for s in doc.spans.get(ENTITY_GROUP, [])
    ]
    found += [(s, timex_label(s), TIMEX_COLOUR, "") for s in doc.spans.get(TIMEX_GROUP, [])]
    found += [
        (s, s.label_, TRIGGER_COLOUR, f"#event-{s.kb_id_[1:]}")
        for s in doc.spans.get(TRIGGER_GROUP, [])
    ]
    return found


def _text_markup(doc: Doc) -> str:
    """displaCy's span view of the text, one block per paragraph."""
    highlights = _highlights(doc)
    colours = {_safe_label(label).upper(): colour for _, label, colour, _ in highlights}
    paragraphs = []
    for first, last in paragraph_bounds(doc):
        words, word_of = words_between(doc, first, last)
        spans = [
            {
                "start_token": word_of[span.start],
                "end_token": word_of[min(span.end, last) - 1] + 1,
                "label": _safe_label(label),
                "kb_id": span.kb_id_ if link else "",
                "kb_url": link or "#",
            }
            for span, label, _, link in highlights
            if first <= span.start < last
        ]
        paragraphs.append({"tokens": words, "spans": spans, "title": None})
    if not paragraphs:
        return '<p class="muted">(empty document)</p>'
    options = {
        "colors": colours,
        "template": {"span": TEMPLATE_SPAN, "slice": TEMPLATE_SLICE, "start": TEMPLATE_START},
    }
    return displacy.render(paragraphs, style="span", manual=True, options=options, jupyter=False)


def words_between(doc: Doc, first: int, last: int) -> tuple[list[str], dict[int, int]]:
    """The whitespace-separated words of tokens ``first..last`` and each token's word index.

    displaCy puts a space after every item it is given: giving it words rather than
    tokens keeps "Bishkek." and "(GKNB)" as the text writes them.
    """
    words: list[str] = []
    word_of: dict[int, int] = {}
    glued = False  # the previous token has no whitespace after it
    for token in doc[first:last]:
        if glued and not token.is_space:
            words[-1] += token.text
        else:
            words.append(token.text)
        word_of[token.i] = len(words) - 1
        glued = not token.whitespace_ and not token.is_space
    return words, word_of


def paragraph_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between blank lines (whitespace tokens holding two or more newlines)."""
    bounds, first = [], 0
    for token in doc:
        if token.is_space and token.text.count("\n") >= 2:
            if token.i > first:
                bounds.append((first, token.i))
            first = token.i + 1
    if len(doc) > first:
        bounds.append((first, len(doc)))
    return bounds


def _safe_label(label: str) -> str:
    """displaCy inserts labels unescaped: keep them to harmless characters."""
    return re.sub(r"[<>&\"']", "", label)


# -- header, legend, events table ---------------------------------------------------------------
def _meta(doc: Doc, record: DocumentRecord | None) -> str:
    facts = [("document", doc._.doc_id or (record.doc_id if record else None))]
    if record is not None:
        facts += [("source", record.source), ("author", record.author), ("url", record.url)]
    facts += [
        ("reference date", doc._.reference_date),
        ("reference date from", doc._.reference_date_source),
        ("narrator", doc._.narrator),
    ]
    shown = [f"<b>{name}</b>: {html.escape(str(value))}" for name, value in facts if value]
    return f"<p>{' · '.join(shown)}</p>"


def _legend(doc: Doc) -> str:
    entity_labels = sorted({s.label_ for s in doc.spans.get(ENTITY_GROUP, [])})
    items = [(label, ENTITY_COLOURS.get(label, OTHER_ENTITY_COLOUR)) for label in entity_labels]
    items += [("time expression", TIMEX_COLOUR), ("event trigger", TRIGGER_COLOUR)]
    return "".join(
        f'<span style="background: {colour}">{html.escape(label)}</span>' for label, colour in items
    )


EVENT_HEADERS = (
    "#",
    "type",
    "status",
    "date",
    "place",
    "victim",
    "perpetrator",
    "participants",
    "rule",
    "evidence",
)
NOWRAP = {"type", "status", "date"}


def _events_table(text: str, rows: DocumentRows) -> str:
    if not rows.events:
        return '<p class="muted">No events were found in this document.</p>'
    people = defaultdict(list)
    for person in rows.participants:
        name = person.get("name")
        narrator = " (narrator)" if person.get("is_narrator") and name != "narrator" else ""
        people[person["event_id"]].append(f"{person.get('role')}: {name}{narrator}")
    head = "".join(f"<th>{name}</th>" for name in EVENT_HEADERS)
    body = "\n".join(
        _event_row(number, event, text, people[event["event_id"]])
        for number, event in enumerate(rows.events, start=1)
    )
    return f'<table class="events">\n<tr>{head}</tr>\n{body}\n</table>'


def _event_row(number: int, event: dict, text: str, participants: list[str]) -> str:
    date = format_date(event.get("date_start"), event.get("date_end"), event.get("date_precision"))
    date_cell = _cell(date or event.get("date_text"))
    if event.get("date_text") and date:
        date_cell += f'<br><span class="muted">“{html.escape(event["date_text"])}”</span>'
    place = event.get("place_name") or event.get("place_text")
    cells = [
        str(number),
        _cell(event.get("event_type")),
        _cell(event.get("status")),
        date_cell,
        _cell(place),
        _cell(event.get("victim")),
        _cell(event.get("perpetrator")),
        "<br>".join(html.escape(p) for p in participants),
        _cell(event.get("rule")),
        evidence_html(text, event),
    ]
    tds = "".join(
        f'<td class="{name}">{cell}</td>' if name in NOWRAP else f"<td>{cell}</td>"
        for name, cell in zip(EVENT_HEADERS, cells, strict=True)
    )
    return f'<tr id="event-{number}">{tds}</tr>'


def _cell(value) -> str:
    return html.escape(str(value)) if value not in (None, "") else ""


def evidence_html(text: str, event: dict) -> str:
    """The event's sentence with its trigger in a coloured <mark>."""
    sentence = event.get("sentence") or ""
    start, end = event.get("trigger_start"), event.get("trigger_end")
    offset = sentence_offset(text, sentence, start)
    if offset is None or start is None or end is None:
        trigger = event.get("trigger") or ""
        found = sentence.lower().find(trigger.lower()) if trigger else -1
        offset, length = (found, len(trigger)) if found >= 0 else (None, 0)
    else:
        length = end - start
    if offset is None:
        return html.escape(sentence)
    before, trigger, after = (
        sentence[:offset],
        sentence[offset : offset + length],
        sentence[offset + length :],
    )
    mark = (
        f'<mark class="tnlp-trigger" style="background: {TRIGGER_COLOUR}">'
        f"{html.escape(trigger)}</mark>"
    )
    return f"{html.escape(before)}{mark}{html.escape(after)}"


# -- offline guarantee -----------------------------------------------------------------------
EXTERNAL = [
    re.compile(r"<link\b[^>]*>", re.I),
    re.compile(r"<script\b[^>]*\bsrc=[^>]*>\s*</script>", re.I),
    re.compile(r"@import\s+url\([^)]*\);?", re.I),
]


def strip_external(page: str) -> str:
    """Drop anything that would make the browser fetch a resource (fonts, CSS, scripts)."""
    for pattern in EXTERNAL:
        page = pattern.sub("", page)
    return page
