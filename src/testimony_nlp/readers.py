"""Readers: files, folders, globs, standard input and corpora -> :class:`DocumentRecord`.

Inputs are read lazily, one record at a time: plain files one by one, JSONL line by line,
CSV with the streaming ``csv`` module, Parquet by row batches. Bad input never raises
(usage errors aside): an unreadable document or corpus row becomes a record whose ``error``
says what is wrong and how to fix it, and the run goes on.

Formats (``fmt="auto"`` chooses by extension; any other value forces one):

=========  ==========================  ==============================================
format     extensions                  one record per
=========  ==========================  ==============================================
txt        .txt .md (and, when named   file (doc_id: file name without extension,
           explicitly, any other)      ``-2``, ``-3`` ... appended when names collide)
html       .html .htm                  file (title from ``<title>`` or the first h1)
jsonl      .jsonl .ndjson              line: a JSON object
csv        .csv                        row (quoted newlines allowed)
parquet    .parquet                    row
=========  ==========================  ==============================================

Corpus fields: ``id`` or ``doc_id``; ``text``, or ``text_file`` (a path relative to the corpus
file's folder); ``published`` (ISO date or timestamp); ``author``; ``title``; ``url``.
Other scalar fields go to ``DocumentRecord.extra``. ``-`` reads standard input as one plain
text document whose doc_id is ``stdin``.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import glob
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .cleaning import clean_html, clean_text
from .errors import UsageError
from .language import detect_language
from .records import DocumentRecord

__all__ = [
    "records_from_mappings",
    "FORMATS",
    "LEGACY_ENCODINGS",
    "MAX_DOCUMENT_CHARS",
    "STDIN",
    "expand_inputs",
    "iter_records",
]

MAX_DOCUMENT_CHARS = 1_000_000
"""Longest document accepted, in characters (about 150,000 words): longer ones are errors.

It equals spaCy's own ``nlp.max_length``: the parser's and NER's memory grow with a Doc's
length, so a longer text should be split into several documents."""

STDIN = "-"
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
FORMATS = ("auto", "txt", "html", "jsonl", "csv", "parquet")
LEGACY_ENCODINGS = (
    "cp1251",
    "koi8_r",
    "cp866",
    "cp1252",
    "cp1250",
    "cp1254",
    "cp1256",
    "latin_1",
)
"""Legacy encodings tried, in order of preference, when a text is not valid UTF-8."""

_SNIFF_BYTES = 65536
_PARQUET_BATCH_ROWS = 256
_MAX_CONSECUTIVE_CSV_ERRORS = 20


# ---------------------------------------------------------------------------------------------
# input expansion


def expand_inputs(inputs: Sequence[str | os.PathLike[str]], fmt: str = "auto") -> list[Path | str]:
    """Expand files, folders and globs into the ordered list of files to read.

    Folders are walked recursively in sorted order, skipping hidden files and folders and,
    when ``fmt`` is ``"auto"``, files with unsupported extensions. Symbolic links are
    followed once: a file or folder reached twice (including through a link loop) is
    read once. ``"-"`` (standard input) is kept as is.

    Args:
        inputs: paths, folders, glob patterns or ``"-"``.
        fmt: the format option; with a forced format, folders yield every visible file.

    Returns:
        Files (as :class:`Path`) and ``"-"``, in input order, without duplicates.

    Raises:
        UsageError: no input at all, an unknown format, or an input that matches nothing.
    """
    _check_format(fmt)
    if not inputs:
        raise UsageError("no input given: pass files, folders, glob patterns, or - for stdin")
    files: list[Path | str] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            files.append(path)

    for item in inputs:
        spec = os.fspath(item)
        if spec == STDIN:
            if STDIN not in files:
                files.append(STDIN)
            continue
        matches = _match(spec)
        found = 0
        for path in matches:
            if path.is_dir():
                for file in _walk(path, fmt):
                    found += 1
                    add(file)
            elif path.is_file():
                found += 1
                add(path)
        if not found:
            raise UsageError(_nothing_found_message(spec, matches))
    return files


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _match(spec: str) -> list[Path]:
    path = Path(spec).expanduser()
    if path.exists() or not glob.has_magic(spec):
        return [path] if path.exists() else []
    return [Path(p) for p in sorted(glob.glob(os.path.expanduser(spec), recursive=True))]


def _nothing_found_message(spec: str, matches: list[Path]) -> str:
    if glob.has_magic(spec) and not matches:
        return (
            f"no file matches {spec!r}: check the pattern (quote it so the shell leaves it alone)"
        )
    if not matches:
        return f"input {spec!r} does not exist: check the path"
    supported = " ".join(EXTENSIONS)
    return (
        f"{spec!r} holds no readable documents (supported extensions: {supported}); "
        "force a format with --format to read other files"
    )


def _walk(folder: Path, fmt: str) -> Iterator[Path]:
    """Visible files under ``folder``, sorted, following links but never a folder twice."""
    visited: set[str] = set()

    def walk(current: Path) -> Iterator[Path]:
        real = os.path.realpath(current)
        if real in visited:
            return  # a symbolic link loop, or a folder linked twice
        visited.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(current, entry.name)
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                yield from walk(path)
            elif is_file and (fmt != "auto" or path.suffix.lower() in EXTENSIONS):
                yield path

    yield from walk(folder)


# ---------------------------------------------------------------------------------------------
# records


def iter_records(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    fmt: str = "auto",
    id_field: str | None = None,
    text_field: str | None = None,
    date_field: str | None = None,
    stdin: TextIO | None = None,
    clean: bool = True,
) -> Iterator[DocumentRecord]:
    """Read every input lazily, one :class:`DocumentRecord` at a time.

    Inputs are validated before the first record is produced (see :func:`expand_inputs`).
    Texts are cleaned (:func:`~testimony_nlp.cleaning.clean_text`, or
    :func:`~testimony_nlp.cleaning.clean_html` for HTML) and their language identified.

    Args:
        inputs: files, folders, glob patterns, or ``"-"`` for standard input.
        fmt: ``"auto"`` (by extension) or a forced format: txt, html, jsonl, csv, parquet.
        id_field: corpus field holding the document id (default ``id``, then ``doc_id``).
        text_field: corpus field holding the text (default ``text``, then ``text_file``).
        date_field: corpus field holding the publication date (default ``published``).
        stdin: stream read for ``"-"`` (default ``sys.stdin``).
        clean: clean the texts (``False`` keeps them as read, for debugging).

    Returns:
        A generator of records; a record with ``error`` set stands for unreadable input.

    Raises:
        UsageError: when the inputs or options are wrong (nothing else raises).
    """
    files = expand_inputs(inputs, fmt)
    if fmt == "parquet" and STDIN in files:
        raise UsageError("Parquet cannot be read from standard input: save it to a file first")
    options = _Options(fmt, id_field, text_field, date_field, clean)
    return _generate(files, options, stdin)


@dataclass(slots=True)
class _Options:
    fmt: str
    id_field: str | None
    text_field: str | None
    date_field: str | None
    clean: bool


class _DocIds:
    """Hands out unique doc_ids: a taken id gets ``-2``, ``-3`` ... in input order."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, base: str) -> str:
        doc_id, n = base, 1
        while doc_id in self._taken:
            n += 1
            doc_id = f"{base}-{n}"
        self._taken.add(doc_id)
        return doc_id


def _generate(
    files: list[Path | str], options: _Options, stdin: TextIO | None
) -> Iterator[DocumentRecord]:
    ids = _DocIds()
    for item in files:
        if item == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, options, ids)
            continue
        path = Path(item)
        fmt = options.fmt if options.fmt != "auto" else EXTENSIONS.get(path.suffix.lower(), "txt")
        if fmt in ("txt", "html"):
            yield _read_document_file(path, fmt, options, ids)
        else:
            yield from _read_corpus_file(path, fmt, options, ids)


class _BadInput(Exception):
    """Why a document cannot be read; its message goes to ``DocumentRecord.error``."""


# ---------------------------------------------------------------------------------------------
# decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_MAX_CONTROL_SHARE = 0.05
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes, under "surrogateescape"
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]{2,40})""", re.I
)


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _check_not_binary(sample: bytes, what: str = "file") -> None:
    if b"\x00" in sample:
        raise _BadInput(
            f"binary {what}, not text (it holds NUL bytes): convert it to UTF-8 text "
            "(a UTF-16 file needs a byte-order mark) or remove it from the input"
        )
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise _BadInput(
            f"binary {what}, not text ({controls} control bytes in the first {len(sample)}): "
            "convert it to UTF-8 text or remove it from the input"
        )


def _mostly_utf8(sample: bytes) -> bool:
    """Valid UTF-8, or UTF-8 whose valid multi-byte characters outnumber its invalid bytes."""
    decoded = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode(sample, final=False)
    invalid = len(_SURROGATE.findall(decoded))
    if invalid == 0:
        return True
    valid_non_ascii = len(decoded) - len(decoded.encode("ascii", "ignore")) - invalid
    return valid_non_ascii > 2 * invalid


def _decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode a document: BOM, then UTF-8, then a declared charset, then legacy encodings.

    Args:
        data: the raw bytes.
        declared: an encoding the document declares (e.g. an HTML ``<meta charset>``).

    Returns:
        ``(text, encoding)``; a UTF-8 BOM is stripped.

    Raises:
        _BadInput: binary data, or bytes that no plausible encoding decodes.
    """
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom.replace("-sig", "")
        except UnicodeDecodeError as exc:
            raise _BadInput(
                f"text starts with a {bom} byte-order mark but is not valid {bom} "
                f"(byte {exc.start}): re-save the file as UTF-8"
            ) from None
    _check_not_binary(data[:_SNIFF_BYTES])
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared.lower().replace("-", "") not in {"utf8"}:
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            return data.decode(declared), codecs.lookup(declared).name
    if _mostly_utf8(data[:_SNIFF_BYTES]):
        # a UTF-8 text with a few broken bytes (a cut or a bad copy): keep it, mark the damage
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    found = _decode_legacy(data)
    if found is None:
        tried = ", ".join(e.replace("_", "-") for e in LEGACY_ENCODINGS)
        raise _BadInput(
            f"text is not valid UTF-8 and no plausible legacy encoding fits (tried {tried}): "
            "re-save the file as UTF-8"
        )
    return found


# Plausibility of a legacy decoding: words with non-ASCII letters must look like words.
_TOKEN_STRIP = "\"'()[]{}<>.,;:!?«»“”„‘’…–—-*/"
_COMMON_LATIN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœšžßğış")
_RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_TRIPLED_LETTER = re.compile(r"(.)\1\1")
_SYMBOLS_OK = set("«»“”„‘’…–—•№°€£§©®™±×÷\u00a0")


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
        return "arabic"
    if code <= 0x024F:
        return "latin"
    return "other"


def _word_plausibility(word: str) -> float:
    """1 for a normal-looking word, less for an odd one, -1 for mojibake."""
    letters = [c for c in word if c.isalpha()]
    if not letters or any(not (c.isalnum() or c in "-'’") for c in word):
        return -1.0
    scripts = {_script(c) for c in letters}
    if len(scripts) != 1 or "other" in scripts:
        return -1.0
    script = scripts.pop()
    if script == "arabic":
        return 1.0
    body = "".join(letters)
    if body.islower() or body.istitle():
        weight = 1.0
    elif body.isupper():
        weight = 0.5  # capitals are legal, but a mis-decoding often produces them
    else:
        return -1.0
    lowered = body.lower()
    if _TRIPLED_LETTER.search(lowered):
        return -1.0  # no alphabet writes a letter three times in a row
    if script == "latin":
        foreign = [c for c in lowered if not c.isascii()]
        if len(lowered) >= 4 and len(foreign) / len(lowered) > 0.5:
            return -1.0
        if any(c not in _COMMON_LATIN for c in foreign):
            weight *= 0.8
    elif any(c not in _RUSSIAN for c in lowered):
        weight *= 0.8
    return weight


def _plausibility(text: str) -> float:
    """Mean plausibility of the words holding non-ASCII characters (-1 when odd symbols)."""
    scores = []
    for token in text.split():
        if token.isascii():
            continue
        word = token.strip(_TOKEN_STRIP)
        if not word:
            continue
        if len(word) == 1 and word in _SYMBOLS_OK:
            continue
        scores.append(_word_plausibility(word))
    return sum(scores) / len(scores) if scores else 0.0


_MIN_PLAUSIBILITY = 0.6


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Pick the legacy encoding whose decoding reads most like words (None if none does)."""
    sample = data[:_SNIFF_BYTES]
    ranked: list[tuple[float, int, str]] = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            decoded = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(decoded)
        if score >= _MIN_PLAUSIBILITY:
            ranked.append((score, -rank, encoding))
    ranked.sort(reverse=True)
    ranked = _break_ties(sample, ranked)
    for _score, _rank, encoding in ranked:
        try:
            return data.decode(encoding), encoding.replace("_", "-")
        except UnicodeDecodeError:
            continue
    return None


def _break_ties(
    sample: bytes, ranked: list[tuple[float, int, str]]
) -> list[tuple[float, int, str]]:
    """When candidates score the same, let charset_normalizer's statistics choose among them."""
    if len(ranked) < 2 or ranked[0][0] - ranked[1][0] > 0.01:
        return ranked
    tied = [enc for score, _, enc in ranked if ranked[0][0] - score <= 0.01]
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample, cp_isolation=tied).best()
    except Exception:  # an optional refinement: the ranking stands without it
        return ranked
    if best is None:
        return ranked
    chosen = codecs.lookup(best.encoding).name
    return sorted(ranked, key=lambda item: codecs.lookup(item[2]).name != chosen)


# ---------------------------------------------------------------------------------------------
# plain documents


def _too_long_message(n_chars: int) -> str:
    return (
        f"document too long: {n_chars:,} characters, above the limit of "
        f"{MAX_DOCUMENT_CHARS:,} (MAX_DOCUMENT_CHARS): split it into smaller documents"
    )


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_CHARS * 4:  # more bytes than any text within the limit holds
            raise _BadInput(_too_long_message(size) + " (counted in bytes)")
        return path.read_bytes()
    except OSError as exc:
        raise _BadInput(f"cannot read the file: {exc.strerror or exc}") from None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _document_text(raw: str, fmt: str, clean: bool) -> tuple[str, str | None]:
    """Validate and clean one document's text; returns ``(text, title)``."""
    if not raw:
        raise _BadInput("empty file: no text to analyse (add the text or remove the file)")
    if not raw.strip():
        raise _BadInput("the file holds only whitespace: no text to analyse (remove it)")
    if len(raw) > MAX_DOCUMENT_CHARS:
        raise _BadInput(_too_long_message(len(raw)))
    if not clean:
        return raw, None
    text, title = clean_html(raw) if fmt == "html" else (clean_text(raw), None)
    if not text.strip():
        raise _BadInput(
            "no text left after removing markup and boilerplate (navigation, scripts, "
            "comments): check that the file holds the document's body"
        )
    return text, title


@dataclass(slots=True)
class _Loaded:
    """A document file read, decoded and cleaned."""

    text: str
    title: str | None
    encoding: str
    published: dt.date | None


def _load_document(path: Path, fmt: str, clean: bool) -> _Loaded:
    """Read, decode and clean one document file."""
    data = _read_bytes(path)
    if not data:
        raise _BadInput("empty file: no text to analyse (add the text or remove the file)")
    declared = _declared_charset(data) if fmt == "html" else None
    raw, encoding = _decode_bytes(data, declared=declared)
    text, title = _document_text(raw, fmt, clean)
    published = _html_published(raw) if fmt == "html" else None
    return _Loaded(text, title, encoding, published)


def _read_document_file(path: Path, fmt: str, options: _Options, ids: _DocIds) -> DocumentRecord:
    record = DocumentRecord(doc_id=ids.claim(path.stem or path.name), source=str(path))
    try:
        loaded = _load_document(path, fmt, options.clean)
    except _BadInput as exc:
        record.error = str(exc)
        return record
    _fill_text(record, loaded.text, loaded.title)
    record.published = loaded.published
    if loaded.encoding not in ("utf-8", "ascii"):
        record.extra["encoding"] = loaded.encoding
    return record


# Publication dates that pages declare: Open Graph / schema.org metadata, or a <time> element.
_HTML_PUBLISHED = (
    re.compile(
        r"""<meta[^>]{0,200}?(?:property|name|itemprop)\s*=\s*["']?"""
        r"""(?:article:published_time|datePublished|date|dc\.date|pubdate)["']?[^>]{0,200}?"""
        r"""content\s*=\s*["']?(\d{4}-\d\d-\d\d)""",
        re.IGNORECASE,
    ),
    re.compile(r"""<time[^>]{0,200}?datetime\s*=\s*["']?(\d{4}-\d\d-\d\d)""", re.IGNORECASE),
)


def _html_published(markup: str) -> dt.date | None:
    """The publication date an HTML page declares, if any (first 200,000 characters)."""
    head = markup[:200_000]
    for pattern in _HTML_PUBLISHED:
        match = pattern.search(head)
        if match:
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(match.group(1))
    return None


def _fill_text(record: DocumentRecord, text: str, title: str | None) -> None:
    record.text = text
    record.title = record.title or title
    record.language = detect_language(text)


def _read_stdin(stream: TextIO, options: _Options, ids: _DocIds) -> Iterator[DocumentRecord]:
    fmt = options.fmt if options.fmt != "auto" else "txt"
    if fmt in ("jsonl", "csv"):
        yield from _iter_corpus_stream(
            _text_stream(stream), fmt, "<stdin>", Path.cwd(), options, ids
        )
        return
    record = DocumentRecord(doc_id=ids.claim("stdin"), source="<stdin>")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read(MAX_DOCUMENT_CHARS * 4 + 1)
            if not data:
                raise _BadInput("standard input is empty: pipe a document into the command")
            declared = _declared_charset(data) if fmt == "html" else None
            raw, _ = _decode_bytes(data, declared=declared)
        else:
            raw = stream.read(MAX_DOCUMENT_CHARS + 1)
        text, title = _document_text(raw, fmt, options.clean)
        _fill_text(record, text, title)
        record.published = _html_published(raw) if fmt == "html" else None
    except _BadInput as exc:
        record.error = str(exc)
    except (OSError, ValueError) as exc:
        record.error = f"cannot read standard input: {exc}"
    yield record


def _text_stream(stream: TextIO) -> TextIO:
    """Standard input as text; a byte stream underneath is decoded as UTF-8 (BOM stripped)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream
    return io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="surrogateescape", newline="")


# ---------------------------------------------------------------------------------------------
def records_from_mappings(
    rows: Iterable[Mapping[str, Any]],
    *,
    name: str = "rows",
    id_field: str | None = None,
    text_field: str | None = None,
    date_field: str | None = None,
) -> Iterator[DocumentRecord]:
    """Records from in-memory corpus rows (e.g. a partition of a Dask DataFrame), read by the
    same rules as a JSONL corpus: field aliases, dates, error records. Missing values (None,
    NaN, NaT) count as absent; ``text_file`` paths are relative to the working folder."""
    options = _Options("jsonl", id_field, text_field, date_field, True)
    corpus = _Corpus(name, Path.cwd(), options, _DocIds())
    for number, values in enumerate(rows, start=1):
        present = {k: v for k, v in values.items() if not _missing(v)}
        yield corpus.record(_Row(present, number, f"row {number}", f"{name}#row{number}"))


def _missing(value: Any) -> bool:
    """None, or a NaN / NaT (the only values not equal to themselves)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # arrays and other values without a plain truth
        return False


# corpora


@dataclass(slots=True)
class _Row:
    """One corpus row on its way to a record."""

    values: dict[str, Any]
    number: int  # 1-based row (JSONL: line) number
    where: str  # "line 7" or "row 7": the prefix of error messages
    source: str  # "corpus.jsonl#L7"
    error: str | None = None  # the row could not even be parsed


class _Corpus:
    """Turns the rows of one corpus into records: field aliases, text files, dates."""

    def __init__(self, name: str, folder: Path, options: _Options, ids: _DocIds) -> None:
        self.stem = Path(name).stem if name != "<stdin>" else "stdin"
        self.folder = folder
        self.options = options
        self.ids = ids
        self.id_fields = [options.id_field] if options.id_field else ["id", "doc_id"]
        self.text_fields = [options.text_field] if options.text_field else ["text"]
        self.date_fields = [options.date_field] if options.date_field else ["published"]
        self.known = {"text_file", "author", "title", "url", "id", "doc_id", "published"}
        self.known.update(self.id_fields + self.text_fields + self.date_fields)

    def has_text_column(self, columns: Iterable[str]) -> bool:
        names = {c for c in columns if isinstance(c, str)}
        return any(f in names for f in [*self.text_fields, "text_file"])

    def missing_text_column_message(self, columns: Iterable[str]) -> str:
        wanted = " or ".join(repr(f) for f in [*self.text_fields, "text_file"])
        listed = ", ".join(str(c) for c in columns) or "none"
        return (
            f"the corpus has no {wanted} column (columns: {listed}): "
            "name the text column with --text-field"
        )

    def record(self, row: _Row) -> DocumentRecord:
        if row.error is not None:
            doc_id = self.ids.claim(f"{self.stem}-{row.number}")
            return DocumentRecord(
                doc_id=doc_id, source=row.source, error=f"{row.where}: {row.error}"
            )
        values = row.values
        doc_id = _first_value(values, self.id_fields)
        base = str(doc_id).strip() if doc_id not in (None, "") else ""
        record = DocumentRecord(
            doc_id=self.ids.claim(base or f"{self.stem}-{row.number}"), source=row.source
        )
        try:
            record.author = _optional_str(values.get("author"), "author", row)
            record.title = _optional_str(values.get("title"), "title", row)
            record.url = _optional_str(values.get("url"), "url", row)
            record.published = _parse_date(_first_value(values, self.date_fields), row, self)
            record.extra = _extra_fields(values, self.known)
            text, title = self._text(values, row)
        except _BadInput as exc:
            record.error = f"{row.where}: {exc}"
            return record
        _fill_text(record, text, title)
        return record

    def _text(self, values: dict[str, Any], row: _Row) -> tuple[str, str | None]:
        raw = _first_value(values, self.text_fields)
        if raw not in (None, ""):
            if not isinstance(raw, str):
                raise _BadInput(f"the text field must be a string, not {type(raw).__name__}")
            _check_surrogates(raw)
            if not raw.strip():
                raise _BadInput("the text is only whitespace: no text to analyse")
            return _document_text(raw, "txt", self.options.clean)
        text_file = values.get("text_file")
        if text_file not in (None, ""):
            return self._text_file(str(text_file))
        wanted = " or ".join(repr(f) for f in self.text_fields)
        raise _BadInput(
            f"no text: give the row a {wanted} field or a 'text_file' path "
            "(or name the text field with --text-field)"
        )

    def _text_file(self, name: str) -> tuple[str, str | None]:
        path = Path(name).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if not path.is_file():
            raise _BadInput(
                f"text_file {name!r} not found (looked for {os.path.abspath(path)}): "
                "paths are relative to the corpus file's folder"
            )
        fmt = "html" if path.suffix.lower() in (".html", ".htm") else "txt"
        loaded = _load_document(path, fmt, self.options.clean)
        return loaded.text, loaded.title


def _first_value(values: dict[str, Any], fields: list[str]) -> Any:
    for field in fields:
        value = values.get(field)
        if value not in (None, ""):
            return value
    return None


def _optional_str(value: Any, name: str, row: _Row) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise _BadInput(f"the {name} field must be a string, not {type(value).__name__}")
    text = " ".join(str(value).split())
    return text or None


def _check_surrogates(text: str) -> None:
    if _SURROGATE.search(text):
        raise _BadInput(
            "the text holds bytes that are not valid UTF-8: re-save the corpus as UTF-8"
        )


def _extra_fields(values: dict[str, Any], known: set[str]) -> dict[str, str]:
    extra = {}
    for key, value in values.items():
        if key in known or not isinstance(key, str) or value in (None, ""):
            continue
        if isinstance(value, (str, int, float, bool, dt.date)):
            extra[key] = str(value)
    return extra


def _parse_date(value: Any, row: _Row, corpus: _Corpus) -> dt.date | None:
    """A published date from a date, a datetime, or an ISO date or timestamp string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(text)
    with contextlib.suppress(ValueError):
        return dt.datetime.fromisoformat(text).date()
    field = corpus.date_fields[0]
    shown = text if len(text) <= 40 else text[:37] + "..."
    raise _BadInput(f"unparseable {field} date {shown!r}; use YYYY-MM-DD")


def _read_corpus_file(
    path: Path, fmt: str, options: _Options, ids: _DocIds
) -> Iterator[DocumentRecord]:
    corpus = _Corpus(path.name, path.parent, options, ids)
    try:
        if fmt == "parquet":
            yield from _iter_parquet(path, corpus)
            return
        encoding = _corpus_encoding(path)
        with open(path, encoding=encoding, errors="surrogateescape", newline="") as stream:
            yield from _iter_rows_of_stream(stream, fmt, str(path), corpus)
    except _BadInput as exc:
        yield _corpus_error(path, corpus, str(exc))
    except OSError as exc:
        yield _corpus_error(path, corpus, f"cannot read the file: {exc.strerror or exc}")


def _corpus_error(path: Path | str, corpus: _Corpus, message: str) -> DocumentRecord:
    return DocumentRecord(doc_id=corpus.ids.claim(corpus.stem), source=str(path), error=message)


def _corpus_encoding(path: Path) -> str:
    """The encoding of a JSONL or CSV corpus, judged on its first bytes."""
    with open(path, "rb") as handle:
        sample = handle.read(_SNIFF_BYTES)
    if not sample:
        raise _BadInput("empty file: the corpus holds no rows")
    bom = _bom_encoding(sample)
    if bom:
        return bom
    if sample[:2] == b"\x1f\x8b" or sample[:4] == b"PK\x03\x04":
        raise _BadInput("compressed file: decompress the corpus first")
    _check_not_binary(sample, "corpus file")
    if _mostly_utf8(sample):
        return "utf-8"  # with a few bad bytes at most: the rows holding them become errors
    found = _decode_legacy(sample)
    if found is None:
        raise _BadInput(
            "the corpus is not valid UTF-8 (and no legacy encoding fits): re-save it as UTF-8"
        )
    return found[1]


def _iter_corpus_stream(
    stream: TextIO, fmt: str, name: str, folder: Path, options: _Options, ids: _DocIds
) -> Iterator[DocumentRecord]:
    corpus = _Corpus(name, folder, options, ids)
    try:
        yield from _iter_rows_of_stream(stream, fmt, name, corpus)
    except (_BadInput, OSError, ValueError) as exc:
        yield _corpus_error(name, corpus, str(exc))


def _iter_rows_of_stream(
    stream: TextIO, fmt: str, name: str, corpus: _Corpus
) -> Iterator[DocumentRecord]:
    rows = _jsonl_rows(stream, name) if fmt == "jsonl" else _csv_rows(stream, name, corpus)
    empty = True
    for row in rows:
        empty = False
        yield corpus.record(row)
    if empty:  # an empty corpus is reported, not silently skipped
        raise _BadInput("the corpus holds no rows: no document to analyse (remove it)")


def _jsonl_rows(stream: TextIO, name: str) -> Iterator[_Row]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where, source = f"line {number}", f"{name}#L{number}"
        line = line.lstrip("\ufeff")
        try:
            values = json.loads(line)
        except ValueError as exc:
            message = getattr(exc, "msg", str(exc))
            column = getattr(exc, "colno", None)
            at = f" at column {column}" if column else ""
            error = f"malformed JSON ({message}{at}): fix or remove the line"
            yield _Row({}, number, where, source, error + "; each line must be one JSON object")
            continue
        if not isinstance(values, dict):
            kind = type(values).__name__
            error = f"expected a JSON object, found a {kind}: each line must be one JSON object"
            yield _Row({}, number, where, source, error)
            continue
        yield _Row(values, number, where, source)


def _csv_rows(stream: TextIO, name: str, corpus: _Corpus) -> Iterator[_Row]:
    _raise_csv_field_limit()
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        raise _BadInput("empty file: the corpus holds no rows") from None
    except csv.Error as exc:
        raise _BadInput(f"the CSV header cannot be read ({exc})") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    if not corpus.has_text_column(header):
        raise _BadInput(corpus.missing_text_column_message(header))
    number, errors_in_a_row = 0, 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            errors_in_a_row += 1
            where, source = f"row {number} (line {reader.line_num})", f"{name}#row{number}"
            yield _Row({}, number, where, source, f"malformed CSV ({exc}): fix the row's quoting")
            if errors_in_a_row >= _MAX_CONSECUTIVE_CSV_ERRORS:
                raise _BadInput(
                    f"gave up after {errors_in_a_row} malformed rows in a row: check the quoting"
                ) from None
            continue
        errors_in_a_row = 0
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        number += 1
        values = dict(zip(header, cells, strict=False))
        yield _Row(values, number, f"row {number}", f"{name}#row{number}")


def _raise_csv_field_limit() -> None:
    """The csv module refuses fields above 128 kB by default; documents may be longer."""
    limit = MAX_DOCUMENT_CHARS * 4
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _iter_parquet(path: Path, corpus: _Corpus) -> Iterator[DocumentRecord]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        columns = parquet.schema_arrow.names
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise _BadInput(f"not a readable Parquet file ({exc}): check the file") from None
    if not corpus.has_text_column(columns):
        raise _BadInput(corpus.missing_text_column_message(columns))
    number = 0
    batches = parquet.iter_batches(batch_size=_PARQUET_BATCH_ROWS)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:
            raise _BadInput(f"the Parquet file is damaged after row {number} ({exc})") from None
        for values in batch.to_pylist():
            number += 1
            row = _Row(values, number, f"row {number}", f"{path}#row{number}")
            yield corpus.record(row)
