"""A matrix of numbers (co-occurrence, crosstab) as a table whose cells can be clicked.

The model only answers for the cells the view draws, so a 300 × 300 matrix appears at
once (no 90,000 items are made). A cell is shaded by its value, the way a heatmap is;
a click on it (or Enter) emits ``cellOpened(row, column)``: the panel then lists the
segments behind it.
"""

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

Value = float | int | None
Grid = list[list[Value]]
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def grid_peak(grid: Grid) -> float:
    """The largest value, which the shading is relative to (1 for an empty grid)."""
    return max((float(v) for row in grid for v in row if v), default=1.0) or 1.0


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[str] = []
        self.columns: list[str] = []
        self.grid: Grid = []
        self.text: Callable[[Value], str] = lambda v: "" if v is None else str(v)
        self.peak = 1.0

    def show(self, rows: list[str], columns: list[str], grid: Grid,
             text: Callable[[Value], str] | None = None, peak: float | None = None) -> None:
        """Show ``grid[row][column]``; made in the analysis thread (``make_grid``), so
        showing 90,000 cells costs the GUI thread nothing but the cells it draws."""
        self.beginResetModel()
        self.rows, self.columns, self.grid = rows, columns, grid
        if text is not None:
            self.text = text
        self.peak = peak or grid_peak(grid)
        self.endResetModel()

    def value(self, row: int, column: int) -> Value:
        return self.grid[row][column]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.grid[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(v)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and v:
            shade = 0.12 + 0.6 * float(v) / self.peak
            return QColor.fromRgbF(0.70, 0.13, 0.13, shade)
        if role == Qt.ItemDataRole.ForegroundRole and v and float(v) / self.peak > 0.75:
            return QColor("white")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.rows[index.row()]} × {self.columns[index.column()]}: {self.text(v)}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        names = self.columns if orientation == Qt.Orientation.Horizontal else self.rows
        if not 0 <= section < len(names):
            return None
        name = names[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return name.rsplit("/", 1)[-1]  # narrow columns: the code's own name
        return name


class MatrixView(QTableView):
    cellOpened = Signal(int, int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.matrix = MatrixModel(self)
        self.setModel(self.matrix)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setDefaultSectionSize(84)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                    | Qt.AlignmentFlag.AlignVCenter)
        self.verticalHeader().setDefaultSectionSize(22)
        self.clicked.connect(lambda i: self.cellOpened.emit(i.row(), i.column()))
        self.activated.connect(lambda i: self.cellOpened.emit(i.row(), i.column()))

    def cell_rect_center(self, row: int, column: int):
        """Where a cell is on screen (tests click there)."""
        index = self.matrix.index(row, column)
        self.scrollTo(index)
        return self.visualRect(index).center()


__all__ = ["Grid", "MatrixModel", "MatrixView", "grid_peak"]
