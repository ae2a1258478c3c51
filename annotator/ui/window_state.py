"""What the window remembers between runs: its layout, and where the user was; and the
text size (View → Larger / Smaller / Normal text size).

Geometry, docks, splitters and view settings are global; the document, caret, scroll,
code and coder are kept per project (under a hash of its path) so reopening a project
comes back to the same place, coded under the same name. ``WindowState`` is the
controller that does it; it keeps the place still to scroll to until the window shows.
"""

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QSplitter

from annotator.store.server import display_url, is_server_url
from annotator.ui.codebook_view import CodebookTree
from annotator.ui.context import AppContext
from annotator.ui.document_list import DocumentsController
from annotator.ui.document_view import DocumentView, reading_font
from annotator.ui.segments_view import SegmentsPanel

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate

DEFAULT_FONT_SIZE = 12.0


def project_group(path: Path | str) -> str:
    """The QSettings group of a project (by a hash of its file's path, or of a team
    project's URL without the password)."""
    key = display_url(path) if is_server_url(path) else str(Path(path).resolve())
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    return f"projects/{digest}"


def remembered_coder(settings: QSettings, path: Path | str) -> str | None:
    """The coder last used in the project at ``path`` on this machine, if any."""
    name = str(settings.value(f"{project_group(path)}/coder", "") or "").strip()
    return name or None


def remember_coder(settings: QSettings, path: Path | str, name: str) -> None:
    """Remember the coder of the project at ``path`` (not for other projects, nor for
    the command line: a participant's name must not follow the facilitator)."""
    settings.setValue(f"{project_group(path)}/coder", name)


class WindowState(QObject):
    """The window's layout and text size, and the place in each project."""

    def __init__(self, ctx: AppContext, docs: DocumentsController, view: DocumentView,
                 codebook: CodebookTree, segments: SegmentsPanel,
                 splitters: dict[str, QSplitter]) -> None:
        super().__init__(ctx.window)
        self.ctx, self.docs, self.view, self.codebook = ctx, docs, view, codebook
        self.segments, self.splitters = segments, splitters
        self.font_size = DEFAULT_FONT_SIZE
        self.pending_place: tuple[int, int | None] | None = None  # until the window shows
        K = QKeySequence.StandardKey
        reg = ctx.registry
        reg.action("bigger", translate("MainWindow", "&Larger text"),
                   lambda: self.set_font_size(self.font_size + 1), [K.ZoomIn, "Ctrl+="],
                   translate("MainWindow", "Make the document text larger"))
        reg.action("smaller", translate("MainWindow", "&Smaller text"),
                   lambda: self.set_font_size(self.font_size - 1), K.ZoomOut,
                   translate("MainWindow", "Make the document text smaller"))
        reg.action("font_reset", translate("MainWindow", "&Normal text size"),
                   lambda: self.set_font_size(DEFAULT_FONT_SIZE), "Ctrl+0",
                   translate("MainWindow", "Reset the document text size"))

    def state_key(self) -> str | None:
        """The QSettings group of the open project's place."""
        p = self.ctx.session.project
        return None if p is None else project_group(p.location)

    def save_project_state(self) -> None:
        """Remember the document, caret, scroll and code, to come back to them."""
        key = self.state_key()
        if key is None or not self.ctx.persist:
            return
        st, view = self.ctx.settings, self.view
        doc = self.docs.current_document()
        info = self.ctx.session.document(doc) if doc is not None else None
        st.setValue(f"{key}/document", info.name if info else "")
        st.setValue(f"{key}/position", view.caret_position() if info else 0)
        st.setValue(f"{key}/scroll", view.verticalScrollBar().value())
        code = self.codebook.current_code()
        st.setValue(f"{key}/code", code if code is not None else -1)

    def restore_project_state(self, document: str | None) -> None:
        """Show the remembered document and code; the first time, a coded passage."""
        key, st, s = self.state_key(), self.ctx.settings, self.ctx.session
        name = document or (st.value(f"{key}/document", "") if key else "")
        fresh = not self.docs.select_named(name) or document is not None
        code = int(st.value(f"{key}/code", -1) or -1) if key else -1
        if code not in s.codes and s.code_order:
            # first time: the code used most, its segments listed and the first one shown
            order = s.code_order
            code = max(order, key=lambda c: (s.counts.get(c, 0), -order.index(c)))
        self.codebook.select_code(code if code in s.codes else None)
        if self.view.doc_id is None:
            return
        if fresh:  # no remembered place: start at a coded passage of that code, if any
            index = self.view.index
            first = index.first_start(code) if code in s.codes else None
            if first is None:
                first = index.first_start()
            place = (self.view.map.to_codepoint(first) if first is not None else 0, None)
        else:
            place = (int(st.value(f"{key}/position", 0) or 0),
                     int(st.value(f"{key}/scroll", 0) or 0))
        self.pending_place = place
        if self.ctx.window.isVisible():
            # the panels that just appeared (the welcome page gave way) get their sizes
            # first: the place is computed from the view's real height and line breaks
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.go_to_place()
            # panels built a moment ago (a window that starts as its frame, ``ui/app.start``)
            # get their final size only when the event loop turns: place it again then,
            # unless the user has moved meanwhile
            doc, caret = self.view.doc_id, self.view.textCursor().position()
            QTimer.singleShot(0, self, lambda: self._place_again(place, doc, caret))

    def _place_again(self, place: tuple[int, int | None], doc: int | None,
                     caret: int) -> None:
        if self.view.doc_id == doc and self.view.textCursor().position() == caret:
            self.pending_place = place
            self.go_to_place()

    def go_to_place(self) -> None:
        """Scroll to where the user was (needs the view's real size, so after show)."""
        place, self.pending_place = self.pending_place, None
        if place is None or self.view.doc_id is None:
            return
        pos, scroll = place
        self.view.go_to(pos)
        bar = self.view.verticalScrollBar()
        if scroll is None:  # the first coded passage: a few lines below the top
            cursor_top = self.view.cursorRect().top()
            line = max(1, self.view.fontMetrics().lineSpacing())
            bar.setValue(bar.value() + max(0, cursor_top // line - 3))
        else:
            bar.setValue(scroll)

    def restore_window(self) -> None:
        """Geometry, docks, splitters, text size and segment options as last left."""
        st, w = self.ctx.settings, self.ctx.window
        geometry = st.value("window/geometry")
        if isinstance(geometry, QByteArray):
            w.restoreGeometry(geometry)
        state = st.value("window/state")
        if isinstance(state, QByteArray):
            w.restoreState(state)
        for name, split in self.splitters.items():
            value = st.value(f"window/splitter/{name}")
            if isinstance(value, QByteArray):
                split.restoreState(value)
        self.font_size = float(st.value("view/fontSize", DEFAULT_FONT_SIZE) or DEFAULT_FONT_SIZE)
        self.view.setFont(reading_font(self.font_size))
        self.segments.children_box.setChecked(
            str(st.value("view/segmentsWithChildren", "false")).lower() == "true")

    def save_window_state(self) -> None:
        """Store geometry, docks and splitters (not in a throw-away window)."""
        if not self.ctx.persist:
            return
        st, w = self.ctx.settings, self.ctx.window
        st.setValue("window/geometry", w.saveGeometry())
        st.setValue("window/state", w.saveState())
        for name, split in self.splitters.items():
            st.setValue(f"window/splitter/{name}", split.saveState())
        st.setValue("view/segmentsWithChildren", self.segments.children_box.isChecked())
        st.sync()

    def set_font_size(self, size: float) -> None:
        """Set (and remember) the document text size, within 7–40 pt."""
        size = max(7.0, min(40.0, float(size)))
        if self.ctx.persist:
            self.ctx.settings.setValue("view/fontSize", size)
        self.font_size = size
        self.view.setFont(reading_font(size))
        self.view.restyle()
        self.ctx.say(translate("MainWindow", "Text size {0} pt").format(int(size)))


__all__ = ["DEFAULT_FONT_SIZE", "WindowState", "project_group", "remember_coder",
           "remembered_coder"]
