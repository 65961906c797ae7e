"""The README's table and taxonomy reference, generated so that it cannot drift from the code.

``python -m testimony_nlp.docs`` rewrites the README sections between the markers
``<!-- tables:start -->``/``<!-- tables:end -->`` (from ``schemas.TABLES`` and the column
descriptions below) and ``<!-- taxonomy:start -->``/``<!-- taxonomy:end -->`` (from the
events stage's ``taxonomy.json``). ``--check`` only reports whether they are current.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pyarrow as pa

from .schemas import TABLES

README = Path(__file__).resolve().parents[2] / "README.md"

TABLE_SUMMARIES = {
    "documents": "One row per input document, readable or not.",
    "mentions": "One row per entity or time expression found in a document.",
    "events": "One row per event, with the sentence that states it.",
    "participants": "One row per person or body taking part in an event.",
}

COLUMN_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "Document id: the file name without extension, or the corpus id field",
        "source": "Where the document was read from (path, or path and row)",
        "title": "Title from the corpus or the HTML page",
        "author": "Author from the corpus, else `--author`",
        "url": "URL from the corpus",
        "published": "Publication date from the corpus",
        "reference_date": "Date relative expressions were resolved against",
        "reference_date_source": "`metadata` (published), `option` (`--published`) or `none`",
        "language": "ISO 639-1 code; English stages run only on `en`",
        "text": "Cleaned text; every `start_char`/`end_char` refers to it",
        "n_sentences": "Number of sentences",
        "n_mentions": "Number of `mentions` rows",
        "n_events": "Number of `events` rows",
        "status": "`ok`, or `error` when the document could not be read or processed",
        "error": "Why the document could not be read or processed",
        "pipeline_version": "testimony-nlp version that wrote the row",
        "note": "Why a readable document was not analysed (a language other than English)",
    },
    "mentions": {
        "doc_id": "Document id",
        "mention_id": "Stable id (hash of document, label and offsets)",
        "label": "spaCy entity label, or DATE/TIME/DURATION/SET for time expressions",
        "text": "The mention's words",
        "start_char": "Offset of the first character in `documents.text`",
        "end_char": "Offset after the last character",
        "sentence_index": "Index of the sentence holding the mention (from 0)",
        "canonical": "Normalised name of a PERSON or ORG",
        "timex": "TimeML value, e.g. `2014-08`, `P3Y`, `PRESENT_REF`",
        "timex_status": "`resolved`, `unresolved` (no reference date) or `unanchored`",
        "date_start": "First day of the time expression's interval",
        "date_end": "Last day of the interval",
        "date_precision": "day, week, month, season, quarter, year, decade or unknown",
        "place_name": "Gazetteer name of a place",
        "country_code": "ISO 3166-1 alpha-2 country code",
        "admin1": "First-level administrative region",
        "latitude": "Latitude in degrees (WGS 84)",
        "longitude": "Longitude in degrees (WGS 84)",
        "geonames_id": "GeoNames id",
        "feature": "`city`, `region` or `country`",
        "geo_precision": "ACLED geo-precision: 1 town, 2 region, 3 country",
    },
    "events": {
        "doc_id": "Document id",
        "event_id": "Stable id (hash of document, type and trigger offsets)",
        "event_type": "Type from the event taxonomy (below)",
        "status": "`occurred`, `attempted`, `threatened`, `negated` or `hypothetical`",
        "trigger": (
            "Words that state the event (for a backstop event, whose model reads whole "
            "sentences, its sentence)"
        ),
        "trigger_start": "Offset of the trigger in `documents.text`",
        "trigger_end": "Offset after the trigger",
        "start_char": (
            "Offset of the evidence, the sentence stating the event, in `documents.text` "
            "(what `evaluate` matches against gold evidence)"
        ),
        "end_char": "Offset after the evidence",
        "sentence_index": "Index of the evidence sentence (from 0)",
        "sentence": "The evidence sentence: `documents.text[start_char:end_char]`",
        "date_text": "Time expression the date comes from",
        "date_start": "First day of the event's date interval",
        "date_end": "Last day of the interval",
        "date_precision": "day, week, month, season, quarter, year, decade or unknown",
        "date_source": "`clause`, `sentence`, `context` (narrative time) or `none`",
        "place_text": "Place words the place comes from",
        "place_name": "Gazetteer name of the place",
        "country_code": "ISO 3166-1 alpha-2 country code",
        "latitude": "Latitude in degrees (WGS 84)",
        "longitude": "Longitude in degrees (WGS 84)",
        "geo_precision": "ACLED geo-precision: 1 town, 2 region, 3 country",
        "place_source": (
            "`sentence`, `context` (the paragraph's place), `document` (the document's home "
            "town: a guess, filter it out where it matters) or `none`"
        ),
        "victim": (
            "Who it happened to; for the first person the author's name, in an interview "
            "without a byline the interviewee's, else `narrator`"
        ),
        "perpetrator": (
            "Who did it, normalised (`police`, `court`, `security service (KNB)`, ...); "
            "where the text names nobody, the agency of the story or, for custody, searches, "
            "surveillance, tests, beatings and pressure, the one agency the document names "
            "most (then `perpetrator_text` is empty)"
        ),
        "perpetrator_text": "The perpetrator as the text names it (`judge`, `two men`)",
        "confidence": (
            "Rule confidence between 0 and 1 (half the model's probability for a backstop event)"
        ),
        "rule": (
            "Id of the pattern (and cue) that found the event; `backstop.<type>` for the "
            "learned backstop of sentences no pattern matched"
        ),
        "huridocs_code": "HURIDOCS act type",
        "plover_type": "PLOVER event type",
        "plover_mode": "PLOVER mode",
        "acled_sub_event": "ACLED sub-event type, where one corresponds",
    },
    "participants": {
        "doc_id": "Document id",
        "event_id": "The event (`events.event_id`)",
        "role": "`victim`, `perpetrator` or `intervener`",
        "name": "Participant's name or description",
        "mention_id": "The `mentions` row naming the participant, when there is one",
        "is_narrator": "True when the participant is the first-person narrator",
    },
}

TAXONOMY_COLUMNS = (
    ("definition", "definition"),
    ("huridocs_code", "HURIDOCS"),
    ("plover_type", "PLOVER"),
    ("plover_mode", "PLOVER mode"),
    ("acled_sub_event", "ACLED"),
)


def arrow_type(field: pa.Field) -> str:
    """The Arrow type as written in the reference, ``not null`` for required columns."""
    name = str(field.type).replace("[day]", "")
    return name if field.nullable else f"{name} not null"


def tables_markdown() -> str:
    """One Markdown table per output table: column, Arrow type, description."""
    sections = []
    for table, schema in TABLES.items():
        lines = [
            f"### `{table}`",
            "",
            TABLE_SUMMARIES[table],
            "",
            "| column | type | description |",
            "| --- | --- | --- |",
        ]
        descriptions = COLUMN_DESCRIPTIONS[table]
        for field in schema:
            lines.append(f"| `{field.name}` | {arrow_type(field)} | {descriptions[field.name]} |")
        sections.append("\n".join(lines))
    return "\n\n".join(sections)


def taxonomy_path() -> Path | None:
    """The events stage's ``taxonomy.json``, or None when the assets are not there."""
    from .assets import models_dir
    from .errors import AssetsNotFoundError

    try:
        path = models_dir() / "tnlp_events" / "taxonomy.json"
    except AssetsNotFoundError:
        return None
    return path if path.is_file() else None


def load_taxonomy_types(path: Path | None = None) -> dict[str, dict] | None:
    """The taxonomy's ``types`` mapping, or None when the file is missing or malformed."""
    path = path or taxonomy_path()
    if path is None:
        return None
    try:
        types = json.loads(path.read_text(encoding="utf-8"))["types"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return types if isinstance(types, dict) else None


def taxonomy_markdown(types: dict[str, dict]) -> str:
    """The event types with their definitions and crosswalk codes."""
    header = ["`event_type`", *(title for _, title in TAXONOMY_COLUMNS)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for name, entry in types.items():
        cells = [f"`{name}`"]
        for key, _ in TAXONOMY_COLUMNS:
            value = entry.get(key) if isinstance(entry, dict) else None
            cells.append(_cell(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None or value == "":
        return "–"
    return str(value).replace("|", "\\|").replace("\n", " ")


def marker(name: str, end: str) -> str:
    return f"<!-- {name}:{end} -->"


def section(readme: str, name: str) -> str | None:
    """The text between a README's ``name`` markers, or None without both markers."""
    start, stop = marker(name, "start"), marker(name, "end")
    if start not in readme or stop not in readme:
        return None
    return readme.split(start, 1)[1].split(stop, 1)[0]


def replace_section(readme: str, name: str, body: str) -> str:
    """``readme`` with the text between the ``name`` markers replaced by ``body``."""
    start, stop = marker(name, "start"), marker(name, "end")
    head, rest = readme.split(start, 1)
    _, tail = rest.split(stop, 1)
    return f"{head}{start}\n{body}\n{stop}{tail}"


def generated_sections() -> dict[str, str]:
    """Every section this module generates (the taxonomy only when its data exists)."""
    sections = {"tables": tables_markdown()}
    types = load_taxonomy_types()
    if types:
        sections["taxonomy"] = taxonomy_markdown(types)
    return sections


def update_readme(path: Path = README, *, check: bool = False) -> list[str]:
    """Rewrite (or, with ``check``, only compare) the generated README sections.

    Returns:
        The names of the sections that were out of date.

    Raises:
        ValueError: the README lacks a section's markers.
    """
    readme = path.read_text(encoding="utf-8")
    stale = []
    for name, body in generated_sections().items():
        current = section(readme, name)
        if current is None:
            raise ValueError(f"{path} lacks the markers {marker(name, 'start')} / ...end")
        if current != f"\n{body}\n":
            stale.append(name)
            readme = replace_section(readme, name, body)
    if stale and not check:
        path.write_text(readme, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readme", nargs="?", type=Path, default=README)
    parser.add_argument("--check", action="store_true", help="Fail if the README is stale.")
    args = parser.parse_args(argv)
    try:
        stale = update_readme(args.readme, check=args.check)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if args.check and stale:
        print(f"stale README sections: {', '.join(stale)}; run python -m testimony_nlp.docs")
        return 1
    if args.check:
        print("the README's generated sections are current")
    else:
        print(f"updated README sections: {', '.join(stale) or 'none (already current)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
