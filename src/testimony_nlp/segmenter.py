"""Stage 1b: sentence segmentation that respects paragraph breaks and headings.

Cleaning (``cleaning.py``) runs before spaCy because a Doc's text cannot change; this
component then marks sentence starts that the parser would miss: the first token after a
blank line, and the first token after a heading line ("5. Verdict", "DETENTION EXTENDED",
"Q: ...?") that ends with a single line break, so that a heading never runs into the text
under it. The parser keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

CONTINUATION_ENDS = {",", ";", "-", "–", "—", "(", "/", "&", "and", "or", "of", "the", "a"}


class ParagraphSegmenter:
    """Sets ``is_sent_start`` after paragraph breaks and after short heading lines."""

    def __init__(self, min_newlines: int = 2, max_heading_tokens: int = 8) -> None:
        self.min_newlines = min_newlines
        self.max_heading_tokens = max_heading_tokens

    def __call__(self, doc: Doc) -> Doc:
        for i in self.sentence_starts(doc):
            doc[i].is_sent_start = True
        return doc

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
