"""Creating projects: from a codebook template, or the demo project."""

from pathlib import Path

from annotator.resources import resource_path
from annotator.services.codebook import find_code
from annotator.services.coders import get_or_create_coder
from annotator.services.coding import insert_coding
from annotator.services.documents import insert_document
from annotator.services.templates import apply_template, load_template
from annotator.store.project import Project

DEMO_DOCUMENT = "党建引领城市基层治理的路径研究"
DEMO_CODER = "示例编码员"
# (code path, first words, last words) of passages of the seed paper, coded in the demo.
# Two codings overlap on purpose: overlapping codes are part of what the demo shows.
DEMO_CODINGS = (
    ("协调/基层党组织建设与顶层设计", "一是要加强基层党组织建设", "战略部署"),
    ("协调/政治引领与红色文化", "强化基层党组织对社会治理的政", "把稳政治方向。"),
    ("整合/一核多元治理架构", "搭建“一核多元”的治理架构", "治理架构"),
    ("整合/以人民为中心", "坚持以人民为中心的政治立场需要", "幸福感。"),
    ("信任", "信任逻辑包含政治信任", "社 会信任。"),
    ("信任/政治信任", "政治信任是一种自下而上建立的信任", "提升政策执行效果。"),
    ("信任/社会信任", "社会信任指社会个体", "大幅提升合作意愿。"),
)


def new_project(path: Path | str, template: str = "governance", name: str | None = None) -> Project:
    """A project holding the template's codebook; the file appears only once it is complete."""
    tpl = load_template(template)

    def fill(project: Project) -> None:
        with project.write() as s:
            apply_template(s, tpl)

    return Project.create(path, name, fill)


def _span(text: str, first: str, last: str) -> tuple[int, int]:
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def create_demo_project(path: Path | str) -> Project:
    """The seed paper coded under the governance codebook, as a researcher would start."""
    project = new_project(path, "governance", name="示例项目 Demo")
    text = resource_path("samples", "seed-paper-zh.txt").read_text(encoding="utf-8")
    try:
        with project.write() as s:
            doc = insert_document(
                s, DEMO_DOCUMENT, text, source_name="seed-paper-zh.txt",
                source_format="txt", encoding="utf-8",
            )
            coder = get_or_create_coder(s, DEMO_CODER)
            for path_, first, last in DEMO_CODINGS:
                start, end = _span(doc.text, first, last)
                insert_coding(s, doc, find_code(s, path_), coder.id, start, end)
    except Exception:
        project.close()
        Path(path).unlink(missing_ok=True)
        raise
    return project
