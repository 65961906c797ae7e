"""Text cleaning before spaCy: HTML to text, boilerplate removal, whitespace normalisation.

A Doc's text is immutable and every character offset in the output tables refers to it, so
plain-text cleaning preserves offsets wherever it can: within-line whitespace is mapped to an
ASCII space one character for one, and only these steps change the length of a text:

- ``\\r\\n`` and ``\\r`` become ``\\n``;
- zero-width, bidirectional-control and other control characters (except ``\\n``/``\\t``),
  the soft hyphen and lone surrogates are removed;
- whole boilerplate lines (navigation, share buttons, cookie banners, comment sections,
  "related articles" trailers of web pages saved as text) are removed with their newline;
- runs of three or more newlines become two (a paragraph break).

Both public functions are total: they never raise, whatever string they receive.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

__all__ = ["clean_html", "clean_text"]

# ---------------------------------------------------------------------------------------------
# character level

# Removed: zero-width chars, bidi controls, BOM, soft hyphen, word joiner, C0/C1 controls
# other than \t \n \f \v (mapped below), DEL, lone surrogates, non-characters.
_REMOVED_CHARS = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e"
    "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
# Mapped one for one (offsets preserved): other spaces to " ", Unicode line breaks to "\n".
_OTHER_SPACES = re.compile("[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_OTHER_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
_NEWLINE_RUNS = re.compile(r"\n{3,}")


def _normalise_characters(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _REMOVED_CHARS.sub("", text)
    text = _OTHER_SPACES.sub(" ", text)
    return _OTHER_LINE_BREAKS.sub("\n", text)


def _nfc(text: str) -> str:
    """NFC-normalise the lines that keep their length (offsets must not move)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return "\n".join(_nfc_if_same_length(line) for line in text.split("\n"))


def _nfc_if_same_length(line: str) -> str:
    """NFC-normalise a line only when it keeps its length (offsets must not move)."""
    if line.isascii():
        return line
    normalised = unicodedata.normalize("NFC", line)
    return normalised if len(normalised) == len(line) else line


# ---------------------------------------------------------------------------------------------
# boilerplate lines

_BULLETS = "•·▪◦‣∙●○■□►▶▸–—*-+>»›|"
_NAV_PHRASES = frozenset(
    {
        "home", "homepage", "main page", "menu", "main menu", "open menu", "close menu",
        "toggle navigation", "navigation", "skip to content", "skip to main content",
        "skip to navigation", "jump to navigation", "search", "search for", "share",
        "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "print", "print this page", "print article", "email", "e-mail",
        "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "vk", "reddit",
        "pinterest", "instagram", "youtube", "rss", "login", "log in", "sign in", "sign up",
        "register", "subscribe", "newsletter", "back to top", "top", "next", "previous",
        "next post", "previous post", "next article", "previous article", "close", "about",
        "about us", "contact", "contact us", "news", "categories", "tags", "archives",
        "like this", "like", "loading", "like loading", "follow us", "donate", "donate now",
        "privacy policy", "terms of use", "terms of service", "cookie policy", "cookie settings",
        "accept", "accept all", "reject all", "got it", "i agree", "advertisement",
        "all rights reserved",
    }
)  # fmt: skip
_SOCIAL_LINE = re.compile(
    r"^(share|post|send|follow us|follow)( (it|this|article))? (on|via|to|by) [\w .+-]{1,20}$"
)
_COPYRIGHT_LINE = re.compile(r"^(©|\(c\)|copyright\b).{0,80}$", re.IGNORECASE)
_COOKIE_LINE = re.compile(
    r"\b(we|this (web)?site|our (web)?site|site) uses? cookies\b|\baccept (all )?cookies\b"
    r"|\bcookie (policy|settings|preferences|consent)\b|\bby continuing to (use|browse)\b",
    re.IGNORECASE,
)
_COMMENT_HEADING = re.compile(
    r"^(leave a (reply|comment|response)( cancel reply)?|comments?( \(\d+\))?|\d+ (comments?|"
    r"responses?|replies)( to .{0,120})?|no comments( yet)?|add (a |new )?comment|"
    r"post a comment|write a comment|join the (discussion|conversation)|"
    r"comments are closed|responses|you must be logged in to post a comment|"
    r"what do you think)$"
)
_RELATED_HEADING = re.compile(
    r"^(related( articles| posts| stories| news| content| reading)?|you (may|might) also like|"
    r"more (stories|news|from .{1,40})|most (read|popular|viewed)|popular( posts)?|"
    r"recommended( for you)?|read (more|also|next)|see also|also read|further reading)"
    r"(:.{0,150})?$"
)
_BREADCRUMB_SEPARATOR = re.compile(r"\s(?:>|»|›|/|\\|→)\s")
_SENTENCE_END = re.compile(r"[.!?…。؟][\"'”’»)\]]*$")


def _core(line: str) -> str:
    """The line without bullets, surrounding punctuation and case: what a menu would show."""
    core = line.strip().lstrip(_BULLETS).strip()
    core = core.strip(" :.…|·•»›>-–—").lower()
    return " ".join(core.split())


_SHORT_LINE_TOKENS = 15  # navigation, headings and menus are shorter than this


def _is_sentence(line: str) -> bool:
    """A line that carries content: a full sentence, or a long run of words."""
    n_tokens = len(line.split())
    return n_tokens > _SHORT_LINE_TOKENS or (
        n_tokens >= 6 and bool(_SENTENCE_END.search(line.rstrip()))
    )


def _is_bullet_line(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in _BULLETS


def _is_breadcrumb(line: str) -> bool:
    parts = [p for p in _BREADCRUMB_SEPARATOR.split(line.strip().lstrip(_BULLETS)) if p.strip()]
    if len(parts) < 2 or _SENTENCE_END.search(line.rstrip()):
        return False
    if any(len(p.split()) > 6 for p in parts):
        return False
    first = _core(parts[0])
    return first in {"home", "main", "main page", "homepage"} or len(parts) >= 3


def _is_nav_line(line: str, core: str) -> bool:
    """A navigation line: menu word, share button, breadcrumb, lone separator."""
    stripped = line.strip()
    if not core:  # only bullets or separators, e.g. "  • >"
        return _is_bullet_line(stripped) and len(stripped) <= 6
    if core in _NAV_PHRASES or _SOCIAL_LINE.match(core):
        return True
    return _is_breadcrumb(stripped)


def _is_cookie_line(line: str) -> bool:
    lowered = line.lower()
    if "cookie" not in lowered and "continuing to" not in lowered:
        return False
    return len(line.split()) <= 60 and bool(_COOKIE_LINE.search(line))


class _Lines:
    """The lines of a text with what the rules ask of each, computed once."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.sentence = [_is_sentence(line) for line in self.lines]
        # only short lines can be menus or headings: long ones keep an empty core
        self.core = [
            _core(line) if len(line.split()) <= _SHORT_LINE_TOKENS else "" for line in self.lines
        ]
        self.bullet = [_is_bullet_line(line) for line in self.lines]

    def bullet_blocks(self) -> list[range]:
        """Index ranges of consecutive bullet lines."""
        blocks, start = [], None
        for i, is_bullet in enumerate([*self.bullet, False]):
            if is_bullet and start is None:
                start = i
            elif not is_bullet and start is not None:
                blocks.append(range(start, i))
                start = None
        return blocks


def _boilerplate_flags(text: str) -> tuple[list[str], list[bool]]:
    """The lines of a text and which are boilerplate; see the module docstring for the rules."""
    info = _Lines(text)
    lines, sentence, core = info.lines, info.sentence, info.core
    drop = [
        (not sentence[i] and bool(line.strip()) and _is_nav_line(line, core[i]))
        or bool(core[i] and _COPYRIGHT_LINE.match(core[i]))
        or _is_cookie_line(line)
        for i, line in enumerate(lines)
    ]
    # A menu is a block of bullet lines: when one of them is navigation, the block is.
    for block in info.bullet_blocks():
        if any(drop[i] for i in block) and not any(sentence[i] for i in block):
            for i in block:
                drop[i] = True
    seen_content = False
    for i in range(len(lines)):
        if core[i] and _COMMENT_HEADING.match(core[i]):
            if seen_content:  # a comment section after the article: drop it all
                drop[i:] = [True] * (len(lines) - i)
                break
            drop[i] = True
        elif core[i] and _RELATED_HEADING.match(core[i]):
            _drop_related_trailer(info, drop, i)
        elif not drop[i] and sentence[i]:
            seen_content = True
    return lines, drop


def _drop_related_trailer(info: _Lines, drop: list[bool], heading: int) -> None:
    """Drop a "Related articles" heading and the link titles under it (lines, not sentences)."""
    lines = info.lines
    drop[heading] = True
    for j in range(heading + 1, len(lines)):
        if info.sentence[j]:
            break
        if not lines[j].strip() and j + 1 < len(lines) and not lines[j + 1].strip():
            break  # two blank lines: the trailer is over
        drop[j] = True


def _remove_boilerplate(text: str) -> str:
    lines, flags = _boilerplate_flags(text)
    if not any(flags):
        return text
    kept = [line for line, dropped in zip(lines, flags, strict=True) if not dropped]
    if flags[-1] and kept:
        kept.append("")  # the last kept line keeps its newline
    return "\n".join(kept)


# ---------------------------------------------------------------------------------------------
# public API


def clean_text(text: str) -> str:
    """Clean plain text, preserving character offsets wherever possible.

    Args:
        text: raw document text (already decoded).

    Returns:
        The cleaned text. Text without removable characters, boilerplate lines or runs of
        three or more newlines keeps its exact length: every other change is one for one.
    """
    try:
        text = _normalise_characters(text)
        text = _nfc(text)
        text = _remove_boilerplate(text)
        return _NEWLINE_RUNS.sub("\n\n", text)
    except Exception:  # pragma: no cover - defensive: cleaning must never stop a run
        return _NEWLINE_RUNS.sub("\n\n", _normalise_characters(str(text)))


_SKIPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "template",
        "button",
        "select",
        "object",
        "embed",
        "canvas",
        "map",
        "dialog",
    ]
)
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    ]
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "table",
        "article",
        "section",
        "blockquote",
        "main",
        "pre",
        "figure",
        "figcaption",
        "address",
        "hr",
        "center",
        "details",
        "summary",
    ]
)
_NEVER_SKIPPED_BY_CLASS = frozenset({"html", "body", "main", "article"})
_BOILERPLATE_CLASS = re.compile(
    r"^(nav|navbar|navigation|menu|menubar|breadcrumbs?|comments?|commentlist|share|sharing|"
    r"sharedaddy|social|cookies?|footer|sidebar|related|advert|advertisement|ads|banner|"
    r"newsletter|subscribe|popup|modal|skip|widget|widgets|toolbar)$"
)
_CLASS_PARTS = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_STATE_PREFIXES = ("has-", "no-", "with-", "show-", "is-", "js-")


def _is_boilerplate_element(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    if "hidden" in values or (values.get("aria-hidden") or "").lower() == "true":
        return True
    style = (values.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if (values.get("role") or "").lower() in {"navigation", "banner", "contentinfo", "search"}:
        return True
    if tag in _NEVER_SKIPPED_BY_CLASS:
        return False
    for name in (values.get("class") or "").split() + (values.get("id") or "").split():
        if name.lower().startswith(_STATE_PREFIXES):
            continue  # "has-sidebar" describes the page layout, not the element
        parts = [p.lower() for p in _CLASS_PARTS.split(name) if p]
        if any(_BOILERPLATE_CLASS.match(p) for p in parts):
            return True
    return False


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements become paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._skip_stack: list[str] = []  # tags of open skipped elements (nesting of one tag)
        self._in_title = False
        self._h1_state = "before"  # before -> inside -> done
        self._pre_depth = 0
        self._article_depth = 0  # inside <article> or <main>, a <header> holds the headline

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_stack:
            if tag == self._skip_stack[0] and tag not in _VOID_TAGS:
                self._skip_stack.append(tag)
            return
        if self._is_skipped(tag, attrs):
            if tag not in _VOID_TAGS:
                self._skip_stack.append(tag)
            return
        if tag in ("article", "main"):
            self._article_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "h1" and self._h1_state == "before":
            self._h1_state = "inside"
        elif tag == "pre":
            self._pre_depth += 1
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n\n")

    def _is_skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag == "header" and self._article_depth:
            return _is_boilerplate_element(tag, attrs)
        return tag in _SKIPPED_TAGS or _is_boilerplate_element(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip_stack and tag in _BLOCK_TAGS:
            self.chunks.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip_stack:
            if tag == self._skip_stack[0]:
                self._skip_stack.pop()
            elif tag in {"body", "html"}:
                self._skip_stack.clear()  # an unclosed skipped element ends with the page
            return
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._h1_state == "inside":
            self._h1_state = "done"
        elif tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        elif tag in ("article", "main"):
            self._article_depth = max(0, self._article_depth - 1)
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip_stack:
            return
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._h1_state == "inside":
            self.h1_parts.append(data)
        if self._pre_depth:
            self.chunks.append(data)
        else:
            self.chunks.append(re.sub(r"[ \t\n\r\f]+", " ", data))


def _page_title(title_parts: list[str], h1_parts: list[str]) -> str | None:
    """``<title>``, or the first h1 when the title is that h1 plus a site name ("X | Site")."""
    title = " ".join("".join(title_parts).split())
    h1 = " ".join("".join(h1_parts).split())
    if h1 and (not title or (title.startswith(h1) and len(title) > len(h1))):
        return h1
    return title or None


_TAG = re.compile(r"<[^>]*>")


def _fallback_html_text(markup: str) -> tuple[str, str | None]:
    """Crude tag stripping, used only if the HTML parser fails on pathological input."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", markup)
    return html.unescape(_TAG.sub("\n\n", text)), None


def _tidy_html_text(text: str) -> str:
    """Collapse the whitespace left by markup: spaces around newlines, runs of blank lines."""
    text = re.sub(r"[ \t]+", " ", text.replace("\u00a0", " "))
    text = re.sub(r" ?\n ?", "\n", text)
    return _NEWLINE_RUNS.sub("\n\n", text).strip()


def clean_html(markup: str) -> tuple[str, str | None]:
    """Extract the visible article text and the title from an HTML page.

    Scripts, styles, navigation, headers, footers, forms, asides, hidden elements and
    elements whose class or id names navigation, menus, breadcrumbs, comments, sharing
    buttons, cookie banners, footers or sidebars are dropped; block elements become
    paragraph breaks; the result then goes through :func:`clean_text`.

    Args:
        markup: the HTML document as a string.

    Returns:
        ``(text, title)``: the title comes from ``<title>`` or else the first ``<h1>``
        (which also stays in the text; it is preferred when the ``<title>`` is the h1
        followed by the site's name); ``None`` when the page has neither.
    """
    try:
        parser = _TextExtractor()
        parser.feed(markup)
        parser.close()
        text = "".join(parser.chunks)
        title = _page_title(parser.title_parts, parser.h1_parts)
    except Exception:
        text, title = _fallback_html_text(str(markup))
    try:
        title = (clean_text(title).strip() or None) if title else None
        return clean_text(_tidy_html_text(text)), title
    except Exception:  # pragma: no cover - defensive
        return "", None
