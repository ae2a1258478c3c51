"""The window's actions, menus and toolbar, and which actions are enabled when.

Every command is built here once as a ``QAction`` on the window (``window.act_*``), so
the menus, the toolbar, the context menus and the shortcuts list all share it. The
action texts are written ``tr("…")`` through the window's ``tr`` (lupdate files them
under the empty context, see ``ui/i18n.py``); the other strings keep the "MainWindow"
context they had when they were written in ``Window``.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from annotator.ui.actions import Entry
from annotator.ui.project_lifecycle import fill_recent_menu
from annotator.ui.window_state import DEFAULT_FONT_SIZE

if TYPE_CHECKING:
    from annotator.ui.context import Window


def make_action(window: Window, text: str, slot, shortcut=None, tip: str | None = None,
                checkable: bool = False, widget: QWidget | None = None) -> QAction:
    """An action with its tip in the status bar; ``widget`` limits its keys to that widget."""
    action = QAction(text, window)
    tip = tip or text.replace("&", "").rstrip("…")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setCheckable(checkable)
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])
    if widget is not None:  # a key that means this only where that widget has focus
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
    else:
        window.addAction(action)
    if checkable:
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(window: Window) -> None:
    """Every command of the window as a QAction (``window.act_*``), with tip and keys."""
    tr = window.tr
    K = QKeySequence.StandardKey
    a = partial(make_action, window)
    # files
    window.act_new = a(tr("&New project…"), window.new_project_dialog, K.New,
                       tr("Create a project file with a codebook template"))
    window.act_open = a(tr("&Open project…"), window.open_project_dialog, K.Open,
                        tr("Open a project file"))
    window.act_demo = a(tr("Open de&mo project"), window.open_demo, None,
                        tr("Open the demo project: a paper coded with the governance codebook"))
    window.act_copy_project = a(tr("&Save a copy…"), window.save_copy, "Ctrl+Shift+S",
                                tr("Save a consistent copy of the project file"))
    window.act_close = a(tr("&Close project"), window.close_project, K.Close,
                         tr("Close the project"))
    window.act_import = a(tr("&Import documents…"), window.import_documents, "Ctrl+Shift+I",
                          tr("Import text, Word or PDF files as documents"))
    window.act_export = a(tr("&Export to Excel…"), window.export_dialog, "Ctrl+E",
                          tr("Export segments, codebook and matrix to an Excel workbook"))
    window.act_quit = a(tr("&Quit"), window.close, K.Quit, tr("Quit Annotator"))
    # undo
    # Undo/redo keep their short names (the toolbar must not re-lay itself out on every
    # change); what they would undo is in the tooltip and the status bar.
    stack = window.session.undo_stack
    window.act_undo = a(tr("&Undo"), stack.undo, K.Undo, tr("Undo the last change"))
    window.act_redo = a(tr("&Redo"), stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"],
                        tr("Redo the change undone last"))
    stack.canUndoChanged.connect(window.act_undo.setEnabled)
    stack.canRedoChanged.connect(window.act_redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo_tip(window.act_undo, text, True))
    stack.redoTextChanged.connect(lambda text: undo_tip(window.act_redo, text, False))
    window.act_undo.setEnabled(False)
    window.act_redo.setEnabled(False)
    # find
    window.act_find = a(tr("&Find in document…"), window.open_find, K.Find,
                        tr("Find words in the document"))
    window.act_find_next = a(tr("Find &next"), lambda: window.find(window.find_bar.text()),
                             K.FindNext, tr("Go to the next hit"))
    window.act_find_prev = a(tr("Find &previous"),
                             lambda: window.find(window.find_bar.text(), backwards=True),
                             K.FindPrevious, tr("Go to the previous hit"))
    window.act_search_all = a(tr("&Search all documents…"), window.open_search_all,
                              "Ctrl+Shift+F", tr("List the hits in every document"))
    window.act_code_hits = a(tr("&Code all hits…"),
                             lambda: window.code_all_hits(window.find_bar.text(),
                                                          window.find_bar.all_docs.isChecked()),
                             None, tr("Auto-code: code every hit with the current code"))
    # documents
    window.act_doc_memo = a(tr("Document &memo…"), window.document_memo, "Ctrl+Shift+M",
                            tr("Write a memo on the document"))
    window.act_doc_rename = a(tr("&Rename document…"), window.rename_document, None,
                              tr("Rename the document"))
    window.act_doc_delete = a(tr("&Delete document…"), window.delete_document, None,
                              tr("Delete the document and its codings"))
    window.act_doc_next = a(tr("&Next document"), lambda: window.step_document(1),
                            "Ctrl+PgDown", tr("Show the next document"))
    window.act_doc_prev = a(tr("&Previous document"), lambda: window.step_document(-1),
                            "Ctrl+PgUp", tr("Show the previous document"))
    # coding
    window.act_code = a(tr("&Code with current code"), window.code_with_current,
                        "Ctrl+Return", tr("Code the selected text with the code chosen "
                                          "in the codebook (or double-click a code)"))
    window.act_code_with = a(tr("Code &with…"), window.code_with_dialog, "Ctrl+K",
                             tr("Choose a code for the selected text"))
    window.act_in_vivo = a(tr("&In-vivo code"), window.in_vivo, "Ctrl+I",
                           tr("Make a new code named from the selected words and code them"))
    window.act_uncode = a(tr("&Uncode selection…"), window.uncode_selection, "Ctrl+U",
                          tr("Remove a code of yours from the selected characters"))
    window.act_coding_memo = a(tr("Coding m&emo…"), window.coding_memo_at_cursor, "Ctrl+M",
                               tr("Write a memo on the coding where the caret is"))
    window.act_remove_coding = a(tr("&Remove coding here"), window.remove_coding_at_cursor,
                                 "Ctrl+Shift+U",
                                 tr("Remove the coding chosen under “Codings here” "
                                    "(the one where the caret is)"))
    window.quick_actions: list[QAction] = []
    for n in range(1, 10):
        act = a(tr("Quick code {0}").format(n), lambda n=n: window.quick_code(n), str(n),
                tr("Code the selection with code number {0} of the quick list").format(n))
        window.quick_actions.append(act)
    window.act_keys_tree = QAction(tr("Number keys: fixed codes"), window, checkable=True)
    window.act_keys_tree.setToolTip(tr("Keys 1–9 keep their codes when codes are added or "
                                       "deleted (at first: the first nine of the tree)"))
    window.act_keys_recent = QAction(tr("Number keys: recent codes"), window, checkable=True)
    window.act_keys_recent.setToolTip(tr("Keys 1–9 code with the codes used most recently"))
    group = QActionGroup(window)
    for act in (window.act_keys_tree, window.act_keys_recent):
        group.addAction(act)
        act.toggled.connect(
            lambda checked: window.coding.quick_mode_changed(checked))
    # codebook
    tree = window.codebook
    window.act_add_code = a(tr("&Add code…"), window.add_sibling_code, "Ins",
                            tr("Add a code beside the chosen one (Insert)"), widget=tree)
    window.act_add_child = a(tr("Add c&hild code…"), window.add_child_code, "Ctrl+Ins",
                             tr("Add a code under the chosen one (Ctrl+Insert)"), widget=tree)
    window.act_rename_code = a(tr("&Rename code"), window.rename_code, "F2",
                               tr("Rename the chosen code in place (F2)"), widget=tree)
    window.act_color = a(tr("C&olour…"), window.code_color, None,
                         tr("Choose the colour of the chosen code"))
    window.act_definition = a(tr("&Definition…"), window.code_definition, None,
                              tr("Edit the definition of the chosen code"))
    window.act_code_memo = a(tr("Code m&emo…"), window.code_memo, "Ctrl+Alt+M",
                             tr("Write a memo on the chosen code"))
    window.act_assign_key = a(tr("Number &key…"), window.assign_key, None,
                              tr("Choose the number key (1–9) that codes with the chosen code"))
    window.act_merge = a(tr("&Merge into…"), window.merge_code, None,
                         tr("Merge the chosen code into another: its codings follow"))
    window.act_delete_code = a(tr("De&lete code…"), window.delete_code, "Del",
                               tr("Delete the chosen code with its codings (Delete)"),
                               widget=tree)
    window.act_move_up = a(tr("Move &up"), lambda: window.move_step(-1), "Alt+Up",
                           tr("Move the chosen code up among its siblings"), widget=tree)
    window.act_move_down = a(tr("Move do&wn"), lambda: window.move_step(1), "Alt+Down",
                             tr("Move the chosen code down among its siblings"), widget=tree)
    window.act_indent = a(tr("Make &child of the code above"), window.indent_code, "Alt+Right",
                          tr("Move the chosen code under its previous sibling"), widget=tree)
    window.act_outdent = a(tr("Move ou&t of its parent"), window.outdent_code, "Alt+Left",
                           tr("Move the chosen code up one level"), widget=tree)
    window.act_expand = a(tr("E&xpand all"), window.codebook.expandAll, None,
                          tr("Show every code"))
    window.act_collapse = a(tr("Colla&pse all"), window.codebook.collapseAll, None,
                            tr("Show only the top-level codes"))
    # coders
    window.act_coder = a(tr("&Switch coder…"), window.switch_coder, "Ctrl+Shift+K",
                         tr("Code under another coder name"))
    window.act_others = a(tr("Show &other coders' codings"),
                          window.session.set_show_other_coders, "Ctrl+Shift+H",
                          tr("Show or hide the codings of coders other than you"),
                          checkable=True)
    window.act_others.setChecked(True)
    window.coder_button.setDefaultAction(window.act_coder)
    # view
    window.act_overview = window.overview_dock.toggleViewAction()
    window.act_overview.setText(tr("&Overview"))
    window.act_overview.setShortcut(QKeySequence("F9"))
    window.act_overview.setToolTip(tr("Code frequencies and the code × document matrix (F9)"))
    window.addAction(window.act_overview)
    window.act_results = window.results_dock.toggleViewAction()
    window.act_results.setText(tr("Search &results"))
    window.act_results.setToolTip(tr("Show the list of search hits"))
    window.act_bigger = a(tr("&Larger text"), lambda: window.set_font_size(window.font_size + 1),
                          [K.ZoomIn, "Ctrl+="], tr("Make the document text larger"))
    window.act_smaller = a(tr("&Smaller text"),
                           lambda: window.set_font_size(window.font_size - 1), K.ZoomOut,
                           tr("Make the document text smaller"))
    window.act_font_reset = a(tr("&Normal text size"),
                              lambda: window.set_font_size(DEFAULT_FONT_SIZE), "Ctrl+0",
                              tr("Reset the document text size"))
    window.act_focus = [
        a(tr("Go to documents"), window.documents.setFocus, "Ctrl+1",
          tr("Move the keyboard focus to the document list")),
        a(tr("Go to the text"), window.view.setFocus, "Ctrl+2",
          tr("Move the keyboard focus to the document text")),
        a(tr("Go to the codebook"), window.codebook.setFocus, "Ctrl+3",
          tr("Move the keyboard focus to the codebook")),
        a(tr("Go to coded segments"), window.segments.view.setFocus, "Ctrl+4",
          tr("Move the keyboard focus to the coded segments")),
    ]
    window.act_about = a(tr("&About Annotator"), window.about, None, tr("About Annotator"))


def undo_tip(action: QAction, text: str, undo: bool) -> None:
    """Say in the tooltip what undo/redo would do; the action text stays short."""
    if not text:
        tip = (QCoreApplication.translate("MainWindow", "Nothing to undo") if undo
               else QCoreApplication.translate("MainWindow", "Nothing to redo"))
    else:
        tip = (QCoreApplication.translate("MainWindow", "Undo: {0} (Ctrl+Z)") if undo
               else QCoreApplication.translate("MainWindow", "Redo: {0} (Ctrl+Shift+Z)")
               ).format(text)
    action.setToolTip(tip)
    action.setStatusTip(tip)


#: the menu bar: (menu id, translation context, title, entries); see ``actions.Registry``
MENUS: tuple[tuple[str, str, str, tuple[Entry, ...]], ...] = (
    ("file", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&File"), (
        "new", "open", "menu:recent", "demo", "new_from_qdpx", None,
        "import", "menu:import_encoding", "import_qdc", "export", "menu:refi_export",
        "copy_project", None, "close", "quit")),
    ("edit", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        "undo", "redo", None, "find", "find_next", "find_prev", "search_all", "code_hits",
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
        "overview", "results", "memos", None, "bigger", "smaller", "font_reset", None,
        "focus_1", "focus_2", "focus_3", "focus_4")),
    ("workshop", "WorkshopUI", QT_TRANSLATE_NOOP("WorkshopUI", "&Workshop"), (
        "copies", "merge_projects", None, "agreement", "disagreements")),
    ("help", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Help"), (
        "guide", "shortcuts", None, "about")),
)

#: the toolbar, left to right
TOOLBAR: tuple[Entry, ...] = (
    "open", None, "undo", "redo", None, "code", "in_vivo", "uncode", None, "find",
    "overview", "export")


def register_actions(window: Window) -> None:
    """Put the actions ``build_actions`` made into the registry, with when each is
    enabled (an open project, a document, a selection, a chosen code)."""
    reg = window.registry

    def is_open() -> bool:
        return window.session.is_open

    def has_doc() -> bool:
        return is_open() and window.view.doc_id is not None

    def selected() -> bool:
        return is_open() and window.view.selection_span() is not None

    def has_code() -> bool:
        return is_open() and window.codebook.current_code() is not None

    enabled = {
        **dict.fromkeys(("copy_project", "close", "import", "export", "overview", "results",
                         "find", "search_all", "coder", "others", "add_code", "add_child",
                         "expand", "collapse"), is_open),
        **dict.fromkeys(("doc_memo", "doc_rename", "doc_delete", "code_hits", "coding_memo",
                         "remove_coding", "find_next", "find_prev"), has_doc),
        **dict.fromkeys(("code_with", "in_vivo", "uncode",
                         *(f"quick_{n}" for n in range(1, 10))), selected),
        "code": lambda: selected() and has_code(),
        **dict.fromkeys(("rename_code", "color", "definition", "code_memo", "merge", "assign_key",
                         "delete_code", "move_up", "move_down", "indent", "outdent"),
                        has_code),
    }
    named = {name[4:]: act for name, act in vars(window).items()
             if name.startswith("act_") and isinstance(act, QAction)}
    named.update({f"quick_{n}": act for n, act in enumerate(window.quick_actions, start=1)})
    named.update({f"focus_{n}": act for n, act in enumerate(window.act_focus, start=1)})
    for id_, act in named.items():
        reg.add(id_, act, enabled.get(id_))
    tr = window.tr
    window.recent_menu = reg.add_menu("recent", QMenu(tr("Open &recent"), window))
    window.recent_menu.setToolTipsVisible(True)
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    window.quick_menu = reg.add_menu("quick", QMenu(tr("&Quick codes"), window))
    reg.fill(window.quick_menu, [*(f"quick_{n}" for n in range(1, 10)), None,
                                 "keys_tree", "keys_recent"])


def build_menus(window: Window) -> None:
    """The menu bar and the toolbar, from ``MENUS`` and ``TOOLBAR``."""
    reg = window.registry
    menus = reg.build_menu_bar(window.menuBar(), window, MENUS)
    for id_, menu in menus.items():
        setattr(window, f"{id_}_menu", menu)
    tr = window.tr
    tb = window.addToolBar(tr("Main"))
    tb.setObjectName("mainToolBar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    reg.build_toolbar(tb, TOOLBAR)
