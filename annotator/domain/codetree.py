"""The code tree: parents, children, walks and paths, in one place.

Every layer walks the codebook: the codebook service lists it parents-before-children,
the agreement rolls child codes up into their parents, a merge creates a copy's codes in
an order where every parent exists first, the window finds the codes under the one
chosen. They all build a ``Tree`` from ``(id, parent_id)`` pairs given in sibling order
(by position) and ask it, so that the order and the edge cases (a parent missing from the
rows, a cycle in a damaged file) are decided once.

Pure Python: no SQL, no Qt. Ids are whatever the caller uses (database ids of one
project, or of a participant's copy).
"""

from collections.abc import Iterable, Iterator, Mapping

from annotator.domain.codepath import SEPARATOR, escape_name, join_path


class Tree:
    """A forest of codes. ``pairs`` are ``(id, parent_id)`` with siblings in the order
    they are to be shown; a code whose parent is not among the pairs counts as a root."""

    def __init__(self, pairs: Iterable[tuple[int, int | None]]) -> None:
        self.parent: dict[int, int | None] = {}
        for cid, parent in pairs:
            self.parent[cid] = parent
        self._children: dict[int | None, list[int]] = {}
        for cid, parent in self.parent.items():
            key = parent if parent in self.parent else None
            self._children.setdefault(key, []).append(cid)

    def __contains__(self, cid: object) -> bool:
        return cid in self.parent

    def __len__(self) -> int:
        return len(self.parent)

    def children(self, parent: int | None) -> list[int]:
        """The codes directly under ``parent`` (None: the top level), in order."""
        return list(self._children.get(parent, ()))

    def subtree(self, cid: int) -> list[int]:
        """``cid`` and everything under it, parents before children, siblings in order."""
        out: list[int] = []
        seen: set[int] = set()
        stack = [cid]
        while stack:
            node = stack.pop()
            if node in seen:  # a cycle (damaged file): walk each code once
                continue
            seen.add(node)
            out.append(node)
            stack.extend(reversed(self._children.get(node, ())))
        return out

    def preorder(self) -> list[int]:
        """Every code, parents before children, siblings in order (the order the
        codebook is shown and codes can be created in)."""
        out: list[int] = []
        for root in self._children.get(None, ()):
            out.extend(self.subtree(root))
        return out

    def ancestors(self, cid: int) -> Iterator[int]:
        """``cid``, its parent, its parent's parent … up to the top level."""
        seen: set[int] = set()
        node: int | None = cid
        while node is not None and node in self.parent and node not in seen:
            seen.add(node)
            yield node
            node = self.parent[node]

    def nearest(self, cid: int, members: set[int]) -> int | None:
        """The nearest of ``cid`` and its ancestors that is in ``members`` (None: none)."""
        return next((a for a in self.ancestors(cid) if a in members), None)

    def rollup(self, members: Iterable[int]) -> dict[int, int]:
        """Each code → its nearest ancestor-or-self among ``members``; codes under none
        of them are absent."""
        wanted = set(members)
        out: dict[int, int] = {}
        for cid in self.parent:
            node = self.nearest(cid, wanted)
            if node is not None:
                out[cid] = node
        return out

    def paths(self, names: Mapping[int, str]) -> dict[int, str]:
        """Every code's path (names from the root, joined as users type them).

        Each path is its parent's plus one name: walking every code's ancestors anew
        was quadratic on a deep codebook (seconds for a chain of a thousand codes)."""
        out: dict[int, str] = {}
        for cid in self.parent:
            chain: list[int] = []
            node: int | None = cid
            while node is not None and node in self.parent and node not in out \
                    and node not in chain:
                chain.append(node)
                node = self.parent[node]
            if node is not None and node in chain:  # a cycle (damaged file): walk each
                for c in chain:
                    out[c] = join_path([names[a] for a in self.ancestors(c)][::-1])
                continue
            prefix = out.get(node) if node is not None else None
            for c in reversed(chain):
                name = escape_name(names[c])
                prefix = name if prefix is None else prefix + SEPARATOR + name
                out[c] = prefix
        return {cid: out[cid] for cid in self.parent}


def tree_of(rows: Iterable[Mapping], id_key: str = "id", parent_key: str = "parent_id"
            ) -> Tree:
    """A tree from row mappings (already in sibling order)."""
    return Tree((r[id_key], r[parent_key]) for r in rows)


__all__ = ["Tree", "tree_of"]
