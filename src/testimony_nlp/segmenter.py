"""Stage 1b: sentence segmentation that respects paragraph breaks and headings.

Cleaning (``cleaning.py``) runs before spaCy because a Doc's text cannot change; this
component then marks sentence starts that the parser would miss: the first token after a
blank line, and the first token after a heading line ("5. Verdict", "DETENTION EXTENDED",
"Q: ...?") that ends with a single line break, so that a heading never runs into the text
under it. The parser keeps boundaries that are already set.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token

CONTINUATION_ENDS = {",", ";", "-", "–", "—", "(", "/", "&", "and", "or", "of", "the", "a"}
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
MONTH_WORDS = frozenset(_MONTHS.split())
ENTRY_DASHES = frozenset({"-", "–", "—", ":", "."})  # "9 March 2022. X is detained"
BULLETS = frozenset({"-", "–", "—", "•", "*", "·"})


def dated_entry_prefix(tokens: Sequence[Token]) -> int:
    """Length of a timeline entry's opening date and dash ("19 Apr 2023 –", "- 17 May:",
    "March 3, 2023 —", "9 March 2022."), 0 when the tokens do not open with one. A chronology
    tells its entries in the present tense ("Rostami files an appeal"), one dated incident each."""
    words = [t for t in tokens[:8] if not t.is_space]
    if words and words[0].text in BULLETS:
        words = words[1:]
    months = numbers = 0  # a day or a year, or both
    for word in words:
        if word.lower_.rstrip(".") in MONTH_WORDS:
            months += 1
        elif (word.like_num and len(word.text) <= 4) or word.text == ",":
            numbers += word.like_num
        elif word.text in ENTRY_DASHES and months == 1 and numbers:
            return word.i - tokens[0].i + 1
        else:
            return 0
    return 0


class ParagraphSegmenter:
    """Sets ``is_sent_start`` after paragraph breaks and after short heading lines."""

    def __init__(self, min_newlines: int = 2, max_heading_tokens: int = 8) -> None:
        self.min_newlines = min_newlines
        self.max_heading_tokens = max_heading_tokens

    def __call__(self, doc: Doc) -> Doc:
        starts = self.sentence_starts(doc)
        for i in starts:
            doc[i].is_sent_start = True
        for i in self.entry_continuations(doc, [0, *starts]):
            doc[i].is_sent_start = False
        return doc

    def entry_continuations(self, doc: Doc, starts: list[int]) -> list[int]:
        """Each token of a line's opening date and dash but the first, and the word after
        them: "10 Oct 2023 – Rostami files an appeal" is one entry, which the parser would
        otherwise cut inside the date or after the dash."""
        found = []
        for start in starts:
            end = start + dated_entry_prefix(doc[start : start + 8])
            if end > start and end < len(doc) and end not in starts:
                found.extend(range(start + 1, end + 1))
        return found

    def sentence_starts(self, doc: Doc) -> list[int]:
        starts, line_start = [], 0
        for token in doc[:-1]:
            if not (token.is_space and "\n" in token.text):
                continue
            following = doc[token.i + 1]
            if token.text.count("\n") >= self.min_newlines or self.ends_heading(
                doc, line_start, token.i, following.text
            ):
                starts.append(token.i + 1)
            line_start = token.i + 1
        return starts

    def ends_heading(self, doc: Doc, start: int, end: int, next_text: str) -> bool:
        """A short line that does not continue into the next one, before a line that starts
        like a sentence (capital, digit or quotation)."""
        words = [t for t in doc[start:end] if not t.is_space]
        if not words or len(words) > self.max_heading_tokens:
            return False
        if words[-1].lower_ in CONTINUATION_ENDS:
            return False
        return next_text[:1].isupper() or next_text[:1].isdigit() or next_text[:1] in "\"“'‘•-"


@Language.factory("tnlp_segmenter", default_config={"min_newlines": 2, "max_heading_tokens": 8})
def make_segmenter(
    nlp: Language, name: str, min_newlines: int, max_heading_tokens: int
) -> ParagraphSegmenter:
    return ParagraphSegmenter(min_newlines=min_newlines, max_heading_tokens=max_heading_tokens)
