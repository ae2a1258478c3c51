"""Smaller panels of the window: the codings under the caret, the find bar, search
results across documents. (The page shown when no project is open: ``welcome.py``.)"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.services.window_ops import Hit
from annotator.ui.codebook_view import swatch
from annotator.ui.session import Session
from annotator.ui.spans import Span

DATA = Qt.ItemDataRole.UserRole


class CodingsHere(QWidget):
    """Which codes and coders are on the clicked passage; remove one, edit its memo."""

    MAX_LISTED = 200
    removeRequested = Signal(list)  # [coding id]
    memoRequested = Signal(int)  # coding id
    selectRequested = Signal(object)  # Span

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("codingsHere")
        self.session = session
        self.describe = None  # set by the window: Span -> str
        self.in_selection = lambda: False  # set by the window: is text selected?
        self.title = QLabel(self.tr("Codings here"))
        self.list = QTreeWidget()
        self.list.setObjectName("codingsHereList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(1)
        self.list.itemActivated.connect(self._select)
        self.list.itemDoubleClicked.connect(self._select)
        self.list.currentItemChanged.connect(self._enable)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeCoding")
        self.remove_button.setToolTip(self.tr("Remove the chosen coding from this passage"))
        self.remove_button.clicked.connect(self._remove)
        self.memo_button = QPushButton(self.tr("Memo…"))
        self.memo_button.setToolTip(self.tr("Write a memo on the chosen coding"))
        self.memo_button.clicked.connect(self._memo)
        buttons = QVBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.memo_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.show_spans([])

    def show_spans(self, spans: list[Span]) -> None:
        """The codings at the caret, or those the selection touches (at most
        ``MAX_LISTED`` of them listed: a selection over a novel touches thousands)."""
        self.list.clear()
        for s in spans[:self.MAX_LISTED]:
            text = self.describe(s) if self.describe else str(s.coding_id)
            item = QTreeWidgetItem([text])
            item.setIcon(0, swatch(self.session.code_color(s.code_id)))
            item.setData(0, DATA, s)
            self.list.addTopLevelItem(item)
        if spans and self.in_selection():
            self.title.setText(self.tr("Codings in the selection: {0}").format(len(spans)))
            self.list.setCurrentItem(self.list.topLevelItem(0))
        elif spans:
            self.title.setText(self.tr("Codings here: {0}").format(len(spans)))
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            self.title.setText(self.tr("Codings here: click inside a coded passage"))
        self._enable()

    def current_span(self) -> Span | None:
        item = self.list.currentItem()
        return None if item is None else item.data(0, DATA)

    def select_coding(self, coding_id: int) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(0, DATA).coding_id == coding_id:
                self.list.setCurrentItem(item)

    def _enable(self, *_args) -> None:
        has = self.current_span() is not None
        self.remove_button.setEnabled(has)
        self.memo_button.setEnabled(has)

    def _remove(self) -> None:
        span = self.current_span()
        if span is not None:
            self.removeRequested.emit([span.coding_id])

    def _memo(self) -> None:
        span = self.current_span()
        if span is not None:
            self.memoRequested.emit(span.coding_id)

    def _select(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        self.selectRequested.emit(item.data(0, DATA))


class FindBar(QWidget):
    """Find in the document (Ctrl+F) or in every document; the concordance codes hits."""

    findRequested = Signal(str, bool)  # text, backwards
    searchAllRequested = Signal(str)
    concordanceRequested = Signal(str)  # text: open the concordance on it
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = QLineEdit()
        self.edit.setObjectName("findText")
        self.edit.setPlaceholderText(self.tr("Find in the document…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(lambda: self.findRequested.emit(self.text(), False))
        self.prev_button = QToolButton(text="↑")
        self.prev_button.setToolTip(self.tr("Previous hit (Shift+F3)"))
        self.prev_button.clicked.connect(lambda: self.findRequested.emit(self.text(), True))
        self.next_button = QToolButton(text="↓")
        self.next_button.setToolTip(self.tr("Next hit (F3)"))
        self.next_button.clicked.connect(lambda: self.findRequested.emit(self.text(), False))
        self.search_all_button = QPushButton(self.tr("List all hits"))
        self.search_all_button.setToolTip(
            self.tr("List the hits in every document (Ctrl+Shift+F)"))
        self.search_all_button.clicked.connect(lambda: self.searchAllRequested.emit(self.text()))
        self.concordance_button = QPushButton(self.tr("Concordance…"))
        self.concordance_button.setObjectName("findConcordance")
        self.concordance_button.setToolTip(
            self.tr("Every hit with its context: choose the hits, the code and how much "
                    "to code (the hit, its sentence, its paragraph), then code them in one "
                    "step (Ctrl+Shift+C)"))
        self.concordance_button.clicked.connect(
            lambda: self.concordanceRequested.emit(self.text()))
        self.count = QLabel()
        close = QToolButton(text="✕")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        for w in (self.edit, self.prev_button, self.next_button, self.count,
                  self.search_all_button, self.concordance_button, close):
            layout.addWidget(w)
        layout.setStretch(0, 1)

    def text(self) -> str:
        return self.edit.text()

    def open_bar(self, text: str = "") -> None:
        if text:
            self.edit.setText(text)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)


class SearchResults(QTreeWidget):
    """Hits in every document; a click opens the document at the hit."""

    hitActivated = Signal(object)  # Hit

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Document"), self.tr("Hit in context")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.hits: list[Hit] = []

    def show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.clear()
        items = []
        for h in hits:
            context = f"…{h.before}【{h.text}】{h.after}…".replace("\n", " ")
            item = QTreeWidgetItem([h.document, context])
            item.setData(0, DATA, h)
            item.setToolTip(1, context)
            items.append(item)
        self.addTopLevelItems(items)
        self.resizeColumnToContents(0)

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        self.hitActivated.emit(item.data(0, DATA))
