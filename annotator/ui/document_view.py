"""The document: read-only text with its codings highlighted and coding stripes beside it.

How it stays fast on a novel with 300,000 codings:

- ``QPlainTextEdit`` lays out only the blocks on screen.
- The codings are read a stretch of text at a time, when first looked up
  (``DocumentCodings``): opening a document reads those on screen, not all of them.
- ``CodingHighlighter`` (a ``QSyntaxHighlighter``) looks the codings of a block up in
  that index (bisect) and lays them out in one sweep over their ends. It is *lazy*: a
  block gets its formats when it first comes on screen (``DocumentView.paintEvent`` asks
  for the visible blocks just before Qt paints them), so opening a document costs what
  the bare widget costs plus the few blocks on screen. A block remembers which
  generation of formats it has in its ``userState``; a change of colours or of visible
  coders starts a new generation.
- A new or removed coding touches only the blocks it covers: they are marked stale and
  the visible ones re-highlighted before the next paint. No ExtraSelections, no
  ``mergeCharFormat`` per coding.
- ``StripeArea`` (a side widget like a line-number area) paints a bar per code beside the
  lines each coding covers, for the visible blocks only.

Offsets: the index and the widget speak UTF-16 units; everything that leaves this module
(selection, clicked codings) is converted to code points with ``Utf16Map``.
"""

import gc
import json
import time
from bisect import bisect_right
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from annotator.domain.errors import AnnotatorError
from annotator.domain.offsets import Utf16Map
from annotator.services.changes import Changes
from annotator.ui.document_codings import DocumentCodings, NoCodings
from annotator.ui.session import Session
from annotator.ui.spans import Span

SPAN_MIME = "application/x-annotator-span"
READING_FAMILIES = [
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans", "Segoe UI", "sans-serif",
]
LAYER_ALPHA = 0.30  # each code's colour over the paper, like highlighter pens stacking
MAX_LAYERS = 4
UNKNOWN_COLOR = "#999999"  # a code the codebook no longer has (as ``Session.code_color``)


def reading_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@cache
def _color(name: str) -> QColor:
    return QColor(name)


def blend(colors: list[str], alpha: float = LAYER_ALPHA) -> QColor:
    """Colours composited over white, each at ``alpha``: overlaps read darker and mixed."""
    r = g = b = 255.0
    for name in colors[:MAX_LAYERS]:
        c = _color(name)
        r = r * (1 - alpha) + c.red() * alpha
        g = g * (1 - alpha) + c.green() * alpha
        b = b * (1 - alpha) + c.blue() * alpha
    return QColor(round(r), round(g), round(b))


class CodingHighlighter(QSyntaxHighlighter):
    """Formats a block from the codings the index holds for it (see the module doc)."""

    def __init__(self, view: "DocumentView") -> None:
        super().__init__(view.document())
        self.view = view
        self.generation = 1
        self._formats: dict[tuple[int, ...], QTextCharFormat] = {}

    def new_generation(self) -> None:
        """Every block's formats are stale (colours or visibility changed)."""
        self.generation += 1
        self._formats.clear()

    def format_for(self, ranks: tuple[int, ...]) -> QTextCharFormat:
        """The format of characters under the codes at these places of the codebook
        (``Session.code_rank``): the first ``MAX_LAYERS`` blended, the last underlining."""
        fmt = self._formats.get(ranks)
        if fmt is None:
            session = self.view.session
            order = session.code_order
            colors = [session.code_color(order[r]) if r < len(order) else UNKNOWN_COLOR
                      for r in ranks]
            fmt = QTextCharFormat()
            fmt.setBackground(blend(colors))
            if len(ranks) > 1:  # overlapping codings: the top code also underlines
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colors[-1]).darker(120))
            self._formats[ranks] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:
        if self.currentBlockState() != self.generation:
            return  # not on screen yet: highlighted when it first is
        block = self.currentBlock()
        a = block.position()
        b = a + block.length() - 1  # UTF-16 units; the paragraph separator is not coded
        spans = self.view.visible_spans(a, b)
        if not spans:
            return
        # One sweep over the codings' ends, in order: between two ends the same codes
        # apply, and a run of characters under the same codes gets one format. Codes are
        # counted by their place in the codebook, and a format depends only on the first
        # few and the last of them, so thirty overlapping codings make few formats.
        rank = self.view.session.code_rank
        events = sorted([(max(s.start, a) - a, 1, rank(s.code_id)) for s in spans]
                        + [(min(s.end, b) - a, -1, rank(s.code_id)) for s in spans])
        active: dict[int, int] = {}
        run_key: tuple[int, ...] = ()
        run_start = i = 0
        n = len(events)
        while i < n:
            p = events[i][0]
            while i < n and events[i][0] == p:
                _, delta, r = events[i]
                left = active.get(r, 0) + delta
                if left:
                    active[r] = left
                else:
                    del active[r]
                i += 1
            ranks = sorted(active)
            key = tuple(ranks) if len(ranks) <= MAX_LAYERS else \
                (*ranks[:MAX_LAYERS], ranks[-1])
            if key != run_key:
                if run_key:
                    self.setFormat(run_start, p - run_start, self.format_for(run_key))
                run_key, run_start = key, p


class StripeArea(QWidget):
    """Coding stripes in the left margin: a bar per code beside the lines it covers.

    Lanes are the codes of the whole document (those shown), in codebook order: a code
    keeps its lane while the reader scrolls, as the peers' stripes do (lanes taken from
    the codes on screen jumped whenever a code scrolled into view). Hovering a bar names
    its code, its coder and its length. A new coding repaints only the stripes beside
    its lines, unless it brings a code new to the document (and so new lanes).
    """

    LANE = 7
    MAX_LANES = 8
    PAD = 5

    def __init__(self, view: "DocumentView") -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("codingStripes")
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._hits: dict[int, tuple[QRectF, Span]] = {}  # coding id -> bar
        self._codes: list[int] = []  # the lanes last painted
        self._lane_codes: list[int] | None = None  # the document's codes, cached

    def codings_changed(self) -> None:
        """The document, its codings or the coders shown changed: lanes anew."""
        self._lane_codes = None

    def lane_codes(self) -> list[int]:
        """The codes shown in the document, in codebook order: one lane each."""
        if self._lane_codes is None:
            session = self.view.session
            if session.show_other_coders:
                codes = self.view.index.code_ids()
            else:
                codes = self.view.index.code_ids(session.coder.id) if session.coder else set()
            self._lane_codes = sorted(codes, key=session.code_rank)
        return self._lane_codes

    def lanes(self) -> int:
        """Lanes follow the size of the codebook, not the codings: the margin must not
        change width (and re-wrap the text under the reader's eyes) when one codes."""
        return max(3, min(self.MAX_LANES, len(self.view.session.codes)))

    def sizeHint(self) -> QSize:
        return QSize(self.PAD * 2 + self.lanes() * self.LANE, 0)

    def update_lines(self, top: int, bottom: int) -> None:
        """Repaint the stripes beside these lines, or all of them if the codes on screen
        (and so the lanes) changed."""
        if self.lane_codes() != self._codes:
            self.update()
        else:
            self.update(0, top, self.width(), bottom - top)

    def _range(self, visible: list) -> tuple[int, int]:
        last = visible[-1][0]
        return visible[0][0].position(), last.position() + last.length()

    def bars(self) -> list[tuple[QRectF, Span]]:
        return list(self._hits.values())

    def paintEvent(self, event: QPaintEvent) -> None:
        dirty = event.rect()
        painter = QPainter(self)
        painter.fillRect(dirty, self.palette().base().color().darker(103))
        painter.setPen(self.palette().mid().color())
        painter.drawLine(self.width() - 1, dirty.top(), self.width() - 1, dirty.bottom())
        view = self.view
        visible = view.visible_blocks()
        if not visible:
            self._hits, self._codes = {}, []
            return
        a, b = self._range(visible)
        spans = view.visible_spans(a, b)
        codes = self.lane_codes()
        partial = codes == self._codes and dirty.height() < self.height() - 4
        self._codes = codes
        if partial:  # only the codings beside the dirty lines
            lo = view.cursorForPosition(QPoint(0, dirty.top())).block().position()
            hi_block = view.cursorForPosition(
                QPoint(view.viewport().width(), dirty.bottom())).block()
            hi = hi_block.position() + hi_block.length()
            spans = [s for s in spans if s.start < hi and s.end > lo]
            on_screen = {s.coding_id for s in view.visible_spans(a, b)}
            self._hits = {k: v for k, v in self._hits.items()
                          if k in on_screen and not v[0].intersects(QRectF(dirty))}
        else:
            self._hits = {}
        if not spans:
            return
        lane = {c: i for i, c in enumerate(codes)}
        step = min(float(self.LANE), (self.width() - 2 * self.PAD) / max(1, len(codes)))
        # the screen lines on show, by the position they start at: a bar's ends are a
        # bisect away, not a block lookup and a layout query per coding
        line_at: list[int] = []
        tops: list[float] = []
        bottoms: list[float] = []
        for blk, rect in visible:
            layout, base = blk.layout(), blk.position()
            if layout.lineCount() == 0:
                line_at.append(base)
                tops.append(rect.top())
                bottoms.append(rect.bottom())
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_at.append(base + line.textStart())
                tops.append(rect.top() + line.y())
                bottoms.append(rect.top() + line.y() + line.height())
        height = self.height()

        def y_at(pos: int, bottom: bool) -> float:
            if pos < a:
                return -2.0
            if pos >= b:
                return height + 2.0
            i = max(0, bisect_right(line_at, pos) - 1)
            return bottoms[i] if bottom else tops[i]

        painter.setPen(Qt.PenStyle.NoPen)
        colors: dict[int, QColor] = {}
        for s in spans:
            top = y_at(s.start, False)
            bottom = y_at(max(s.start, s.end - 1), True)
            x = self.width() - self.PAD - (len(codes) - lane[s.code_id]) * step
            rect = QRectF(x, top + 1, max(2.0, step - 1.5), max(3.0, bottom - top - 2))
            color = colors.get(s.code_id)
            if color is None:
                color = colors[s.code_id] = QColor(view.session.code_color(s.code_id))
            painter.setBrush(color)
            painter.drawRoundedRect(rect, 1.5, 1.5)
            self._hits[s.coding_id] = (rect, s)

    def spans_at(self, point: QPoint) -> list[Span]:
        hits = [s for rect, s in self._hits.values()
                if rect.adjusted(-1, 0, 1, 0).contains(point)]
        return sorted(hits, key=lambda s: s.end - s.start)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            spans = self.spans_at(event.pos())
            if spans:
                QToolTip.showText(event.globalPos(), "\n".join(
                    self.view.describe(s) for s in spans), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        spans = self.spans_at(event.position().toPoint())
        if spans and event.button() == Qt.MouseButton.LeftButton:
            self.view.activate_span(spans[0])
        else:
            super().mousePressEvent(event)


class DocumentView(QPlainTextEdit):
    """The document being read and coded (``objectName`` ``documentView``)."""

    selectionSpanChanged = Signal()
    cursorCodings = Signal(list)  # [Span] under the caret, or touched by the selection
    codingActivated = Signal(int)  # a coding chosen from the stripes (coding id)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.session = session
        self.doc_id: int | None = None
        self.map = Utf16Map.of("")
        self.index: DocumentCodings | NoCodings = NoCodings()
        self._read_during: Changes | None = None  # see ``apply_change``
        # the controllers' entries of the context menu, in the order they were added
        self.context_menu_hooks: list[Callable[[QMenu, list[Span]], None]] = []
        self.painted_at = 0.0
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(14)
        self.highlighter = CodingHighlighter(self)
        self.stripes = StripeArea(self)
        self.updateRequest.connect(self._update_stripes)
        self.selectionChanged.connect(self.selectionSpanChanged)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self._fit_stripes()

    # -- loading -------------------------------------------------------------------------

    def load(self, doc_id: int | None) -> None:
        """Show a document with its codings (``None``: show nothing)."""
        if doc_id is None:
            self.doc_id = None
            self.map, self.index = Utf16Map.of(""), NoCodings()
            self.stripes.codings_changed()
            self.highlighter.new_generation()
            self.setPlainText("")
            self._fit_stripes()
            return
        # reads that may fail (a team project's server gone): the view stays as it was
        text = self.session.text(doc_id)
        before = self.doc_id, self.map, self.index
        self.doc_id, self.map = doc_id, Utf16Map.of(text)
        try:
            self._load_codings()
        except AnnotatorError:
            self.doc_id, self.map, self.index = before
            raise
        self.stripes.codings_changed()
        self.highlighter.new_generation()
        self._set_text_unhighlighted(text)
        self._fit_stripes()
        # What exists now (the window, the project's caches) lives while the document is
        # read: out of the cyclic collector's sight, whose full pass over it all stopped
        # the window for 100–200 ms now and then while paging (``ui/background`` does
        # the same while a job runs). Reference counting still frees what goes.
        gc.freeze()

    def _set_text_unhighlighted(self, text: str) -> None:
        """``setPlainText`` without QSyntaxHighlighter's pass over every block.

        A highlighter attached to the document re-formats every block when the text is
        set (it fills a format per character of each block and calls ``highlightBlock``):
        50-80 ms for a novel, which would more than double the cost of opening it. The
        blocks get their formats lazily when painted anyway, so the highlighter is
        detached while the text goes in and attached again without the full
        re-highlight that attaching schedules (a queued call we drop). Should a Qt
        version schedule it differently, the pass runs and finds nothing to do (every
        block is still unstamped): slower, never wrong.
        """
        doc = self.document()
        doc.clear()  # the old text's blocks lose their formats with it
        self.highlighter.setDocument(None)
        self.setPlainText(text)
        self.highlighter.setDocument(doc)
        QCoreApplication.removePostedEvents(self.highlighter, QEvent.Type.MetaCall)

    def _load_codings(self) -> None:
        """Start reading this document's codings: the long ones now, the rest a stretch
        at a time as lookups need them (``DocumentCodings``)."""
        session = self.session
        assert session.project is not None and self.doc_id is not None
        self.index = DocumentCodings(session.project, self.doc_id, self.map,
                                     lambda: session.delivering)
        self._read_during = session.delivering

    def reload_codings(self) -> None:
        """Re-read this document's codings (after a merge or a change of coders shown)."""
        if self.doc_id is None:
            return
        self._load_codings()
        self.restyle()

    def restyle(self) -> None:
        """Colours or visibility changed: new formats for every block as it comes on screen."""
        self.highlighter.new_generation()
        self.stripes.codings_changed()
        self._fit_stripes()
        self.viewport().update()
        self.stripes.update()

    # -- changes -------------------------------------------------------------------------

    def apply_change(self, change: Changes) -> None:
        """Update the index and re-highlight only the blocks the changed codings cover."""
        if change.codebook or change.shown:  # colours, or whose codings show
            self.restyle()
        if self.doc_id is None:
            return
        if change.reset:
            self.reload_codings()
            return
        if change is self._read_during:
            return  # the view (re)loaded the document while this change was delivered
        touched = self.index.apply(change)
        if not touched:
            return
        self.stripes.codings_changed()
        doc = self.document()
        for a, b in touched:
            block = doc.findBlock(a)
            end = doc.findBlock(max(a, b - 1))
            while block.isValid():
                block.setUserState(-1)  # stale: re-highlighted when next painted
                if block == end:
                    break
                block = block.next()
        self._repaint_spans(touched)
        self._cursor_moved()

    def _repaint_spans(self, spans: list[tuple[int, int]]) -> None:
        """Ask for a repaint of the on-screen lines the spans (UTF-16) cover, and of the
        stripes beside them: a new coding repaints a few lines, not the view."""
        visible = self.visible_blocks()
        if not visible:
            return
        first = visible[0][0].position()
        last = visible[-1][0].position() + visible[-1][0].length()
        top = bottom = None
        for a, b in spans:
            if b <= first or a >= last:
                continue
            y0 = self._line_y(max(a, first), visible, bottom=False)
            y1 = self._line_y(min(b, last - 1) - 1 if b > a else a, visible, bottom=True)
            top = y0 if top is None else min(top, y0)
            bottom = y1 if bottom is None else max(bottom, y1)
        if top is None:
            return
        top, bottom = max(0, int(top) - 2), int(bottom) + 3
        self.viewport().update(0, top, self.viewport().width(), bottom - top)
        self.stripes.update_lines(top, bottom)

    def _line_y(self, pos: int, visible: list, bottom: bool) -> float:
        """Top (or bottom) of the screen line holding UTF-16 position ``pos``."""
        for block, rect in visible:
            start = block.position()
            if start <= pos < start + block.length():
                line = block.layout().lineForTextPosition(pos - start)
                if not line.isValid():
                    return rect.bottom() if bottom else rect.top()
                y = rect.top() + line.y()
                return y + line.height() if bottom else y
        return visible[-1][1].bottom() if bottom else visible[0][1].top()

    # -- queries -------------------------------------------------------------------------

    def visible_spans(self, a: int, b: int) -> list[Span]:
        spans = self.index.overlapping(a, b)
        if self.session.show_other_coders:
            return spans
        return [s for s in spans if self.session.coder_visible(s.coder_id)]

    def visible_blocks(self) -> list:
        out = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > height:
                break
            if block.isVisible():
                out.append((block, rect))
            block = block.next()
        return out

    def describe(self, span: Span) -> str:
        n = self.map.to_codepoint(span.end) - self.map.to_codepoint(span.start)
        return self.tr("{0} — {1} ({2} characters)").format(
            self.session.code_path(span.code_id), self.session.coder_name(span.coder_id), n)

    def selection_span(self) -> tuple[int, int] | None:
        """The selection in code points, or ``None``."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.doc_id is None:
            return None
        a = self.map.to_codepoint(min(cursor.selectionStart(), self.map.utf16_length))
        b = self.map.to_codepoint(min(cursor.selectionEnd(), self.map.utf16_length))
        if b <= a:
            return None
        return a, b

    def selected_text(self) -> str:
        span = self.selection_span()
        if span is None or self.doc_id is None:
            return ""
        return self.session.text(self.doc_id)[span[0]:span[1]]

    def spans_at_cursor(self) -> list[Span]:
        """The codings where the caret is — or, while text is selected, the codings the
        selection touches (what "Codings here" lists, so it never shows a place the
        user has left)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return self.visible_spans(cursor.selectionStart(), cursor.selectionEnd())
        pos = cursor.position()
        return self.visible_spans(max(0, pos - 1), pos + 1) if pos > 0 else \
            self.visible_spans(0, 1)

    # -- moving around -------------------------------------------------------------------

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and bring it to the middle of the view."""
        self._select_utf16(self.map.to_utf16(start), self.map.to_utf16(end))

    def _select_utf16(self, a: int, b: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(b)
        cursor.setPosition(a, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def go_to(self, pos: int) -> None:
        """Put the caret at code point ``pos`` and show it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.map.to_utf16(max(0, min(pos, self.map.length))))
        self.setTextCursor(cursor)
        self.centerCursor()

    def caret_position(self) -> int:
        return self.map.to_codepoint(min(self.textCursor().position(), self.map.utf16_length))

    def activate_span(self, span: Span) -> None:
        self._select_utf16(span.start, span.end)
        self.codingActivated.emit(span.coding_id)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        generation = self.highlighter.generation
        stale = [b for b, _rect in self.visible_blocks() if b.userState() != generation]
        if stale:
            # Formats change colours only, never line breaks: the block is laid out again
            # at once and painted now, so the layout's "repaint this block" signals would
            # only ask for a second, identical paint.
            layout = self.document().documentLayout()
            was_blocked = layout.blockSignals(True)
            try:
                for block in stale:
                    block.setUserState(generation)
                    self.highlighter.rehighlightBlock(block)
            finally:
                layout.blockSignals(was_blocked)
        super().paintEvent(event)
        self.painted_at = time.perf_counter()  # for the benchmark: when the text showed

    def _fit_stripes(self) -> None:
        width = self.stripes.sizeHint().width()
        if self.viewportMargins().left() != width:
            self.setViewportMargins(width, 0, 0, 0)
            self._wrap_to_viewport()
        cr = self.contentsRect()
        self.stripes.setGeometry(cr.left(), cr.top(), width, cr.height())

    def _wrap_to_viewport(self) -> None:
        """Lay the text out again at the viewport's width after the margin changed.

        The stripes' margin changes with the size of the codebook. When that happens
        while the view is hidden or not yet shown (another project opened from the
        recent list, the demo opened from the welcome page), Qt delivers the viewport's
        resize later with its old width equal to its new one, so ``QPlainTextEdit``
        keeps the text wrapped at the old, wider width: a short document got a
        horizontal scrollbar with its right edge cut off, and the first passage was
        scrolled to before the lines re-wrapped.
        """
        size = self.viewport().size()
        super().resizeEvent(QResizeEvent(size, QSize(-1, size.height())))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stripes()

    def _update_stripes(self, rect, dy: int) -> None:
        if dy:
            self.stripes.scroll(0, dy)
        self.stripes.update(0, rect.y(), self.stripes.width(), rect.height())

    # -- interaction ---------------------------------------------------------------------

    def _cursor_moved(self) -> None:
        self.cursorCodings.emit(self.spans_at_cursor())

    def createMimeDataFromSelection(self) -> QMimeData:
        """The selected words as plain text (exactly as stored) plus where they are, so a
        drop on a code in the codebook codes them."""
        span = self.selection_span()
        if span is None or self.doc_id is None:
            return super().createMimeDataFromSelection()
        mime = QMimeData()
        mime.setText(self.session.text(self.doc_id)[span[0]:span[1]])
        payload = {"document": self.doc_id, "start": span[0], "end": span[1]}
        mime.setData(SPAN_MIME, json.dumps(payload).encode())
        return mime

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textCursor().hasSelection():
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = self.createStandardContextMenu(event.pos())
        spans = self.spans_at_cursor()
        for hook in self.context_menu_hooks:
            hook(menu, spans)
        menu.exec(event.globalPos())
        menu.deleteLater()
