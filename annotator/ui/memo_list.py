"""The memo list: every memo of the project — on documents, codes and codings — in one
searchable list; double-click (or Enter) goes to where the memo is attached.

It shows what ``services.memos.list_memos`` returns. Typing in the search field keeps
the memos where every typed word occurs in the memo or in what it is attached to (the
document, the code path, the coder, the coded words); the kind box narrows to one kind.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.services.memos import MemoEntry
from annotator.ui.codebook_view import swatch
from annotator.ui.session import Session

ENTRY = Qt.ItemDataRole.UserRole
FIRST_LINE = 120


class MemoList(QWidget):
    """The memos (``objectName`` ``memoList``); ``placeRequested`` and ``editRequested``
    carry the chosen ``MemoEntry``."""

    placeRequested = Signal(object)  # MemoEntry: go there
    editRequested = Signal(object)  # MemoEntry: open its editor

    KINDS = (  # (value, label) — marked for lupdate; translated where shown (self.tr)
        ("", QT_TRANSLATE_NOOP("MemoList", "All memos")),
        ("document", QT_TRANSLATE_NOOP("MemoList", "Document memos")),
        ("code", QT_TRANSLATE_NOOP("MemoList", "Code memos")),
        ("coding", QT_TRANSLATE_NOOP("MemoList", "Coding memos")),
    )
    COLUMNS = (
        QT_TRANSLATE_NOOP("MemoList", "On"),
        QT_TRANSLATE_NOOP("MemoList", "Memo"),
        QT_TRANSLATE_NOOP("MemoList", "Attached to"),
    )

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoList")
        self.session = session
        self.entries: list[MemoEntry] = []
        self.search = QLineEdit()
        self.search.setObjectName("memoSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the memos…"))
        self.search.textChanged.connect(lambda _t: self._filter())
        self.search.returnPressed.connect(  # Enter: go to the first memo found
            lambda: self.tree.currentItem() and self._go(self.tree.currentItem()))
        self.kind = QComboBox()
        self.kind.setObjectName("memoKind")
        for value, label in self.KINDS:
            self.kind.addItem(self.tr(label), value)
        self.kind.currentIndexChanged.connect(lambda _i: self._filter())
        self.edit_button = QPushButton(self.tr("Edit memo…"))
        self.edit_button.setObjectName("memoEdit")
        self.edit_button.setToolTip(self.tr("Open the chosen memo in the memo editor"))
        self.edit_button.clicked.connect(self._edit)
        self.count = QLabel()
        self.count.setObjectName("memoCount")
        self.tree = QTreeWidget()
        self.tree.setObjectName("memoTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(1, 260)  # the memo first: what one reads the list for
        self.tree.itemActivated.connect(lambda item, _c: self._go(item))
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        self._enable()

    def show_memos(self, entries: list[MemoEntry]) -> None:
        """Fill the list, keeping the chosen memo chosen if it is still there."""
        current = self.current()
        keep = (current.kind, current.target_id) if current else None
        self.entries = entries
        self.tree.clear()
        labels = {"document": self.tr("Document"), "code": self.tr("Code"),
                  "coding": self.tr("Coding")}
        chosen = None
        for entry in entries:
            first = " ".join(entry.memo.split())
            if len(first) > FIRST_LINE:
                first = first[:FIRST_LINE] + "…"
            item = QTreeWidgetItem([labels[entry.kind], first, self.where(entry)])
            item.setData(0, ENTRY, entry)
            item.setToolTip(1, entry.memo[:3000])
            item.setToolTip(2, self.where(entry, long=True))
            if entry.code_id is not None and entry.code_id in self.session.codes:
                item.setIcon(2, swatch(self.session.code_color(entry.code_id)))
            self.tree.addTopLevelItem(item)
            if keep == (entry.kind, entry.target_id):
                chosen = item
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._filter()

    def where(self, entry: MemoEntry, long: bool = False) -> str:
        """What the memo is attached to, in words."""
        if entry.kind == "document":
            return entry.document
        if entry.kind == "code":
            return entry.code_path
        text = self.tr("{0} · {1} · {2}").format(entry.code_path, entry.coder, entry.document)
        if long:
            text += "\n" + self.tr("Characters {0} to {1}: {2}").format(
                entry.start, entry.end, entry.excerpt)
        return text

    def current(self) -> MemoEntry | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, ENTRY)

    def shown(self) -> list[MemoEntry]:
        """The memos the search and the kind box leave in the list, in order."""
        return [self.tree.topLevelItem(i).data(0, ENTRY)
                for i in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(i).isHidden()]

    def _filter(self) -> None:
        words = self.search.text().split()
        kind = self.kind.currentData()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            entry: MemoEntry = item.data(0, ENTRY)
            item.setHidden(not (entry.matches(words) and (not kind or entry.kind == kind)))
        shown = len(self.shown())
        if not self.entries:
            self.count.setText(self.tr("No memos yet: write one on a document (Ctrl+Shift+M), "
                                       "a code (Ctrl+Alt+M) or a coding (Ctrl+M)."))
        elif shown == len(self.entries):
            self.count.setText(self.tr("{0} memos. Double-click one to go to it.").format(shown))
        else:
            self.count.setText(self.tr("{0} of {1} memos").format(shown, len(self.entries)))
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            first = next((self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())
                          if not self.tree.topLevelItem(i).isHidden()), None)
            self.tree.setCurrentItem(first)
        self._enable()

    def _enable(self) -> None:
        self.edit_button.setEnabled(self.current() is not None
                                    and not self.tree.currentItem().isHidden())

    def _go(self, item: QTreeWidgetItem) -> None:
        self.placeRequested.emit(item.data(0, ENTRY))

    def _edit(self) -> None:
        entry = self.current()
        if entry is not None:
            self.editRequested.emit(entry)


__all__ = ["MemoList"]
