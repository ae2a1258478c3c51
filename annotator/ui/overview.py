"""Overview: code frequencies (with bars) and the code × document matrix.

Both read ``overview.code_document_matrix`` (the service the workbook export uses), so
the window and the Excel file always agree. Bars are painted by a delegate (QtCharts is
not part of PySide6-Essentials). ``OverviewController`` puts the panel in a dock (View →
Overview, F9) and re-reads it, at most every 250 ms, only while it is visible.
"""

from PySide6.QtCore import (
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.services.changes import Changes
from annotator.services.overview import Matrix, code_document_matrix
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


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class OverviewPanel(QTabWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.session = session
        self.matrix: Matrix | None = None
        self.frequencies = QTableWidget()
        self.frequencies.setObjectName("codeFrequencies")
        self.frequencies.setColumnCount(4)
        self.frequencies.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Codings"), self.tr("Documents"), self.tr("Frequency")])
        self.frequencies.setItemDelegateForColumn(3, BarDelegate(self.frequencies))
        self._table_defaults(self.frequencies)
        fh = self.frequencies.horizontalHeader()
        fh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        fh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        matrix_page = QWidget()
        self.table = QTableWidget()
        self.table.setObjectName("codeDocumentMatrix")
        self._table_defaults(self.table)
        self.counts_button = QRadioButton(self.tr("Codings"))
        self.counts_button.setToolTip(self.tr("Number of codings per code and document"))
        self.coverage_button = QRadioButton(self.tr("Coverage"))
        self.coverage_button.setToolTip(
            self.tr("Share of the document's characters coded with the code"))
        self.counts_button.setChecked(True)
        group = QButtonGroup(matrix_page)
        group.addButton(self.counts_button)
        group.addButton(self.coverage_button)
        self.counts_button.toggled.connect(self._fill_matrix)
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
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

    def refresh(self) -> None:
        if self.session.project is None:
            self.matrix = None
            self.frequencies.setRowCount(0)
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        coder = None if self.session.show_other_coders else self.session.coder.id
        self.matrix = self.session.call(code_document_matrix, self.session.project, coder)
        self._fill_frequencies()
        self._fill_matrix()

    def _fill_frequencies(self) -> None:
        m = self.matrix
        if m is None:
            return
        per_code: dict[int, int] = {}
        docs: dict[int, int] = {}
        for (code_id, _doc), n in m.counts.items():
            per_code[code_id] = per_code.get(code_id, 0) + n
            docs[code_id] = docs.get(code_id, 0) + 1
        top = max(per_code.values(), default=0) or 1
        self.frequencies.setRowCount(len(m.codes))
        for r, code in enumerate(m.codes):
            depth = code.path.count("/")
            name = _item("    " * depth + code.name)
            name.setIcon(swatch(code.color))
            name.setToolTip(code.path)
            n = per_code.get(code.id, 0)
            self.frequencies.setItem(r, 0, name)
            self.frequencies.setItem(r, 1, _item(str(n), True))
            self.frequencies.setItem(r, 2, _item(str(docs.get(code.id, 0)), True))
            bar = _item("")
            bar.setData(BAR, (n / top, code.color))
            bar.setToolTip(self.tr("{0}: {1} codings").format(code.path, n))
            self.frequencies.setItem(r, 3, bar)

    def _fill_matrix(self) -> None:
        m = self.matrix
        if m is None:
            return
        coverage = self.coverage_button.isChecked()
        values = m.coverage if coverage else m.counts
        top = max(values.values(), default=0) or 1
        self.table.clear()
        self.table.setRowCount(len(m.codes))
        self.table.setColumnCount(len(m.documents) + 1)
        self.table.setHorizontalHeaderLabels([self.tr("Code")] + [d.name for d in m.documents])
        for c, d in enumerate(m.documents, start=1):
            self.table.horizontalHeaderItem(c).setToolTip(d.name)
        for r, code in enumerate(m.codes):
            name = _item(code.path)
            name.setIcon(swatch(code.color))
            self.table.setItem(r, 0, name)
            for c, d in enumerate(m.documents, start=1):
                v = values.get((code.id, d.id), 0)
                text = (f"{v:.1%}" if v else "") if coverage else (str(v) if v else "")
                cell = _item(text, True)
                if v:
                    cell.setBackground(QBrush(blend([code.color], 0.15 + 0.6 * v / top)))
                cell.setToolTip(self.tr("{0} in {1}: {2} codings, {3:.1%} of the text").format(
                    code.path, d.name, m.counts.get((code.id, d.id), 0),
                    m.coverage.get((code.id, d.id), 0.0)))
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for c in range(1, self.table.columnCount()):
            header.resizeSection(c, min(max(header.sectionSize(c), 60), 180))


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
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self.panel.refresh)
        self.dock.visibilityChanged.connect(lambda visible: visible and self.timer.start())
        ctx.session.projectChanged.connect(self.project_changed)
        act = ctx.registry.add("overview", self.dock.toggleViewAction(), ctx.is_open)
        act.setText(translate("MainWindow", "&Overview"))
        act.setShortcut(QKeySequence("F9"))
        act.setToolTip(translate("MainWindow",
                                 "Code frequencies and the code × document matrix (F9)"))
        ctx.window.addAction(act)

    def project_changed(self) -> None:
        if self.ctx.is_open():
            self.dirty()
        else:
            self.panel.refresh()

    def apply_change(self, ch: Changes) -> None:
        if ch.counts or ch.codebook or ch.documents or ch.shown:
            self.dirty()

    def dirty(self) -> None:
        if self.dock.isVisible():
            self.timer.start()
