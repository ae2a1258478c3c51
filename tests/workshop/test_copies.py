"""Participant copies: the facilitator's documents, codebook and GUIDs, one file each."""

from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.domain.errors import Conflict, InvalidInput
from annotator.services.coders import list_coders
from annotator.services.documents import list_documents
from annotator.services.workshop import (
    PARTICIPANT_META,
    copy_file_name,
    make_participant_copies,
)
from annotator.store.models import Coding, Meta
from annotator.store.project import Project
from tests.conftest import SEED_PAPER
from tests.workshop.helpers import add_doc, code, code_guids, count, file_digest


@pytest.fixture
def prepared(project: Project) -> Project:
    add_doc(project, "种子论文", SEED_PAPER.read_text(encoding="utf-8"))
    add_doc(project, "访谈 01", "居民说：我们信任社区。\n网格员每周走访。")
    code(project, "主持人", "种子论文", "信任", 0, 30, memo="示范编码")
    return project


def _coding_guids(p: Project) -> set[str]:
    with p.read() as s:
        return set(s.scalars(select(Coding.guid)))


def test_copies_keep_documents_codebook_codings_and_guids(prepared: Project,
                                                          tmp_path: Path) -> None:
    before = file_digest(prepared.path)
    made = make_participant_copies(prepared, tmp_path / "out", ["甲", "乙"],
                                   without_codings=False)
    assert [m.participant for m in made] == ["甲", "乙"]
    assert [m.path.name for m in made] == ["p-甲.annotator", "p-乙.annotator"]
    assert file_digest(prepared.path) == before  # the facilitator's file is not touched
    for m in made:
        assert (m.documents, m.codes, m.codings) == (2, 13, 1)
        with Project.open(m.path) as copy:
            assert [(d.guid, d.sha256, d.name) for d in list_documents(copy)] == [
                (d.guid, d.sha256, d.name) for d in list_documents(prepared)
            ]
            assert code_guids(copy) == code_guids(prepared)
            assert _coding_guids(copy) == _coding_guids(prepared)
            coders = {c.name: c.guid for c in list_coders(copy)}
            assert set(coders) == {"主持人", m.participant}
            assert coders[m.participant] == m.coder_guid
            with copy.read() as s:
                meta = dict(s.execute(select(Meta.key, Meta.value)).all())
            assert meta[PARTICIPANT_META] == m.coder_guid
            assert meta["name"].endswith(m.participant)
    # every participant has their own coder identity
    assert made[0].coder_guid != made[1].coder_guid


def test_copies_default_to_independent_coding(prepared: Project, tmp_path: Path) -> None:
    made = make_participant_copies(prepared, tmp_path, ["甲"])
    assert made[0].codings == 0
    with Project.open(made[0].path) as copy:
        assert count(copy, Coding) == 0
        assert [d.sha256 for d in list_documents(copy)] == [
            d.sha256 for d in list_documents(prepared)
        ]
        assert code_guids(copy) == code_guids(prepared)
    assert count(prepared, Coding) == 1


def test_copies_refuse_before_writing_anything(prepared: Project, tmp_path: Path) -> None:
    (tmp_path / "p-乙.annotator").write_text("not mine")
    with pytest.raises(Conflict, match="already exists"):
        make_participant_copies(prepared, tmp_path, ["甲", "乙"])
    assert not (tmp_path / "p-甲.annotator").exists()
    for bad in ([], ["甲", " "], ["甲", "甲"], ["共识"]):
        with pytest.raises(InvalidInput):
            make_participant_copies(prepared, tmp_path / "x", bad)
    assert not (tmp_path / "x").exists()


def test_copy_file_names_are_safe() -> None:
    assert copy_file_name("项目", "王/李:?") == "项目-王_李__.annotator"
    assert copy_file_name("项目", "..") == "项目-participant.annotator"
