"""The events stage: taxonomy, trigger patterns, status, roles, date/place linking."""

from .component import EVENT_FIELDS, EventExtractor, make_events
from .taxonomy import EventType, load_taxonomy

__all__ = ["EVENT_FIELDS", "EventExtractor", "EventType", "load_taxonomy", "make_events"]
