"""Passages found by an analysis (a query's results, the segments behind a cell), as a
list a click on which opens the document there (code-and-retrieve).

Rows are ``Passage`` values; the model answers only for the rows the view draws, so a
query with thousands of results lists them at once. Ctrl+C copies the chosen rows as
tab-separated text (document, start, end, text) for a report.
"""

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Passage:
    document_id: int
    document: str
    start: int
    end: int
    text: str
    note: str = ""  # the coder, the code: what else a row says


class PassageModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passages: list[Passage] = []

    def show(self, passages: list[Passage]) -> None:
        self.beginResetModel()
        self.passages = passages
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.passages)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        p = self.passages[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.text[:2000]
        return (p.document, f"{p.start}–{p.end}", p.note,
                " ".join(p.text.split())[:300])[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Document"), self.tr("Characters"), self.tr("Coder"),
                self.tr("Text"))[section]


class PassageList(QTableView):
    passageActivated = Signal(object)  # Passage

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.passages = PassageModel(self)
        self.setModel(self.passages)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(22)
        head = self.horizontalHeader()
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(0, 160)
        self.setColumnWidth(1, 100)
        self.setColumnWidth(2, 90)
        self.clicked.connect(self._open)
        self.activated.connect(self._open)

    def show_passages(self, passages: list[Passage]) -> None:
        self.passages.show(passages)
        self.setColumnHidden(2, not any(p.note for p in passages))

    def _open(self, index: QModelIndex) -> None:
        self.passageActivated.emit(self.passages.passages[index.row()])

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            rows = sorted({i.row() for i in self.selectedIndexes()})
            QGuiApplication.clipboard().setText("\n".join(
                "\t".join((p.document, str(p.start), str(p.end), p.text))
                for p in (self.passages.passages[r] for r in rows)))
            return
        super().keyPressEvent(event)


__all__ = ["Passage", "PassageList"]
