"""The analysis part of the window: one dock with the filter, the task bar and the tabs
(coding query, co-occurrence, crosstab, document portrait, cases and attributes), and
the Analysis menu that opens each tab.

The controller owns the ``TaskRunner`` all tabs share (one analysis at a time, off the
GUI thread, with progress and cancel), fills the filter and the tabs' choices when a
project opens or its codebook, documents, cases or attributes change, and turns a
passage the user opens in any tab into the document shown at that place.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDockWidget, QTabWidget, QVBoxLayout, QWidget

from annotator.domain.intervals import union
from annotator.io import charts_svg
from annotator.messages import msg
from annotator.services.attributes import list_attributes
from annotator.services.cases import list_cases
from annotator.services.changes import Changes
from annotator.services.coding import document_spans
from annotator.services.sets import list_sets
from annotator.ui.background import TaskRunner
from annotator.ui.cases_panel import CasesPanel
from annotator.ui.chart_view import Chart, ChartView, PortraitPanel
from annotator.ui.context import AppContext
from annotator.ui.document_view import DocumentView
from annotator.ui.matrix_panels import CooccurrencePanel, CrosstabPanel
from annotator.ui.passage_list import Passage
from annotator.ui.query_panel import QueryPanel
from annotator.ui.scope_bar import ScopeBar
from annotator.ui.task_bar import TaskBar


class AnalysisController(QObject):
    """The Analysis dock and menu; ``show_span`` opens a passage in the text."""

    def __init__(self, ctx: AppContext, view: DocumentView,
                 show_span: Callable[[int, int, int], None]) -> None:
        super().__init__(ctx.window)
        self.ctx, self.view, self.show_span = ctx, view, show_span
        w, s = ctx.window, ctx.session
        self.session = s
        self.scope = ScopeBar()
        self.task_bar = TaskBar()
        self.runner = TaskRunner(self.task_bar, self)
        self.runner.failed.connect(ctx.show_error)
        self.runner.cancelled.connect(lambda: ctx.say(self.tr("Cancelled; nothing was changed")))
        self.query = QueryPanel(s, self.runner, self.scope, ctx.prompts, ctx.say)
        self.cooccurrence = CooccurrencePanel(s, self.runner, self.scope, ctx.prompts, ctx.say)
        self.crosstab = CrosstabPanel(s, self.runner, self.scope, ctx.prompts, ctx.say)
        self.portrait_chart = ChartView(ctx.prompts, ctx.say, self.cooccurrence._folder)
        self.portrait = PortraitPanel(self.portrait_chart)
        self.cases = CasesPanel(s, self.runner, ctx.prompts, ctx.say, self._selection)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analysisTabs")
        self.tabs.addTab(self.query, self.tr("Coding query"))
        self.tabs.addTab(self.cooccurrence, self.tr("Co-occurrence"))
        self.tabs.addTab(self.crosstab, self.tr("Crosstab"))
        self.tabs.addTab(self.portrait, self.tr("Document portrait"))
        self.tabs.addTab(self.cases, self.tr("Cases and attributes"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.scope)
        layout.addWidget(self.task_bar)
        layout.addWidget(self.tabs, 1)
        self.dock = QDockWidget(self.tr("Analysis"), w)
        self.dock.setObjectName("analysisDock")
        self.dock.setWidget(body)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()

        self.query.results.passageActivated.connect(self.open_passage)
        self.cooccurrence.passageOpened.connect(self.open_passage)
        self.crosstab.passageOpened.connect(self.open_passage)
        self.cases.changed.connect(self.fill_choices)
        self.portrait.draw_button.clicked.connect(self.draw_portrait)
        s.projectChanged.connect(self._project_changed)
        s.changed.connect(self._changed)
        self._register()
        self._project_changed()

    def _register(self) -> None:
        reg = self.ctx.registry
        entries = (
            ("analysis_query", self.tr("Coding &query…"),
             self.tr("Combine codes (AND, OR, NOT, near, followed by) and retrieve the "
                     "passages (Ctrl+Shift+Q)"), self.query, "Ctrl+Shift+Q"),
            ("analysis_cooccurrence", self.tr("Code &co-occurrence…"),
             self.tr("Which codes occur together: passages, documents, cases, Jaccard"),
             self.cooccurrence, None),
            ("analysis_crosstab", self.tr("Cross&tab…"),
             self.tr("Codes by the values of an attribute, or by case"), self.crosstab, None),
            ("analysis_portrait", self.tr("Document &portrait…"),
             self.tr("Where in the current document each code falls"), self.portrait, None),
            ("analysis_cases", self.tr("Cases and attri&butes…"),
             self.tr("Group documents into cases; edit and import their attributes"),
             self.cases, None),
        )
        for id_, text, tip, panel, keys in entries:
            reg.action(id_, text, lambda panel=panel: self.show_tab(panel), keys, tip,
                       enabled=self.ctx.is_open)

    # -- reacting to the project ---------------------------------------------------------

    def _project_changed(self) -> None:
        self.runner.cancel()
        for panel in (self.cooccurrence, self.crosstab):
            panel.table = None
            panel.matrix.matrix.show([], [], [])
            panel.passages.show_passages([])
        self.query.result = None
        self.query.results.show_passages([])
        self.portrait_chart.show_chart(Chart("", QImage()), "portrait")
        if not self.session.is_open:
            self.dock.hide()
        self.fill_choices()

    def _changed(self, ch: Changes) -> None:
        if ch.reset or ch.codebook or ch.documents or ch.coders:
            self.fill_choices()

    def fill_choices(self) -> None:
        """What the filter and the tabs offer: documents, cases, coders, attributes, codes."""
        s = self.session
        p = s.project
        attrs = list_attributes(p) if p is not None else []
        groups = list_sets(p) if p is not None else []
        self.scope.fill([d.name for d in s.documents],
                        [c.name for c in list_cases(p)] if p is not None else [],
                        sorted(s.coders.values()), attrs,
                        [g.name for g in groups if g.kind == "document"],
                        [g.name for g in groups if g.kind == "code"])
        self.query.fill()
        self.crosstab.fill()
        if self.dock.isVisible() and self.tabs.currentWidget() is self.cases:
            self.cases.refresh()

    # -- commands --------------------------------------------------------------------------

    def show_tab(self, panel: QWidget) -> None:
        if not self.session.is_open:
            return
        self.dock.show()
        self.dock.raise_()
        self.tabs.setCurrentWidget(panel)
        if panel is self.cases:
            self.cases.refresh()

    def _selection(self) -> tuple[int, int, int] | None:
        """The text selected in the document: what a case is coded on."""
        span = self.view.selection_span()
        if span is None or self.view.doc_id is None:
            return None
        return (self.view.doc_id, *span)

    def open_passage(self, passage: Passage) -> None:
        """Code-and-retrieve: the document at the passage, the passage selected."""
        self.show_span(passage.document_id, passage.start, passage.end)

    def draw_portrait(self) -> None:
        p, doc_id = self.session.project, self.view.doc_id
        if p is None or doc_id is None:
            self.ctx.say(self.tr("Open a document first"))
            return
        s = self.session
        info = s.document(doc_id)
        name, length = (info.name, info.length) if info else ("", 0)
        order = {c: i for i, c in enumerate(s.code_order)}
        lanes_of = {c: (s.code_path(c), s.code_color(c)) for c in s.code_order}

        def work(_progress, _cancel) -> Chart:
            spans: dict[int, list[tuple[int, int]]] = {}
            for _cid, code, _coder, start, end in document_spans(p, doc_id):
                spans.setdefault(code, []).append((start, end))
            lanes = [(*lanes_of[c], union(v)) for c, v in
                     sorted(spans.items(), key=lambda kv: order.get(kv[0], 0)) if c in lanes_of]
            return Chart.of(charts_svg.codeline(msg("Where each code falls in {document}",
                                                    document=name), length, lanes))

        self.runner.start(self.tr("Drawing {0}…").format(name), work,
                          lambda chart: self.portrait_chart.show_chart(chart, f"portrait-{name}"))



__all__ = ["AnalysisController"]
