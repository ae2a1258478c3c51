"""The window's actions, menus and toolbar, and which actions are enabled when.

Every command is built here once as a ``QAction`` on the window (``window.act_*``), so
the menus, the toolbar, the context menus and the shortcuts list all share it. The
action texts are written ``tr("…")`` through the window's ``tr`` (lupdate files them
under the empty context, see ``ui/i18n.py``); the other strings keep the "MainWindow"
context they had when they were written in ``MainWindow``.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from annotator.ui import coding_actions
from annotator.ui.project_lifecycle import fill_recent_menu
from annotator.ui.window_state import DEFAULT_FONT_SIZE

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def make_action(window: MainWindow, text: str, slot, shortcut=None, tip: str | None = None,
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


def build_actions(window: MainWindow) -> None:
    """Every command of the window as a QAction (``window.act_*``), with tip and keys."""
    tr = window.tr
    K = QKeySequence.StandardKey
    a = partial(make_action, window)
    # files
    window.act_new = a(tr("&New project…"), window.new_project_dialog, K.New,
                       tr("Create a project file with a codebook template"))
    window.act_open = a(tr("&Open project…"), window.open_project_dialog, K.Open,
                        tr("Open a project file"))
    window.act_demo = a(tr("Open &demo project"), window.open_demo, None,
                        tr("Open the demo project: a paper coded with the governance codebook"))
    window.act_copy_project = a(tr("Save a &copy…"), window.save_copy, "Ctrl+Shift+S",
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
    window.act_keys_tree = QAction(tr("Number keys: first nine codes"), window, checkable=True)
    window.act_keys_tree.setToolTip(tr("Keys 1–9 code with the first nine codes of the tree"))
    window.act_keys_recent = QAction(tr("Number keys: recent codes"), window, checkable=True)
    window.act_keys_recent.setToolTip(tr("Keys 1–9 code with the codes used most recently"))
    group = QActionGroup(window)
    for act in (window.act_keys_tree, window.act_keys_recent):
        group.addAction(act)
        act.toggled.connect(
            lambda checked: coding_actions.quick_mode_changed(window, checked))
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
    window.act_outdent = a(tr("Move &out of its parent"), window.outdent_code, "Alt+Left",
                           tr("Move the chosen code up one level"), widget=tree)
    window.act_expand = a(tr("E&xpand all"), window.codebook.expandAll, None,
                          tr("Show every code"))
    window.act_collapse = a(tr("Co&llapse all"), window.codebook.collapseAll, None,
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


def build_menus(window: MainWindow) -> None:
    """The menu bar and the toolbar, from the actions ``build_actions`` made."""
    tr = window.tr
    bar = window.menuBar()

    def menu(title: str, items) -> QMenu:
        m = bar.addMenu(title) if isinstance(title, str) else title
        m.setToolTipsVisible(True)
        for item in items:
            if item is None:
                m.addSeparator()
            elif isinstance(item, QMenu):
                m.addMenu(item)
            else:
                m.addAction(item)
        return m

    window.recent_menu = QMenu(tr("Open &recent"), window)
    window.recent_menu.setToolTipsVisible(True)
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    window.file_menu = menu(tr("&File"), [
        window.act_new, window.act_open, window.recent_menu, window.act_demo, None,
        window.act_import, window.act_export, window.act_copy_project, None, window.act_close,
        window.act_quit])
    window.edit_menu = menu(tr("&Edit"), [
        window.act_undo, window.act_redo, None, window.act_find, window.act_find_next,
        window.act_find_prev, window.act_search_all, window.act_code_hits])
    window.document_menu = menu(tr("&Document"), [
        window.act_doc_memo, window.act_doc_rename, window.act_doc_delete, None,
        window.act_doc_next, window.act_doc_prev])
    window.quick_menu = QMenu(tr("&Quick codes"), window)
    window.quick_menu.setToolTipsVisible(True)
    for act in window.quick_actions:
        window.quick_menu.addAction(act)
    window.quick_menu.addSeparator()
    window.quick_menu.addAction(window.act_keys_tree)
    window.quick_menu.addAction(window.act_keys_recent)
    window.code_menu = menu(tr("&Code"), [
        window.act_code, window.act_code_with, window.quick_menu, window.act_in_vivo, None,
        window.act_uncode, window.act_remove_coding, window.act_coding_memo])
    window.codebook_menu = menu(tr("Code&book"), [
        window.act_add_code, window.act_add_child, window.act_rename_code, window.act_color,
        window.act_definition, window.act_code_memo, None, window.act_move_up,
        window.act_move_down, window.act_indent, window.act_outdent, window.act_merge,
        window.act_delete_code, None, window.act_expand, window.act_collapse])
    window.coders_menu = menu(tr("Co&ders"), [window.act_coder, window.act_others])
    window.view_menu = menu(tr("&View"), [
        window.act_overview, window.act_results, None, window.act_bigger, window.act_smaller,
        window.act_font_reset, None, *window.act_focus])
    window.help_menu = menu(tr("&Help"), [window.act_about])

    tb = window.addToolBar(tr("Main"))
    tb.setObjectName("mainToolBar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for act in (window.act_open, None, window.act_undo, window.act_redo, None, window.act_code,
                window.act_in_vivo, window.act_uncode, None, window.act_find, window.act_overview,
                window.act_export):
        if act is None:
            tb.addSeparator()
        else:
            tb.addAction(act)


def update_actions(window: MainWindow) -> None:
    """Enable what makes sense now: an open project, a document, a selection, a code."""
    is_open = window.session.is_open
    has_doc = window.view.doc_id is not None
    selected = window.view.selection_span() is not None
    has_code = window.codebook.current_code() is not None
    for act in (window.act_copy_project, window.act_close, window.act_import, window.act_export,
                window.act_overview, window.act_results,
                window.act_find, window.act_search_all, window.act_coder, window.act_others,
                window.act_add_code, window.act_add_child, window.act_expand, window.act_collapse):
        act.setEnabled(is_open)
    for act in (window.act_doc_memo, window.act_doc_rename, window.act_doc_delete,
                window.act_code_hits, window.act_coding_memo, window.act_remove_coding,
                window.act_find_next,
                window.act_find_prev):
        act.setEnabled(is_open and has_doc)
    for act in (window.act_code_with, window.act_in_vivo, window.act_uncode, *window.quick_actions):
        act.setEnabled(is_open and selected)
    window.act_code.setEnabled(is_open and selected and has_code)
    for act in (window.act_rename_code, window.act_color, window.act_definition,
                window.act_code_memo, window.act_merge, window.act_delete_code, window.act_move_up,
                window.act_move_down, window.act_indent, window.act_outdent):
        act.setEnabled(is_open and has_code)
