"""Custom Doc and Span attributes, declared in one place.

Every value is a plain JSON type (str, int, float, bool, list, dict, None) so that
Docs keep their annotations when spaCy sends them between processes
(``nlp.pipe(..., n_process>1)`` serialises ``doc.user_data`` with msgpack).
Dates are ISO strings (``YYYY-MM-DD``); the table layer converts them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

TIMEX_GROUP = "timex"
"""Name of the span group holding every temporal expression (DATE, TIME, DURATION, SET)."""

TEXT_KEY = "tnlp_text"
"""``doc.user_data`` key of the text a Doc was made from (``Doc.text`` rebuilds it token by
token; stages that read the text often take it from here)."""

DOC_ATTRIBUTES: dict[str, object] = {
    "doc_id": None,  # str: the document's id in the output tables
    "reference_date": None,  # str | None: ISO date relative expressions resolve against
    "reference_date_source": "none",  # "metadata" | "option" | "none"
    "language": "en",  # ISO 639-1 code of the document's language
    "author": None,  # str | None: name of the first-person narrator when known
    "narrator": None,  # str | None: participant name used for the narrator ("narrator" if unnamed)
    "skipped_reason": None,  # str | None: why English stages did not run (e.g. language)
    "events": [],  # list[dict]: one dict per event, see events.EVENT_FIELDS
}

SPAN_ATTRIBUTES: dict[str, object] = {
    # time stage
    "timex": None,  # str | None: TimeML value, e.g. "2014-08", "P3Y", "PRESENT_REF"
    "timex_type": None,  # "DATE" | "TIME" | "DURATION" | "SET"
    "date_start": None,  # str | None: ISO date, first day of the interval
    "date_end": None,  # str | None: ISO date, last day of the interval
    "date_precision": None,  # day|week|month|season|quarter|year|decade|unknown
    "timex_status": None,  # "resolved" | "unresolved" | "unanchored" (why no interval)
    # entity and place stages
    "canonical": None,  # str | None: normalised name of the entity
    "geo": None,  # dict | None: gazetteer entry with the keys of GEO_FIELDS
}


GEO_FIELDS: tuple[str, ...] = (
    "place_name",
    "country_code",
    "admin1",
    "latitude",
    "longitude",
    "geonames_id",
    "feature",
    "geo_precision",
)
"""Keys of ``span._.geo`` (set by the places stage); they are also columns of the mentions table."""


def register_attributes() -> None:
    """Declare the extensions; safe to call more than once (e.g. in each worker process)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            # list defaults must not be shared between Docs, so lists use a getter-free default None
            Doc.set_extension(name, default=None if isinstance(default, list) else default)
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_attributes()
