"""Overview: code frequencies (with bars) and the code × document matrix.

Both read ``overview.code_document_matrix`` (the service the workbook export uses), so
the window and the Excel file always agree. Both are models (``MatrixModel``,
``FrequencyModel``): the view asks only for the cells it paints, so 200 documents × 300
codes cost no more to show than 10 × 10. Bars are painted by a delegate (QtCharts is
not part of PySide6-Essentials). ``OverviewController`` puts the panel in a dock (View →
Overview, F9): the whole matrix is read in a thread when the dock is shown and after a
codebook or document change; a coding re-reads only the (code, document) cells its
change record names. A hidden dock reads nothing.
"""

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.services.changes import Changes
from annotator.services.overview import Matrix, code_document_matrix, matrix_cells
from annotator.ui.background import BackgroundJob, Progress
from annotator.ui.codebook_view import swatch
from annotator.ui.context import AppContext
from annotator.ui.document_view import blend
from annotator.ui.session import Session

translate = QCoreApplication.translate

BAR = Qt.ItemDataRole.UserRole + 1  # (share 0..1, colour)


class BarDelegate(QStyledItemDelegate):
    """A horizontal bar behind the number: the share of the largest value."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        bar = index.data(BAR)
        if bar is not None and not option.state & QStyle.StateFlag.State_Selected:
            share, color = bar
            r = QRectF(option.rect).adjusted(3, 4, -3, -4)
            r.setWidth(max(0.0, r.width() * share))
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(r, 2, 2)
            painter.restore()
        super().paint(painter, option, index)


RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # combined once
SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MatrixModel(QAbstractTableModel):
    """The code × document matrix as a model: a coding changes one cell, and only that
    cell is told to the view (``set_cells``); nothing is built per cell — the view asks
    for the cells it paints. Column 0 is the code; then one column per document."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.coverage = False
        self._top = 1.0
        self._rows: dict[int, int] = {}
        self._cols: dict[int, int] = {}

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._rows = {c.id: r for r, c in enumerate(matrix.codes)} if matrix else {}
        self._cols = {d.id: c for c, d in enumerate(matrix.documents, 1)} if matrix else {}
        self._top = self._max()
        self.endResetModel()

    def set_coverage(self, coverage: bool) -> None:
        self.coverage = coverage
        self._top = self._max()
        self._all_changed()

    def set_cells(self, counts: dict[tuple[int, int], int],
                  coverage: dict[tuple[int, int], float],
                  keys: set[tuple[int, int]]) -> None:
        """New values for the ``keys`` cells (absent from ``counts``: no coding left)."""
        m = self.matrix
        if m is None:
            return
        for key in keys:
            if key in counts:
                m.counts[key] = counts[key]
            else:
                m.counts.pop(key, None)
            if key in coverage:
                m.coverage[key] = coverage[key]
            else:
                m.coverage.pop(key, None)
        top = self._max()
        if top != self._top:  # every cell's shade is relative to the largest
            self._top = top
            self._all_changed()
            return
        for code_id, doc_id in keys:
            r, c = self._rows.get(code_id), self._cols.get(doc_id)
            if r is not None and c is not None:
                index = self.index(r, c)
                self.dataChanged.emit(index, index)

    def _values(self) -> dict:
        assert self.matrix is not None
        return self.matrix.coverage if self.coverage else self.matrix.counts

    def _max(self) -> float:
        return (max(self._values().values(), default=0) or 1) if self.matrix else 1

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.codes)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.documents) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or self.matrix is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section == 0:
                return translate("OverviewPanel", "Code")
            return self.matrix.documents[section - 1].name
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return SHOWN

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        m = self.matrix
        if m is None or not index.isValid():
            return None
        code = m.codes[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return code.path
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(code.color)
            return None
        doc = m.documents[index.column() - 1]
        key = (code.id, doc.id)
        if role == Qt.ItemDataRole.DisplayRole:
            v = self._values().get(key, 0)
            return (f"{v:.1%}" if v else "") if self.coverage else (str(v) if v else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            v = self._values().get(key, 0)
            return QBrush(blend([code.color], 0.15 + 0.6 * v / self._top)) if v else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("OverviewPanel", "{0} in {1}: {2} codings, {3:.1%} of the text"
                             ).format(code.path, doc.name, m.counts.get(key, 0),
                                      m.coverage.get(key, 0.0))
        return None


class FrequencyModel(QAbstractTableModel):
    """Code frequencies: per code its codings, its documents and a bar, from the same
    matrix; a coding changes its code's row (``codes_changed``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self._codings: dict[int, int] = {}
        self._documents: dict[int, int] = {}
        self._top = 1

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._count()
        self.endResetModel()

    def codes_changed(self) -> None:
        """The matrix's counts changed: rows whose numbers moved, or all (the bars are
        relative to the largest)."""
        before = (dict(self._codings), dict(self._documents), self._top)
        self._count()
        if self._top != before[2]:
            first, last = 0, self.rowCount() - 1
            if last >= 0:
                self.dataChanged.emit(self.index(first, 0), self.index(last, 3))
            return
        assert self.matrix is not None
        for r, code in enumerate(self.matrix.codes):
            if (self._codings.get(code.id, 0), self._documents.get(code.id, 0)) != (
                    before[0].get(code.id, 0), before[1].get(code.id, 0)):
                self.dataChanged.emit(self.index(r, 0), self.index(r, 3))

    def _count(self) -> None:
        self._codings, self._documents = {}, {}
        if self.matrix is not None:
            for (code_id, _doc), n in self.matrix.counts.items():
                self._codings[code_id] = self._codings.get(code_id, 0) + n
                self._documents[code_id] = self._documents.get(code_id, 0) + 1
        self._top = max(self._codings.values(), default=0) or 1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.codes)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("OverviewPanel", FREQUENCY_COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return SHOWN

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if self.matrix is None or not index.isValid():
            return None
        code = self.matrix.codes[index.row()]
        n, col = self._codings.get(code.id, 0), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return "    " * code.path.count("/") + code.name
            if col == 1:
                return str(n)
            if col == 2:
                return str(self._documents.get(code.id, 0))
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return swatch(code.color)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return code.path
            if col == 3:
                return translate("OverviewPanel", "{0}: {1} codings").format(code.path, n)
        if role == BAR and col == 3:
            return (n / self._top, code.color)
        return None


FREQUENCY_COLUMNS = (  # marked for lupdate; translated where shown
    QT_TRANSLATE_NOOP("OverviewPanel", "Code"),
    QT_TRANSLATE_NOOP("OverviewPanel", "Codings"),
    QT_TRANSLATE_NOOP("OverviewPanel", "Documents"),
    QT_TRANSLATE_NOOP("OverviewPanel", "Frequency"),
)


class OverviewPanel(QTabWidget):
    """Code frequencies and the matrix, two models over one ``Matrix``. The whole matrix
    is read in a thread (``background``); a coding re-reads only the cells it touched."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.session = session
        self.matrix: Matrix | None = None
        self.job: BackgroundJob | None = None
        self.frequency_model = FrequencyModel(self)
        self.frequencies = QTableView()
        self.frequencies.setObjectName("codeFrequencies")
        self.frequencies.setModel(self.frequency_model)
        self.frequencies.setItemDelegateForColumn(3, BarDelegate(self.frequencies))
        self._table_defaults(self.frequencies)
        fh = self.frequencies.horizontalHeader()
        fh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        fh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        matrix_page = QWidget()
        self.model = MatrixModel(self)
        self.table = QTableView()
        self.table.setObjectName("codeDocumentMatrix")
        self.table.setModel(self.model)
        self._table_defaults(self.table)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(90)  # set once: measuring every cell would cost
        header.setMinimumSectionSize(60)
        self.counts_button = QRadioButton(self.tr("Codings"))
        self.counts_button.setToolTip(self.tr("Number of codings per code and document"))
        self.coverage_button = QRadioButton(self.tr("Coverage"))
        self.coverage_button.setToolTip(
            self.tr("Share of the document's characters coded with the code"))
        self.counts_button.setChecked(True)
        group = QButtonGroup(matrix_page)
        group.addButton(self.counts_button)
        group.addButton(self.coverage_button)
        self.coverage_button.toggled.connect(self.model.set_coverage)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.counts_button)
        row.addWidget(self.coverage_button)
        row.addStretch(1)
        layout = QVBoxLayout(matrix_page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.addTab(self.frequencies, self.tr("Code frequencies"))
        self.addTab(matrix_page, self.tr("Code × document matrix"))

    @staticmethod
    def _table_defaults(table: QTableView) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _coder(self) -> int | None:
        return None if self.session.show_other_coders else self.session.coder.id

    def refresh(self) -> None:
        """Read the whole matrix again, in a thread; the tables keep what they show."""
        project = self.session.project
        if self.job is not None:
            self.job.cancel()
            self.job.finished.disconnect()
            self.job = None
        if project is None:
            self._show(None)
            return
        coder = self._coder()

        def work(progress: Progress) -> Matrix:
            progress.stage("")
            return code_document_matrix(project, coder)

        self.job = BackgroundJob(work, self, "overview")
        self.job.finished.connect(self._read)
        self.job.failed.connect(lambda message: (self._done(), self.session.error.emit(message)))
        self.job.cancelled.connect(self._done)
        self.job.start()

    def _done(self) -> None:
        self.job = None

    def _read(self, matrix: Matrix) -> None:
        self._done()
        self._show(matrix)

    def _show(self, matrix: Matrix | None) -> None:
        self.matrix = matrix
        self.model.set_matrix(matrix)
        self.frequency_model.set_matrix(matrix)
        if matrix is not None:
            self.table.setColumnWidth(0, min(320, max(
                (self.table.fontMetrics().horizontalAdvance(c.path) for c in matrix.codes),
                default=60) + 40))

    def codings_changed(self, cells: set[tuple[int, int]]) -> bool:
        """Re-read the (code, document) cells a coding touched, and show them; False
        when there is no matrix to update (read it whole)."""
        project, m = self.session.project, self.matrix
        if project is None or m is None or self.job is not None:
            return False
        lengths = {d.id: d.length for d in m.documents}
        keys = {k for k in cells if k[1] in lengths}
        counts, coverage = self.session.call(matrix_cells, project, keys, lengths,
                                             self._coder()) or ({}, {})
        self.model.set_cells(counts, coverage, keys)
        self.frequency_model.codes_changed()
        return True


class OverviewController(QObject):
    """The overview panel in its dock, its View-menu toggle, and when it re-reads."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.panel = OverviewPanel(ctx.session)
        self.dock = QDockWidget(translate("MainWindow", "Overview"), ctx.window)
        self.dock.setObjectName("overviewDock")
        self.dock.setWidget(self.panel)
        ctx.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.stale = True  # not read, or changed while hidden
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self._refresh)
        self.dock.visibilityChanged.connect(lambda visible: visible and self._shown())
        ctx.session.projectChanged.connect(self.project_changed)
        act = ctx.registry.add("overview", self.dock.toggleViewAction(), ctx.is_open)
        act.setText(translate("MainWindow", "&Overview"))
        act.setShortcut(QKeySequence("F9"))
        act.setToolTip(translate("MainWindow",
                                 "Code frequencies and the code × document matrix (F9)"))
        ctx.window.addAction(act)

    def project_changed(self) -> None:
        self.stale = True
        if self.ctx.is_open():
            self.dirty()
        else:
            self.panel.refresh()

    def apply_change(self, ch: Changes) -> None:
        """A coding re-reads the cells it touched (while shown); the codebook, the
        documents or what is shown read the whole matrix again."""
        if ch.codebook or ch.documents or ch.shown:
            self.dirty()
        elif ch.counts:
            cells = {(c.code_id, c.document_id)
                     for c in (*ch.codings_added, *ch.codings_removed)}
            if not (self.dock.isVisible() and not self.stale
                    and self.panel.codings_changed(cells)):
                self.dirty()

    def dirty(self) -> None:
        """Read the whole matrix again: soon if shown, else when shown."""
        self.stale = True
        if self.dock.isVisible():
            self.timer.start()

    def _refresh(self) -> None:
        self.stale = False
        self.panel.refresh()

    def _shown(self) -> None:
        if self.stale:
            self.timer.start()
