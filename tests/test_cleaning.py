"""Tests for cleaning.py: offset-preserving plain-text cleaning, boilerplate and HTML."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testimony_nlp.cleaning import clean_html, clean_text

# --- characters and whitespace ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("He\twas\u00a0detained.", "He was detained."),
        ("On\u20093\u202fMarch\u3000 2023", "On 3 March  2023"),
        ("two  spaces   stay", "two  spaces   stay"),
        ("\n\nLeading newlines stay.", "\n\nLeading newlines stay."),
        ("  indented line", "  indented line"),
        ("line\u2028break", "line\nbreak"),
        ("form\x0cfeed", "form feed"),
    ],
)
def test_cleaning_maps_whitespace_one_for_one(raw: str, expected: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned == expected
    assert len(cleaned) == len(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zero\u200bwidth\u200djoiner", "zerowidthjoiner"),
        ("\u202bbidi\u202c and \u2067isolate\u2069", "bidi and isolate"),
        ("\ufeffBOM at start", "BOM at start"),
        ("soft\u00adhyphen", "softhyphen"),
        ("bell\x07 and \x1b escape \x7f del \x9b csi", "bell and  escape  del  csi"),
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_cleaning_removes_invisible_and_control_chars(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("para one.\n\n\n\npara two.", "para one.\n\npara two."),
        ("para one.\n\npara two.", "para one.\n\npara two."),
    ],
)
def test_cleaning_normalises_newlines(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_cleaning_keeps_decomposed_letters_when_composing_would_move_offsets() -> None:
    decomposed = "Bishkek cafe\u0301 owner"
    assert clean_text(decomposed) == decomposed


# --- boilerplate lines -----------------------------------------------------------------------

ARTICLE = "The police detained the blogger in Osh on Monday and took his phone.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # bullet breadcrumbs at the top, including the page title as the last crumb
        ("• Home\n  • >\n  • Blogger detained in Osh\n\n" + ARTICLE, "\n" + ARTICLE),
        ("Home > News > Central Asia\n" + ARTICLE, ARTICLE),
        ("Main » Regions » Osh\n" + ARTICLE, ARTICLE),
        ("Skip to content\nMenu\n" + ARTICLE, ARTICLE),
        (ARTICLE + "Share this:\nTweet\nPrint\nEmail\n", ARTICLE),
        (ARTICLE + "Share on Facebook\nFollow us on Telegram\n", ARTICLE),
        ("We use cookies to give you the best experience on our website.\n" + ARTICLE, ARTICLE),
        (ARTICLE + "© 2024 Example Media. All rights reserved.\n", ARTICLE),
    ],
)
def test_cleaning_removes_navigation_lines(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "heading",
    ["Leave a Reply", "Leave a comment", "Comments", "12 Comments", "Comments (4)",
     "You must be logged in to post a comment."],
)  # fmt: skip
def test_cleaning_drops_comment_section_at_the_end(heading: str) -> None:
    comment = "Aigerim says:\nThank you for writing about this, it is important.\n"
    raw = f"{ARTICLE}\n{heading}\n\n{comment}"
    assert clean_text(raw) == ARTICLE + "\n"


def test_cleaning_drops_related_trailer_but_keeps_following_sentences() -> None:
    raw = (
        ARTICLE
        + "\nRelated articles\nTeachers fined in Jalal-Abad\nLawyer barred from court\n\n"
        + "His lawyer said the phone has still not been returned to him.\n"
    )
    expected = ARTICLE + "\nHis lawyer said the phone has still not been returned to him.\n"
    assert clean_text(raw) == expected


def test_cleaning_comment_heading_before_any_content_drops_only_the_heading() -> None:
    raw = "Comments\nThe police detained the blogger in Osh on Monday and took his phone.\n"
    assert clean_text(raw) == ARTICLE


@pytest.mark.parametrize(
    "line",
    [
        "• Police came to my home at night and took me to the station.",
        "Home was no longer safe for us, so we left the country in May.",
        "Comments made by the governor on television were widely reported.",
        "Read more about how the court treated him in the appeal hearing.",
        "  • The officers searched my flat and seized two laptops.",
        "Print media in the region have been under pressure since 2019.",
    ],
)
def test_cleaning_never_drops_a_sentence(line: str) -> None:
    raw = f"{line}\n{ARTICLE}"
    assert clean_text(raw) == raw


def test_cleaning_keeps_a_content_bullet_list() -> None:
    raw = (
        "The court ordered:\n"
        "• a fine of 500 dollars,\n"
        "• a ban on travel,\n"
        "• weekly reports to the police.\n"
    )
    assert clean_text(raw) == raw


def test_cleaning_is_idempotent_on_a_saved_web_page() -> None:
    raw = "• Home\n  • >\n\nTitle\n\n" + ARTICLE + "\nShare this:\n\nLeave a Reply\n"
    once = clean_text(raw)
    assert once == "\nTitle\n\n" + ARTICLE + "\n"
    assert clean_text(once) == once


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html><head>
<title>Blogger's flat searched in Bishkek &ndash; Example News</title>
<style>p { color: red; }</style>
<script>var tracking = "Police detained nobody";</script>
</head>
<body class="post has-sidebar">
<header><div class="logo">Example News</div></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/asia">Asia</a></li></ul></nav>
<ul class="breadcrumb"><li>Home</li><li>Asia</li></ul>
<article>
<h1>Blogger&#39;s flat searched</h1>
<p>Officers of the security service searched the flat of a blogger in Bishkek
   on 4&nbsp;April and seized his laptop.</p>
<p>He was summoned for questioning two days later.<br>His lawyer was present.</p>
<div class="social-share"><a>Share</a> <a>Tweet</a></div>
<noscript>Enable JavaScript</noscript>
</article>
<div id="comments"><h3>2 Comments</h3><p>Great reporting, thank you!</p></div>
<aside>Most read: Court fines teachers</aside>
<div style="display: none">hidden promo</div>
<footer>Contact us &copy; 2024</footer>
</body></html>
"""


def test_cleaning_html_page_keeps_only_the_article() -> None:
    text, title = clean_html(PAGE)
    assert title == "Blogger's flat searched"  # the h1: the <title> only adds the site name
    assert text == (
        "Blogger's flat searched\n\n"
        "Officers of the security service searched the flat of a blogger in Bishkek "
        "on 4 April and seized his laptop.\n\n"
        "He was summoned for questioning two days later.\n\nHis lawyer was present."
    )


@pytest.mark.parametrize(
    ("markup", "expected_text", "expected_title"),
    [
        ("<h1>Court &amp; prison</h1><p>He was sentenced.</p>",
         "Court & prison\n\nHe was sentenced.", "Court & prison"),
        ("<title>Arrest in Osh | Site</title><h1>Arrest in Osh</h1><p>Text.</p>",
         "Arrest in Osh\n\nText.", "Arrest in Osh"),
        ("<p>No title here.</p>", "No title here.", None),
        ("<div hidden>secret</div><div aria-hidden=\"true\">x</div><p>Shown.</p>", "Shown.", None),
        ("<div class=\"menuBar\">Menu items</div><p>Body.</p>", "Body.", None),
        ("<pre>line one\n  line two</pre>", "line one\nline two", None),  # line breaks kept
        ("<header>Site</header><article><header><h1>Headline</h1></header><p>Body.</p>"
         "</article>", "Headline\n\nBody.", "Headline"),
        ("plain text, no tags", "plain text, no tags", None),
        ("", "", None),
    ],
)  # fmt: skip
def test_cleaning_html_details(markup: str, expected_text: str, expected_title: str | None) -> None:
    assert clean_html(markup) == (expected_text, expected_title)


def test_cleaning_html_unclosed_skipped_element_ends_with_body() -> None:
    text, _ = clean_html("<p>Before.</p><nav>menu <p>still menu</body><p>After.</p>")
    assert text == "Before.\n\nAfter."


# --- properties ------------------------------------------------------------------------------

WORDS = st.sampled_from(
    ["police", "detained", "the", "journalist", "in", "Almaty", "on", "3", "March", "2023",
     "Ömirzak", "Тараз", "court", "fined", "him", "and", "KNB", "officers", "«search»"]
)  # fmt: skip
SPACES = st.sampled_from([" ", " ", " ", "\t", "\u00a0", "\u2009", "\u3000"])


@st.composite
def sentence_lines(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=6, max_size=15))
    gaps = draw(st.lists(SPACES, min_size=len(words) - 1, max_size=len(words) - 1))
    line = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=True))
    return draw(SPACES) * draw(st.integers(0, 2)) + line + "."


@given(
    st.lists(sentence_lines(), min_size=1, max_size=6),
    st.lists(st.sampled_from(["\n", "\n\n"]), min_size=6, max_size=6),
    st.sampled_from(["", "\n", "\n\n"]),
)
@settings(max_examples=200, deadline=None)
def test_cleaning_preserves_length_without_removable_text(
    lines: list[str], breaks: list[str], leading: str
) -> None:
    raw = leading + "".join(line + brk for line, brk in zip(lines, breaks, strict=False))
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw)
    assert [i for i, c in enumerate(cleaned) if c == "\n"] == [
        i for i, c in enumerate(raw) if c == "\n"
    ]


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_cleaning_text_never_raises_and_is_idempotent(raw: str) -> None:
    cleaned = clean_text(raw)
    assert isinstance(cleaned, str)
    assert clean_text(cleaned) == cleaned


HTML_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div class='nav'>", "</div>", "<script>", "</script>", "<![CDATA[", "<!--",
     "-->", "<br/>", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<title>", "</title>", "<h1>",
     "</h1>", "<nav>", "</nav>", "<", ">", "<!DOCTYPE", "<?xml ?>", "<![if", "text", " ", "\n"]
)  # fmt: skip


@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=5)), max_size=40))
@settings(max_examples=300, deadline=None)
def test_cleaning_html_never_raises(pieces: list[str]) -> None:
    text, title = clean_html("".join(pieces))
    assert isinstance(text, str)
    assert title is None or isinstance(title, str)


# --- evaluation corpora (read only when available) ------------------------------------------


def test_cleaning_keeps_offsets_of_timex_corpus(eval_dir) -> None:
    """Gold offsets of the TimeML corpus are on the raw text: cleaning must not move them."""
    with open(eval_dir / "aquaint.timex.jsonl", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    assert texts
    assert [len(clean_text(t)) for t in texts] == [len(t) for t in texts]


def test_cleaning_removes_web_boilerplate_of_saved_testimony(eval_dir) -> None:
    raw = (eval_dir / "texts" / "kazakstan-journalist.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    lines = [line.strip() for line in cleaned.split("\n") if line.strip()]
    assert not any(line.startswith("•") for line in lines)
    assert lines[-1].endswith(".")
    assert len(cleaned) > 0.9 * len(raw)
