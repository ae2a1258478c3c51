"""Word frequencies in the window: the table and its cloud, the filters, the word lists
edited from the window, the cloud saved as PNG."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog

from annotator.services import words
from annotator.services.analysis_scope import Scope
from annotator.services.attributes import define_attribute, set_value
from annotator.services.cases import create_case
from annotator.services.documents import add_document
from annotator.store.project import Project
from tests.ui.helpers import trigger


def _open(qtbot, window, demo: Path):
    window.projects.open_path(demo)
    trigger(window.registry["word_frequencies"])
    panel = window.text_analysis.words
    assert window.text_analysis.words_dock.isVisible()
    qtbot.waitUntil(lambda: not panel.busy and panel.table_data is not None, timeout=20_000)
    return panel


def _shown(panel) -> dict[str, int]:
    t = panel.table
    return {t.item(r, 0).text(): int(t.item(r, 1).text()) for r in range(t.rowCount())}


def _count(qtbot, panel) -> dict[str, int]:
    qtbot.mouseClick(panel.count_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    return _shown(panel)


def test_the_table_is_the_services_count_and_the_cloud_is_drawn(qtbot, window,
                                                                demo: Path) -> None:
    panel = _open(qtbot, window, demo)
    table = words.word_frequencies(window.session.project, options=panel.options())
    shown = _shown(panel)
    assert shown == {r.word: r.count for r in table.rows}
    first = panel.table.item(0, 0).text()  # the most frequent first
    assert first == table.rows[0].word == "治理"
    assert panel.cloud.pixmap() is not None and not panel.cloud.pixmap().isNull()
    assert "words" in panel.status.text()


def test_filters_by_case_attribute_and_code(qtbot, window, demo: Path) -> None:
    with Project.open(demo) as p:
        add_document(p, "访谈甲", "物业服务不好，居民投诉物业。物业公司回应。")
        add_document(p, "访谈乙", "社区治理需要居民参与。")
        create_case(p, "王五", ["访谈甲"])
        define_attribute(p, "街道", "document")
        set_value(p, "街道", "访谈乙", "东城")
    panel = _open(qtbot, window, demo)
    panel.case.setCurrentIndex(panel.case.findData("王五"))
    counts = _count(qtbot, panel)
    with Project.open(demo) as p, p.read() as s:
        only = words.word_frequencies(
            p, words.scope_selection(s, Scope(cases=("王五",))), panel.options())
    assert counts == {r.word: r.count for r in only.rows}
    assert counts["物业"] >= 2 and "投诉" in counts and "治理" not in counts
    panel.case.setCurrentIndex(0)
    panel.attribute.setCurrentIndex(panel.attribute.findData("街道=东城"))
    counts = _count(qtbot, panel)
    assert counts == {"社区": 1, "治理": 1, "需要": 1, "居民": 1, "参与": 1}
    # coded text only: the codings of one code in the demo
    panel.attribute.setCurrentIndex(0)
    path = "整合/一核多元治理架构"
    panel.code.setCurrentText(path)
    counts = _count(qtbot, panel)
    with Project.open(demo) as p, p.read() as s:
        from annotator.services.codebook import find_code

        expected = words.word_frequencies(p, words.coded_text(s, [find_code(s, path).id]),
                                          panel.options())
    assert counts == {r.word: r.count for r in expected.rows} and counts


def test_stop_words_and_synonyms_from_the_window(qtbot, window, demo: Path,
                                                 dialogs) -> None:
    with Project.open(demo) as p:
        add_document(p, "访谈", "城乡发展很快，都市生活。")
    panel = _open(qtbot, window, demo)
    before = _shown(panel)
    assert "基层" in before and "城市" in before
    # right-click 基层 → Add to the stop words
    row = next(r for r in range(panel.table.rowCount())
               if panel.table.item(r, 0).text() == "基层")
    panel.table.selectRow(row)
    assert panel.selected_words() == ["基层"]
    panel.stopWordsRequested.emit(panel.selected_words())
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    assert "基层" not in _shown(panel)
    with Project.open(demo) as p, p.read() as s:
        assert "基层" in words.stopwords(s, "zh")
    # the synonyms as text: 城市 counts 城乡 too
    def edit(dialog: QDialog) -> bool:
        assert dialog.objectName() == "wordListDialog"
        dialog.edit.setPlainText("城市：城乡、都市")
        return True

    dialogs.answer(edit)
    panel.wordListRequested.emit("synonyms")
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    with Project.open(demo) as p, p.read() as s:
        assert words.synonyms(s) == {"城乡": "城市", "都市": "城市"}
    # 城乡 counts as 城市 now, as the service counts it
    reference = words.word_frequencies(window.session.project, options=panel.options())
    assert _shown(panel)["城市"] == {r.word: r.count for r in reference.rows}["城市"]
    assert _shown(panel)["城市"] > before["城市"] and "城乡" in panel.table_data.merged["城市"]
    # a word with a space is refused in one sentence, nothing changes
    dialogs.answer(lambda d: d.edit.setPlainText("城市：城 乡") or True)
    panel.wordListRequested.emit("synonyms")
    assert dialogs.warnings and "not a word" in dialogs.warnings[-1]
    with Project.open(demo) as p, p.read() as s:
        assert words.synonyms(s) == {"城乡": "城市", "都市": "城市"}


def test_save_the_cloud_as_png(qtbot, window, demo: Path, dialogs, tmp_path: Path) -> None:
    panel = _open(qtbot, window, demo)
    out = tmp_path / "词云.png"
    dialogs.answer(str(out))
    qtbot.mouseClick(panel.save_cloud, Qt.MouseButton.LeftButton)
    image = QImage(str(out))
    assert not image.isNull() and image.width() == 1600
    inked = sum(image.pixelColor(x, y).name() != "#ffffff"
                for x in range(0, 1600, 8) for y in range(0, 1000, 8))
    assert inked > 200
    # a double-click on a word opens the concordance on it, whole words
    rect = panel.table.visualRect(panel.table.model().index(0, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center() + QPoint(0, 0))
    conc = window.text_analysis.concordance
    assert conc.term.text() == "治理" and conc.whole_words.isChecked()
    qtbot.waitUntil(lambda: not conc.busy, timeout=20_000)
    assert conc.model.hits and all(h.match == "治理" for h in conc.model.hits)


def test_a_stop_word_file_in_gbk_from_the_window(qtbot, window, demo: Path, dialogs,
                                                 tmp_path: Path) -> None:
    panel = _open(qtbot, window, demo)
    assert {"基层", "城市"} <= set(_shown(panel))
    gbk = tmp_path / "停用词.txt"
    gbk.write_bytes("基层\n城市\n".encode("gbk"))
    junk = tmp_path / "图片.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    seen: dict[str, object] = {}

    def add_both(dialog: QDialog) -> bool:
        before = dialog.lines()
        qtbot.mouseClick(dialog.from_file, Qt.MouseButton.LeftButton)  # the GBK file
        seen["added"] = [w for w in dialog.lines() if w not in before]
        seen["after gbk"] = dialog.lines()
        qtbot.mouseClick(dialog.from_file, Qt.MouseButton.LeftButton)  # the binary one
        seen["after junk"] = dialog.lines()
        return True

    dialogs.answer(add_both, str(gbk), str(junk))
    panel.wordListRequested.emit("zh")
    assert seen["added"] == ["基层", "城市"]
    assert "图片.txt" in dialogs.warnings[-1]
    assert seen["after junk"] == seen["after gbk"]  # the refused file added nothing
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    shown = _shown(panel)
    assert "基层" not in shown and "城市" not in shown
    with Project.open(demo) as p, p.read() as s:
        assert {"基层", "城市"} <= words.stopwords(s, "zh")


def test_save_the_table_as_a_workbook(qtbot, window, demo: Path, dialogs,
                                      tmp_path: Path) -> None:
    import openpyxl

    panel = _open(qtbot, window, demo)
    out = tmp_path / "词频"
    dialogs.answer(str(out))
    qtbot.mouseClick(panel.save_table, Qt.MouseButton.LeftButton)
    ws = openpyxl.load_workbook(tmp_path / "词频.xlsx").worksheets[0]
    rows = [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=2)]
    assert rows == [(r.word, r.count) for r in panel.table_data.rows]


def test_an_empty_project_counts_nothing_and_finds_nothing(qtbot, window,
                                                           tmp_path: Path) -> None:
    from annotator.services.projects import new_project

    path = tmp_path / "空.annotator"
    new_project(path, "empty").close()
    panel = _open(qtbot, window, path)
    assert panel.table.rowCount() == 0 and not panel.save_cloud.isEnabled()
    assert "0" in panel.status.text()
    trigger(window.registry["concordance"])
    conc = window.text_analysis.concordance
    conc.search("信任")
    qtbot.waitUntil(lambda: not conc.busy, timeout=10_000)
    assert not conc.model.hits and "信任" in conc.status.text()
    assert not conc.code_hits_button.isEnabled()
