"""The base model's attribute ruler, with its rules looked up instead of matched.

``en_core_web_sm``'s ``attribute_ruler`` maps fine-grained tags to parts of speech and
morphology with about 180 ``Matcher`` rules, 170 of them a single token constrained by
equality (or ``IN``) on attributes such as ``TAG`` and ``LOWER``. spaCy's ``Matcher``
tries every rule at every token, which costs about a tenth of the base model's time on our
texts. This subclass keeps the ruler's rules, serialisation and annotation code unchanged
and only finds matches differently: a rule whose tokens are tested by equality, ``IN``,
``NOT_IN`` or ``REGEX`` (no operators) is filed under a value its first token must have,
and a token's attribute values (read once per Doc with ``Doc.to_array``) give the rules it
starts; words repeat, so that answer is remembered per combination of values. Any other
rule stays in a ``Matcher``. The matches, and so the annotations, are the same (a test
compares the two on whole documents).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.attrs import IDS as ATTR_IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# Token attributes a rule may test, most selective first: a rule is indexed by the first
# of these its first token constrains by equality (or ``IN``).
COLUMN_ORDER = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")
MAX_REMEMBERED_ROWS = 20_000  # distinct token rows whose rules are kept (a few MB)


@dataclass(frozen=True, slots=True)
class TokenCheck:
    """One attribute test of a pattern token: ``IN`` / ``NOT_IN`` a set, or a regex search."""

    column: int
    values: frozenset[int] = frozenset()
    negated: bool = False
    regex: re.Pattern | None = None

    def accepts(self, value: int, strings) -> bool:
        if self.regex is not None:
            return self.regex.search(strings[value]) is not None
        return (value in self.values) != self.negated


@dataclass(frozen=True, slots=True)
class Rule:
    """A fixed-length pattern (no operators) of one attribute rule."""

    rule: int
    tokens: tuple[tuple[TokenCheck, ...], ...]


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose fixed-length rules are found by lookup."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs) -> None:
        super().__init__(vocab, name, **kwargs)
        self._clear_index()

    def clear(self) -> None:
        super().clear()
        self._clear_index()

    def _clear_index(self) -> None:
        self._complex = Matcher(self.vocab, validate=self.validate)
        self._indexed: dict[tuple[int, int], list[Rule]] = defaultdict(list)
        self._unindexed: list[Rule] = []
        self._match_ids: list[int] = []
        self._by_row: dict[tuple[int, ...], list[Rule]] = {}

    def _rules_for_row(self, row: list[int]) -> list[Rule]:
        """The rules whose first token accepts a token with these attribute values.

        Most words repeat with the same tag and dependency, so the answer is kept per row:
        a one-token rule then needs no further check."""
        key = tuple(row)
        rules = self._by_row.get(key)
        if rules is None:
            candidates = [r for c, v in enumerate(row) for r in self._indexed.get((c, v), ())]
            strings = self.vocab.strings
            rules = [
                rule
                for rule in candidates + self._unindexed
                if all(check.accepts(row[check.column], strings) for check in rule.tokens[0])
            ]
            if len(self._by_row) >= MAX_REMEMBERED_ROWS:
                self._by_row.clear()
            self._by_row[key] = rules
        return rules

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        self._match_ids.append(self.vocab.strings[str(rule)])
        self._by_row.clear()
        complex_patterns = []
        for pattern in patterns:
            compiled = self._compile(rule, pattern)
            if compiled is None:
                complex_patterns.append(pattern)
            elif keys := self._index_keys(compiled):
                for key in keys:
                    self._indexed[key].append(compiled)
            else:
                self._unindexed.append(compiled)
        if complex_patterns:
            self._complex.add(self.vocab.strings.add(str(rule)), complex_patterns)

    def _compile(self, rule: int, pattern: list[dict]) -> Rule | None:
        """The pattern as per-token checks; None if only a Matcher can run it."""
        tokens = []
        for spec in pattern:
            if not spec or any(attr not in COLUMN_ORDER for attr in spec):
                return None
            checks = [
                self._check(attr, spec[attr]) for attr in sorted(spec, key=COLUMN_ORDER.index)
            ]
            if None in checks:
                return None
            tokens.append(tuple(checks))
        return Rule(rule, tuple(tokens)) if tokens else None

    def _check(self, attr: str, value) -> TokenCheck | None:
        column = COLUMN_ORDER.index(attr)
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            ((predicate, argument),) = value.items()
            if predicate == "REGEX" and attr != "IS_SPACE":
                return TokenCheck(column, regex=re.compile(argument))
            if predicate not in ("IN", "NOT_IN"):
                return None
            ids = [self._value_id(attr, v) for v in argument]
            if None in ids:
                return None
            return TokenCheck(column, frozenset(ids), negated=predicate == "NOT_IN")
        value_id = self._value_id(attr, value)
        return None if value_id is None else TokenCheck(column, frozenset([value_id]))

    def _value_id(self, attr: str, value) -> int | None:
        if attr == "IS_SPACE":
            return int(value) if isinstance(value, bool) else None
        return self.vocab.strings.add(value) if isinstance(value, str) else None

    @staticmethod
    def _index_keys(compiled: Rule) -> list[tuple[int, int]]:
        """The (column, value) pairs under which to file a rule: those of the first positive
        set check of its first token; none if it must be tried at every token."""
        for check in compiled.tokens[0]:
            if check.regex is None and not check.negated:
                return [(check.column, value) for value in check.values]
        return []

    def match(self, doc):
        """The ruler's matches as ``(rule, match_id, start, end)``, sorted as spaCy sorts them."""
        matches = []
        if len(self._complex):
            for match_id, start, end in self._complex(doc, allow_missing=True, as_spans=False):
                matches.append((int(self.vocab.strings[match_id]), match_id, start, end))
        rows = doc.to_array([ATTR_IDS[attr] for attr in COLUMN_ORDER]).tolist() if len(doc) else []
        for i, row in enumerate(rows):
            for rule in self._rules_for_row(row):
                if len(rule.tokens) == 1 or self._matches_at(rule, rows, i):
                    matches.append((rule.rule, self._match_ids[rule.rule], i, i + len(rule.tokens)))
        matches.sort()
        return matches

    def _matches_at(self, rule: Rule, rows: list[list[int]], start: int) -> bool:
        if start + len(rule.tokens) > len(rows):
            return False
        strings = self.vocab.strings
        for offset, checks in enumerate(rule.tokens):
            row = rows[start + offset]
            for check in checks:
                if not check.accepts(row[check.column], strings):
                    return False
        return True

    def set_annotations(self, doc, matches) -> None:
        """As spaCy's, without building a Span for each one-token match."""
        one_token = [m for m in matches if m[3] - m[2] == 1 and self.indices[m[0]] in (0, -1)]
        if len(one_token) < len(matches):
            super().set_annotations(doc, matches)
            return
        for rule, _, start, _ in one_token:
            set_token_attrs(doc[start], self.attrs[rule])


@Language.factory(
    "tnlp_attribute_ruler",
    default_config={"validate": False},
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the pipeline's attribute ruler for an indexed one holding the same rules."""
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return
    rules = ruler.patterns
    indexed = nlp.replace_pipe(name, "tnlp_attribute_ruler", config={"validate": ruler.validate})
    indexed.add_patterns(rules)
