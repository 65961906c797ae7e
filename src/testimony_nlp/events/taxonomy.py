"""The event taxonomy: the 11 event types, their definitions and crosswalk codes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TAXONOMY_FILE = "taxonomy.json"


@dataclass(frozen=True, slots=True)
class EventType:
    """One event type of the taxonomy with its codes in other standards.

    Attributes:
        name: The type's key, e.g. ``"detention"``.
        definition: What an incident of this type is, in one sentence.
        huridocs_code: HURIDOCS act-type term.
        plover_type: PLOVER event type (e.g. ``"COERCE"``).
        plover_mode: PLOVER mode of that type (e.g. ``"arrest"``).
        acled_sub_event: ACLED sub-event type, or None when none corresponds.
        object: What the event's direct object is: ``"person"``, ``"thing"`` or ``"any"``.
    """

    name: str
    definition: str
    huridocs_code: str | None
    plover_type: str | None
    plover_mode: str | None
    acled_sub_event: str | None
    object: str = "person"

    def codes(self) -> dict[str, str | None]:
        """The crosswalk columns of the events table."""
        return {
            "huridocs_code": self.huridocs_code,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "acled_sub_event": self.acled_sub_event,
        }


def parse_taxonomy(data: dict) -> dict[str, EventType]:
    """Build the event types from the JSON structure of ``taxonomy.json``."""
    return {
        name: EventType(
            name=name,
            definition=entry["definition"],
            huridocs_code=entry.get("huridocs_code"),
            plover_type=entry.get("plover_type"),
            plover_mode=entry.get("plover_mode"),
            acled_sub_event=entry.get("acled_sub_event"),
            object=entry.get("object", "person"),
        )
        for name, entry in data["types"].items()
    }


def load_taxonomy(path: Path) -> tuple[dict, dict[str, EventType]]:
    """Read ``taxonomy.json`` from a folder; returns the raw data and the parsed types."""
    data = json.loads((Path(path) / TAXONOMY_FILE).read_text(encoding="utf-8"))
    return data, parse_taxonomy(data)
