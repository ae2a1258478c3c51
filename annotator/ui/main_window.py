"""The coding window: documents, the document, the codebook, the coded segments.

Layout (left to right): the document list; the document with its coding stripes, a find
bar above and "codings here" below; the codebook tree above the coded segments of the
selected code. The overview (code frequencies, code × document matrix), the search
results and the workshop views are docks at the bottom.

``MainWindow`` is the composition root and nothing else: it builds the panels, the
session, one ``AppContext`` (``ui/context.py``) and the controllers, each given the
context and the panels it acts on, and each registering its own actions in the
``Registry`` (``ui/actions.py``); then the menu bar and the toolbar are built from the
declarative layout in ``window_actions``. Every change is an operation
(``ui/operations``) run by the ``Session`` (``ui/session.py``): it returns one
``Changes`` record, the session applies it and emits ``changed`` once, and the parts
update from it in the order written in ``_wire`` below. Questions to the user go through
``Prompts`` (``ui/prompts.py``). Nothing under ``ui/`` imports this module but the
entry point (``tests/ui/test_structure.py``); how to add a panel or a controller is in
``ui/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.actions import Registry
from annotator.ui.prompts import Prompts
from annotator.ui.window_actions import build_frame, build_menus

if TYPE_CHECKING:
    from annotator.ui.context import AppContext


class MainWindow(QMainWindow):
    """The coding window; see the module docstring."""

    def __init__(self, settings: QSettings | None = None, *, persist: bool = True,
                 prompts: Prompts | None = None, build: bool = True) -> None:
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.persist = persist
        self.prompts = prompts if prompts is not None else Prompts(self)
        self.setWindowTitle("Annotator")
        self.registry = Registry(self)
        build_frame(self)  # the menu bar's titles and the toolbar, empty
        self.statusBar()
        self.built = False
        self._when_built: list[Callable[[], object]] = []
        if build:
            self.build()

    def build(self) -> None:
        """Everything inside the frame: the session, the panels, the controllers, the
        menus' entries, the layout as last left.

        The entry point (``ui/app.start``) shows the frame first and calls this after its
        first paint (``ui/first_paint``): these parts import the services, SQLAlchemy and
        a hundred modules, which would otherwise all load before the window appears.
        Only Qt and the light modules imported at the top of this file come before it
        (``tests/cli/test_startup_imports.py``).
        """
        from annotator.ui.context import AppContext
        from annotator.ui.i18n import tidy_toolbars
        from annotator.ui.session import Session

        self.session = Session(self)
        self._build_panels()
        self.ctx = ctx = AppContext(self, self.session, self.settings, self.persist,
                                    self.prompts, self.registry)
        self._build_controllers(ctx)
        self._wire()
        self.menus = build_menus(self, self.registry)  # every controller has registered
        tidy_toolbars(self)
        self.state.restore_window()
        self.session.projectChanged.emit()  # every part shows "no project" (or the project)
        self.built = True
        waiting, self._when_built = self._when_built, []
        for then in waiting:
            then()

    def when_built(self, then: Callable[[], object]) -> None:
        """Call ``then`` once the window is built: now, if it is."""
        if self.built:
            then()
        else:
            self._when_built.append(then)

    def _build_panels(self) -> None:
        from annotator.ui.codebook_view import CodebookTree
        from annotator.ui.document_view import DocumentView
        from annotator.ui.panels import CodingsHere, FindBar, SearchResults
        from annotator.ui.segments_view import SegmentsPanel
        from annotator.ui.team_banner import TeamBanner
        from annotator.ui.welcome import WelcomePage

        s = self.session
        self.documents = QListWidget()
        self.documents.setObjectName("documentList")
        self.documents.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view = DocumentView(s)
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
        self.doc_split = _splitter(Qt.Orientation.Vertical, [self.view, self.codings_here],
                                   [660, 90])
        self.doc_split.setStretchFactor(0, 5)
        middle = _column([self.doc_title, self.find_bar, self.doc_split], spacing=2)
        self.right_split = _splitter(Qt.Orientation.Vertical, [
            _column([QLabel(self.tr("Codebook")), self.codebook]), self.segments], [380, 380])
        self.main_split = _splitter(Qt.Orientation.Horizontal, [
            _column([QLabel(self.tr("Documents")), self.documents]), middle, self.right_split],
            [190, 700, 390])
        self.main_split.setObjectName("mainSplitter")
        self.main_split.setStretchFactor(1, 3)

        self.empty = WelcomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.main_split)
        self.team_banner = TeamBanner()
        self.setCentralWidget(_column([self.team_banner, self.stack], spacing=0))

        self.results = SearchResults()

        self.coder_button = QToolButton()
        self.coder_button.setObjectName("coderButton")
        self.coder_button.setAutoRaise(True)
        self.doc_info = QLabel()
        self.statusBar().addPermanentWidget(self.doc_info)
        self.statusBar().addPermanentWidget(self.coder_button)

    def _build_controllers(self, ctx: AppContext) -> None:
        """The controllers, in the order their actions are registered."""
        from annotator.ui.analysis_controller import AnalysisController
        from annotator.ui.blind_coding import BlindController
        from annotator.ui.codebook_editing import CodebookController
        from annotator.ui.coding_actions import CodingController
        from annotator.ui.document_list import DocumentsController
        from annotator.ui.excel_export import ExportController
        from annotator.ui.exchange_menu import ExchangeUI
        from annotator.ui.help_menu import HelpController
        from annotator.ui.import_dialogs import ImportUI
        from annotator.ui.memo_actions import MemoController
        from annotator.ui.overview import OverviewController
        from annotator.ui.project_lifecycle import ProjectController
        from annotator.ui.repair_actions import RepairController
        from annotator.ui.settings_dialog import SettingsController, open_settings
        from annotator.ui.team_feed import TeamFeed
        from annotator.ui.text_search import SearchController
        from annotator.ui.window_state import WindowState
        from annotator.ui.words_controller import WordsController
        from annotator.ui.workshop_menu import WorkshopUI

        self.help = HelpController(ctx)
        self.docs = DocumentsController(ctx, self.documents, self.view, self.codings_here,
                                        self.doc_title, self.doc_info)
        self.state = WindowState(ctx, self.docs, self.view, self.codebook, self.segments, {
            "main": self.main_split, "right": self.right_split, "document": self.doc_split})
        self.projects = ProjectController(ctx, self.state, self.empty)
        self.team = TeamFeed(ctx, self.team_banner)  # other members' changes, the server
        self.coding = CodingController(ctx, self.view, self.codebook, self.codings_here,
                                       self.coder_button)
        self.codebook_edit = CodebookController(
            ctx, self.codebook, self.segments, self.view, self.coding.choose_code)
        self.overview = OverviewController(ctx)  # its dock first, then the search results
        self.search = SearchController(ctx, self.view, self.find_bar, self.results,
                                       self.docs.show_span)
        self.text_analysis = WordsController(  # the concordance and word frequencies
            ctx, self, self.find_bar, lambda: self.view.doc_id, self.docs.show_span,
            self.codebook.current_code, self.coding.coder_ready)
        self.export = ExportController(ctx)
        self.repair = RepairController(ctx, self.projects.open_path, self.projects.start_folder)
        self.settings_ui = SettingsController(ctx, lambda: open_settings(self))
        self.import_ui = ImportUI(ctx, self.docs, self.projects.start_folder)
        self.exchange_ui = ExchangeUI(ctx, self.projects)
        self.workshop_ui = WorkshopUI(ctx, self.docs.show_span)
        self.blind = BlindController(ctx)
        self.analysis = AnalysisController(ctx, self.view, self.docs.show_span)
        self.memos = MemoController(ctx, self.view, self.codebook, self.codings_here,
                                    self.docs.show_span, self.docs.select_document)

    def _wire(self) -> None:
        """What the window itself shows of the session, and the order in which the parts
        update from one ``Changes`` (the list before the panel that reads it)."""
        s = self.session
        s.projectChanged.connect(self._project_changed)
        s.message.connect(self.ctx.say)
        s.error.connect(self.ctx.show_error)
        self.segments.segmentActivated.connect(
            lambda seg: self.docs.show_span(seg.document_id, seg.start, seg.end))
        for apply in (self.docs.apply_change, self.codebook_edit.apply_change,
                      self.view.apply_change, self.codebook_edit.update_segments,
                      self.coding.apply_change, self.overview.apply_change,
                      self.docs.show_doc_info):
            s.changed.connect(apply)

    def _project_changed(self) -> None:
        s = self.session
        self.stack.setCurrentIndex(1 if s.is_open else 0)
        self.setWindowTitle(f"{s.project.name} — Annotator" if s.is_open else "Annotator")
        self.docs.documents_changed()
        if not s.is_open:
            self.view.load(None)
        self.registry.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.built and self.state.pending_place is not None:
            QTimer.singleShot(0, self.state.go_to_place)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.built:  # closed before it was built: nothing to save
            self._when_built.clear()
            super().closeEvent(event)
            return
        self.export.wait()
        self.repair.wait()
        self.state.save_project_state()
        self.state.save_window_state()
        self.session.close()
        super().closeEvent(event)


def _splitter(orientation: Qt.Orientation, widgets: list[QWidget], sizes: list[int]
              ) -> QSplitter:
    split = QSplitter(orientation)
    for w in widgets:
        split.addWidget(w)
    split.setSizes(sizes)
    return split


def _column(widgets: list[QWidget], spacing: int | None = None) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if spacing is not None:
        layout.setSpacing(spacing)
    for i, w in enumerate(widgets):
        layout.addWidget(w, 1 if i == len(widgets) - 1 and isinstance(w, QSplitter) else 0)
    return box


__all__ = ["MainWindow"]
