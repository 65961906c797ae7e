"""The pyarrow schema of every output table, declared once.

Column order here is the order in the Parquet files and in the README's table
reference (generated from this module by ``testimony_nlp.docs``).
"""

from __future__ import annotations

import pyarrow as pa

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string()),
        pa.field("title", pa.string()),
        pa.field("author", pa.string()),
        pa.field("url", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("reference_date", pa.date32()),
        pa.field("reference_date_source", pa.string()),
        pa.field("language", pa.string()),
        pa.field("text", pa.string()),
        pa.field("n_sentences", pa.int32()),
        pa.field("n_mentions", pa.int32()),
        pa.field("n_events", pa.int32()),
        pa.field("status", pa.string(), nullable=False),
        pa.field("error", pa.string()),
        pa.field("pipeline_version", pa.string()),
        pa.field("note", pa.string()),
    ]
)

MENTIONS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("label", pa.string()),
        pa.field("text", pa.string()),
        pa.field("start_char", pa.int32()),
        pa.field("end_char", pa.int32()),
        pa.field("sentence_index", pa.int32()),
        pa.field("canonical", pa.string()),
        pa.field("timex", pa.string()),
        pa.field("timex_status", pa.string()),
        pa.field("date_start", pa.date32()),
        pa.field("date_end", pa.date32()),
        pa.field("date_precision", pa.string()),
        pa.field("place_name", pa.string()),
        pa.field("country_code", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geonames_id", pa.int64()),
        pa.field("feature", pa.string()),
        pa.field("geo_precision", pa.int8()),
    ]
)

EVENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("event_type", pa.string()),
        pa.field("status", pa.string()),
        pa.field("trigger", pa.string()),
        pa.field("trigger_start", pa.int32()),
        pa.field("trigger_end", pa.int32()),
        pa.field("start_char", pa.int32()),
        pa.field("end_char", pa.int32()),
        pa.field("sentence_index", pa.int32()),
        pa.field("sentence", pa.string()),
        pa.field("date_text", pa.string()),
        pa.field("date_start", pa.date32()),
        pa.field("date_end", pa.date32()),
        pa.field("date_precision", pa.string()),
        pa.field("date_source", pa.string()),
        pa.field("place_text", pa.string()),
        pa.field("place_name", pa.string()),
        pa.field("country_code", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geo_precision", pa.int8()),
        pa.field("place_source", pa.string()),
        pa.field("victim", pa.string()),
        pa.field("perpetrator", pa.string()),
        pa.field("perpetrator_text", pa.string()),
        pa.field("confidence", pa.float32()),
        pa.field("rule", pa.string()),
        pa.field("huridocs_code", pa.string()),
        pa.field("plover_type", pa.string()),
        pa.field("plover_mode", pa.string()),
        pa.field("acled_sub_event", pa.string()),
    ]
)

PARTICIPANTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("role", pa.string()),
        pa.field("name", pa.string()),
        pa.field("mention_id", pa.string()),
        pa.field("is_narrator", pa.bool_()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "mentions": MENTIONS,
    "events": EVENTS,
    "participants": PARTICIPANTS,
}
