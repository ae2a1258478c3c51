"""The coding-query tab: combine two codes, run over the scope, retrieve the passages.

A query is a code alone or ``A AND / OR / NOT / NEAR / FOLLOWED BY B`` (near and
followed-by within N characters, the same sentence or the same paragraph), run by
``services/queries`` in the analysis thread over the ``ScopeBar``'s filter. The result
is a list of passages; a click opens the document there. It can be saved as a new code
(every passage coded, one step), kept as a named query that the project re-runs (the
codes remembered by GUID, so a renamed code still works and a deleted one is named), or
written to an Excel sheet with the filters above it.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.query import Reach
from annotator.services.queries import (
    QueryResult,
    QuerySpec,
    run_query,
    run_saved,
    save_query,
    saved_queries,
)
from annotator.ui.background import TaskRunner
from annotator.ui.operations.query import SaveQueryAsCode
from annotator.ui.passage_list import Passage, PassageList
from annotator.ui.project_place import project_folder
from annotator.ui.prompts import Prompts, attempt
from annotator.ui.scope_bar import ScopeBar
from annotator.ui.session import Session


class QueryPanel(QWidget):
    def __init__(self, session: Session, runner: TaskRunner, scope: ScopeBar,
                 prompts: Prompts, say: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queryPanel")
        self.session, self.runner, self.scope, self.prompts, self.say = (
            session, runner, scope, prompts, say)
        self.result: QueryResult | None = None
        self.code_a = QComboBox()
        self.code_a.setObjectName("queryCodeA")
        self.op = QComboBox()
        self.op.setObjectName("queryOperator")
        for label, op in ((self.tr("alone"), None), (self.tr("AND (overlap)"), "and"),
                          (self.tr("OR"), "or"), (self.tr("NOT"), "not"),
                          (self.tr("NEAR"), "near"), (self.tr("FOLLOWED BY"), "followed_by")):
            self.op.addItem(label, op)
        self.code_b = QComboBox()
        self.code_b.setObjectName("queryCodeB")
        self.reach = QComboBox()
        self.reach.setObjectName("queryReach")
        for label, scope in ((self.tr("within characters"), "chars"),
                             (self.tr("in the same sentence"), "sentence"),
                             (self.tr("in the same paragraph"), "paragraph")):
            self.reach.addItem(label, scope)
        self.within = QSpinBox()
        self.within.setObjectName("queryWithin")
        self.within.setRange(0, 1_000_000)
        self.within.setValue(50)
        self.within.setToolTip(self.tr("Largest gap between the two passages, in characters"))
        self.run_button = QPushButton(self.tr("&Run query"))
        self.run_button.setObjectName("queryRun")
        row = QHBoxLayout()
        for w in (QLabel(self.tr("Code")), self.code_a, self.op, self.code_b, self.reach,
                  self.within, self.run_button):
            row.addWidget(w)
        row.addStretch(1)
        self.saved = QComboBox()
        self.saved.setObjectName("savedQueries")
        self.run_saved_button = QPushButton(self.tr("Run saved"))
        self.run_saved_button.setObjectName("runSavedQuery")
        self.save_query_button = QPushButton(self.tr("Save query…"))
        self.save_query_button.setObjectName("saveQuery")
        self.save_code_button = QPushButton(self.tr("Save as code…"))
        self.save_code_button.setObjectName("saveQueryAsCode")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportQuery")
        row2 = QHBoxLayout()
        for w in (QLabel(self.tr("Saved queries:")), self.saved, self.run_saved_button,
                  self.save_query_button, self.save_code_button, self.export_button):
            row2.addWidget(w)
        row2.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("querySummary")
        self.results = PassageList("queryResults")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.op.currentIndexChanged.connect(self._operator_changed)
        self.reach.currentIndexChanged.connect(self._operator_changed)
        self.run_button.clicked.connect(self.run)
        self.run_saved_button.clicked.connect(self.run_saved)
        self.save_query_button.clicked.connect(self.save_query)
        self.save_code_button.clicked.connect(self.save_as_code)
        self.export_button.clicked.connect(self.export)
        self._operator_changed()
        self._have_result()

    # -- filling ---------------------------------------------------------------------------

    def fill(self) -> None:
        """The codes and saved queries of the open project."""
        s = self.session
        paths = [s.code_path(c) for c in s.code_order] if s.is_open else []
        for combo in (self.code_a, self.code_b):
            current = combo.currentText()
            combo.clear()
            combo.addItems(paths)
            if current in paths:
                combo.setCurrentText(current)
        self.saved.clear()
        if s.project is not None:
            self.saved.addItems([name for name, _d in saved_queries(s.project)])
        self.run_saved_button.setEnabled(self.saved.count() > 0)
        self.run_button.setEnabled(bool(paths))
        self._have_result()

    def _operator_changed(self) -> None:
        op = self.op.currentData()
        self.code_b.setEnabled(op is not None)
        reach = op in ("near", "followed_by")
        self.reach.setEnabled(reach)
        self.within.setEnabled(reach and self.reach.currentData() == "chars")

    def _have_result(self) -> None:
        has = self.result is not None
        self.save_code_button.setEnabled(has and bool(self.result and self.result.segments))
        self.export_button.setEnabled(has)
        self.save_query_button.setEnabled(self.code_a.count() > 0)

    # -- the query -------------------------------------------------------------------------

    def spec(self) -> QuerySpec:
        op = self.op.currentData()
        scope = self.reach.currentData()
        return QuerySpec(self.code_a.currentText(), op,
                         self.code_b.currentText() if op else None,
                         Reach(scope, self.within.value() if scope == "chars" else 0))

    def set_query(self, a: str, op: str | None = None, b: str | None = None) -> None:
        self.code_a.setCurrentText(a)
        self.op.setCurrentIndex(self.op.findData(op))
        if b is not None:
            self.code_b.setCurrentText(b)

    def run(self) -> None:
        p = self.session.project
        if p is None or not self.code_a.count():
            return
        spec, scope = self.spec(), self.scope.scope()
        self.runner.start(self.tr("Running the query…"),
                          lambda progress, cancel: run_query(p, spec, scope, progress, cancel),
                          self.show_result)

    def run_saved(self) -> None:
        p, name = self.session.project, self.saved.currentText()
        if p is None or not name:
            return
        self.runner.start(self.tr("Running the query “{0}”…").format(name),
                          lambda progress, cancel: run_saved(p, name, progress, cancel),
                          self.show_result)

    def show_result(self, result: QueryResult) -> None:
        self.result = result
        self.results.show_passages([Passage(g.document_id, g.document, g.start, g.end, g.text)
                                    for g in result.segments])
        self.summary.setText(self.tr("{0} passages, {1} characters — {2}").format(
            len(result.segments), result.characters,
            "; ".join(str(line) for line in result.scope.describe())))
        self._have_result()
        self.say(self.tr("The query found {0} passages").format(len(result.segments)))

    # -- keeping it ------------------------------------------------------------------------

    def save_query(self) -> None:
        p = self.session.project
        if p is None:
            return
        name = self.prompts.text(self.tr("Save query"), self.tr("Name of the query:"))
        if not name:
            return
        if self._try(lambda: save_query(p, name, self.spec(), self.scope.scope())):
            self.fill()
            self.saved.setCurrentText(name.strip())
            self.say(self.tr("Saved the query “{0}”").format(name.strip()))

    def save_as_code(self) -> None:
        p, result = self.session.project, self.result
        if p is None or result is None:
            return
        path = self.prompts.text(self.tr("Save as code"), self.tr(
            "Code every passage found with a new code (a path such as 信任/查询结果):"))
        if not path:
            return
        # one undo step: the code and its codings come and go together
        self.session.execute(SaveQueryAsCode(self.session, result, path.strip()))

    def export(self) -> None:
        if self.result is None or self.session.project is None:
            return
        from annotator.io.analysis_workbook import write_query
        path = self.prompts.save_file(
            self.tr("Export the query results"),
            str(project_folder(self.session.project) / "query.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        out = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        result = self.result
        if self._try(lambda: write_query(out, result)):
            self.say(self.tr("Exported {0}").format(out))

    def _try(self, fn: Callable[[], object]) -> bool:
        return attempt(self.prompts, self.tr("Query"), fn)


__all__ = ["QueryPanel"]
