"""Stage 1b: sentence segmentation that respects paragraph breaks.

Cleaning (``cleaning.py``) runs before spaCy because a Doc's text cannot change; this
component then marks the first token after a blank line as a sentence start, so that a
heading or a line without final punctuation never runs into the next paragraph. The
parser keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphSegmenter:
    """Sets ``is_sent_start`` on the first token of each paragraph."""

    def __init__(self, min_newlines: int = 2) -> None:
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        starts = [
            token.i + 1
            for token in doc[:-1]
            if token.is_space and token.text.count("\n") >= self.min_newlines
        ]
        for i in starts:
            doc[i].is_sent_start = True
        return doc


@Language.factory("tnlp_segmenter", default_config={"min_newlines": 2})
def make_segmenter(nlp: Language, name: str, min_newlines: int) -> ParagraphSegmenter:
    return ParagraphSegmenter(min_newlines=min_newlines)
