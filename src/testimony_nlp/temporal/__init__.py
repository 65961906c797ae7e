"""Time stage: TIMEX3 detection and TimeML normalisation.

``from testimony_nlp.temporal import normalize, resolve_relative_to`` gives the
pipeline-free API (see :mod:`.normalize`); importing the package also registers the
spaCy factory ``tnlp_time`` (see :mod:`.component`).
"""

from .component import TimeNormalizer, make_time_normalizer
from .normalize import Timex, normalize, resolve_relative_to

__all__ = ["TimeNormalizer", "Timex", "make_time_normalizer", "normalize", "resolve_relative_to"]
