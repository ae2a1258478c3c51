"""The codebook tree: colours, counts, quick keys; rename in place; drag to move; drop a
text selection on a code to code it.

The tree only shows and asks: every change is a signal the main window turns into an
undoable command, and the tree is rebuilt from the session's codebook when it changes
(codebooks are small). Counts change one item at a time.
"""

import json

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from annotator.ui.document_view import SPAN_MIME
from annotator.ui.session import Session

CODE_ID = Qt.ItemDataRole.UserRole
COL_NAME, COL_COUNT, COL_KEY = 0, 1, 2


def swatch(color: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class CodebookTree(QTreeWidget):
    codeActivated = Signal(int)  # double-click / Enter: code the selection with it
    renameRequested = Signal(int, str)
    moveRequested = Signal(int, object, object)  # code id, new parent id | None, position
    spanDropped = Signal(int, int, int, int)  # code id, document id, start, end

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookTree")
        self.session = session
        self.items: dict[int, QTreeWidgetItem] = {}
        self._quick: list[int | None] = []
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Code"), self.tr("Codings"), self.tr("Key")])
        self.headerItem().setToolTip(COL_COUNT, self.tr(
            "Codings of this code; for a parent, its own and (in brackets) with its subcodes"))
        self.headerItem().setToolTip(COL_KEY, self.tr("Number key that assigns this code"))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: "resize to contents" would measure every row on each count change.
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_KEY, QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        header.resizeSection(COL_COUNT, max(metrics.horizontalAdvance(self.tr("Codings")),
                                            metrics.horizontalAdvance(
                                                self.tr("{0} ({1})").format(9999, 99999))) + 18)
        header.resizeSection(COL_KEY, metrics.horizontalAdvance(self.tr("Key")) + 16)
        # every row is one line: the view need not measure each of thousands of rows
        # to lay them out again after a code is added
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(False)
        self.setUniformRowHeights(True)
        self.itemDoubleClicked.connect(self._double_clicked)
        self.itemChanged.connect(self._item_changed)

    # -- building ------------------------------------------------------------------------

    def current_code(self) -> int | None:
        item = self.currentItem()
        return None if item is None else item.data(COL_NAME, CODE_ID)

    def select_code(self, code_id: int | None) -> None:
        item = self.items.get(code_id) if code_id is not None else None
        if item is not None:
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def _new_item(self, cid: int, totals: dict[int, int]) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(COL_NAME, CODE_ID, cid)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable
                      | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
        item.setTextAlignment(COL_COUNT, Qt.AlignmentFlag.AlignRight
                              | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(COL_KEY, Qt.AlignmentFlag.AlignCenter)
        self._fill(item, cid, totals)
        return item

    def rebuild(self) -> None:
        expanded = {cid for cid, it in self.items.items() if it.isExpanded()}
        first = not self.items
        current = self.current_code()
        totals = self._subtree_totals()
        with QSignalBlocker(self):
            self.clear()
            self.items = {}
            for cid in self.session.code_order:
                item = self._new_item(cid, totals)
                parent = self.items.get(self.session.codes[cid].parent_id)
                if parent is None:
                    self.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                self.items[cid] = item
            for cid, item in self.items.items():
                item.setExpanded(first or cid in expanded)
        self._set_keys(self._quick)
        if current in self.items:
            self.setCurrentItem(self.items[current])

    def apply_codes(self, code_ids: frozenset[int]) -> None:
        """The codebook changed in these codes. Codes only added (a new code, an
        in-vivo code) get their rows where they belong; anything else rebuilds the tree
        (adding one code to a codebook of thousands re-made every row)."""
        s = self.session
        if not code_ids or any(c in self.items or c not in s.codes for c in code_ids):
            self.rebuild()
            return
        totals = self._subtree_totals()
        with QSignalBlocker(self):
            for cid in sorted(code_ids, key=s.code_rank):  # parents before children
                parent_id = s.codes[cid].parent_id
                parent = self.items.get(parent_id)
                siblings = s.tree.children(parent_id if parent is not None else None)
                row = siblings.index(cid) if cid in siblings else len(siblings)
                item = self._new_item(cid, totals)
                if parent is None:
                    self.insertTopLevelItem(row, item)
                else:
                    parent.insertChild(row, item)
                self.items[cid] = item
                for above in list(s.tree.ancestors(cid))[1:]:  # now parents, new totals
                    if above in self.items:
                        self._fill_count(self.items[above], above, totals.get(above, 0))
        self._set_keys(self._quick)

    def _fill(self, item: QTreeWidgetItem, cid: int, totals: dict[int, int]) -> None:
        code = self.session.codes[cid]
        item.setText(COL_NAME, code.name)
        item.setIcon(COL_NAME, swatch(code.color))
        self._fill_count(item, cid, totals.get(cid, 0))
        tip = [f"<b>{_esc(code.path)}</b>"]
        if code.description:
            tip.append(_esc(code.description).replace("\n", "<br>"))
        if code.memo:
            tip.append(f"<i>{_esc(self.tr('Memo'))}:</i> {_esc(code.memo)}")
        item.setToolTip(COL_NAME, "<br>".join(tip))

    def _subtree_totals(self) -> dict[int, int]:
        """Every code's codings with its subcodes', in one pass from the leaves up (a sum
        over each code's subtree was quadratic on a deep codebook)."""
        session = self.session
        totals = dict(session.counts)
        for cid in reversed(session.code_order):
            parent = session.tree.parent.get(cid)
            if parent is not None and parent in session.tree:
                totals[parent] = totals.get(parent, 0) + totals.get(cid, 0)
        return totals

    def _fill_count(self, item: QTreeWidgetItem, cid: int, total: int | None = None) -> None:
        """A leaf shows its codings; a parent its own and, in brackets, its subtree's
        (own + every subcode's), as NVivo and MAXQDA aggregate them."""
        counts = self.session.counts
        own = counts.get(cid, 0)
        if not self.session.tree.children(cid):
            text, tip = str(own), ""
        else:
            if total is None:
                total = sum(counts.get(c, 0) for c in self.session.tree.subtree(cid))
            text = self.tr("{0} ({1})").format(own, total)
            tip = self.tr("{0} codings of its own, {1} with its subcodes").format(own, total)
        if item.text(COL_COUNT) != text:
            item.setText(COL_COUNT, text)
            item.setToolTip(COL_COUNT, tip)

    def update_counts(self, code_ids) -> None:
        """The counts of these codes and of their parents (whose totals include them)."""
        tree = self.session.tree
        touched = {a for cid in code_ids if cid in tree for a in (cid, *tree.ancestors(cid))}
        with QSignalBlocker(self):
            for cid in touched:
                item = self.items.get(cid)
                if item is not None:
                    self._fill_count(item, cid)

    def set_quick_codes(self, code_ids: list[int | None]) -> None:
        if list(code_ids) != self._quick:
            self._set_keys(list(code_ids))

    def _set_keys(self, code_ids: list[int | None]) -> None:
        self._quick = code_ids
        keys = {cid: str(n) for n, cid in enumerate(code_ids, start=1)}
        with QSignalBlocker(self):
            for cid, item in self.items.items():
                if item.text(COL_KEY) != keys.get(cid, ""):
                    item.setText(COL_KEY, keys.get(cid, ""))

    # -- user actions --------------------------------------------------------------------

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.codeActivated.emit(item.data(COL_NAME, CODE_ID))

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != COL_NAME:
            return
        cid = item.data(COL_NAME, CODE_ID)
        code = self.session.codes.get(cid)
        new = item.text(COL_NAME).strip()
        if code is None or new == code.name:
            return
        with QSignalBlocker(self):
            item.setText(COL_NAME, code.name)  # shown again once the rename succeeds
        self.renameRequested.emit(cid, new)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != \
                QAbstractItemView.State.EditingState:
            cid = self.current_code()
            if cid is not None:
                self.codeActivated.emit(cid)
                return
        super().keyPressEvent(event)

    # -- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SPAN_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(SPAN_MIME):
            item = self.itemAt(event.position().toPoint())
            if item is not None:
                self.setCurrentItem(item)
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
            else:
                event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        target = self.itemAt(event.position().toPoint())
        if mime.hasFormat(SPAN_MIME):
            if target is None:
                event.ignore()
                return
            data = json.loads(bytes(mime.data(SPAN_MIME)).decode())
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.spanDropped.emit(target.data(COL_NAME, CODE_ID), data["document"],
                                  data["start"], data["end"])
            return
        moving = self.currentItem()
        if event.source() is not self or moving is None:
            event.ignore()
            return
        code_id = moving.data(COL_NAME, CODE_ID)
        where = self.dropIndicatorPosition()
        if target is None or where == QAbstractItemView.DropIndicatorPosition.OnViewport:
            parent_id, position = None, None
        elif where == QAbstractItemView.DropIndicatorPosition.OnItem:
            parent_id, position = target.data(COL_NAME, CODE_ID), None
        else:
            target_id = target.data(COL_NAME, CODE_ID)
            parent_id = self.session.codes[target_id].parent_id
            siblings = [c.id for c in self.session.children(parent_id) if c.id != code_id]
            position = siblings.index(target_id) if target_id in siblings else len(siblings)
            if where == QAbstractItemView.DropIndicatorPosition.BelowItem:
                position += 1
        # The tree is rebuilt from the codebook after the move: tell Qt not to move or
        # delete the dragged item itself.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if target is not None and target is moving:
            return
        self.moveRequested.emit(code_id, parent_id, position)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
