"""The coding window: documents, the document, the codebook, the coded segments.

Layout (left to right): the document list; the document with its coding stripes, a find
bar above and "codings here" below; the codebook tree above the coded segments of the
selected code. The overview (code frequencies, code × document matrix) and the search
results are docks at the bottom.

Every change is an undoable command run by the ``Session`` (``ui/session.py``); views
refresh from the session's signals. Every action has a menu entry, a tooltip and a
shortcut or a keyboard path; the status bar says what happened.
"""

import hashlib
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.services.codebook import count_codings
from annotator.services.export import export_workbook
from annotator.services.projects import create_demo_project, new_project
from annotator.services.templates import load_template, template_names
from annotator.services.window_ops import Hit, codings_by_ids, search_text
from annotator.settings import save_setting
from annotator.store.project import PROJECT_SUFFIX, Project
from annotator.ui import commands as cmd
from annotator.ui.codebook_view import CodebookTree, swatch
from annotator.ui.document_view import DocumentView, reading_font
from annotator.ui.exchange_menu import install_exchange
from annotator.ui.help_menu import install_help, show_about
from annotator.ui.i18n import current_language
from annotator.ui.import_dialogs import install_import
from annotator.ui.overview import OverviewPanel
from annotator.ui.panels import CodingsHere, FindBar, SearchResults
from annotator.ui.segments_view import SegmentsPanel
from annotator.ui.session import CodingChange, Session
from annotator.ui.settings_dialog import install_settings
from annotator.ui.spans import Span
from annotator.ui.welcome import WelcomePage, demo_location
from annotator.ui.workshop_menu import install_workshop

DOC_ID = Qt.ItemDataRole.UserRole
MAX_RECENT = 10
DEFAULT_FONT_SIZE = 12.0


def demo_path() -> Path:
    """Where "Open demo project" keeps its copy (``welcome.demo_location``)."""
    return demo_location()


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, *, persist: bool = True) -> None:
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.persist = persist
        self.session = Session(self)
        self._search_cache: tuple[int, str, list[Hit]] | None = None
        self._export_thread: threading.Thread | None = None
        self._pending_place: tuple[int, int | None] | None = None
        self.setWindowTitle("Annotator")
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        install_help(self)
        install_settings(self)
        install_import(self)
        install_exchange(self)
        install_workshop(self)
        self._restore_window()
        self._project_changed()

    # =====================================================================================
    # construction
    # =====================================================================================

    def _build_widgets(self) -> None:
        s = self.session
        self.documents = QListWidget()
        self.documents.setObjectName("documentList")
        self.documents.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view = DocumentView(s)
        self.view.context_menu_hook = self._fill_document_menu
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.codings_here = CodingsHere(s)
        self.codings_here.describe = self.view.describe
        self.codebook = CodebookTree(s)
        self.codebook.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.segments = SegmentsPanel(s)

        self.doc_title = QLabel()
        self.doc_title.setObjectName("documentTitle")
        self.doc_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.doc_title.font()
        font.setBold(True)
        self.doc_title.setFont(font)
        middle = QWidget()
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(0, 0, 0, 0)
        mid_layout.setSpacing(2)
        mid_layout.addWidget(self.doc_title)
        mid_layout.addWidget(self.find_bar)
        self.doc_split = QSplitter(Qt.Orientation.Vertical)
        self.doc_split.addWidget(self.view)
        self.doc_split.addWidget(self.codings_here)
        self.doc_split.setStretchFactor(0, 5)
        self.doc_split.setSizes([660, 90])
        mid_layout.addWidget(self.doc_split, 1)

        docs_box = QWidget()
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.setContentsMargins(0, 0, 0, 0)
        docs_layout.addWidget(QLabel(self.tr("Documents")))
        docs_layout.addWidget(self.documents)

        tree_box = QWidget()
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(QLabel(self.tr("Codebook")))
        tree_layout.addWidget(self.codebook)
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(tree_box)
        self.right_split.addWidget(self.segments)
        self.right_split.setSizes([380, 380])

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.setObjectName("mainSplitter")
        self.main_split.addWidget(docs_box)
        self.main_split.addWidget(middle)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(1, 3)
        self.main_split.setSizes([190, 700, 390])

        self.empty = WelcomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.main_split)
        self.setCentralWidget(self.stack)

        self.overview = OverviewPanel(s)
        self.overview_dock = QDockWidget(self.tr("Overview"), self)
        self.overview_dock.setObjectName("overviewDock")
        self.overview_dock.setWidget(self.overview)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.overview_dock)
        self.overview_dock.hide()
        self.results = SearchResults()
        self.results_dock = QDockWidget(self.tr("Search results"), self)
        self.results_dock.setObjectName("searchDock")
        self.results_dock.setWidget(self.results)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.results_dock)
        self.results_dock.hide()
        self._overview_timer = QTimer(self, singleShot=True, interval=250)
        self._overview_timer.timeout.connect(self._refresh_overview)

        self.coder_button = QToolButton()
        self.coder_button.setObjectName("coderButton")
        self.coder_button.setAutoRaise(True)
        self.doc_info = QLabel()
        self.statusBar().addPermanentWidget(self.doc_info)
        self.statusBar().addPermanentWidget(self.coder_button)

    def _act(self, text: str, slot, shortcut=None, tip: str | None = None,
             checkable: bool = False, widget: QWidget | None = None) -> QAction:
        action = QAction(text, self)
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
            self.addAction(action)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        K = QKeySequence.StandardKey
        a = self._act
        # files
        self.act_new = a(tr("&New project…"), self.new_project_dialog, K.New,
                         tr("Create a project file with a codebook template"))
        self.act_open = a(tr("&Open project…"), self.open_project_dialog, K.Open,
                          tr("Open a project file"))
        self.act_demo = a(tr("Open &demo project"), self.open_demo, None,
                          tr("Open the demo project: a paper coded with the governance codebook"))
        self.act_copy_project = a(tr("Save a &copy…"), self.save_copy, "Ctrl+Shift+S",
                                  tr("Save a consistent copy of the project file"))
        self.act_close = a(tr("&Close project"), self.close_project, K.Close,
                           tr("Close the project"))
        self.act_import = a(tr("&Import documents…"), self.import_documents, "Ctrl+Shift+I",
                            tr("Import text, Word or PDF files as documents"))
        self.act_export = a(tr("&Export to Excel…"), self.export_dialog, "Ctrl+E",
                            tr("Export segments, codebook and matrix to an Excel workbook"))
        self.act_quit = a(tr("&Quit"), self.close, K.Quit, tr("Quit Annotator"))
        # undo
        # Undo/redo keep their short names (the toolbar must not re-lay itself out on every
        # change); what they would undo is in the tooltip and the status bar.
        stack = self.session.undo_stack
        self.act_undo = a(tr("&Undo"), stack.undo, K.Undo, tr("Undo the last change"))
        self.act_redo = a(tr("&Redo"), stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"],
                          tr("Redo the change undone last"))
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: self._undo_tip(self.act_undo, text, True))
        stack.redoTextChanged.connect(lambda text: self._undo_tip(self.act_redo, text, False))
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        # find
        self.act_find = a(tr("&Find in document…"), self.open_find, K.Find,
                          tr("Find words in the document"))
        self.act_find_next = a(tr("Find &next"), lambda: self.find(self.find_bar.text()),
                               K.FindNext, tr("Go to the next hit"))
        self.act_find_prev = a(tr("Find &previous"),
                               lambda: self.find(self.find_bar.text(), backwards=True),
                               K.FindPrevious, tr("Go to the previous hit"))
        self.act_search_all = a(tr("&Search all documents…"), self.open_search_all,
                                "Ctrl+Shift+F", tr("List the hits in every document"))
        self.act_code_hits = a(tr("&Code all hits…"),
                               lambda: self.code_all_hits(self.find_bar.text(),
                                                          self.find_bar.all_docs.isChecked()),
                               None, tr("Auto-code: code every hit with the current code"))
        # documents
        self.act_doc_memo = a(tr("Document &memo…"), self.document_memo, "Ctrl+Shift+M",
                              tr("Write a memo on the document"))
        self.act_doc_rename = a(tr("&Rename document…"), self.rename_document, None,
                                tr("Rename the document"))
        self.act_doc_delete = a(tr("&Delete document…"), self.delete_document, None,
                                tr("Delete the document and its codings"))
        self.act_doc_next = a(tr("&Next document"), lambda: self.step_document(1),
                              "Ctrl+PgDown", tr("Show the next document"))
        self.act_doc_prev = a(tr("&Previous document"), lambda: self.step_document(-1),
                              "Ctrl+PgUp", tr("Show the previous document"))
        # coding
        self.act_code = a(tr("&Code with current code"), self.code_with_current,
                          "Ctrl+Return", tr("Code the selected text with the code chosen "
                                            "in the codebook (or double-click a code)"))
        self.act_code_with = a(tr("Code &with…"), self.code_with_dialog, "Ctrl+K",
                               tr("Choose a code for the selected text"))
        self.act_in_vivo = a(tr("&In-vivo code"), self.in_vivo, "Ctrl+I",
                             tr("Make a new code named from the selected words and code them"))
        self.act_uncode = a(tr("&Uncode selection…"), self.uncode_selection, "Ctrl+U",
                            tr("Remove a code of yours from the selected characters"))
        self.act_coding_memo = a(tr("Coding m&emo…"), self.coding_memo_at_cursor, "Ctrl+M",
                                 tr("Write a memo on the coding where the caret is"))
        self.act_remove_coding = a(tr("&Remove coding here"), self.remove_coding_at_cursor,
                                   "Ctrl+Shift+U",
                                   tr("Remove the coding chosen under “Codings here” "
                                      "(the one where the caret is)"))
        self.quick_actions: list[QAction] = []
        for n in range(1, 10):
            act = a(tr("Quick code {0}").format(n), lambda n=n: self.quick_code(n), str(n),
                    tr("Code the selection with code number {0} of the quick list").format(n))
            self.quick_actions.append(act)
        self.act_keys_tree = QAction(tr("Number keys: first nine codes"), self, checkable=True)
        self.act_keys_tree.setToolTip(tr("Keys 1–9 code with the first nine codes of the tree"))
        self.act_keys_recent = QAction(tr("Number keys: recent codes"), self, checkable=True)
        self.act_keys_recent.setToolTip(tr("Keys 1–9 code with the codes used most recently"))
        group = QActionGroup(self)
        for act in (self.act_keys_tree, self.act_keys_recent):
            group.addAction(act)
            act.toggled.connect(self._quick_mode_changed)
        # codebook
        tree = self.codebook
        self.act_add_code = a(tr("&Add code…"), self.add_sibling_code, "Ins",
                              tr("Add a code beside the chosen one (Insert)"), widget=tree)
        self.act_add_child = a(tr("Add c&hild code…"), self.add_child_code, "Ctrl+Ins",
                               tr("Add a code under the chosen one (Ctrl+Insert)"), widget=tree)
        self.act_rename_code = a(tr("&Rename code"), self.rename_code, "F2",
                                 tr("Rename the chosen code in place (F2)"), widget=tree)
        self.act_color = a(tr("C&olour…"), self.code_color, None,
                           tr("Choose the colour of the chosen code"))
        self.act_definition = a(tr("&Definition…"), self.code_definition, None,
                                tr("Edit the definition of the chosen code"))
        self.act_code_memo = a(tr("Code m&emo…"), self.code_memo, "Ctrl+Alt+M",
                               tr("Write a memo on the chosen code"))
        self.act_merge = a(tr("&Merge into…"), self.merge_code, None,
                           tr("Merge the chosen code into another: its codings follow"))
        self.act_delete_code = a(tr("De&lete code…"), self.delete_code, "Del",
                                 tr("Delete the chosen code with its codings (Delete)"),
                                 widget=tree)
        self.act_move_up = a(tr("Move &up"), lambda: self.move_step(-1), "Alt+Up",
                             tr("Move the chosen code up among its siblings"), widget=tree)
        self.act_move_down = a(tr("Move do&wn"), lambda: self.move_step(1), "Alt+Down",
                               tr("Move the chosen code down among its siblings"), widget=tree)
        self.act_indent = a(tr("Make &child of the code above"), self.indent_code, "Alt+Right",
                            tr("Move the chosen code under its previous sibling"), widget=tree)
        self.act_outdent = a(tr("Move &out of its parent"), self.outdent_code, "Alt+Left",
                             tr("Move the chosen code up one level"), widget=tree)
        self.act_expand = a(tr("E&xpand all"), self.codebook.expandAll, None,
                            tr("Show every code"))
        self.act_collapse = a(tr("Co&llapse all"), self.codebook.collapseAll, None,
                              tr("Show only the top-level codes"))
        # coders
        self.act_coder = a(tr("&Switch coder…"), self.switch_coder, "Ctrl+Shift+K",
                           tr("Code under another coder name"))
        self.act_others = a(tr("Show &other coders' codings"),
                            self.session.set_show_other_coders, "Ctrl+Shift+H",
                            tr("Show or hide the codings of coders other than you"),
                            checkable=True)
        self.act_others.setChecked(True)
        self.coder_button.setDefaultAction(self.act_coder)
        # view
        self.act_overview = self.overview_dock.toggleViewAction()
        self.act_overview.setText(tr("&Overview"))
        self.act_overview.setShortcut(QKeySequence("F9"))
        self.act_overview.setToolTip(tr("Code frequencies and the code × document matrix (F9)"))
        self.addAction(self.act_overview)
        self.act_results = self.results_dock.toggleViewAction()
        self.act_results.setText(tr("Search &results"))
        self.act_results.setToolTip(tr("Show the list of search hits"))
        self.act_bigger = a(tr("&Larger text"), lambda: self.set_font_size(self.font_size + 1),
                            [K.ZoomIn, "Ctrl+="], tr("Make the document text larger"))
        self.act_smaller = a(tr("&Smaller text"),
                             lambda: self.set_font_size(self.font_size - 1), K.ZoomOut,
                             tr("Make the document text smaller"))
        self.act_font_reset = a(tr("&Normal text size"),
                                lambda: self.set_font_size(DEFAULT_FONT_SIZE), "Ctrl+0",
                                tr("Reset the document text size"))
        self.act_focus = [
            a(tr("Go to documents"), self.documents.setFocus, "Ctrl+1",
              tr("Move the keyboard focus to the document list")),
            a(tr("Go to the text"), self.view.setFocus, "Ctrl+2",
              tr("Move the keyboard focus to the document text")),
            a(tr("Go to the codebook"), self.codebook.setFocus, "Ctrl+3",
              tr("Move the keyboard focus to the codebook")),
            a(tr("Go to coded segments"), self.segments.view.setFocus, "Ctrl+4",
              tr("Move the keyboard focus to the coded segments")),
        ]
        self.act_about = a(tr("&About Annotator"), self.about, None, tr("About Annotator"))

    def _undo_tip(self, action: QAction, text: str, undo: bool) -> None:
        if not text:
            tip = self.tr("Nothing to undo") if undo else self.tr("Nothing to redo")
        else:
            tip = (self.tr("Undo: {0} (Ctrl+Z)") if undo
                   else self.tr("Redo: {0} (Ctrl+Shift+Z)")).format(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def _build_menus(self) -> None:
        tr = self.tr
        bar = self.menuBar()

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

        self.recent_menu = QMenu(tr("Open &recent"), self)
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu = menu(tr("&File"), [
            self.act_new, self.act_open, self.recent_menu, self.act_demo, None,
            self.act_import, self.act_export, self.act_copy_project, None, self.act_close,
            self.act_quit])
        self.edit_menu = menu(tr("&Edit"), [
            self.act_undo, self.act_redo, None, self.act_find, self.act_find_next,
            self.act_find_prev, self.act_search_all, self.act_code_hits])
        self.document_menu = menu(tr("&Document"), [
            self.act_doc_memo, self.act_doc_rename, self.act_doc_delete, None,
            self.act_doc_next, self.act_doc_prev])
        self.quick_menu = QMenu(tr("&Quick codes"), self)
        self.quick_menu.setToolTipsVisible(True)
        for act in self.quick_actions:
            self.quick_menu.addAction(act)
        self.quick_menu.addSeparator()
        self.quick_menu.addAction(self.act_keys_tree)
        self.quick_menu.addAction(self.act_keys_recent)
        self.code_menu = menu(tr("&Code"), [
            self.act_code, self.act_code_with, self.quick_menu, self.act_in_vivo, None,
            self.act_uncode, self.act_remove_coding, self.act_coding_memo])
        self.codebook_menu = menu(tr("Code&book"), [
            self.act_add_code, self.act_add_child, self.act_rename_code, self.act_color,
            self.act_definition, self.act_code_memo, None, self.act_move_up,
            self.act_move_down, self.act_indent, self.act_outdent, self.act_merge,
            self.act_delete_code, None, self.act_expand, self.act_collapse])
        self.coders_menu = menu(tr("Co&ders"), [self.act_coder, self.act_others])
        self.view_menu = menu(tr("&View"), [
            self.act_overview, self.act_results, None, self.act_bigger, self.act_smaller,
            self.act_font_reset, None, *self.act_focus])
        self.help_menu = menu(tr("&Help"), [self.act_about])

        tb = self.addToolBar(tr("Main"))
        tb.setObjectName("mainToolBar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.act_open, None, self.act_undo, self.act_redo, None, self.act_code,
                    self.act_in_vivo, self.act_uncode, None, self.act_find, self.act_overview,
                    self.act_export):
            if act is None:
                tb.addSeparator()
            else:
                tb.addAction(act)

    def _connect(self) -> None:
        s = self.session
        s.projectChanged.connect(self._project_changed)
        s.documentsChanged.connect(self._documents_changed)
        s.codebookChanged.connect(self._codebook_changed)
        s.codingsChanged.connect(self._codings_changed)
        s.coderChanged.connect(self._coder_changed)
        s.visibilityChanged.connect(self._visibility_changed)
        s.message.connect(self.say)
        s.error.connect(self.show_error)
        self.documents.currentItemChanged.connect(self._document_selected)
        self.documents.customContextMenuRequested.connect(self._documents_menu)
        self.view.selectionSpanChanged.connect(self._selection_changed)
        self.view.cursorCodings.connect(self.codings_here.show_spans)
        self.view.codingActivated.connect(self.codings_here.select_coding)
        self.codings_here.removeRequested.connect(self.remove_codings)
        self.codings_here.memoRequested.connect(self.coding_memo)
        self.codings_here.selectRequested.connect(
            lambda span: self.view.activate_span(span))
        self.codebook.currentItemChanged.connect(self._code_selected)
        self.codebook.codeActivated.connect(self.code_selection)
        self.codebook.renameRequested.connect(
            lambda cid, name: s.execute(cmd.SetCodeValue(s, cid, "name", name)))
        self.codebook.moveRequested.connect(
            lambda cid, parent, pos: s.execute(cmd.move_code(s, cid, parent, pos)))
        self.codebook.spanDropped.connect(self._span_dropped)
        self.codebook.customContextMenuRequested.connect(self._codebook_menu)
        self.segments.segmentActivated.connect(
            lambda seg: self.show_span(seg.document_id, seg.start, seg.end))
        self.find_bar.findRequested.connect(self.find)
        self.find_bar.searchAllRequested.connect(self.search_all)
        self.find_bar.codeAllRequested.connect(self.code_all_hits)
        self.results.hitActivated.connect(
            lambda h: self.show_span(h.document_id, h.start, h.end))
        self.empty.demo_button.clicked.connect(self.open_demo)
        self.empty.new_button.clicked.connect(self.new_project_dialog)
        self.empty.open_button.clicked.connect(self.open_project_dialog)
        self.overview_dock.visibilityChanged.connect(
            lambda visible: visible and self._overview_timer.start())

    # =====================================================================================
    # messages
    # =====================================================================================

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        QMessageBox.warning(self, self.tr("Annotator"), message)

    # =====================================================================================
    # projects
    # =====================================================================================

    def open_project(self, project: Project, document: str | None = None) -> None:
        """Show an open project (the caller opened it); the window now owns it."""
        self._save_project_state()
        self.session.open(project)
        self._remember_recent(project.path)
        self._restore_project_state(document)

    def open_path(self, path: Path | str) -> bool:
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            self.show_error(str(exc))
            return False
        self.open_project(project)
        self.say(self.tr("Opened {0}").format(project.path))
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), self._start_folder(),
            self.tr("Annotator projects (*{0});;All files (*)").format(PROJECT_SUFFIX))
        if path:
            self.open_path(path)

    def new_project_dialog(self) -> None:
        names = template_names()
        labels = []
        for name in names:
            try:
                title = load_template(name).title
            except AnnotatorError:
                title = {}
            lang = current_language()
            labels.append(f"{name}: {title.get(lang) or title.get('en') or name}")
        default = names.index("governance") if "governance" in names else 0
        label, ok = QInputDialog.getItem(
            self, self.tr("New project"), self.tr("Codebook to start with:"), labels,
            default, False)
        if not ok:
            return
        template = names[labels.index(label)] if label in labels else names[default]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), self._start_folder(),
            self.tr("Annotator projects (*{0})").format(PROJECT_SUFFIX))
        if not path:
            return
        path = Path(path)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        try:
            project = new_project(path, template)
        except AnnotatorError as exc:
            self.show_error(str(exc))
            return
        self.open_project(project)
        self.say(self.tr("Created {0} with the {1} codebook").format(path, template))

    def open_demo(self) -> None:
        path = demo_path()
        if not path.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                create_demo_project(path).close()
            except (AnnotatorError, OSError) as exc:
                self.show_error(str(exc))
                return
        self.open_path(path)

    def close_project(self) -> None:
        self._save_project_state()
        self.session.close()

    def save_copy(self) -> None:
        p = self.session.project
        if p is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), str(p.path.with_name(p.path.stem + "-copy"
                                                               + PROJECT_SUFFIX)),
            self.tr("Annotator projects (*{0})").format(PROJECT_SUFFIX))
        if path:
            done = self.session.call(p.save_copy, path)
            if done is not None:
                self.say(self.tr("Saved a copy as {0}").format(path))

    def import_documents(self) -> None:
        if self.session.project is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), self._start_folder(),
            self.tr("Documents (*.txt *.md *.docx *.pdf *.odt *.html *.htm);;All files (*)"))
        if paths:
            command = cmd.ImportFiles(self.session, [Path(p) for p in paths])
            if self.session.execute(command) and command.summary and command.summary.refused:
                QMessageBox.information(self, self.tr("Import"), "\n".join(
                    f"{f}: {why}" for f, why in command.summary.refused))

    def _start_folder(self) -> str:
        recent = self.recent_projects()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # -- recent projects -----------------------------------------------------------------

    def recent_projects(self) -> list[str]:
        value = self.settings.value("recentProjects", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember_recent(self, path: Path) -> None:
        if not self.persist:
            return
        path_s = str(Path(path).resolve())
        recent = [p for p in self.recent_projects() if p != path_s]
        self.settings.setValue("recentProjects", [path_s, *recent][:MAX_RECENT])
        self.settings.setValue("lastProject", path_s)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.recent_projects() if Path(p).exists()]
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
        for n, path in enumerate(recent, start=1):
            act = self.recent_menu.addAction(f"&{n % 10}  {Path(path).name}")
            act.setToolTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.open_path(p))

    # -- where the user was --------------------------------------------------------------

    def _state_key(self) -> str | None:
        p = self.session.project
        if p is None:
            return None
        digest = hashlib.sha1(str(Path(p.path).resolve()).encode()).hexdigest()[:16]
        return f"projects/{digest}"

    def _save_project_state(self) -> None:
        key = self._state_key()
        if key is None or not self.persist:
            return
        doc = self.current_document()
        info = self.session.document(doc) if doc is not None else None
        self.settings.setValue(f"{key}/document", info.name if info else "")
        self.settings.setValue(f"{key}/position", self.view.caret_position() if info else 0)
        self.settings.setValue(f"{key}/scroll", self.view.verticalScrollBar().value())
        code = self.codebook.current_code()
        self.settings.setValue(f"{key}/code", code if code is not None else -1)

    def _restore_project_state(self, document: str | None) -> None:
        key = self._state_key()
        name = document or (self.settings.value(f"{key}/document", "") if key else "")
        target = None
        for i in range(self.documents.count()):
            if self.documents.item(i).text() == name:
                target = i
        fresh = target is None or document is not None
        if self.documents.count():
            self.documents.setCurrentRow(target if target is not None else 0)
        code = int(self.settings.value(f"{key}/code", -1) or -1) if key else -1
        if code not in self.session.codes and self.session.code_order:
            # first time: the code used most, its segments listed and the first one shown
            order = self.session.code_order
            code = max(order, key=lambda c: (self.session.counts.get(c, 0), -order.index(c)))
        self.codebook.select_code(code if code in self.session.codes else None)
        if self.view.doc_id is None:
            return
        if fresh:  # no remembered place: start at a coded passage of that code, if any
            spans = list(self.view.index)
            first = min((s for s in spans if s.code_id == code), default=None,
                        key=lambda s: s.start) or min(spans, default=None,
                                                      key=lambda s: s.start)
            place = (self.view.map.to_codepoint(first.start) if first else 0, None)
        else:
            place = (int(self.settings.value(f"{key}/position", 0) or 0),
                     int(self.settings.value(f"{key}/scroll", 0) or 0))
        self._pending_place = place
        if self.isVisible():
            self._go_to_place()

    def _go_to_place(self) -> None:
        """Scroll to where the user was (needs the view's real size, so after show)."""
        place, self._pending_place = self._pending_place, None
        if place is None or self.view.doc_id is None:
            return
        pos, scroll = place
        self.view.go_to(pos)
        bar = self.view.verticalScrollBar()
        if scroll is None:  # the first coded passage: a few lines below the top
            cursor_top = self.view.cursorRect().top()
            line = max(1, self.view.fontMetrics().lineSpacing())
            bar.setValue(bar.value() + max(0, cursor_top // line - 3))
        else:
            bar.setValue(scroll)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending_place is not None:
            QTimer.singleShot(0, self._go_to_place)

    # =====================================================================================
    # reacting to the session
    # =====================================================================================

    def _project_changed(self) -> None:
        s = self.session
        self._search_cache = None
        self.stack.setCurrentIndex(1 if s.is_open else 0)
        self.setWindowTitle(f"{s.project.name} — Annotator" if s.is_open else "Annotator")
        self.codebook.rebuild()
        self._documents_changed()
        self._coder_changed()
        self._update_quick_codes()
        if not s.is_open:
            self.view.load(None)
            self.segments.show_code(None)
            self.codings_here.show_spans([])
            self.overview.refresh()
        self._update_actions()
        self._fill_empty_recent()

    def _documents_changed(self) -> None:
        current = self.current_document()
        self.documents.blockSignals(True)
        self.documents.clear()
        row = None
        for i, d in enumerate(self.session.documents):
            item = QListWidgetItem(d.name)
            item.setData(DOC_ID, d.id)
            tip = [d.name, self.tr("{0} characters").format(d.length)]
            if d.source_name:
                tip.append(self.tr("from {0}").format(d.source_name))
            if d.memo:
                tip.append(self.tr("Memo: {0}").format(d.memo))
            item.setToolTip("\n".join(tip))
            self.documents.addItem(item)
            if d.id == current:
                row = i
        self.documents.blockSignals(False)
        if row is not None:
            self.documents.blockSignals(True)
            self.documents.setCurrentRow(row)
            self.documents.blockSignals(False)
            self._show_title()
        elif self.documents.count():
            self.documents.setCurrentRow(0)
        else:
            self.view.load(None)
            self._show_title()
        self._overview_dirty()

    def _codebook_changed(self) -> None:
        self.codebook.rebuild()
        self.view.restyle()
        self._update_quick_codes()
        if self.segments.code_id not in self.session.codes:
            self.segments.show_code(self.codebook.current_code())
        else:
            self.segments.reload()
        self.codings_here.show_spans(self.view.spans_at_cursor())
        self._overview_dirty()

    def _codings_changed(self, change: CodingChange) -> None:
        self.view.apply_change(change)
        if change.reset:
            self.codebook.rebuild()
        else:
            self.codebook.update_counts({c.code_id for c in (*change.added, *change.removed)})
        self.segments.apply_change(change)
        self._update_quick_codes()
        self._overview_dirty()
        self._show_doc_info()

    def _coder_changed(self) -> None:
        coder = self.session.coder
        name = coder.name if coder else "—"
        self.act_coder.setText(self.tr("Coder: {0}").format(name))
        self.coder_button.setText(self.tr("Coder: {0}").format(name))
        self.coder_button.setToolTip(self.tr("The current coder; click to switch"))

    def _visibility_changed(self) -> None:
        self.act_others.blockSignals(True)
        self.act_others.setChecked(self.session.show_other_coders)
        self.act_others.blockSignals(False)
        self.view.restyle()
        self.segments.reload()
        self.codings_here.show_spans(self.view.spans_at_cursor())
        self._overview_dirty()
        self.say(self.tr("Showing everyone's codings") if self.session.show_other_coders
                 else self.tr("Showing only your codings"))

    def _overview_dirty(self) -> None:
        if self.overview_dock.isVisible():
            self._overview_timer.start()

    def _refresh_overview(self) -> None:
        self.overview.refresh()

    def _update_actions(self) -> None:
        is_open = self.session.is_open
        has_doc = self.view.doc_id is not None
        selected = self.view.selection_span() is not None
        has_code = self.codebook.current_code() is not None
        for act in (self.act_copy_project, self.act_close, self.act_import, self.act_export,
                    self.act_overview, self.act_results,
                    self.act_find, self.act_search_all, self.act_coder, self.act_others,
                    self.act_add_code, self.act_add_child, self.act_expand, self.act_collapse):
            act.setEnabled(is_open)
        for act in (self.act_doc_memo, self.act_doc_rename, self.act_doc_delete,
                    self.act_code_hits, self.act_coding_memo, self.act_remove_coding,
                    self.act_find_next,
                    self.act_find_prev):
            act.setEnabled(is_open and has_doc)
        for act in (self.act_code_with, self.act_in_vivo, self.act_uncode, *self.quick_actions):
            act.setEnabled(is_open and selected)
        self.act_code.setEnabled(is_open and selected and has_code)
        for act in (self.act_rename_code, self.act_color, self.act_definition,
                    self.act_code_memo, self.act_merge, self.act_delete_code, self.act_move_up,
                    self.act_move_down, self.act_indent, self.act_outdent):
            act.setEnabled(is_open and has_code)

    def _fill_empty_recent(self) -> None:
        box = self.empty.recent_box
        while box.count():
            w = box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        recent = [p for p in self.recent_projects() if Path(p).exists()][:5]
        if recent:
            box.addWidget(QLabel(self.tr("Recent projects:")), 0, Qt.AlignmentFlag.AlignHCenter)
        for path in recent:
            button = QToolButton(text=Path(path).name)
            button.setToolTip(path)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, p=path: self.open_path(p))
            box.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)

    # =====================================================================================
    # documents
    # =====================================================================================

    def current_document(self) -> int | None:
        item = self.documents.currentItem()
        return None if item is None else item.data(DOC_ID)

    def _document_selected(self, item: QListWidgetItem | None, _prev=None) -> None:
        doc_id = None if item is None else item.data(DOC_ID)
        if doc_id != self.view.doc_id:
            self.view.load(doc_id)
            self._search_cache = None
        self._show_title()
        self.codings_here.show_spans([])
        self._update_actions()

    def _show_title(self) -> None:
        info = self.session.document(self.view.doc_id) if self.view.doc_id else None
        self.doc_title.setText(info.name if info else "")
        self._show_doc_info()

    def _show_doc_info(self) -> None:
        info = self.session.document(self.view.doc_id) if self.view.doc_id else None
        if info is None:
            self.doc_info.setText("")
            return
        self.doc_info.setText(self.tr("{0} characters, {1} codings").format(
            info.length, len(self.view.index)))

    def select_document(self, doc_id: int) -> None:
        for i in range(self.documents.count()):
            if self.documents.item(i).data(DOC_ID) == doc_id:
                self.documents.setCurrentRow(i)
                return

    def show_span(self, doc_id: int, start: int, end: int) -> None:
        """Open a document at a place with the span selected (code-and-retrieve)."""
        if self.view.doc_id != doc_id:
            self.select_document(doc_id)
        if self.view.doc_id == doc_id:
            self.view.select_span(start, end)
            self.view.setFocus()

    def step_document(self, step: int) -> None:
        n = self.documents.count()
        if n:
            self.documents.setCurrentRow((self.documents.currentRow() + step) % n)

    def _documents_menu(self, pos) -> None:
        item = self.documents.itemAt(pos)
        if item is not None:
            self.documents.setCurrentItem(item)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        for act in (self.act_doc_memo, self.act_doc_rename, self.act_doc_delete, None,
                    self.act_import):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.exec(self.documents.viewport().mapToGlobal(pos))

    def document_memo(self) -> None:
        doc_id = self.current_document()
        info = self.session.document(doc_id) if doc_id is not None else None
        if info is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Document memo"), self.tr("Memo on {0}:").format(info.name), info.memo)
        if ok and text != info.memo:
            self.session.execute(cmd.DocumentValue(self.session, info.id, "memo", text))

    def rename_document(self) -> None:
        doc_id = self.current_document()
        info = self.session.document(doc_id) if doc_id is not None else None
        if info is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename document"),
                                        self.tr("New name:"), text=info.name)
        if ok and name.strip() and name.strip() != info.name:
            self.session.execute(cmd.DocumentValue(self.session, info.id, "name", name))

    def delete_document(self) -> None:
        doc_id = self.current_document()
        info = self.session.document(doc_id) if doc_id is not None else None
        if info is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete document"),
            self.tr("Delete the document “{0}” and its {1} codings? You can undo this.")
            .format(info.name, len(self.view.index)))
        if answer == QMessageBox.StandardButton.Yes:
            self.session.execute(cmd.DeleteDocument(self.session, info.id))

    # =====================================================================================
    # coding
    # =====================================================================================

    def _selection_changed(self) -> None:
        self._update_actions()
        span = self.view.selection_span()
        if span is not None:
            self.statusBar().showMessage(
                self.tr("{0} characters selected").format(span[1] - span[0]), 4000)

    def _need_selection(self) -> tuple[int, int, int] | None:
        span = self.view.selection_span()
        if span is None or self.view.doc_id is None:
            self.say(self.tr("Select some text in the document first"))
            return None
        return self.view.doc_id, span[0], span[1]

    def code_selection(self, code_id: int) -> bool:
        """Code the selected text with a code (double-click, Enter, number key, menu)."""
        target = self._need_selection()
        if target is None or code_id not in self.session.codes:
            return False
        doc_id, start, end = target
        return self.session.execute(cmd.CodeSpan(self.session, doc_id, start, end, code_id))

    def code_with_current(self) -> None:
        code = self.codebook.current_code()
        if code is None:
            self.say(self.tr("Choose a code in the codebook first"))
            return
        self.code_selection(code)

    def _choose_code(self, title: str, label: str, code_ids: list[int] | None = None,
                     current: int | None = None) -> int | None:
        ids = code_ids if code_ids is not None else list(self.session.code_order)
        if not ids:
            self.say(self.tr("The codebook is empty: add a code first"))
            return None
        paths = [self.session.code_path(c) for c in ids]
        index = ids.index(current) if current in ids else 0
        path, ok = QInputDialog.getItem(self, title, label, paths, index, False)
        if not ok or path not in paths:
            return None
        return ids[paths.index(path)]

    def code_with_dialog(self) -> None:
        if self._need_selection() is None:
            return
        recent = [c for c in self.session.recent_codes if c in self.session.codes]
        ids = recent + [c for c in self.session.code_order if c not in recent]
        code = self._choose_code(self.tr("Code with"), self.tr("Code:"), ids,
                                 self.codebook.current_code())
        if code is not None:
            self.code_selection(code)

    def quick_code(self, n: int) -> None:
        codes = self.session.quick_codes(self._quick_mode())
        if n - 1 < len(codes):
            self.code_selection(codes[n - 1])

    def _quick_mode(self) -> str:
        return "recent" if self.act_keys_recent.isChecked() else "tree"

    def _quick_mode_changed(self, _checked: bool = False) -> None:
        if self.persist:
            self.settings.setValue("view/quickKeys", self._quick_mode())
        self._update_quick_codes()

    def _update_quick_codes(self) -> None:
        codes = self.session.quick_codes(self._quick_mode())
        self.codebook.set_quick_codes(codes)
        for n, act in enumerate(self.quick_actions, start=1):
            if n - 1 < len(codes):
                path = self.session.code_path(codes[n - 1])
                act.setText(self.tr("{0}  {1}").format(n, path))
                act.setVisible(True)
            else:
                act.setText(self.tr("Quick code {0}").format(n))
                act.setVisible(False)

    def in_vivo(self) -> None:
        target = self._need_selection()
        if target is not None:
            self.session.execute(cmd.InVivo(self.session, *target))

    def _my_codes_in_selection(self) -> list[int]:
        span = self.view.selection_span()
        if span is None or self.session.coder is None:
            return []
        a, b = self.view.map.to_utf16(span[0]), self.view.map.to_utf16(span[1])
        mine = {s.code_id for s in self.view.index.overlapping(a, b)
                if s.coder_id == self.session.coder.id}
        return [c for c in self.session.code_order if c in mine]

    def uncode_selection(self, code_id: int | None = None) -> None:
        target = self._need_selection()
        if target is None:
            return
        codes = self._my_codes_in_selection()
        if code_id is None:
            if not codes:
                self.say(self.tr("Nothing in the selection is coded by you"))
                return
            current = self.codebook.current_code()
            if current in codes:
                code_id = current
            elif len(codes) == 1:
                code_id = codes[0]
            else:
                code_id = self._choose_code(self.tr("Uncode"), self.tr("Remove which code?"),
                                            codes)
                if code_id is None:
                    return
        self.session.execute(cmd.UncodeSpan(self.session, *target, code_id))

    def _span_dropped(self, code_id: int, doc_id: int, start: int, end: int) -> None:
        if doc_id == self.view.doc_id:
            self.session.execute(cmd.CodeSpan(self.session, doc_id, start, end, code_id))

    def remove_codings(self, coding_ids: list[int]) -> None:
        infos = self.session.call(codings_by_ids, self.session.project, coding_ids)
        if infos:
            self.session.execute(cmd.RemoveCodings(self.session, infos))

    def coding_memo(self, coding_id: int) -> None:
        found = self.session.call(codings_by_ids, self.session.project, [coding_id])
        if not found:
            return
        info = found[0]
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Coding memo"),
            self.tr("Memo on this coding with {0}:").format(self.session.code_path(info.code_id)),
            info.memo)
        if ok and text != info.memo:
            self.session.execute(cmd.CodingMemo(self.session, info, text))

    def remove_coding_at_cursor(self) -> None:
        span = self.codings_here.current_span()
        if span is None:
            spans = self.view.spans_at_cursor()
            span = spans[0] if len(spans) == 1 else None
        if span is None:
            self.say(self.tr("Click inside a coded passage and choose a coding first"))
            return
        self.remove_codings([span.coding_id])

    def coding_memo_at_cursor(self) -> None:
        span = self.codings_here.current_span()
        if span is None:
            spans = self.view.spans_at_cursor()
            span = spans[0] if spans else None
        if span is None:
            self.say(self.tr("Click inside a coded passage first"))
            return
        self.coding_memo(span.coding_id)

    def _fill_document_menu(self, menu: QMenu, spans: list[Span]) -> None:
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        selected = self.view.selection_span() is not None
        current = self.codebook.current_code()
        if selected:
            if current is not None:
                act = menu.addAction(self.tr("Code with {0}").format(
                    self.session.code_path(current)))
                act.triggered.connect(lambda _c=False, c=current: self.code_selection(c))
            sub = menu.addMenu(self.tr("Code with"))
            recent = [c for c in self.session.recent_codes if c in self.session.codes]
            for cid in recent:
                act = sub.addAction(swatch(self.session.code_color(cid)),
                                    self.session.code_path(cid))
                act.triggered.connect(lambda _c=False, c=cid: self.code_selection(c))
            if recent:
                sub.addSeparator()
            for cid in self.session.code_order:
                act = sub.addAction(swatch(self.session.code_color(cid)),
                                    self.session.code_path(cid))
                act.triggered.connect(lambda _c=False, c=cid: self.code_selection(c))
            menu.addAction(self.act_in_vivo)
            mine = self._my_codes_in_selection()
            if mine:
                sub = menu.addMenu(self.tr("Uncode"))
                for cid in mine:
                    act = sub.addAction(swatch(self.session.code_color(cid)),
                                        self.session.code_path(cid))
                    act.triggered.connect(lambda _c=False, c=cid: self.uncode_selection(c))
        if spans:
            menu.addSeparator()
            for s in spans:
                label = self.tr("Remove {0} ({1})").format(
                    self.session.code_path(s.code_id), self.session.coder_name(s.coder_id))
                act = menu.addAction(swatch(self.session.code_color(s.code_id)), label)
                act.triggered.connect(lambda _c=False, i=s.coding_id: self.remove_codings([i]))
            for s in spans:
                act = menu.addAction(self.tr("Memo on {0}…").format(
                    self.session.code_path(s.code_id)))
                act.triggered.connect(lambda _c=False, i=s.coding_id: self.coding_memo(i))
        menu.addSeparator()
        menu.addAction(self.act_doc_memo)

    # =====================================================================================
    # the codebook
    # =====================================================================================

    def _code_selected(self, *_args) -> None:
        self.segments.show_code(self.codebook.current_code())
        self._update_actions()

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def add_sibling_code(self) -> None:
        current = self.codebook.current_code()
        parent = self.session.codes[current].parent_id if current in self.session.codes else None
        name = self._ask_name(self.tr("Add code"), self.tr("Name of the new code:"))
        if name:
            self._add_code(parent, name)

    def add_child_code(self) -> None:
        parent = self.codebook.current_code()
        if parent is None:
            self.add_sibling_code()
            return
        name = self._ask_name(self.tr("Add child code"), self.tr("Name of the new code under {0}:")
                              .format(self.session.code_path(parent)))
        if name:
            self._add_code(parent, name)

    def _add_code(self, parent: int | None, name: str) -> None:
        command = cmd.AddCode(self.session, parent, name)
        if self.session.execute(command):
            if parent is not None and parent in self.codebook.items:
                self.codebook.items[parent].setExpanded(True)
            self.codebook.select_code(command.code_id)

    def rename_code(self) -> None:
        code = self.codebook.current_code()
        if code is not None:
            self.codebook.setFocus()
            self.codebook.editItem(self.codebook.items[code], 0)

    def code_color(self) -> None:
        code = self.codebook.current_code()
        if code is None:
            return
        color = QColorDialog.getColor(QColor(self.session.code_color(code)), self,
                                      self.tr("Colour of {0}").format(self.session.code_path(code)))
        if color.isValid() and color.name().upper() != self.session.code_color(code).upper():
            self.session.execute(cmd.SetCodeValue(self.session, code, "color",
                                                  color.name().upper()))

    def code_definition(self) -> None:
        code = self.codebook.current_code()
        if code is None:
            return
        old = self.session.codes[code].description
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Definition"),
            self.tr("Definition of {0} (what belongs here, what does not):").format(
                self.session.code_path(code)), old)
        if ok and text != old:
            self.session.execute(cmd.SetCodeValue(self.session, code, "description", text))

    def code_memo(self) -> None:
        code = self.codebook.current_code()
        if code is None:
            return
        old = self.session.codes[code].memo
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Code memo"),
            self.tr("Memo on {0}:").format(self.session.code_path(code)), old)
        if ok and text != old:
            self.session.execute(cmd.SetCodeValue(self.session, code, "memo", text))

    def merge_code(self) -> None:
        code = self.codebook.current_code()
        if code is None:
            return
        inside = self.session.subtree(code)
        targets = [c for c in self.session.code_order if c not in inside]
        target = self._choose_code(self.tr("Merge code"), self.tr("Merge {0} into:").format(
            self.session.code_path(code)), targets)
        if target is not None:
            self.session.execute(cmd.merge_code(self.session, code, target))

    def delete_code(self) -> None:
        code = self.codebook.current_code()
        if code is None or self.session.project is None:
            return
        n = self.session.call(count_codings, self.session.project, code)
        if n is None:
            return
        children = len(self.session.subtree(code)) - 1
        text = self.tr("Delete the code “{0}”?").format(self.session.code_path(code))
        if children:
            text += " " + self.tr("Its {0} child codes go with it.").format(children)
        text += " " + self.tr("{0} codings will be removed. You can undo this (Ctrl+Z).").format(n)
        answer = QMessageBox.question(self, self.tr("Delete code"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.session.execute(cmd.delete_code(self.session, code))

    def move_step(self, step: int) -> None:
        code = self.codebook.current_code()
        if code is None:
            return
        parent = self.session.codes[code].parent_id
        siblings = [c.id for c in self.session.children(parent)]
        i = siblings.index(code) + step
        if 0 <= i < len(siblings):
            self.session.execute(cmd.move_code(self.session, code, parent, i))
            self.codebook.select_code(code)

    def indent_code(self) -> None:
        code = self.codebook.current_code()
        if code is None:
            return
        parent = self.session.codes[code].parent_id
        siblings = [c.id for c in self.session.children(parent)]
        i = siblings.index(code)
        if i > 0:
            self.session.execute(cmd.move_code(self.session, code, siblings[i - 1], None))
            self.codebook.select_code(code)

    def outdent_code(self) -> None:
        code = self.codebook.current_code()
        if code is None or self.session.codes[code].parent_id is None:
            return
        parent = self.session.codes[code].parent_id
        grand = self.session.codes[parent].parent_id
        uncles = [c.id for c in self.session.children(grand)]
        self.session.execute(cmd.move_code(self.session, code, grand,
                                           uncles.index(parent) + 1))
        self.codebook.select_code(code)

    def _codebook_menu(self, pos) -> None:
        item = self.codebook.itemAt(pos)
        if item is not None:
            self.codebook.setCurrentItem(item)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        if self.view.selection_span() is not None and item is not None:
            menu.addAction(self.act_code)
            menu.addSeparator()
        for act in (self.act_add_code, self.act_add_child, self.act_rename_code,
                    self.act_color, self.act_definition, self.act_code_memo, None,
                    self.act_move_up, self.act_move_down, self.act_indent, self.act_outdent,
                    self.act_merge, self.act_delete_code):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.exec(self.codebook.viewport().mapToGlobal(pos))

    # =====================================================================================
    # search
    # =====================================================================================

    def open_find(self) -> None:
        self.find_bar.open_bar(self.view.selected_text()[:100])

    def open_search_all(self) -> None:
        self.find_bar.open_bar(self.view.selected_text()[:100])
        if self.find_bar.text():
            self.search_all(self.find_bar.text())

    def _hits_here(self, text: str) -> list[Hit]:
        doc = self.view.doc_id
        if doc is None or not text or self.session.project is None:
            return []
        if self._search_cache and self._search_cache[:2] == (doc, text):
            return self._search_cache[2]
        hits = self.session.call(search_text, self.session.project, text,
                                 document_ids=[doc]) or []
        self._search_cache = (doc, text, hits)
        return hits

    def find(self, text: str, backwards: bool = False) -> None:
        if not text:
            self.open_find()
            return
        hits = self._hits_here(text)
        if not hits:
            self.find_bar.count.setText(self.tr("no hits"))
            self.say(self.tr("“{0}” is not in this document").format(text))
            return
        span = self.view.selection_span()
        caret = self.view.caret_position()
        if backwards:
            before = [i for i, h in enumerate(hits) if h.start < (span[0] if span else caret)]
            i = before[-1] if before else len(hits) - 1
        else:
            start = span[0] if span else caret - 1
            after = [i for i, h in enumerate(hits) if h.start > start]
            i = after[0] if after else 0
        h = hits[i]
        self.view.select_span(h.start, h.end)
        self.find_bar.count.setText(self.tr("{0} of {1}").format(i + 1, len(hits)))

    def search_all(self, text: str) -> None:
        if not text or self.session.project is None:
            return
        hits = self.session.call(search_text, self.session.project, text)
        if hits is None:
            return
        self.results.show_hits(hits)
        self.results_dock.show()
        docs = len({h.document_id for h in hits})
        self.say(self.tr("{0} hits of “{1}” in {2} documents").format(len(hits), text, docs))

    def code_all_hits(self, text: str, all_documents: bool = False) -> None:
        if not text or self.session.project is None:
            self.say(self.tr("Type the words to find first"))
            return
        docs = None if all_documents else ([self.view.doc_id] if self.view.doc_id else [])
        hits = self.session.call(search_text, self.session.project, text, document_ids=docs)
        if not hits:
            self.say(self.tr("“{0}” is not there: nothing to code").format(text))
            return
        code = self.codebook.current_code()
        if code is None:
            code = self._choose_code(self.tr("Code all hits"), self.tr("Code {0} hits with:")
                                     .format(len(hits)))
        if code is not None:
            spans = [(h.document_id, h.start, h.end) for h in hits]
            self.session.execute(cmd.CodeSpans(self.session, spans, code))

    # =====================================================================================
    # coders, export, view
    # =====================================================================================

    def switch_coder(self) -> None:
        if self.session.project is None:
            return
        names = sorted(self.session.coders.values())
        current = self.session.coder.name if self.session.coder else ""
        name, ok = QInputDialog.getItem(
            self, self.tr("Switch coder"), self.tr("Code as (pick a name or type a new one):"),
            names, names.index(current) if current in names else 0, True)
        name = name.strip()
        if ok and name and name != current and self.session.set_coder(name):
            if self.persist:
                save_setting("coder", name)
            self.say(self.tr("You are now coding as {0}").format(name))

    def export_dialog(self) -> None:
        p = self.session.project
        if p is None or self._export_thread is not None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), str(p.path.with_suffix(".xlsx")),
            self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        progress = QProgressDialog(self.tr("Exporting to {0}…").format(out.name), "", 0, 0, self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(self.tr("Export to Excel"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        result: dict[str, object] = {}

        def work() -> None:
            try:
                export_workbook(p, out, lang=current_language())
            except AnnotatorError as exc:
                result["error"] = str(exc)
            except Exception as exc:
                result["error"] = f"{type(exc).__name__}: {exc}"

        self._export_thread = threading.Thread(target=work, name="export", daemon=True)
        self._export_thread.start()
        timer = QTimer(self, interval=50)

        def poll() -> None:
            if self._export_thread is not None and self._export_thread.is_alive():
                return
            timer.stop()
            timer.deleteLater()
            progress.close()
            progress.deleteLater()
            self._export_thread = None
            if "error" in result:
                self.show_error(str(result["error"]))
            else:
                self.say(self.tr("Exported {0}").format(out))

        timer.timeout.connect(poll)
        timer.start()

    def set_font_size(self, size: float) -> None:
        size = max(7.0, min(40.0, float(size)))
        if self.persist:
            self.settings.setValue("view/fontSize", size)
        self.font_size = size
        self.view.setFont(reading_font(size))
        self.view.restyle()
        self.say(self.tr("Text size {0} pt").format(int(size)))

    def about(self) -> None:
        show_about(self)

    # =====================================================================================
    # window state
    # =====================================================================================

    def _restore_window(self) -> None:
        st = self.settings
        geometry = st.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = st.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for name, split in (("main", self.main_split), ("right", self.right_split),
                            ("document", self.doc_split)):
            value = st.value(f"window/splitter/{name}")
            if isinstance(value, QByteArray):
                split.restoreState(value)
        self.font_size = float(st.value("view/fontSize", DEFAULT_FONT_SIZE) or DEFAULT_FONT_SIZE)
        self.view.setFont(reading_font(self.font_size))
        recent_mode = st.value("view/quickKeys", "tree") == "recent"
        (self.act_keys_recent if recent_mode else self.act_keys_tree).setChecked(True)
        self.segments.children_box.setChecked(
            str(st.value("view/segmentsWithChildren", "false")).lower() == "true")

    def save_window_state(self) -> None:
        if not self.persist:
            return
        st = self.settings
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())
        st.setValue("window/splitter/main", self.main_split.saveState())
        st.setValue("window/splitter/right", self.right_split.saveState())
        st.setValue("window/splitter/document", self.doc_split.saveState())
        st.setValue("view/segmentsWithChildren", self.segments.children_box.isChecked())
        st.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._export_thread is not None:
            self._export_thread.join()
        self._save_project_state()
        self.save_window_state()
        self.session.close()
        super().closeEvent(event)


__all__ = ["MainWindow", "demo_path"]
