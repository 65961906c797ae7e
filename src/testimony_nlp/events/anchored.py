"""Dependency pattern matching that starts from anchor words only.

spaCy's ``DependencyMatcher`` evaluates every node of every pattern on every token: with
about a hundred trigger patterns that cost more than the parser. Our patterns all start
with their anchor (the trigger word, constrained by LEMMA or LOWER), and use only the
operators ``>`` (child), ``>>`` (descendant) and ``<`` (head) over token attributes with
equality or ``IN``. So this matcher indexes the patterns by anchor value, and for each
token whose lemma or lower form is an anchor, walks the dependency tree from it: the cost
follows the number of candidate triggers, not patterns times tokens.

Matches are those of ``DependencyMatcher`` with the same patterns (a test checks it):
every assignment of tokens to the nodes that satisfies all constraints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

TOKEN_ATTRS: dict[str, Callable[[Token], str]] = {
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "ENT_TYPE": lambda t: t.ent_type_,
}
INDEXED_ATTRS = ("LEMMA", "LOWER")


@dataclass(frozen=True, slots=True)
class Node:
    """One pattern node: how it relates to an earlier node, and what its token must be."""

    left: int | None  # index of the node it hangs from (None for the anchor)
    op: str | None
    checks: tuple[tuple[Callable[[Token], str], frozenset[str]], ...]

    def accepts(self, token: Token) -> bool:
        return all(get(token) in allowed for get, allowed in self.checks)


def compile_pattern(pattern: list[dict]) -> list[Node]:
    """Nodes of a DependencyMatcher pattern; raises ValueError for what we do not support."""
    ids = {}
    nodes = []
    for i, spec in enumerate(pattern):
        checks = []
        for attr, value in spec.get("RIGHT_ATTRS", {}).items():
            if attr not in TOKEN_ATTRS:
                raise ValueError(f"unsupported attribute {attr!r} in a trigger pattern")
            if isinstance(value, dict):
                if set(value) != {"IN"}:
                    raise ValueError(f"unsupported predicate {value!r} in a trigger pattern")
                allowed = frozenset(value["IN"])
            else:
                allowed = frozenset([value])
            checks.append((TOKEN_ATTRS[attr], allowed))
        op = spec.get("REL_OP")
        if i and op not in (">", ">>", "<"):
            raise ValueError(f"unsupported operator {op!r} in a trigger pattern")
        left = ids[spec["LEFT_ID"]] if i else None
        ids[spec["RIGHT_ID"]] = i
        nodes.append(Node(left, op, tuple(checks)))
    return nodes


def _related(token: Token, op: str) -> Iterator[Token]:
    if op == ">":
        yield from token.children
    elif op == ">>":
        for descendant in token.subtree:
            if descendant.i != token.i:
                yield descendant
    elif token.head.i != token.i:  # "<": the head, unless the token is a root
        yield token.head


class AnchoredDependencyMatcher:
    """Finds matches of anchored dependency patterns: ``matcher(doc)`` like spaCy's."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._patterns: list[tuple[int, list[Node]]] = []
        self._by_value: dict[str, dict[str, list[int]]] = {
            attr: defaultdict(list) for attr in INDEXED_ATTRS
        }
        self._unindexed: list[int] = []

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        match_id = self.vocab.strings.add(key)
        for pattern in patterns:
            index = len(self._patterns)
            self._patterns.append((match_id, compile_pattern(pattern)))
            anchor = pattern[0].get("RIGHT_ATTRS", {})
            for attr in INDEXED_ATTRS:
                if attr in anchor:
                    value = anchor[attr]
                    for v in value["IN"] if isinstance(value, dict) else [value]:
                        self._by_value[attr][v].append(index)
                    break
            else:
                self._unindexed.append(index)

    def _candidates(self, token: Token) -> set[int]:
        found = set(self._by_value["LEMMA"].get(token.lemma_, ()))
        found.update(self._by_value["LOWER"].get(token.lower_, ()))
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """Matches as ``(match_id, token indices)``, in pattern order, then by position."""
        found = []
        for token in doc:
            for index in self._candidates(token).union(self._unindexed):
                match_id, nodes = self._patterns[index]
                if nodes[0].accepts(token):
                    for ids in _extend(nodes, [token]):
                        found.append((index, match_id, ids))
        found.sort(key=lambda item: (item[0], item[2]))
        return [(match_id, ids) for _, match_id, ids in found]


def _extend(nodes: list[Node], bound: list[Token]) -> Iterator[list[int]]:
    """Every way to bind the remaining nodes, depth first (as in spaCy, two nodes may share
    a token)."""
    if len(bound) == len(nodes):
        yield [t.i for t in bound]
        return
    node = nodes[len(bound)]
    for token in _related(bound[node.left], node.op):
        if node.accepts(token):
            yield from _extend(nodes, [*bound, token])
