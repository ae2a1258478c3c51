"""Importing documents through the window: file dialog, progress, summary, drops,
undo, and Document → Properties."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import press, trigger


def _names(window) -> list[str]:
    return [window.documents.item(i).text() for i in range(window.documents.count())]


def _files(tmp_path: Path) -> list[Path]:
    good1 = tmp_path / "访谈A.txt"
    good1.write_text("居民：我们信任社区党组织。\n", encoding="utf-8")
    good2 = tmp_path / "访谈B.txt"
    good2.write_bytes("网格员：每周走访两次。".encode("gb18030"))
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not a docx")
    return [good1, good2, bad]


def test_import_two_good_files_and_one_bad_then_undo(qtbot, window, demo: Path,
                                                     dialogs, tmp_path: Path) -> None:
    dialogs.answer(_files(tmp_path))
    window.projects.open_path(demo)
    trigger(window.registry["import"])
    assert "*.docx" in dialogs.filters[-1] and "*.txt" in dialogs.filters[-1]
    summary = window.import_ui.summary_dialog
    assert summary is not None and summary.isVisible()
    rows = summary.imported_rows()
    assert [r[0] for r in rows] == ["访谈A", "访谈B"]
    assert rows[0][1] == "14"  # characters (the final newline counts)
    assert "utf" in rows[0][2].lower() and "gb" in rows[1][2].lower()
    refused = summary.refused_rows()
    assert refused[0][0] == "old.doc" and "Word 97" in refused[0][1]
    assert _names(window)[-2:] == ["访谈A", "访谈B"]
    assert "Imported 2 documents, refused 1" in window.statusBar().currentMessage()
    press(qtbot, summary, "Ctrl+Z")  # undo works from the summary too
    assert "访谈A" not in _names(window) and "访谈B" not in _names(window)
    summary.close()
    trigger(window.registry["redo"])
    assert _names(window)[-2:] == ["访谈A", "访谈B"]
    trigger(window.registry["undo"])
    assert "访谈A" not in _names(window) and "访谈B" not in _names(window)


def test_forced_encoding_and_nothing_imported(window, demo: Path, dialogs,
                                              tmp_path: Path) -> None:
    big5 = tmp_path / "台北.txt"
    big5.write_bytes("社區營造與信任".encode("big5"))
    dialogs.answer([big5], [big5])  # imported twice
    window.projects.open_path(demo)
    window.import_ui.encoding_actions["big5"].trigger()
    QApplication.processEvents()
    assert window.import_ui.summary_dialog.imported_rows()[0][2] == "big5"
    assert window.view.toPlainText() == "社區營造與信任"
    # the same text again: refused, no undo step, the summary says why
    steps = window.session.undo_stack.count()
    window.import_ui.encoding_actions["big5"].trigger()
    QApplication.processEvents()
    assert window.import_ui.summary_dialog.imported_rows() == []
    assert window.import_ui.summary_dialog.refused_rows()[0][0] == "台北.txt"
    assert window.session.undo_stack.count() == steps


def test_drop_files_on_the_document_list(qtbot, window, demo: Path, tmp_path: Path) -> None:
    window.projects.open_path(demo)
    source = tmp_path / "dropped.md"
    source.write_text("# 标题\n拖进来的文档。", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    viewport = window.documents.viewport()
    assert window.documents.objectName() == "documentList"
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()
    assert "dropped" in _names(window)
    assert window.import_ui.summary_dialog.imported_rows()[0][0] == "dropped"
    press(qtbot, window.view, "Ctrl+Z")
    assert "dropped" not in _names(window)


def test_properties_show_the_detected_encoding(window, demo: Path, dialogs,
                                               tmp_path: Path) -> None:
    source = tmp_path / "访谈GBK.txt"
    data = ("社区书记说：党建引领是基层治理的关键。" * 20).encode("gb18030")
    source.write_bytes(data)
    dialogs.answer([source])
    window.projects.open_path(demo)
    trigger(window.registry["import"])
    window.import_ui.summary_dialog.close()
    window.docs.select_document(window.session.documents[-1].id)
    act = window.import_ui.act_properties
    assert act in window.menus["document"].actions() and act.toolTip()
    trigger(act)
    dialog = window.import_ui.properties_dialog
    assert dialog.isVisible()
    info = window.session.documents[-1]
    assert dialog.value("source") == "访谈GBK.txt"
    assert dialog.value("encoding").lower() in ("gb18030", "gbk", "gb2312")
    assert dialog.value("encoding") == info.encoding
    assert str(len(data)) in dialog.value("size")
    assert dialog.value("format") == "txt"
    assert dialog.value("characters") == f"{info.length:,}"
    assert dialog.value("sha256") == info.sha256 and len(info.sha256) == 64
    assert dialog.value("imported").startswith(str(info.imported_at.year))
    assert all(f.isReadOnly() for f in dialog.fields.values())
