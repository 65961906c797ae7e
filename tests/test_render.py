"""render: span groups, the events table, the offline guarantee, the CLI, a headless browser."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

import testimony_nlp.render
from testimony_nlp.cli import app
from testimony_nlp.errors import InputError, UsageError
from testimony_nlp.records import DocumentRecord
from testimony_nlp.render import (
    TIMEX_COLOUR,
    TRIGGER_COLOUR,
    paragraph_bounds,
    pick_record,
    render_html,
    strip_external,
    words_between,
)

CHROMIUM = Path("/usr/bin/chromium")
TEXT = (
    "On 3 May 2019 two officers detained Dana Abenova outside the newspaper office in Aktobe.\n\n"
    "The next day they tried to commit her to a psychiatric clinic."
)


def _span(doc: Doc, text: str, label: str):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), label=label)


@Language.component("test_render_annotator")
def annotate_by_hand(doc: Doc) -> Doc:
    """Stands in for the real stages: entities, one time expression, two events."""
    if "detained" not in doc.text:
        doc._.events = []
        return doc
    doc.ents = [_span(doc, "Dana Abenova", "PERSON"), _span(doc, "Aktobe", "GPE")]
    when = _span(doc, "3 May 2019", "DATE")
    when._.timex, when._.date_start, when._.date_end = "2019-05-03", "2019-05-03", "2019-05-03"
    when._.date_precision = "day"
    doc.spans["timex"] = [when]
    person = doc.text.index("Dana")
    detained, commit = doc.text.index("detained"), doc.text.index("commit")
    doc._.events = [
        {
            "event_type": "detention",
            "status": "occurred",
            "trigger": "detained",
            "trigger_start": detained,
            "trigger_end": detained + 8,
            "start_char": 0,
            "end_char": detained + 8,
            "date_text": "3 May 2019",
            "date_start": "2019-05-03",
            "date_end": "2019-05-03",
            "date_precision": "day",
            "place_name": "Aktobe",
            "victim": "Dana Abenova",
            "perpetrator": "officers",
            "rule": "hand",
            "participants": [
                {
                    "role": "victim",
                    "name": "Dana Abenova",
                    "start_char": person,
                    "end_char": person + 12,
                    "is_narrator": False,
                },
            ],
        },  # fmt: skip
        {
            "event_type": "psychiatric_commitment",
            "status": "attempted",
            "trigger": "commit",
            "trigger_start": commit,
            "trigger_end": commit + 6,
            "start_char": commit,
            "end_char": commit + 6,
            "rule": "hand",
            "participants": [],
        },
    ]
    return doc


@pytest.fixture(scope="module")
def stub_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_render_annotator")
    return nlp


@pytest.fixture(scope="module")
def page(stub_nlp) -> str:
    return render_html(TEXT, stub_nlp)


class Marks(HTMLParser):
    """Collects <mark> elements (attributes and text) and table rows by id."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.row_ids: list[str] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark":
            self._open = {**attrs, "text": ""}
            self.marks.append(self._open)
        elif tag == "tr" and "id" in attrs:
            self.row_ids.append(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data


def parse(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


def test_render_labels_each_span_group_in_its_colour(page: str):
    labels = {m["data-label"]: m["style"] for m in parse(page).marks if "data-label" in m}
    assert set(labels) == {
        "DATE 2019-05-03",
        "PERSON",
        "GPE",
        "detention",
        "psychiatric_commitment (attempted)",
    }
    assert f"background: {TRIGGER_COLOUR}" in labels["detention"]
    assert f"background: {TRIGGER_COLOUR}" in labels["psychiatric_commitment (attempted)"]
    assert f"background: {TIMEX_COLOUR}" in labels["DATE 2019-05-03"]
    assert len({labels["PERSON"], labels["DATE 2019-05-03"], labels["detention"]}) == 3


def test_render_trigger_label_links_to_its_event_row(page: str):
    assert parse(page).row_ids == ["event-1", "event-2"]
    assert re.search(r'href="#event-1">\s*#1\s*</a>', page)
    assert re.search(r'href="#event-2">\s*#2\s*</a>', page)


def test_render_events_table_fields_and_evidence(page: str):
    triggers = [m["text"] for m in parse(page).marks if m.get("class") == "tnlp-trigger"]
    assert triggers == ["detained", "commit"]
    row = page[page.index('<tr id="event-1">') : page.index('<tr id="event-2">')]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
    assert cells[:8] == [
        "1",
        "detention",
        "occurred",
        '2019-05-03<br><span class="muted">“3 May 2019”</span>',
        "Aktobe",
        "Dana Abenova",
        "officers",
        "victim: Dana Abenova",
    ]
    assert cells[8] == "hand"
    assert cells[9].startswith("On 3 May 2019 two officers <mark")


def test_render_text_keeps_paragraphs(page: str):
    assert page.count('<div class="spans"') == 2


def test_render_is_self_contained(page: str):
    assert not re.search(r"(?:https?:)?//[\w.-]+\.\w+", page)
    assert "<link" not in page and "<script" not in page and "url(" not in page
    assert '<meta charset="utf-8">' in page


def test_render_without_events_says_so(stub_nlp):
    page = render_html("Nothing of note happened on the way home.", stub_nlp)
    assert "No events were found in this document." in page
    assert "Events (0)" in page


@pytest.mark.parametrize(
    ("snippet", "kept"),
    [
        ('<link rel="stylesheet" href="https://fonts.example.org/css?family=X">', ""),
        ('<script src="https://cdn.example.org/x.js"></script>', ""),
        (
            "<style>@import url(https://fonts.example.org/a.css); p {}</style>",
            "<style> p {}</style>",
        ),
        ("<p>plain</p>", "<p>plain</p>"),
    ],
)
def test_render_strip_external(snippet, kept):
    assert strip_external(snippet) == kept


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        (["One", ".", "\n\n", "Two", "."], [False, False, False, False, False], [(0, 2), (3, 5)]),
        (["One", "\n", "two"], [False, False, False], [(0, 3)]),
        (["\n\n", "One", "\n\n\n", "\n\n"], [False] * 4, [(1, 2)]),
        ([], [], []),
    ],
)
def test_render_paragraph_bounds(words, spaces, expected):
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    assert paragraph_bounds(doc) == expected


@pytest.mark.parametrize(
    ("words", "spaces", "expected_words", "expected_index"),
    [
        (
            ["in", "Bishkek", ".", "They"],
            [True, False, True, False],
            ["in", "Bishkek.", "They"],
            [0, 1, 1, 2],
        ),
        (
            ["(", "GKNB", ")", "knocked"],
            [False, False, True, False],
            ["(GKNB)", "knocked"],
            [0, 0, 0, 1],
        ),
        (["one", "\n", "two"], [False, False, False], ["one", "\n", "two"], [0, 1, 2]),
    ],
)
def test_render_words_keep_punctuation_attached(words, spaces, expected_words, expected_index):
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    found, word_of = words_between(doc, 0, len(doc))
    assert found == expected_words
    assert [word_of[i] for i in range(len(doc))] == expected_index


def records() -> list[DocumentRecord]:
    return [
        DocumentRecord("a", "c.jsonl:1", text="First."),
        DocumentRecord("b", "c.jsonl:2", error="row has no text"),
        DocumentRecord("c", "c.jsonl:3", text="Third."),
    ]


@pytest.mark.parametrize(("doc_id", "expected"), [(None, "a"), ("c", "c")])
def test_render_pick_record(doc_id, expected):
    assert pick_record(records(), doc_id).doc_id == expected


@pytest.mark.parametrize(
    ("doc_id", "error", "message"),
    [
        ("b", InputError, "c.jsonl:2: row has no text"),
        ("z", UsageError, "no document 'z' in the input; its ids are: a, b, c"),
    ],
)
def test_render_pick_record_errors(doc_id, error, message):
    with pytest.raises(error, match=message):
        pick_record(records(), doc_id)


def test_render_cli_writes_page(tmp_path: Path, stub_nlp, monkeypatch):
    monkeypatch.setattr(testimony_nlp.render, "load_pipeline", lambda model: stub_nlp)
    source = tmp_path / "abenova.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "abenova.html"
    result = CliRunner().invoke(app, ["render", str(source), "--html", str(target)])
    assert result.exit_code == 0, result.output
    written = target.read_text(encoding="utf-8")
    assert "<title>abenova</title>" in written
    assert [m["text"] for m in parse(written).marks if m.get("class") == "tnlp-trigger"] == [
        "detained",
        "commit",
    ]


def test_render_cli_unknown_doc(tmp_path: Path, stub_nlp, monkeypatch):
    monkeypatch.setattr(testimony_nlp.render, "load_pipeline", lambda model: stub_nlp)
    source = tmp_path / "abenova.txt"
    source.write_text(TEXT, encoding="utf-8")
    args = ["render", str(source), "--html", str(tmp_path / "x.html"), "--doc", "other"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "no document 'other' in the input; its ids are: abenova" in result.output


# A test-only probe: the shipped page has no script. It records what the browser computed.
PROBE = """<script>
const mark = document.querySelector('mark.tnlp-label[data-label="detention"]');
const box = mark ? mark.getBoundingClientRect() : null;
document.body.setAttribute("data-trigger-bg", mark ? getComputedStyle(mark).backgroundColor : "");
document.body.setAttribute("data-trigger-box", box ? `${box.width}x${box.height}` : "");
</script>"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1200,1600",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (/usr/bin/chromium)")
def test_render_trigger_visible_in_headless_chromium(page: str, tmp_path: Path):
    from PIL import Image

    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium("--dump-dom", probed.as_uri(), profile=tmp_path / "profile").stdout
    red, green, blue = hex_rgb(TRIGGER_COLOUR)
    assert f'data-trigger-bg="rgb({red}, {green}, {blue})"' in dom
    width, height = re.search(r'data-trigger-box="([\d.]+)x([\d.]+)"', dom).groups()
    assert float(width) > 10 and float(height) > 5

    plain = tmp_path / "page.html"
    plain.write_text(page, encoding="utf-8")
    shot = tmp_path / "page.png"
    chromium(f"--screenshot={shot}", plain.as_uri(), profile=tmp_path / "profile")
    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 24)
    trigger_pixels = sum(
        n for n, (r, g, b) in colours if abs(r - red) + abs(g - green) + abs(b - blue) < 12
    )
    assert trigger_pixels > 500  # two labels, their bars and the two evidence marks
