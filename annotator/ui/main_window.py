"""The coding window: documents, the document, the codebook, the coded segments.

Layout (left to right): the document list; the document with its coding stripes, a find
bar above and "codings here" below; the codebook tree above the coded segments of the
selected code. The overview (code frequencies, code × document matrix) and the search
results are docks at the bottom.

Every change is an operation (``ui/operations``) run by the ``Session``
(``ui/session.py``): it returns one ``Changes`` record, the session applies it and emits
``changed`` once, and ``_changed`` below hands it to each panel, which updates only what
it shows. Every action is registered in the ``Registry`` (``ui/actions.py``) with its
tip, keys and enablement; the menu bar and the toolbar are built from the layout in
``window_actions``. Questions to the user go through ``self.prompts`` (``ui/prompts.py``).

``MainWindow`` is the composition root: it builds the panels, the session, one
``AppContext`` (``ui/context.py``), the controllers (``CodingController``,
``CodebookController``, ``SearchController``, ``ExportController``, and the import,
REFI-QDA, workshop, help and settings parts) and the menus, and keeps the public methods
the menus and the tests call. The older parts are function modules taking the window as
a ``Window`` protocol (``project_lifecycle``, ``window_state``, ``document_list``). Nothing
under ``ui/`` imports this module but the entry point (``tests/ui/test_structure.py``).
"""

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.services.changes import Changes
from annotator.store.project import Project
from annotator.ui import (
    document_list,
    project_lifecycle,
    window_actions,
    window_state,
)
from annotator.ui.actions import Registry
from annotator.ui.codebook_editing import CodebookController
from annotator.ui.codebook_view import CodebookTree
from annotator.ui.coding_actions import CodingController
from annotator.ui.context import AppContext
from annotator.ui.document_view import DocumentView
from annotator.ui.excel_export import ExportController
from annotator.ui.exchange_menu import install_exchange
from annotator.ui.help_menu import install_help, show_about
from annotator.ui.i18n import tidy_toolbars
from annotator.ui.import_dialogs import install_import
from annotator.ui.memo_actions import install_memos
from annotator.ui.overview import OverviewPanel
from annotator.ui.panels import CodingsHere, FindBar, SearchResults
from annotator.ui.project_lifecycle import demo_path
from annotator.ui.prompts import Prompts
from annotator.ui.segments_view import SegmentsPanel
from annotator.ui.session import Session
from annotator.ui.settings_dialog import install_settings
from annotator.ui.spans import Span
from annotator.ui.text_search import SearchController
from annotator.ui.welcome import WelcomePage
from annotator.ui.workshop_menu import install_workshop


class MainWindow(QMainWindow):
    """The coding window; see the module docstring for the layout and the helpers."""

    font_size: float

    def __init__(self, settings: QSettings | None = None, *, persist: bool = True,
                 prompts: Prompts | None = None) -> None:
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.persist = persist
        self.prompts = prompts if prompts is not None else Prompts(self)
        self.session = Session(self)
        self._pending_place: tuple[int, int | None] | None = None
        self.setWindowTitle("Annotator")
        self._build_widgets()
        self.registry = Registry()
        self.ctx = AppContext(self.session, self.settings, persist, self.prompts,
                              self.registry, self.say, self.show_error)
        self.coding = CodingController(
            self.ctx, self.view, self.codebook, self.codings_here,
            lambda text, ms: self.statusBar().showMessage(text, ms))
        self.codebook_edit = CodebookController(
            self.ctx, self.codebook, self.segments, self.view, self.coding.choose_code)
        self.search = SearchController(
            self.ctx, self.view, self.find_bar, self.results, self.results_dock,
            self.codebook, self.coding.choose_code, self.coding.coder_ready)
        self.export = ExportController(self.ctx, self)
        install_memos(self, self.ctx)
        window_actions.build_actions(self)
        window_actions.register_actions(self)
        self._connect()
        install_help(self)
        install_settings(self)
        install_import(self)
        install_exchange(self)
        install_workshop(self)
        window_actions.build_menus(self)  # every part has registered its actions
        tidy_toolbars(self)
        window_state.restore_window(self)
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
        self.codings_here.in_selection = lambda: self.view.textCursor().hasSelection()
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

    def _connect(self) -> None:
        s = self.session
        s.projectChanged.connect(self._project_changed)
        s.changed.connect(self._changed)
        s.message.connect(self.say)
        s.error.connect(self.show_error)
        self.documents.currentItemChanged.connect(
            lambda item, prev: document_list.document_selected(self, item, prev))
        self.documents.customContextMenuRequested.connect(
            lambda pos: document_list.documents_menu(self, pos))
        self.view.cursorCodings.connect(self.codings_here.show_spans)
        self.view.codingActivated.connect(self.codings_here.select_coding)
        self.codings_here.selectRequested.connect(
            lambda span: self.view.activate_span(span))
        self.codebook.codeActivated.connect(self.code_selection)
        self.segments.segmentActivated.connect(
            lambda seg: self.show_span(seg.document_id, seg.start, seg.end))
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
        self.prompts.warn(self.tr("Annotator"), message)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending_place is not None:
            QTimer.singleShot(0, self._go_to_place)

    # =====================================================================================
    # reacting to the session
    # =====================================================================================

    def _project_changed(self) -> None:
        s = self.session
        self.stack.setCurrentIndex(1 if s.is_open else 0)
        self.setWindowTitle(f"{s.project.name} — Annotator" if s.is_open else "Annotator")
        self.codebook.rebuild()
        document_list.documents_changed(self)
        self._coder_changed()
        self.coding.update_quick_codes()
        if not s.is_open:
            self.view.load(None)
            self.segments.show_code(None)
            self.codings_here.show_spans([])
            self.overview.refresh()
        self.registry.update()
        project_lifecycle.fill_empty_recent(self)

    def _changed(self, ch: Changes) -> None:
        """Each panel updates what it shows of one operation's ``Changes``."""
        if ch.reset or ch.documents:
            document_list.documents_changed(self)
        if ch.codebook:
            self.codebook.rebuild()
            self.view.restyle()
        elif ch.counts:
            self.codebook.update_counts(ch.coding_codes())
        if ch.shown:
            self.view.restyle()
        self.view.apply_change(ch)
        if ch.codebook and self.segments.code_id not in self.session.codes:
            self.segments.show_code(self.codebook.current_code())
        else:
            self.segments.apply_change(ch)
        if ch.codebook or ch.counts:
            self.coding.update_quick_codes()
        if ch.codebook or ch.shown:
            self.codings_here.show_spans(self.view.spans_at_cursor())
        if ch.counts or ch.codebook or ch.documents or ch.shown:
            self._overview_dirty()
        if ch.reset or ch.coders:
            self._coder_changed()
        if ch.shown:
            self._visibility_changed()
        document_list.show_doc_info(self)

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
        self.say(self.tr("Showing everyone's codings") if self.session.show_other_coders
                 else self.tr("Showing only your codings"))

    def _overview_dirty(self) -> None:
        if self.overview_dock.isVisible():
            self._overview_timer.start()

    def _refresh_overview(self) -> None:
        self.overview.refresh()

    # =====================================================================================
    # commands (the work is done in the helper modules)
    # =====================================================================================

    # --- projects (project_lifecycle) -----------------------------------------------

    def open_project(self, project: Project, document: str | None = None) -> None:
        project_lifecycle.open_project(self, project, document)

    def open_path(self, path: Path | str) -> bool:
        return project_lifecycle.open_path(self, path)

    def open_project_dialog(self) -> None:
        project_lifecycle.open_project_dialog(self)

    def new_project_dialog(self) -> None:
        project_lifecycle.new_project_dialog(self)

    def open_demo(self) -> None:
        project_lifecycle.open_demo(self)

    def close_project(self) -> None:
        project_lifecycle.close_project(self)

    def save_copy(self) -> None:
        project_lifecycle.save_copy(self)

    def import_documents(self) -> None:
        """File → Import documents: progress, then a summary (``import_dialogs``)."""
        self.import_ui.import_dialog()

    def recent_projects(self) -> list[str]:
        return project_lifecycle.recent_projects(self)

    def _start_folder(self) -> str:
        return project_lifecycle.start_folder(self)

    # --- window state (window_state) ------------------------------------------------

    def _go_to_place(self) -> None:
        window_state.go_to_place(self)

    def save_window_state(self) -> None:
        window_state.save_window_state(self)

    def set_font_size(self, size: float) -> None:
        window_state.set_font_size(self, size)

    # --- documents (document_list) --------------------------------------------------

    def current_document(self) -> int | None:
        return document_list.current_document(self)

    def select_document(self, doc_id: int) -> None:
        document_list.select_document(self, doc_id)

    def show_span(self, doc_id: int, start: int, end: int) -> None:
        document_list.show_span(self, doc_id, start, end)

    def step_document(self, step: int) -> None:
        document_list.step_document(self, step)

    def document_memo(self) -> None:
        self.memos.document_memo()

    def rename_document(self) -> None:
        document_list.rename_document(self)

    def delete_document(self) -> None:
        document_list.delete_document(self)

    # --- coding (coding_actions) ----------------------------------------------------

    def code_selection(self, code_id: int) -> bool:
        return self.coding.code_selection(code_id)

    def code_with_current(self) -> None:
        self.coding.code_with_current()

    def code_with_dialog(self) -> None:
        self.coding.code_with_dialog()

    def quick_code(self, n: int) -> None:
        self.coding.quick_code(n)

    def in_vivo(self) -> None:
        self.coding.in_vivo()

    def uncode_selection(self, code_id: int | None = None) -> None:
        self.coding.uncode_selection(code_id)

    def remove_codings(self, coding_ids: list[int]) -> None:
        self.coding.remove_codings(coding_ids)

    def coding_memo(self, coding_id: int) -> None:
        self.memos.coding_memo(coding_id)

    def remove_coding_at_cursor(self) -> None:
        self.coding.remove_coding_at_cursor()

    def coding_memo_at_cursor(self) -> None:
        self.memos.coding_memo_at_cursor()

    def switch_coder(self) -> None:
        self.coding.switch_coder()

    def assign_key(self) -> None:
        self.coding.assign_key()

    def _fill_document_menu(self, menu: QMenu, spans: list[Span]) -> None:
        self.coding.fill_document_menu(menu, spans)
        self.memos.fill_document_menu(menu, spans)

    # --- the codebook (codebook_editing) --------------------------------------------

    def add_sibling_code(self) -> None:
        self.codebook_edit.add_sibling_code()

    def add_child_code(self) -> None:
        self.codebook_edit.add_child_code()

    def rename_code(self) -> None:
        self.codebook_edit.rename_code()

    def code_color(self) -> None:
        self.codebook_edit.code_color()

    def code_definition(self) -> None:
        self.codebook_edit.code_definition()

    def code_memo(self) -> None:
        self.memos.code_memo()

    def merge_code(self) -> None:
        self.codebook_edit.merge_code()

    def delete_code(self) -> None:
        self.codebook_edit.delete_code()

    def move_step(self, step: int) -> None:
        self.codebook_edit.move_step(step)

    def indent_code(self) -> None:
        self.codebook_edit.indent_code()

    def outdent_code(self) -> None:
        self.codebook_edit.outdent_code()

    # --- search (text_search), export (excel_export), about -------------------------

    def open_find(self) -> None:
        self.search.open_find()

    def open_search_all(self) -> None:
        self.search.open_search_all()

    def find(self, text: str, backwards: bool = False) -> None:
        self.search.find(text, backwards)

    def search_all(self, text: str) -> None:
        self.search.search_all(text)

    def code_all_hits(self, text: str, all_documents: bool = False) -> None:
        self.search.code_all_hits(text, all_documents)

    def export_dialog(self) -> None:
        self.export.export_dialog()

    def about(self) -> None:
        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.export.wait()
        window_state.save_project_state(self)
        window_state.save_window_state(self)
        self.session.close()
        super().closeEvent(event)


__all__ = ["MainWindow", "demo_path"]
