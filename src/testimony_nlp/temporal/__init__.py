"""Time stage: TIMEX3 detection and TimeML normalisation (see normalize.py for the API)."""

from .normalize import Timex, normalize, resolve_relative_to

__all__ = ["Timex", "normalize", "resolve_relative_to"]
