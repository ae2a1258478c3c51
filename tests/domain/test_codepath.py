import pytest

from annotator.domain.codepath import join_path, split_path
from annotator.domain.errors import InvalidInput


def test_plain_paths() -> None:
    assert split_path("信任/政治信任") == ["信任", "政治信任"]
    assert split_path(" 信任 / 政治信任 ") == ["信任", "政治信任"]


def test_slash_and_backslash_inside_names_round_trip() -> None:
    names = ["党建/治理", "a\\b", "c"]
    path = join_path(names)
    assert path == "党建\\/治理/a\\\\b/c"
    assert split_path(path) == names


@pytest.mark.parametrize("bad", ["", "/", "a//b", "a/", "a\\x", "a\\"])
def test_malformed_paths_are_refused(bad: str) -> None:
    with pytest.raises(InvalidInput):
        split_path(bad)
