"""Code-and-retrieve: the coded segments of the selected code across all documents.

Each row shows the document, the code and the coder, then the coded words in their
context (the words before and after, greyed). Clicking a row opens the document at
that place with the span selected. Rows come and go one at a time as codings change.
"""

from bisect import bisect_left
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from annotator.services.changes import Changes
from annotator.services.coding import Segment, segments
from annotator.ui.document_view import blend, reading_font
from annotator.ui.session import Session

CONTEXT = 40
MAX_SHOWN = 220
SEGMENT = Qt.ItemDataRole.UserRole
BULK = 64  # more rows than this change at once: the list is rebuilt, not edited row by row
_ROOT = QModelIndex()


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", " ⏎ "))


class SegmentsModel(QAbstractListModel):
    """Segments in document order: a sorted list of rows with their sort keys, and each
    coding's key by its id, so a row is found by bisect and many rows come and go in one
    pass (undoing the coding of 10,000 concordance hits, or choosing a code with 50,000
    segments, is not one Qt item or one linear search per row)."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Segment] = []
        self._keys: list[tuple] = []
        self._key_of: dict[int, tuple] = {}  # coding id -> its row's key

    def _key(self, s: Segment) -> tuple:
        return (self.session.document_position(s.document_id), s.start, s.end, s.coding_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        seg = self.rows[index.row()]
        if role == SEGMENT:
            return seg
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{seg.document}: {seg.text[:80]}"
        return None

    def tooltip(self, s: Segment) -> str:
        """Made when asked (thousands of rows would otherwise each carry one)."""
        text = s.text if len(s.text) < 1200 else s.text[:1200] + "…"
        tip = f"<b>{_esc(s.document)}</b> [{s.start}, {s.end})<br>{_esc(text)}"
        if s.memo:
            tip += f"<br><i>{_esc(self.tr('Memo'))}:</i> {_esc(s.memo)}"
        return tip

    def set_rows(self, rows: list[Segment]) -> None:
        self.beginResetModel()
        keyed = sorted(((self._key(s), s) for s in rows), key=lambda ks: ks[0])
        self._keys = [k for k, _ in keyed]
        self.rows = [s for _, s in keyed]
        self._key_of = {s.coding_id: k for k, s in keyed}
        self.endResetModel()

    def insert_many(self, segs: list[Segment]) -> None:
        """Add rows (those already listed are left): one at a time when few, else the
        list is merged and shown anew."""
        new = [s for s in segs if s.coding_id not in self._key_of]
        if len(new) > BULK:
            self.set_rows([*self.rows, *new])
            return
        for seg in new:
            key = self._key(seg)
            i = bisect_left(self._keys, key)
            self.beginInsertRows(_ROOT, i, i)
            self.rows.insert(i, seg)
            self._keys.insert(i, key)
            self._key_of[seg.coding_id] = key
            self.endInsertRows()

    def _row_of(self, coding_id: int) -> int | None:
        key = self._key_of.get(coding_id)
        if key is None:
            return None
        i = bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else None

    def remove_many(self, coding_ids: list[int]) -> None:
        """Remove rows by coding id: one at a time when few, else in one pass."""
        gone = {c for c in coding_ids if c in self._key_of}
        if len(gone) > BULK:
            self.set_rows([s for s in self.rows if s.coding_id not in gone])
            return
        for coding_id in gone:
            i = self._row_of(coding_id)
            if i is None:
                continue
            self.beginRemoveRows(_ROOT, i, i)
            del self.rows[i]
            del self._keys[i]
            del self._key_of[coding_id]
            self.endRemoveRows()

    def replace_memo(self, coding_id: int, memo: str) -> None:
        i = self._row_of(coding_id)
        if i is not None:
            s = self.rows[i]
            self.rows[i] = Segment(s.coding_id, s.document_id, s.document, s.code_id,
                                   s.code_path, s.coder, s.start, s.end, s.text, memo,
                                   s.created_at)
            index = self.index(i, 0)
            self.dataChanged.emit(index, index)

    def html(self, s: Segment) -> str:
        """The row's rich text: header line, then the words in context."""
        text = self.session.text(s.document_id)
        before = text[max(0, s.start - CONTEXT):s.start]
        after = text[s.end:s.end + CONTEXT]
        coded = s.text
        if len(coded) > MAX_SHOWN:
            coded = coded[: MAX_SHOWN * 2 // 3] + " … " + coded[-MAX_SHOWN // 3:]
        before = ("…" if s.start > CONTEXT else "") + before.split("\n")[-1]
        after = after.split("\n")[0] + ("…" if s.end + CONTEXT < len(text) else "")
        color = self.session.code_color(s.code_id)
        tint = blend([color], 0.35).name()
        memo = " ✎" if s.memo else ""
        return (
            f'<div style="color:{HEADER_GREY}; font-size:small">'
            f'<span style="color:{color}">■</span> <b>{_esc(s.document)}</b>'
            f' · {_esc(s.code_path)} · {_esc(s.coder)}{memo}</div>'
            f'<div><span style="color:{CONTEXT_GREY}">{_esc(before)}</span>'
            f'<span style="background:{tint}">{_esc(coded)}</span>'
            f'<span style="color:{CONTEXT_GREY}">{_esc(after)}</span></div>'
        )


#: the greys of a row's header line and of the words around the coded ones: dark enough
#: to read on the base colour and on the selection tint
HEADER_GREY, CONTEXT_GREY = "#4d4d4d", "#666666"


def selection_tint(palette: QPalette) -> QColor:
    """The selected row's background: the highlight colour, lightly over the base (a
    full highlight puts grey text on blue, which cannot be read)."""
    base, high = palette.color(QPalette.ColorRole.Base), palette.color(
        QPalette.ColorRole.Highlight)
    return QColor(*(round(b + (h - b) * 0.18) for b, h in zip(
        base.getRgb()[:3], high.getRgb()[:3], strict=True)))


def _whole_lines(doc: QTextDocument, height: int) -> int:
    """The height of the lines of ``doc`` that fit whole into ``height`` pixels."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for i in range(lines.lineCount()):
            line = lines.lineAt(i)
            if top + line.y() + line.height() > height:
                return int(top + line.y())
        block = block.next()
    return height


class SegmentDelegate(QStyledItemDelegate):
    """Paints a segment's rich text in a row of fixed height (lines are clipped)."""

    LINES = 4

    def __init__(self, model: SegmentsModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self._cache: dict[tuple[int, int, str], QTextDocument] = {}

    def _document(self, seg: Segment, width: int, font) -> QTextDocument:
        key = (seg.coding_id, width, seg.memo)
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) > 400:
                self._cache.clear()
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(4)
            doc.setHtml(self.model.html(seg))
            doc.setTextWidth(width)
            self._cache[key] = doc
        return doc

    def clear(self) -> None:
        self._cache.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        seg: Segment = index.data(SEGMENT)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        opt.state &= ~QStyle.StateFlag.State_Selected
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if selected:  # a light tint and a bar: the greys and colours stay readable
            painter.fillRect(opt.rect, selection_tint(opt.palette))
            painter.fillRect(QRect(opt.rect.left(), opt.rect.top(), 3, opt.rect.height()),
                             opt.palette.color(QPalette.ColorRole.Highlight))
        doc = self._document(seg, opt.rect.width() - 4, opt.font)
        height = opt.rect.height() - 1
        painter.save()
        painter.translate(opt.rect.left() + 2, opt.rect.top())
        clip = QRect(0, 0, opt.rect.width() - 4, _whole_lines(doc, height))
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
        painter.setPen(QColor(0, 0, 0, 30))
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())

    def helpEvent(self, event, view, option, index) -> bool:
        seg = index.data(SEGMENT) if index.isValid() else None
        if seg is not None and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.model.tooltip(seg), view)
            return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, option.fontMetrics.lineSpacing() * self.LINES + 10)


class SegmentsPanel(QWidget):
    """The list of coded segments with its heading (``segmentsView`` is the list)."""

    segmentActivated = Signal(object)  # Segment

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.code_id: int | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.children_box = QCheckBox(self.tr("Include child codes"))
        self.children_box.setToolTip(self.tr("Also list the segments of the code's children"))
        self.children_box.setChecked(False)
        self.children_box.toggled.connect(self.reload)
        self._pending: list[Changes] = []
        self._shown_codes: set[int] = set()  # ``_related`` when the list was last read
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.flush)
        self.model = SegmentsModel(session, self)
        self.view = QListView()
        self.view.setObjectName("segmentsView")
        self.view.setModel(self.model)
        self.delegate = SegmentDelegate(self.model, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(True)
        self.view.setFont(reading_font(self.font().pointSizeF()))
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.children_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        self._set_title()

    def _codes(self) -> set[int]:
        if self.code_id is None:
            return set()
        if self.children_box.isChecked():
            return self.session.subtree(self.code_id)
        return {self.code_id}

    def _related(self) -> set[int]:
        """The codes listed and their ancestors (whose names are in the rows' paths)."""
        tree = self.session.tree
        return {a for c in self._codes() for a in tree.ancestors(c)} | self._codes()

    def _concerns(self, codes: frozenset[int]) -> bool:
        """Whether a codebook change touches the list: a code of it or above it, before
        or after the change, or a code gone (its rows go with it). Adding a code
        elsewhere in a codebook of thousands re-reads nothing."""
        if not codes:
            return False
        if self._shown_codes & codes or self._related() & codes:
            return True
        return any(c not in self.session.codes for c in codes)

    def show_code(self, code_id: int | None) -> None:
        self.code_id = code_id
        self.reload()

    def reload(self) -> None:
        self._pending = []
        self._timer.stop()
        self.delegate.clear()
        if self.code_id is None or self.session.project is None \
                or self.code_id not in self.session.codes:
            self.code_id = None if self.code_id not in self.session.codes else self.code_id
            self.model.set_rows([])
        else:
            coder = None if self.session.show_other_coders else self.session.coder.id
            rows = self.session.call(
                segments, self.session.project, code_id=self.code_id, coder_id=coder,
                with_children=self.children_box.isChecked()) or []
            self.model.set_rows(rows)
        self._shown_codes = self._related() if self.code_id is not None else set()
        self._set_title()

    def _set_title(self) -> None:
        if self.code_id is None:
            self.title.setText(self.tr("Coded segments: select a code in the codebook"))
            return
        self.title.setText(self.tr("Coded segments of <b>{0}</b>: {1}").format(
            _esc(self.session.code_path(self.code_id)), self.model.rowCount()))

    def apply_change(self, change: Changes) -> None:
        """Queue a change: the list follows right after the document has repainted (and
        a burst of changes, such as auto-coding, updates it once)."""
        if self.code_id is None:
            return
        if change.reset or change.documents or change.shown or self._concerns(change.codes):
            # a code of the list (or above one) renamed, recoloured, moved or gone, a
            # document renamed or gone (segments carry its name and text), other coders
            # shown or hidden: re-read the list now
            self.reload()
            return
        self._pending.append(change)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Apply the queued changes now."""
        self._timer.stop()
        pending, self._pending = self._pending, []
        for change in pending:
            self._apply(change)

    def _apply(self, change: Changes) -> None:
        if self.code_id is None:
            return
        codes = self._codes()
        self.model.remove_many([c.id for c in change.codings_removed if c.code_id in codes])
        now = datetime.now(UTC).replace(tzinfo=None)
        session = self.session
        new = []
        for c in change.codings_added:
            if c.code_id in codes and session.coder_visible(c.coder_id):
                doc = session.document(c.document_id)
                new.append(Segment(
                    c.id, c.document_id, doc.name if doc else "", c.code_id,
                    session.code_path(c.code_id), session.coder_name(c.coder_id),
                    c.start, c.end, session.text(c.document_id)[c.start:c.end], c.memo, now))
        self.model.insert_many(new)
        for c in change.codings_changed:
            self.model.replace_memo(c.id, c.memo)
        self._set_title()

    def _activated(self, index: QModelIndex) -> None:
        seg = index.data(SEGMENT)
        if seg is not None:
            self.segmentActivated.emit(seg)
