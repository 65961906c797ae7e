"""Dependency pattern matching that starts from anchor words only.

spaCy's ``DependencyMatcher`` evaluates every node of every pattern on every token: with
about a hundred trigger patterns that cost more than the parser. Our patterns all start
with their anchor (the trigger word, constrained by LEMMA or LOWER), and use only the
operators ``>`` (child), ``>>`` (descendant) and ``<`` (head) over token attributes with
equality or ``IN``. So this matcher indexes the patterns by anchor value and, for each
token whose lemma or lower form is an anchor, walks the dependency tree from it. It reads
the Doc once into integer arrays (``Doc.to_array``) and never creates Token objects, so the
cost follows the number of candidate triggers, not patterns times tokens.

Matches are those of ``DependencyMatcher`` with the same patterns (a test checks it):
every assignment of tokens to the nodes that satisfies all constraints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS, SHAPE, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

COLUMNS = {
    "LEMMA": LEMMA,
    "LOWER": LOWER,
    "POS": POS,
    "TAG": TAG,
    "DEP": DEP,
    "ENT_TYPE": ENT_TYPE,
    "SHAPE": SHAPE,
}
COLUMN_INDEX = {name: i for i, name in enumerate(COLUMNS)}
INDEXED_ATTRS = ("LEMMA", "LOWER")
WORD_COLUMNS = (COLUMN_INDEX["LEMMA"], COLUMN_INDEX["LOWER"])


@dataclass(frozen=True, slots=True)
class Node:
    """One pattern node: how it relates to an earlier node, and what its token must be."""

    left: int | None  # index of the node it hangs from (None for the anchor)
    op: str | None
    checks: tuple[tuple[int, frozenset[int]], ...]  # (column, allowed integer values)

    def accepts(self, row: list[int]) -> bool:
        # a plain loop: all() over a generator costs twice as much on this hot path
        for column, allowed in self.checks:  # noqa: SIM110
            if row[column] not in allowed:
                return False
        return True


def _value_id(vocab: Vocab, attr: str, value: str) -> int:
    if attr == "POS":
        return POS_IDS.get(value, -1)
    return vocab.strings.add(value)


def compile_pattern(pattern: list[dict], vocab: Vocab | None = None) -> list[Node]:
    """Nodes of a DependencyMatcher pattern; raises ValueError for what we do not support."""
    vocab = vocab if vocab is not None else Vocab()
    ids: dict[str, int] = {}
    nodes = []
    for i, spec in enumerate(pattern):
        checks = []
        for attr, value in spec.get("RIGHT_ATTRS", {}).items():
            if attr not in COLUMNS:
                raise ValueError(f"unsupported attribute {attr!r} in a trigger pattern")
            if isinstance(value, dict):
                if set(value) != {"IN"}:
                    raise ValueError(f"unsupported predicate {value!r} in a trigger pattern")
                values = value["IN"]
            else:
                values = [value]
            allowed = frozenset(_value_id(vocab, attr, v) for v in values)
            checks.append((COLUMN_INDEX[attr], allowed))
        op = spec.get("REL_OP")
        if i and op not in (">", ">>", "<"):
            raise ValueError(f"unsupported operator {op!r} in a trigger pattern")
        left = ids[spec["LEFT_ID"]] if i else None
        ids[spec["RIGHT_ID"]] = i
        nodes.append(Node(left, op, tuple(checks)))
    return nodes


@dataclass(slots=True)
class _Tree:
    """A Doc as integer rows and a dependency tree, read once."""

    rows: list[list[int]]
    heads: list[int]
    children: list[list[int]]

    @classmethod
    def of(cls, doc: Doc) -> _Tree:
        rows = doc.to_array(list(COLUMNS.values())).tolist()
        offsets = doc.to_array([HEAD]).astype(numpy.int64).ravel().tolist()
        heads = [i + offset for i, offset in enumerate(offsets)]
        children: list[list[int]] = [[] for _ in heads]
        for i, head in enumerate(heads):
            if head != i:
                children[head].append(i)
        return cls(rows, heads, children)

    def related(self, i: int, op: str) -> Iterator[int]:
        if op == ">":
            yield from self.children[i]
        elif op == ">>":
            stack = list(reversed(self.children[i]))
            while stack:
                j = stack.pop()
                yield j
                stack.extend(reversed(self.children[j]))
        elif self.heads[i] != i:  # "<": the head, unless the token is a root
            yield self.heads[i]


class AnchoredDependencyMatcher:
    """Finds matches of anchored dependency patterns: ``matcher(doc)`` like spaCy's."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._patterns: list[tuple[int, list[Node]]] = []
        self._by_value: dict[int, dict[int, list[int]]] = {
            COLUMN_INDEX[attr]: defaultdict(list) for attr in INDEXED_ATTRS
        }
        self._unindexed: list[int] = []
        # per pattern, the word checks of its other nodes: a Doc without one of those words
        # cannot match it, so the pattern is not tried there at all
        self._words_needed: list[list[tuple[int, frozenset[int]]]] = []

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        match_id = self.vocab.strings.add(key)
        for pattern in patterns:
            index = len(self._patterns)
            nodes = compile_pattern(pattern, self.vocab)
            self._patterns.append((match_id, nodes))
            self._words_needed.append(
                [
                    (column, allowed)
                    for node in nodes[1:]
                    for column, allowed in node.checks
                    if column in WORD_COLUMNS
                ]
            )
            anchor_attrs = pattern[0].get("RIGHT_ATTRS", {})
            indexed = [a for a in INDEXED_ATTRS if a in anchor_attrs]
            if not indexed:
                self._unindexed.append(index)
                continue
            column = COLUMN_INDEX[indexed[0]]
            for value in dict(nodes[0].checks)[column]:
                self._by_value[column][value].append(index)

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """Matches as ``(match_id, token indices)``, in pattern order, then by position."""
        tree = _Tree.of(doc)
        lemma, lower = COLUMN_INDEX["LEMMA"], COLUMN_INDEX["LOWER"]
        by_lemma, by_lower = self._by_value[lemma], self._by_value[lower]
        in_doc = {column: {row[column] for row in tree.rows} for column in WORD_COLUMNS}
        possible: dict[int, bool] = {}  # per pattern tried, whether the Doc has its words
        unindexed = [index for index in self._unindexed if self._possible(index, in_doc, possible)]
        found = []
        for i, row in enumerate(tree.rows):
            by_lemma_here, by_lower_here = by_lemma.get(row[lemma]), by_lower.get(row[lower])
            if not (by_lemma_here or by_lower_here or unindexed):
                continue  # most tokens anchor no pattern
            candidates = set(by_lemma_here or ())
            candidates.update(by_lower_here or ())
            candidates.update(unindexed)
            for index in candidates:
                if not self._possible(index, in_doc, possible):
                    continue
                match_id, nodes = self._patterns[index]
                if nodes[0].accepts(row):
                    for ids in _extend(tree, nodes, [i]):
                        found.append((index, match_id, ids))
        found.sort(key=lambda item: (item[0], item[2]))
        return [(match_id, ids) for _, match_id, ids in found]

    def _possible(self, index: int, in_doc: dict[int, set[int]], known: dict[int, bool]) -> bool:
        """Whether the Doc has a word for each word check of the pattern's other nodes."""
        possible = known.get(index)
        if possible is None:
            possible = known[index] = all(
                not allowed.isdisjoint(in_doc[column])
                for column, allowed in self._words_needed[index]
            )
        return possible


def _extend(tree: _Tree, nodes: list[Node], bound: list[int]) -> Iterator[list[int]]:
    """Every way to bind the remaining nodes, depth first (as in spaCy, two nodes may share
    a token)."""
    if len(bound) == len(nodes):
        yield bound
        return
    node = nodes[len(bound)]
    for j in tree.related(bound[node.left], node.op):
        if node.accepts(tree.rows[j]):
            yield from _extend(tree, nodes, [*bound, j])
