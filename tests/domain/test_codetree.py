"""The code tree walks every layer uses: order, subtrees, roll-up, paths."""

from annotator.domain.codetree import Tree, tree_of

# 协调 (1) ─ 党建/治理 (3), 多主体 (4 ─ 对话 6);  信任 (2) ─ 政治信任 (5)
PAIRS = [(1, None), (2, None), (3, 1), (4, 1), (5, 2), (6, 4)]
NAMES = {1: "协调", 2: "信任", 3: "党建/治理", 4: "多主体", 5: "政治信任", 6: "对话"}


def test_preorder_puts_parents_first_and_keeps_sibling_order() -> None:
    assert Tree(PAIRS).preorder() == [1, 3, 4, 6, 2, 5]
    # siblings in the order given, not by id
    assert Tree([(2, None), (1, None), (4, 1), (3, 1)]).preorder() == [2, 1, 4, 3]


def test_children_and_subtree() -> None:
    tree = Tree(PAIRS)
    assert tree.children(None) == [1, 2]
    assert tree.children(1) == [3, 4]
    assert tree.children(6) == []
    assert tree.subtree(1) == [1, 3, 4, 6]
    assert tree.subtree(6) == [6]


def test_rollup_maps_each_code_to_its_nearest_member() -> None:
    tree = Tree(PAIRS)
    assert tree.rollup([1, 4]) == {1: 1, 3: 1, 4: 4, 6: 4}
    assert tree.rollup([]) == {}


def test_paths_escape_slashes_in_names() -> None:
    paths = Tree(PAIRS).paths(NAMES)
    assert paths[3] == "协调/党建\\/治理"
    assert paths[6] == "协调/多主体/对话"
    assert paths[2] == "信任"


def test_paths_of_a_deep_chain_and_a_cycle_are_each_codes_own_walk() -> None:
    # a chain 1000 deep (fast now: each path is its parent's plus a name), a damaged
    # cycle 7 -> 8 -> 9 -> 7 with 10 hanging under it, and a parent that is not there
    pairs = [(k, k - 1 if k > 1 else None) for k in range(1, 1001)]
    pairs += [(2007, 2009), (2008, 2007), (2009, 2008), (2010, 2008), (2011, 99_999)]
    names = {k: f"c{k}" for k, _ in pairs}
    tree = Tree(pairs)
    paths = tree.paths(names)
    assert paths == {k: "/".join(names[a] for a in reversed(list(tree.ancestors(k))))
                     for k, _ in pairs}
    assert paths[1000].count("/") == 999 and paths[2011] == "c2011"
    assert paths[2010] == "c2009/c2007/c2008/c2010"


def test_a_cycle_or_a_missing_parent_does_not_hang() -> None:
    # a damaged file: 7 and 8 are each other's parent; 9's parent is not there
    tree = Tree([(1, None), (7, 8), (8, 7), (9, 42)])
    assert tree.preorder() == [1, 9]
    assert list(tree.ancestors(7)) == [7, 8]
    assert tree.subtree(7) == [7, 8]


def test_tree_of_rows() -> None:
    rows = [{"id": 1, "parent_id": None}, {"id": 2, "parent_id": 1}]
    assert tree_of(rows).subtree(1) == [1, 2]
