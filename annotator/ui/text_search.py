"""Finding words: in the document (the find bar), in all documents, and auto-coding the hits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.services.window_ops import Hit, search_text
from annotator.ui import coding_actions
from annotator.ui.operations import coding as coding_ops

if TYPE_CHECKING:
    from annotator.ui.context import Window

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


def open_find(window: Window) -> None:
    """Show the find bar, filled with the selected words."""
    window.find_bar.open_bar(window.view.selected_text()[:100])


def open_search_all(window: Window) -> None:
    """Show the find bar and list the hits in every document."""
    window.find_bar.open_bar(window.view.selected_text()[:100])
    if window.find_bar.text():
        window.search_all(window.find_bar.text())


def hits_here(window: Window, text: str) -> list[Hit]:
    """The hits in the current document, cached per (document, text)."""
    doc = window.view.doc_id
    if doc is None or not text or window.session.project is None:
        return []
    if window._search_cache and window._search_cache[:2] == (doc, text):
        return window._search_cache[2]
    hits = window.session.call(search_text, window.session.project, text,
                               document_ids=[doc]) or []
    window._search_cache = (doc, text, hits)
    return hits


def find(window: Window, text: str, backwards: bool = False) -> None:
    """Select the next (or previous) hit in the current document."""
    if not text:
        window.open_find()
        return
    hits = hits_here(window, text)
    if not hits:
        window.find_bar.count.setText(translate("MainWindow", "no hits"))
        window.say(translate("MainWindow", "“{0}” is not in this document").format(text))
        return
    span = window.view.selection_span()
    caret = window.view.caret_position()
    if backwards:
        before = [i for i, h in enumerate(hits) if h.start < (span[0] if span else caret)]
        i = before[-1] if before else len(hits) - 1
    else:
        start = span[0] if span else caret - 1
        after = [i for i, h in enumerate(hits) if h.start > start]
        i = after[0] if after else 0
    h = hits[i]
    window.view.select_span(h.start, h.end)
    window.find_bar.count.setText(translate("MainWindow", "{0} of {1}").format(i + 1, len(hits)))


def search_all(window: Window, text: str) -> None:
    """List the hits in every document in the search results dock."""
    if not text or window.session.project is None:
        return
    hits = window.session.call(search_text, window.session.project, text)
    if hits is None:
        return
    window.results.show_hits(hits)
    window.results_dock.show()
    docs = len({h.document_id for h in hits})
    window.say(translate("MainWindow", "{0} hits of “{1}” in {2} documents").format(
        len(hits), text, docs))


def code_all_hits(window: Window, text: str, all_documents: bool = False) -> None:
    """Auto-code: code every hit (here or everywhere) with a code."""
    if not text or window.session.project is None:
        window.say(translate("MainWindow", "Type the words to find first"))
        return
    docs = None if all_documents else ([window.view.doc_id] if window.view.doc_id else [])
    hits = window.session.call(search_text, window.session.project, text, document_ids=docs)
    if not hits:
        window.say(translate("MainWindow", "“{0}” is not there: nothing to code").format(text))
        return
    code = window.codebook.current_code()
    if code is None:
        code = coding_actions.choose_code(
            window, translate("MainWindow", "Code all hits"),
            translate("MainWindow", "Code {0} hits with:").format(len(hits)))
    if code is not None:
        spans = [(h.document_id, h.start, h.end) for h in hits]
        window.session.execute(coding_ops.CodeSpans(window.session, spans, code))
