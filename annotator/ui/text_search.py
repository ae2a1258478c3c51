"""The search controller: find words in the document (the find bar) and in all documents
(the search results dock). Coding from hits is the concordance's (``words_controller``):
it shows the hits first and lets the user choose them, the code and the extent.

It keeps its own state (the hits of the current document, cached per document and text)
and is given what it needs: the application context, the document view, the find bar,
the results list (which it puts in a dock) and where a hit is shown. It registers the
find actions of the Edit menu and View → Search results.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from annotator.services.window_ops import Hit, search_text
from annotator.ui.context import AppContext
from annotator.ui.document_view import DocumentView
from annotator.ui.panels import FindBar, SearchResults

FIND_LIMIT = 200_000  # hits in the document that "find next" steps through
LIST_LIMIT = 10_000  # hits listed in the search results (each a row with its context)

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


class SearchController(QObject):
    def __init__(self, ctx: AppContext, view: DocumentView, find_bar: FindBar,
                 results: SearchResults, show_span: Callable[[int, int, int], None]) -> None:
        super().__init__(view)
        self.ctx, self.view, self.find_bar = ctx, view, find_bar
        self.results = results
        self.results_dock = QDockWidget(translate("MainWindow", "Search results"), ctx.window)
        self.results_dock.setObjectName("searchDock")
        self.results_dock.setWidget(results)
        ctx.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.results_dock)
        self.results_dock.hide()
        self._cache: tuple[int, str, list[Hit]] | None = None
        ctx.session.projectChanged.connect(self.forget)
        find_bar.findRequested.connect(self.find)
        find_bar.searchAllRequested.connect(self.search_all)
        results.hitActivated.connect(lambda h: show_span(h.document_id, h.start, h.end))
        self._register(ctx)

    def _register(self, ctx: AppContext) -> None:
        K = QKeySequence.StandardKey
        reg, bar = ctx.registry, self.find_bar

        def has_doc() -> bool:
            return ctx.is_open() and self.view.doc_id is not None

        reg.action("find", translate("MainWindow", "&Find in document…"), self.open_find, K.Find,
                   translate("MainWindow", "Find words in the document"), enabled=ctx.is_open)
        reg.action("find_next", translate("MainWindow", "Find &next"),
                   lambda: self.find(bar.text()),
                   K.FindNext, translate("MainWindow", "Go to the next hit"), enabled=has_doc)
        reg.action("find_prev", translate("MainWindow", "Find &previous"),
                   lambda: self.find(bar.text(), backwards=True), K.FindPrevious,
                   translate("MainWindow", "Go to the previous hit"), enabled=has_doc)
        reg.action("search_all", translate("MainWindow", "&Search all documents…"),
                   self.open_search_all, "Ctrl+Shift+F",
                   translate("MainWindow", "List the hits in every document"), enabled=ctx.is_open)
        results = reg.add("results", self.results_dock.toggleViewAction(), ctx.is_open)
        results.setText(translate("MainWindow", "Search &results"))
        results.setToolTip(translate("MainWindow", "Show the list of search hits"))

    def forget(self) -> None:
        """Another project: the cached hits name documents that are not there."""
        self._cache = None

    def open_find(self) -> None:
        """Show the find bar, filled with the selected words."""
        self.find_bar.open_bar(self.view.selected_text()[:100])

    def open_search_all(self) -> None:
        """Show the find bar and list the hits in every document."""
        self.find_bar.open_bar(self.view.selected_text()[:100])
        if self.find_bar.text():
            self.search_all(self.find_bar.text())

    def hits_here(self, text: str) -> list[Hit]:
        """The hits in the current document, cached per (document, text)."""
        s = self.ctx.session
        doc = self.view.doc_id
        if doc is None or not text or s.project is None:
            return []
        if self._cache and self._cache[:2] == (doc, text):
            return self._cache[2]
        hits = s.call(search_text, s.project, text, document_ids=[doc], context=0,
                      limit=FIND_LIMIT) or []
        self._cache = (doc, text, hits)
        return hits

    def find(self, text: str, backwards: bool = False) -> None:
        """Select the next (or previous) hit in the current document."""
        if not text:
            self.open_find()
            return
        hits = self.hits_here(text)
        if not hits:
            self.find_bar.count.setText(translate("MainWindow", "no hits"))
            self.ctx.say(translate("MainWindow", "“{0}” is not in this document").format(text))
            return
        span = self.view.selection_span()
        caret = self.view.caret_position()
        if backwards:
            before = [i for i, h in enumerate(hits) if h.start < (span[0] if span else caret)]
            i = before[-1] if before else len(hits) - 1
        else:
            start = span[0] if span else caret - 1
            after = [i for i, h in enumerate(hits) if h.start > start]
            i = after[0] if after else 0
        h = hits[i]
        self.view.select_span(h.start, h.end)
        self.find_bar.count.setText(
            translate("MainWindow", "{0} of {1}").format(i + 1, len(hits)))

    def search_all(self, text: str) -> None:
        """List the hits in every document in the search results dock."""
        s = self.ctx.session
        if not text or s.project is None:
            return
        hits = s.call(search_text, s.project, text, limit=LIST_LIMIT + 1)
        if hits is None:
            return
        cut = len(hits) > LIST_LIMIT
        hits = hits[:LIST_LIMIT]
        self.results.show_hits(hits)
        self.results_dock.show()
        docs = len({h.document_id for h in hits})
        if cut:  # said, not silent: the concordance lists and codes every hit
            self.ctx.say(translate(
                "MainWindow", "More than {0} hits of “{1}”: the first {0} are listed (in {2} "
                "documents); the concordance lists every hit").format(LIST_LIMIT, text, docs))
        else:
            self.ctx.say(translate("MainWindow", "{0} hits of “{1}” in {2} documents").format(
                len(hits), text, docs))


__all__ = ["SearchController"]
