"""The base model's lemmatizer, reading and writing a Doc's lemmas as arrays.

spaCy's rule lemmatizer visits every token as a Python object, asks its cache for the
token's lemma and sets it by string, which costs more than the tagger on our texts. Its
answer depends only on the token's form, part of speech and morphology, so this subclass
reads those as integers (``Doc.to_array``), remembers the lemma's string id for each
combination it has seen, asks the lemmatizer itself only for new ones, and writes all
lemmas back at once. Tokens whose lemma an earlier component set keep it, as in spaCy
(unless ``overwrite``). Same lemmas (a test compares the two on whole documents).
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

MAX_REMEMBERED_FORMS = 100_000  # (form, part of speech, morphology) combinations kept


class MemoLemmatizer(EnglishLemmatizer):
    """An English lemmatizer that looks lemmas up per (form, POS, morphology)."""

    def __init__(self, vocab: Vocab, model=None, name: str = "lemmatizer", **kwargs) -> None:
        super().__init__(vocab, model, name, **kwargs)
        self._lemma_ids: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        if not len(doc):
            return doc
        try:
            self._set_lemmas(doc)
        except Exception as error:
            self.get_error_handler()(self.name, self, [doc], error)
        return doc

    def _set_lemmas(self, doc: Doc) -> None:
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3].copy()
        strings, memo = doc.vocab.strings, self._lemma_ids
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not self.overwrite:
                continue
            lemma_id = memo.get((orth, pos, morph))
            if lemma_id is None:
                lemma_id = strings.add(self.lemmatize(doc[i])[0])
                if len(memo) >= MAX_REMEMBERED_FORMS:
                    memo.clear()
                memo[(orth, pos, morph)] = lemma_id
            lemmas[i] = lemma_id
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))


@Language.factory(
    "tnlp_lemmatizer",
    default_config={"mode": "rule", "overwrite": False},
)
def make_memo_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def memoise_lemmatizer(nlp: Language, name: str = "lemmatizer") -> None:
    """Swap the pipeline's English rule or lookup lemmatizer for one that remembers lemmas."""
    if name not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe(name)
    if type(lemmatizer) is not EnglishLemmatizer or lemmatizer.mode not in ("rule", "lookup"):
        return
    config = {"mode": lemmatizer.mode, "overwrite": lemmatizer.overwrite}
    memo = nlp.replace_pipe(name, "tnlp_lemmatizer", config=config)
    memo.lookups = lemmatizer.lookups
