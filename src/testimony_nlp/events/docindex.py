"""Per-Doc lookups the event rules ask for again and again, computed once per Doc.

``Doc.text``, ``Doc.ents`` and ``Doc.sents`` rebuild their values on every access (``ents``
walks every token), and the rules ask about lines, entities and sentences of the same Doc
hundreds of times. The index is kept in a weak map, so it lives exactly as long as its Doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from spacy.attrs import HEAD, IDX
from spacy.tokens import Doc, Span, Token

from ..attributes import TEXT_KEY


@dataclass(slots=True)
class DocIndex:
    """Text, entities and sentences of one Doc, with token-to-entity and token-to-sentence maps."""

    length: int
    text: str
    ents: tuple[Span, ...]
    entity_of: list[int]  # per token: index into ``ents``, or -1
    sents: list[Span]
    sent_starts: list[int]
    token_starts: list[int]  # character offset of each token
    memo: dict = field(default_factory=dict)  # other per-Doc values, computed once by their owner

    def entity(self, token: Token) -> Span | None:
        """The named entity a token belongs to, if any."""
        k = self.entity_of[token.i]
        return self.ents[k] if k >= 0 else None

    def sentence_number(self, i: int) -> int:
        """Index into ``sents`` of the sentence holding token ``i``."""
        return bisect_right(self.sent_starts, i) - 1

    def sentence(self, token: Token) -> Span:
        return self.sents[self.sentence_number(token.i)]

    def line_chars(self, token: Token) -> tuple[int, int]:
        """Character bounds of the line a token stands on (without its newline)."""
        start = self.text.rfind("\n", 0, token.idx) + 1
        end = self.text.find("\n", token.idx)
        return start, end if end >= 0 else len(self.text)

    def line(self, token: Token) -> str:
        """The line of text a token stands on."""
        start, end = self.line_chars(token)
        return self.text[start:end]

    def line_tokens(self, token: Token) -> tuple[int, int]:
        """Token bounds ``[first, end)`` of the tokens that start on the token's line."""
        start, end = self.line_chars(token)
        return bisect_left(self.token_starts, start), bisect_left(self.token_starts, end)


_INDEXES: WeakKeyDictionary[Doc, DocIndex] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """The Doc's text, from what it was made of when that is known (cheaper than Doc.text)."""
    text = doc.user_data.get(TEXT_KEY)
    if isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    return doc.text


def forget(doc: Doc) -> None:
    """Drop a Doc's index (its entities or sentences are about to change, or it is done)."""
    global _last, _tree
    _INDEXES.pop(doc, None)
    if _last[0] is doc:
        _last = (None, None)
    if _tree[0] is doc:
        _tree = (None, [])


# The Doc asked about last, with its index and its tokens' children: most calls repeat it.
# Each is one tuple, read and replaced whole, so threads sharing a process (Dask workers
# with several threads) never pair one Doc with another's values.
_last: tuple = (None, None)
_tree: tuple = (None, [])


def kids(token: Token) -> list[Token]:
    """``token.children`` as a list, read once per Doc: the rules ask for the children of
    the same tokens again and again, and spaCy makes new Token objects on every call."""
    global _tree
    doc = token.doc
    tree_doc, children = _tree
    if tree_doc is not doc or len(children) != len(doc):
        tokens = list(doc)
        children = [[] for _ in tokens]
        offsets = doc.to_array([HEAD]).astype("int64").ravel().tolist() if tokens else []
        for tok, offset in zip(tokens, offsets, strict=True):
            if offset:
                children[tok.i + offset].append(tok)
        _tree = (doc, children)
    return children[token.i]


def doc_index(doc: Doc) -> DocIndex:
    """The index of a Doc, built on first use (rebuilt if the Doc was retokenised)."""
    global _last
    last_doc, last_index = _last
    if last_doc is doc and last_index.length == len(doc):
        return last_index
    index = _INDEXES.get(doc)
    if index is not None and index.length == len(doc):
        _last = (doc, index)
        return index
    ents = tuple(doc.ents)
    entity_of = [-1] * len(doc)
    for k, ent in enumerate(ents):
        for i in range(ent.start, ent.end):
            entity_of[i] = k
    # a Doc without sentence boundaries (built by hand) reads as one sentence
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]] if len(doc) else []
    index = DocIndex(
        length=len(doc),
        text=doc_text(doc),
        ents=ents,
        entity_of=entity_of,
        sents=sents,
        sent_starts=[s.start for s in sents],
        token_starts=doc.to_array([IDX]).ravel().tolist() if len(doc) else [],
    )
    _INDEXES[doc] = index
    _last = (doc, index)
    return index
