"""Every real ``.qdpx`` kept here and in shared/ comes in with a report that tells the
truth, by ``new --from`` and by ``merge`` alike: the counts it gives are what the project
holds; every ``<Coding>`` of the file is in the project unless the report names it
(repeated, or of a code the codebook lacks); every description and note of the file is
held somewhere (a code's definition, a memo); and the parts Annotator cannot hold —
links, graphs, sources that are not text, selections in notes — are named with counts.
"""

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from refi_helpers import REFI_DIR, USER, make_zip, project_xml
from sqlalchemy import func, select

from annotator.domain.text import normalise_text
from annotator.services.exchange import new_project_from_qdpx
from annotator.services.workshop import merge_copy
from annotator.store.models import Case, Code, Coder, Coding, Document, Meta
from annotator.store.project import Project
from tests.conftest import SHARED

NS = {"q": "urn:QDA-XML:project:1.0"}
FILES = {p.name: p for p in sorted((SHARED / "refi").glob("*.qdpx"))} | {
    p.name: p for p in sorted(REFI_DIR.glob("*.qdpx"))}


def _root(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        qde = next(n for n in zf.namelist() if n.lower().endswith(".qde"))
        return etree.fromstring(zf.read(qde))


def _file_texts(path: Path) -> list[str]:
    """Every description in the file and the text of every note it carries inline or in
    the archive."""
    root = _root(path)
    texts = [d.text for d in root.iter(f"{{{NS['q']}}}Description") if d.text and d.text.strip()]
    with zipfile.ZipFile(path) as zf:
        names = {n.lower(): n for n in zf.namelist()}
        for note in root.iter(f"{{{NS['q']}}}Note"):
            inline = note.find("q:PlainTextContent", NS)
            if inline is not None and inline.text:
                texts.append(inline.text)
            elif note.get("plainTextPath"):
                member = names.get("sources/" + note.get("plainTextPath").split("://")[-1].lower())
                if member:
                    texts.append(zf.read(member).decode("utf-8-sig"))
    return [" ".join(normalise_text(t).split()) for t in texts if t.strip()]


def _held_texts(p: Project) -> str:
    """Everything a project keeps that a description or note can have gone into."""
    with p.read() as s:
        parts = [*s.scalars(select(Code.description)), *s.scalars(select(Code.memo)),
                 *s.scalars(select(Coding.memo)), *s.scalars(select(Document.memo)),
                 *s.scalars(select(Case.memo)),
                 *s.scalars(select(Meta.value).where(Meta.key == "memo"))]
    return "\n".join(" ".join(t.split()) for t in parts if t)


def _named(notes: list[str], pattern: str) -> int:
    """The count a report sentence gives (0 if it says nothing of the kind)."""
    return sum(int(m.group(1)) for n in notes for m in [re.search(pattern, n)] if m)


def _check(path: Path, p: Project, notes: list[str]) -> None:
    root = _root(path)
    xml_codings = int(root.xpath("count(//q:TextSource//q:Coding)", namespaces=NS))
    with p.read() as s:
        held = s.scalar(select(func.count()).select_from(Coding))
        documents = s.scalar(select(func.count()).select_from(Document))
    told = (_named(notes, r"^(\d+) repeated coding") + _named(notes, r"^(\d+) coding\(s\) in the "
            r"source .* refer to codes missing") + _named(notes, r"^(\d+) code\(s\) have the GUID"))
    assert held + told >= xml_codings, (path.name, held, told, xml_codings, notes)
    assert documents or not held
    held_texts = _held_texts(p)
    for text in _file_texts(path):
        assert text in held_texts, (path.name, text[:80])
    for container, item, what in (("Links", "Link", "link"), ("Graphs", "Graph", "graph")):
        n = int(root.xpath(f"count(//q:{container}/q:{item})", namespaces=NS))
        if n:
            assert any(f"{what}(s) in the file were not imported" in x for x in notes), notes
    for kind in ("Picture", "PDF", "Audio", "Video"):
        n = int(root.xpath(f"count(//q:Sources/q:{kind}Source)", namespaces=NS))
        if n:
            assert f"{n} {kind.lower()} source(s) were skipped: only text sources can be " \
                   "imported." in notes


@pytest.mark.parametrize("name", sorted(FILES))
def test_new_from_a_real_file_reports_what_it_holds(name: str, tmp_path: Path) -> None:
    path = FILES[name]
    p, report = new_project_from_qdpx(tmp_path / "p.annotator", path)
    notes = [n.render("en") for n in report.notes]
    with p:
        with p.read() as s:
            assert report.documents == s.scalar(select(func.count()).select_from(Document))
            assert report.codes == s.scalar(select(func.count()).select_from(Code))
            assert report.codings == s.scalar(select(func.count()).select_from(Coding))
            assert report.coders <= s.scalar(select(func.count()).select_from(Coder))
        _check(path, p, notes)


@pytest.mark.parametrize("name", sorted(FILES))
def test_merge_of_a_real_file_reports_what_it_brings(name: str, tmp_path: Path) -> None:
    path = FILES[name]
    with Project.create(tmp_path / "target.annotator", "目标") as target:
        report = merge_copy(target, path)
        assert report.ok, report.error
        with target.read() as s:
            assert report.codings_added == s.scalar(select(func.count()).select_from(Coding))
            assert report.documents_added == s.scalar(
                select(func.count()).select_from(Document))
        _check(path, target, report.notes)
    # the same sentences as `new --from` says, about the same file
    _, first = new_project_from_qdpx(tmp_path / "p.annotator", path)
    said = {n.render("en") for n in first.notes if "renamed" not in n.render("en")}
    assert said <= set(report.notes), said - set(report.notes)


def test_links_graphs_media_and_coded_notes_are_named_with_counts(tmp_path: Path) -> None:
    """A file with what Annotator cannot hold: each is named, with its count."""
    note = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
    extra = (
        f'<Notes><Note guid="{note}" name="日志"><PlainTextContent>第一次访谈后的想法'
        "</PlainTextContent>"
        '<PlainTextSelection guid="bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb" startPosition="0" '
        'endPosition="3"/></Note></Notes>'
        '<Links><Link guid="cccccccc-cccc-4ccc-8ccc-cccccccccccc" name="关联" '
        f'originGUID="{note}" targetGUID="33333333-3333-4333-8333-333333333333"/>'
        '<Link guid="cccccccc-cccc-4ccc-8ccc-cccccccccccd" name="关联二" '
        f'originGUID="{note}" targetGUID="33333333-3333-4333-8333-333333333333"/></Links>'
        '<Graphs><Graph guid="dddddddd-dddd-4ddd-8ddd-dddddddddddd" name="网络"/></Graphs>'
    )
    xml = project_xml(notes=extra).replace(
        "</TextSource></Sources>",
        '</TextSource><PictureSource guid="eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee" name="照片" '
        'path="internal://photo.jpg"/><AudioSource guid="eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeef" '
        'name="录音" path="internal://talk.mp3"/></Sources>')
    assert USER in xml
    path = make_zip(tmp_path / "extras.qdpx", {
        "project.qde": xml, "sources/33333333-3333-4333-8333-333333333333.txt": "居民信任社区"})
    p, report = new_project_from_qdpx(tmp_path / "p.annotator", path)
    p.close()
    notes = [n.render("en") for n in report.notes]
    with Project.create(tmp_path / "t.annotator", "t") as target:
        merged = merge_copy(target, path).notes
    for said in (notes, merged):
        for sentence in (
            "2 link(s) in the file were not imported: Annotator cannot hold them yet.",
            "1 graph(s) in the file were not imported: Annotator cannot hold them yet.",
            "1 picture source(s) were skipped: only text sources can be imported.",
            "1 audio source(s) were skipped: only text sources can be imported.",
            "1 selection(s) in the text of notes were not imported: Annotator codes "
            "documents, and a note came in as a memo.",
            "1 free-standing notes were added to the project memo",
        ):
            assert sentence in said, (sentence, said)
