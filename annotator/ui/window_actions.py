"""Where the window's commands sit: the menu bar and the toolbar, as one declarative
layout.

The actions themselves are made and registered by the controllers that own them (ids,
texts, tips, keys, enablement; see ``ui/actions.py``); this module only says in which
menu, in which order, each id appears. A new command is registered in its controller and
named here. The menu titles keep the "MainWindow" translation context they were written
in.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from annotator.ui.actions import Entry, Registry

#: the menu bar: (menu id, translation context, title, entries); see ``actions.Registry``
MENUS: tuple[tuple[str, str, str, tuple[Entry, ...]], ...] = (
    ("file", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&File"), (
        "new", "open", "menu:recent", "demo", "new_from_qdpx", None, "open_team", "new_team",
        None,
        "import", "menu:import_encoding", "import_qdc", "export", "menu:refi_export",
        "copy_project", "check_project", "salvage_project", None, "close", "quit")),
    ("edit", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        "undo", "redo", None, "find", "find_next", "find_prev", "search_all", "concordance",
        None, "settings")),
    ("document", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Document"), (
        "doc_memo", "doc_rename", "doc_delete", None, "doc_next", "doc_prev", None,
        "properties")),
    ("code", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Code"), (
        "code", "code_with", "menu:quick", "in_vivo", None, "uncode", "remove_coding",
        "coding_memo")),
    ("codebook", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Code&book"), (
        "add_code", "add_child", "rename_code", "color", "definition", "code_memo", None,
        "assign_key", None,
        "move_up", "move_down", "indent", "outdent", "merge", "delete_code", None,
        "expand", "collapse")),
    ("coders", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "C&oders"), ("coder", "others")),
    ("view", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&View"), (
        "overview", "results", "word_frequencies", "memos", None, "bigger", "smaller",
        "font_reset", None,
        "focus_1", "focus_2", "focus_3", "focus_4")),
    ("analysis", "AnalysisController", QT_TRANSLATE_NOOP("AnalysisController", "&Analysis"), (
        "analysis_query", "analysis_cooccurrence", "analysis_crosstab", "analysis_portrait",
        None, "analysis_cases")),
    ("workshop", "WorkshopUI", QT_TRANSLATE_NOOP("WorkshopUI", "&Workshop"), (
        "copies", "merge_projects", None, "blind", None, "agreement", "disagreements")),
    ("help", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Help"), (
        "guide", "shortcuts", None, "about")),
)

#: the toolbar, left to right
TOOLBAR: tuple[Entry, ...] = (
    "open", None, "undo", "redo", None, "code", "in_vivo", "uncode", None, "find",
    "overview", "export")


def build_frame(window: QMainWindow) -> None:
    """The menu bar's titles, as empty menus, and an empty toolbar: what the window shows
    in its first paint, before any action exists, so that it keeps its shape when built."""
    bar = window.menuBar()
    for _id, context, title, _entries in MENUS:
        bar.addMenu(QMenu(QCoreApplication.translate(context, title), bar))
    tb = window.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    tb.setObjectName("mainToolBar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tb.addAction(" ").setEnabled(False)  # a button's height, until the real ones come


def build_menus(window: QMainWindow, registry: Registry) -> dict[str, QMenu]:
    """The menu bar and the toolbar's buttons from ``MENUS`` and ``TOOLBAR``, once every
    controller has registered its actions (and menus); they replace the frame's empty
    menus (``build_frame``). The menus by id."""
    bar = window.menuBar()
    frame_menus = [a.menu() for a in bar.actions()]
    bar.clear()
    for menu in frame_menus:
        menu.deleteLater()
    menus = registry.build_menu_bar(bar, window, MENUS)
    tb = window.findChild(QToolBar, "mainToolBar")
    tb.clear()
    registry.build_toolbar(tb, TOOLBAR)
    return menus


__all__ = ["MENUS", "TOOLBAR", "build_frame", "build_menus"]
