"""The co-occurrence and crosstab tabs: a matrix whose every cell opens its segments.

Each tab runs its service (``services/cooccurrence``, ``services/crosstab``) in the
analysis thread over the ``ScopeBar``'s filter and shows the result as a shaded matrix
with a choice of measure (passages, documents, cases, characters, Jaccard; codings,
documents, cases, characters and the two percentages). A click on a cell fetches the
passages behind it (the query ``A AND B``, or the code's segments in the column's
documents) into the list below and opens the first in the document; a click on any
other row opens that one. The charts of the same result (heatmap and network; bars) are
tabs beside the matrix, and the result goes to an Excel sheet with its filters.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.io import charts_svg
from annotator.services.analysis_scope import CancelFlag, Progress
from annotator.services.attributes import list_attributes
from annotator.ui.background import TaskRunner
from annotator.ui.chart_view import Chart, ChartView
from annotator.ui.matrix_view import Grid, MatrixView, grid_peak
from annotator.ui.passage_list import Passage, PassageList
from annotator.ui.project_place import project_folder
from annotator.ui.prompts import Prompts, attempt
from annotator.ui.scope_bar import ScopeBar
from annotator.ui.session import Session

#: at most this many codes in a chart in the window (the matrix keeps every code): a
#: picture a reader can take in, drawn in about 0.1 s (see ``chart_view.Chart``)
CHART_CODES = 25


def _t(text: str) -> str:
    """The labels made before the widget exists (its ``tr`` is not there yet)."""
    return QCoreApplication.translate("MatrixPanel", text)


def _number(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.1f}" if v >= 1 or v == 0 else f"{v:.2f}"
    return str(v) if v else ""


class MatrixPanel(QWidget):
    """What both matrix tabs share: the controls, the matrix, the passages of a cell,
    the charts and the export. A subclass says what to run and what a cell is."""

    passageOpened = Signal(object)  # Passage

    def __init__(self, name: str, session: Session, runner: TaskRunner, scope: ScopeBar,
                 prompts: Prompts, say: Callable[[str], None],
                 measures: list[tuple[str, str]], charts: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name + "Panel")
        self.session, self.runner, self.scope, self.prompts, self.say = (
            session, runner, scope, prompts, say)
        self.table: Any = None
        self.grids: dict[str, Grid] = {}
        self.peaks: dict[str, float] = {}
        self.cell: tuple[int, int] | None = None
        self.controls = QHBoxLayout()
        self.measure = QComboBox()
        self.measure.setObjectName(name + "Measure")
        for label, key in measures:
            self.measure.addItem(label, key)
        self.run_button = QPushButton(self.tr("&Run"))
        self.run_button.setObjectName(name + "Run")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName(name + "Export")
        self.summary = QLabel()
        self.summary.setObjectName(name + "Summary")
        self.matrix = MatrixView(name + "Matrix")
        self.cell_title = QLabel(self.tr("Click a cell to list the passages behind it."))
        self.cell_title.setObjectName(name + "CellTitle")
        self.cell_title.setWordWrap(True)
        self.passages = PassageList(name + "Passages")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.cell_title)
        lower_layout.addWidget(self.passages, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.matrix)
        split.addWidget(lower)
        split.setSizes([300, 160])
        self.tabs = QTabWidget()
        self.tabs.setObjectName(name + "Tabs")
        self.tabs.addTab(split, self.tr("Matrix"))
        self.charts: dict[str, ChartView] = {}
        for label, key in charts:
            view = ChartView(prompts, say, self._folder)
            view.setObjectName(f"{name}Chart_{key}")
            self.charts[key] = view
            self.tabs.addTab(view, label)
        row = QHBoxLayout()
        row.addLayout(self.controls)
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.measure)
        row.addWidget(self.run_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.run_button.clicked.connect(self.run)
        self.export_button.clicked.connect(self.export)
        self.measure.currentIndexChanged.connect(lambda _i: self._measure_changed())
        self.matrix.cellOpened.connect(self.open_cell)
        self.passages.passageActivated.connect(self.passageOpened)
        self.export_button.setEnabled(False)

    def _folder(self) -> Path:
        p = self.session.project
        return project_folder(p) if p is not None else Path.home()

    # -- what a subclass says -------------------------------------------------------------

    def work(self) -> Callable[[Progress, CancelFlag], Any]:
        raise NotImplementedError

    def labels(self, table: Any) -> tuple[list[str], list[str]]:
        raise NotImplementedError

    def value(self, table: Any, row: int, column: int, measure: str) -> Any:
        raise NotImplementedError

    def cell_work(self, row: int, column: int) -> tuple[str, Callable[[], list[Passage]]] | None:
        raise NotImplementedError

    #: whether a chart shows the chosen measure (and is drawn again when it changes)
    MEASURED = False

    def charts_of(self, table: Any, measure: str, measured_only: bool = False
                  ) -> dict[str, Chart]:
        """The charts of ``table``, drawn (called in the analysis thread); with
        ``measured_only`` just those that show ``measure``."""
        raise NotImplementedError

    def write(self, out: Path) -> None:
        raise NotImplementedError

    # -- running ---------------------------------------------------------------------------

    def run(self) -> None:
        if self.session.project is None:
            return
        work = self.work()

        measures = [self.measure.itemData(i) for i in range(self.measure.count())]
        shown = self.measure.currentData()  # read here: widgets belong to the GUI thread

        def counted(progress: Progress, cancel: CancelFlag) -> tuple[Any, dict, dict]:
            table = work(progress, cancel)
            # the cells of every measure and the pictures are made here too, not on the
            # GUI thread (300 × 300 cells, five measures)
            grids = {m: self.grid(table, m) for m in measures}
            peaks = {m: grid_peak(g) for m, g in grids.items()}
            return table, grids, peaks, self.charts_of(table, shown)

        self.runner.start(self.tr("Counting…"), counted, lambda got: self.show_table(*got))

    def grid(self, table: Any, measure: str) -> Grid:
        """Every cell's value of ``measure`` (called in the analysis thread)."""
        rows, columns = self.labels(table)
        return [[self.value(table, r, c, measure) for c in range(len(columns))]
                for r in range(len(rows))]

    def show_table(self, table: Any, grids: dict[str, Grid], peaks: dict[str, float],
                   charts: dict[str, Chart]) -> None:
        self.table, self.grids, self.peaks = table, grids, peaks
        self.cell = None
        self._show_matrix()
        rows, columns = self.labels(table)
        self.summary.setText(self.tr("{0} × {1} — {2}").format(
            len(rows), len(columns), "; ".join(str(x) for x in table.scope.describe())))
        self.passages.show_passages([])
        self.cell_title.setText(self.tr("Click a cell to list the passages behind it."))
        self._show_charts(charts)
        self.export_button.setEnabled(True)

    def _measure_changed(self) -> None:
        """The matrix at once (its cells are made), the charts of the measure in the
        analysis thread."""
        self._show_matrix()
        table, measure = self.table, self.measure.currentData()
        if table is not None and self.MEASURED and not self.runner.busy:
            self.runner.start(self.tr("Drawing…"),
                              lambda _progress, _cancel: self.charts_of(table, measure, True),
                              self._show_charts)

    def _show_charts(self, charts: dict[str, Chart]) -> None:
        for key, chart in charts.items():
            self.charts[key].show_chart(chart, f"{self.objectName()[:-5]}-{key}")

    def _show_matrix(self) -> None:
        if self.table is None:
            return
        rows, columns = self.labels(self.table)
        measure = self.measure.currentData()
        self.matrix.matrix.show(rows, columns, self.grids[measure], _number, self.peaks[measure])

    def open_cell(self, row: int, column: int) -> None:
        """List the passages behind a cell (in the analysis thread) and open the first."""
        rows, columns = self.labels(self.table) if self.table is not None else ([], [])
        if not (0 <= row < len(rows) and 0 <= column < len(columns)):
            return
        job = self.cell_work(row, column)
        if job is None:
            return
        title, fetch = job
        self.cell = (row, column)

        def shown(passages: list[Passage]) -> None:
            self.passages.show_passages(passages)
            self.cell_title.setText(self.tr("{0}: {1} passages").format(title, len(passages)))
            if passages:
                self.passages.selectRow(0)
                self.passageOpened.emit(passages[0])

        self.runner.start(self.tr("Fetching the passages of {0}…").format(title),
                          lambda _progress, _cancel: fetch(), shown)

    def export(self) -> None:
        if self.table is None:
            return
        path = self.prompts.save_file(
            self.tr("Export to Excel"), str(self._folder() / f"{self.objectName()[:-5]}.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        out = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        if attempt(self.prompts, self.tr("Export to Excel"), lambda: self.write(out)):
            self.say(self.tr("Exported {0}").format(out))


class CooccurrencePanel(MatrixPanel):
    def __init__(self, session: Session, runner: TaskRunner, scope: ScopeBar,
                 prompts: Prompts, say: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__("cooccurrence", session, runner, scope, prompts, say, [
            (_t("Passages carrying both"), "passages"), (_t("Documents"), "documents"),
            (_t("Cases"), "cases"), (_t("Characters carrying both"), "characters"),
            (_t("Jaccard (characters)"), "jaccard")],
            [(_t("Heatmap"), "heatmap"), (_t("Network"), "network")], parent)

    def work(self):
        from annotator.services import cooccurrence as cooc_service  # numpy: on first use

        p, scope = self.session.project, self.scope.scope()
        return lambda progress, cancel: cooc_service.cooccurrence(
            p, None, scope, progress, cancel)

    def labels(self, table: Any) -> tuple[list[str], list[str]]:
        names = [table.paths[c] for c in table.code_ids]
        return names, names

    def value(self, table: Any, row: int, column: int, measure: str) -> Any:
        if row == column:
            return None
        ids = table.code_ids
        return table.cell(ids[row], ids[column])[measure]

    def grid(self, table: Any, measure: str) -> Grid:
        """From the pairs that occur (a few thousand), not cell by cell (90,000)."""
        index = {c: i for i, c in enumerate(table.code_ids)}
        n = len(index)
        grid: Grid = [[0] * n for _ in range(n)]
        for i in range(n):
            grid[i][i] = None
        pairs = {"passages": table.passages, "documents": table.documents,
                 "cases": table.cases, "characters": table.both_chars,
                 "jaccard": table.both_chars}[measure]
        for (a, b), v in pairs.items():
            if a in index and b in index:
                value = table.jaccard(a, b) if measure == "jaccard" else v
                grid[index[a]][index[b]] = grid[index[b]][index[a]] = value
        return grid

    def cell_work(self, row: int, column: int):
        if row == column:
            return None
        from annotator.services import cooccurrence as cooc_service  # numpy: on first use

        p, scope, table = self.session.project, self.table.scope, self.table
        a, b = (table.paths[table.code_ids[i]] for i in (row, column))

        def fetch() -> list[Passage]:
            result = cooc_service.cell_segments(p, a, b, scope)
            return [Passage(g.document_id, g.document, g.start, g.end, g.text)
                    for g in result.segments]

        return f"{a} × {b}", fetch

    MEASURED = True

    def charts_of(self, table: Any, measure: str, measured_only: bool = False
                  ) -> dict[str, Chart]:
        heat = Chart.of(charts_svg.cooccurrence_heatmap(table, measure, CHART_CODES))
        if measured_only:
            return {"heatmap": heat}
        return {"heatmap": heat,
                "network": Chart.of(charts_svg.cooccurrence_network(table, CHART_CODES))}

    def write(self, out: Path) -> None:
        from annotator.io.analysis_workbook import write_cooccurrence
        write_cooccurrence(out, self.table)


class CrosstabPanel(MatrixPanel):
    def __init__(self, session: Session, runner: TaskRunner, scope: ScopeBar,
                 prompts: Prompts, say: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__("crosstab", session, runner, scope, prompts, say, [
            (_t("Codings"), "codings"), (_t("Documents"), "documents"), (_t("Cases"), "cases"),
            (_t("Coded characters"), "characters"),
            (_t("% of the code's codings"), "codings_percent"),
            (_t("% of the column's documents"), "documents_percent")],
            [(_t("Bars"), "bars")], parent)
        self.by = QComboBox()
        self.by.setObjectName("crosstabBy")
        self.controls.addWidget(QLabel(self.tr("Codes by")))
        self.controls.addWidget(self.by)

    def fill(self) -> None:
        """The attributes to cross by, and the cases."""
        current = self.by.currentData()
        self.by.clear()
        p = self.session.project
        names = sorted({a.name for a in list_attributes(p)}) if p is not None else []
        for name in names:
            self.by.addItem(self.tr("attribute {0}").format(name), name)
        self.by.addItem(self.tr("cases"), "case")
        index = self.by.findData(current)
        self.by.setCurrentIndex(max(index, 0))

    def work(self):
        from annotator.services import crosstab as crosstab_service  # numpy: on first use

        p, scope, by = self.session.project, self.scope.scope(), self.by.currentData()
        return lambda progress, cancel: crosstab_service.crosstab(
            p, by, None, scope, progress, cancel)

    def labels(self, table: Any) -> tuple[list[str], list[str]]:
        columns = [c or _t("(no value)") for c in table.columns]
        return list(table.codes), columns

    def value(self, table: Any, row: int, column: int, measure: str) -> Any:
        return table.cells[(table.code_ids[row], table.columns[column])][measure]

    def cell_work(self, row: int, column: int):
        from annotator.services import crosstab as crosstab_service  # numpy: on first use

        p, table = self.session.project, self.table
        code, col = table.code_ids[row], table.columns[column]
        title = f"{table.codes[row]} × {col or self.tr('(no value)')}"

        def fetch() -> list[Passage]:
            return [Passage(g.document_id, g.document, g.start, g.end, g.text, g.coder)
                    for g in crosstab_service.cell_segments(p, table, code, col)]

        return title, fetch

    def charts_of(self, table: Any, measure: str, measured_only: bool = False
                  ) -> dict[str, Chart]:
        return {"bars": Chart.of(charts_svg.crosstab_bars(table))}

    def write(self, out: Path) -> None:
        from annotator.io.analysis_workbook import write_crosstab
        write_crosstab(out, self.table)


__all__ = ["CooccurrencePanel", "CrosstabPanel", "MatrixPanel"]
