"""Make the screenshots in docs/ (run from the repository root):

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

The project is the demo (the seed paper coded under the governance codebook) with a few
more passages coded the way a researcher would, by two coders, so that overlapping
codes, the coding stripes and the coded segments all show. Each picture is taken with
the command line researchers use: ``annotator PROJECT --screenshot OUT.png`` (and,
without a project, the start screen).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (code path, first words, last words, coder) — passages of the seed paper
MORE_CODINGS = (
    ("信任/政治信任", "以 价值引领凝聚价值共识", "提升政\n10、 治信任", "示例编码员"),
    ("协调/政治引领与红色文化", "以 价值引领凝聚价值共识", "培育红色文化", "示例编码员"),
    ("信任/互动与监督渠道", "二是要建居民互动、监督渠道和机制", "会信任。", "示例编码员"),
    ("信任/政治信任", "政治信任是一种自下而上建立的信任", "信任和认同", "李四"),
    ("信任/社会信任", "社会信任的广泛建立", "大幅提升合作意愿。", "李四"),
    ("整合/协商对话机制", "建立多元治理主体间的协 商对话机制", "商对话机制", "示例编码员"),
    ("整合/资源共享机制", "完善治理资源共享机制", "整合城市基层治理资源", "示例编码员"),
    ("信任/政治信任", "契约型信任是深深根植于", "可信赖性之中的", "示例编码员"),
)


def build(path: Path) -> None:
    from annotator.services.codebook import find_code
    from annotator.services.coders import ensure_coder
    from annotator.services.coding import code_span
    from annotator.services.documents import document_text, list_documents
    from annotator.services.projects import create_demo_project

    project = create_demo_project(path)
    try:
        doc = list_documents(project)[0]
        text = document_text(project, doc.id)
        for code_path, first, last, coder in MORE_CODINGS:
            start = text.index(first)
            end = text.index(last, start) + len(last)
            with project.read() as s:
                code = find_code(s, code_path).id
            code_span(project, doc.id, start, end, code, ensure_coder(project, coder).id)
    finally:
        project.close()


def shoot(project: Path | None, out: Path, config: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANNOTATOR_CONFIG_DIR=str(config),
               ANNOTATOR_CODER="示例编码员")
    args = [str(project)] if project else []
    subprocess.run([sys.executable, "-m", "annotator", *args, "--screenshot", str(out)],
                   cwd=ROOT, env=env, check=True)
    print(f"wrote {out}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "治理研究.annotator"
        build(project)
        shoot(project, ROOT / "docs" / "window.png", Path(tmp) / "config")
        shoot(None, ROOT / "docs" / "start.png", Path(tmp) / "config")
    return 0


if __name__ == "__main__":
    sys.exit(main())
