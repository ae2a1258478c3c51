"""What the window remembers between runs: its layout, and where the user was.

Geometry, docks, splitters and view settings are global; the document, caret, scroll,
code and coder are kept per project (under a hash of its path) so reopening a project
comes back to the same place, coded under the same name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings

from annotator.ui.document_view import reading_font

if TYPE_CHECKING:
    from annotator.ui.context import Window

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate

DEFAULT_FONT_SIZE = 12.0


def project_group(path: Path | str) -> str:
    """The QSettings group of a project file (by a hash of its path)."""
    digest = hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]
    return f"projects/{digest}"


def state_key(window: Window) -> str | None:
    """The QSettings group of the open project's place."""
    p = window.session.project
    return None if p is None else project_group(p.path)


def remembered_coder(settings: QSettings, path: Path | str) -> str | None:
    """The coder last used in the project at ``path`` on this machine, if any."""
    name = str(settings.value(f"{project_group(path)}/coder", "") or "").strip()
    return name or None


def remember_coder(settings: QSettings, path: Path | str, name: str) -> None:
    """Remember the coder of the project at ``path`` (not for other projects, nor for
    the command line: a participant's name must not follow the facilitator)."""
    settings.setValue(f"{project_group(path)}/coder", name)


def save_project_state(window: Window) -> None:
    """Remember the document, caret, scroll and code, to come back to them."""
    key = state_key(window)
    if key is None or not window.persist:
        return
    doc = window.current_document()
    info = window.session.document(doc) if doc is not None else None
    window.settings.setValue(f"{key}/document", info.name if info else "")
    window.settings.setValue(f"{key}/position", window.view.caret_position() if info else 0)
    window.settings.setValue(f"{key}/scroll", window.view.verticalScrollBar().value())
    code = window.codebook.current_code()
    window.settings.setValue(f"{key}/code", code if code is not None else -1)


def restore_project_state(window: Window, document: str | None) -> None:
    """Show the remembered document and code; the first time, a coded passage."""
    key = state_key(window)
    name = document or (window.settings.value(f"{key}/document", "") if key else "")
    target = None
    for i in range(window.documents.count()):
        if window.documents.item(i).text() == name:
            target = i
    fresh = target is None or document is not None
    if window.documents.count():
        window.documents.setCurrentRow(target if target is not None else 0)
    code = int(window.settings.value(f"{key}/code", -1) or -1) if key else -1
    if code not in window.session.codes and window.session.code_order:
        # first time: the code used most, its segments listed and the first one shown
        order = window.session.code_order
        code = max(order, key=lambda c: (window.session.counts.get(c, 0), -order.index(c)))
    window.codebook.select_code(code if code in window.session.codes else None)
    if window.view.doc_id is None:
        return
    if fresh:  # no remembered place: start at a coded passage of that code, if any
        spans = list(window.view.index)
        first = min((s for s in spans if s.code_id == code), default=None,
                    key=lambda s: s.start) or min(spans, default=None,
                                                  key=lambda s: s.start)
        place = (window.view.map.to_codepoint(first.start) if first else 0, None)
    else:
        place = (int(window.settings.value(f"{key}/position", 0) or 0),
                 int(window.settings.value(f"{key}/scroll", 0) or 0))
    window._pending_place = place
    if window.isVisible():
        # the panels that just appeared (the welcome page gave way) get their sizes
        # first: the place is computed from the view's real height and line breaks
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        go_to_place(window)


def go_to_place(window: Window) -> None:
    """Scroll to where the user was (needs the view's real size, so after show)."""
    place, window._pending_place = window._pending_place, None
    if place is None or window.view.doc_id is None:
        return
    pos, scroll = place
    window.view.go_to(pos)
    bar = window.view.verticalScrollBar()
    if scroll is None:  # the first coded passage: a few lines below the top
        cursor_top = window.view.cursorRect().top()
        line = max(1, window.view.fontMetrics().lineSpacing())
        bar.setValue(bar.value() + max(0, cursor_top // line - 3))
    else:
        bar.setValue(scroll)


def restore_window(window: Window) -> None:
    """Geometry, docks, splitters, text size and quick-key mode as last left."""
    st = window.settings
    geometry = st.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = st.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for name, split in (("main", window.main_split), ("right", window.right_split),
                        ("document", window.doc_split)):
        value = st.value(f"window/splitter/{name}")
        if isinstance(value, QByteArray):
            split.restoreState(value)
    window.font_size = float(st.value("view/fontSize", DEFAULT_FONT_SIZE) or DEFAULT_FONT_SIZE)
    window.view.setFont(reading_font(window.font_size))
    recent_mode = st.value("view/quickKeys", "tree") == "recent"
    (window.act_keys_recent if recent_mode else window.act_keys_tree).setChecked(True)
    window.segments.children_box.setChecked(
        str(st.value("view/segmentsWithChildren", "false")).lower() == "true")


def save_window_state(window: Window) -> None:
    """Store geometry, docks and splitters (not in a throw-away window)."""
    if not window.persist:
        return
    st = window.settings
    st.setValue("window/geometry", window.saveGeometry())
    st.setValue("window/state", window.saveState())
    st.setValue("window/splitter/main", window.main_split.saveState())
    st.setValue("window/splitter/right", window.right_split.saveState())
    st.setValue("window/splitter/document", window.doc_split.saveState())
    st.setValue("view/segmentsWithChildren", window.segments.children_box.isChecked())
    st.sync()


def set_font_size(window: Window, size: float) -> None:
    """Set (and remember) the document text size, within 7–40 pt."""
    size = max(7.0, min(40.0, float(size)))
    if window.persist:
        window.settings.setValue("view/fontSize", size)
    window.font_size = size
    window.view.setFont(reading_font(size))
    window.view.restyle()
    window.say(translate("MainWindow", "Text size {0} pt").format(int(size)))
