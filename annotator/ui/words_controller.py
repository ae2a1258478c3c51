"""The text-analysis controller: the concordance and the word frequencies, as docks.

It registers its two commands in the action ``Registry`` (Edit → Concordance…, View →
Word frequencies…), builds the two docks, and does what their buttons ask: it codes the
chosen hits as one undo step (``operations/autocode.CodeHits``, the Changes record updates
every view), shows a hit in its document, asks for the code by typing (``CodeChooser``),
edits the stop words, synonyms and dictionary, and saves the cloud. It is given the
application context, the window (for the docks), the find bar (whose "Concordance…"
button hands its words over) and the few window functions it needs.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from annotator.domain.errors import AnnotatorError
from annotator.io.word_sheet import write_word_workbook
from annotator.services import words
from annotator.services.attributes import list_attributes
from annotator.services.cases import list_cases
from annotator.services.changes import Changes
from annotator.text.cloud import cloud_svg
from annotator.ui.background import BackgroundJob
from annotator.ui.cloud_image import save_png
from annotator.ui.code_chooser import CodeChooser
from annotator.ui.concordance_panel import ConcordancePanel, DocumentsChooser
from annotator.ui.context import AppContext
from annotator.ui.i18n import current_language
from annotator.ui.operations.autocode import CodeHits
from annotator.ui.panels import FindBar
from annotator.ui.project_place import beside_project
from annotator.ui.word_lists import WordListDialog, parse_synonyms, synonym_lines
from annotator.ui.words_panel import CLOUD_WORDS, WordsPanel

_HAN_START, _HAN_END = "\u4e00", "\u9fff"
DOCK_HEIGHT = 380


PREPARE_MS = 400  # after a dock opens: its first layout and paint come first


def _t(text: str) -> str:
    return QCoreApplication.translate("WordsController", text)


def _language(word: str) -> str:
    """The stop-word list a word belongs in: zh when it holds a Han character."""
    return "zh" if any(_HAN_START <= c <= _HAN_END or ord(c) > 0x20000 for c in word) else "en"


class WordsController(QObject):
    def __init__(self, ctx: AppContext, window: QMainWindow, find_bar: FindBar,
                 current_document: Callable[[], int | None],
                 show_span: Callable[[int, int, int], None],
                 current_code: Callable[[], int | None],
                 coder_ready: Callable[[], bool]) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.current_code, self.coder_ready = current_code, coder_ready
        s = ctx.session
        self.concordance = ConcordancePanel(s)
        self.concordance.current_document = current_document
        self.concordance_dock = self._dock(_t("Concordance (keyword in context)"),
                                           "concordanceDock", self.concordance)
        self.words = WordsPanel(s)
        self.words.current_document = current_document
        self.words_dock = self._dock(_t("Word frequencies"), "wordsDock", self.words)
        window.tabifyDockWidget(self.concordance_dock, self.words_dock)

        self.act_concordance = self._action(
            "concordance", _t("&Concordance…"),
            _t("Every hit of a word with its context; choose hits and code them "
               "(Ctrl+Shift+C)"), self.open_concordance, "Ctrl+Shift+C")
        self.act_words = self._action(
            "word_frequencies", _t("&Word frequencies…"),
            _t("Word frequencies and the word cloud, per document, case, attribute, code "
               "or coder (Ctrl+Shift+W)"), self.open_words, "Ctrl+Shift+W")

        find_bar.concordanceRequested.connect(self.open_concordance)
        c = self.concordance
        c.hitActivated.connect(lambda h: show_span(h.document_id, h.start, h.end))
        c.chooseCodeRequested.connect(self.choose_code)
        c.chooseDocumentsRequested.connect(self.choose_documents)
        c.codeHitsRequested.connect(self.code_hits)
        w = self.words
        w.concordanceRequested.connect(self.look_up)
        w.stopWordsRequested.connect(self.add_stopwords)
        w.mergeRequested.connect(self.merge)
        w.wordListRequested.connect(self.edit_list)
        w.saveCloudRequested.connect(self.save_cloud)
        w.saveTableRequested.connect(self.save_table)
        s.projectChanged.connect(self.project_changed)
        s.changed.connect(self.changed)
        self._prepared: object = None
        self._preparing: BackgroundJob | None = None

    def _raise(self, dock: QDockWidget) -> None:
        """Show a dock tall enough for its table (the bottom area starts short)."""
        dock.show()
        dock.raise_()
        QTimer.singleShot(PREPARE_MS, self.prepare_segmenter)
        if dock.height() < DOCK_HEIGHT:
            self.window.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    def _action(self, id_: str, text: str, tip: str, slot: Callable[[], None],
                shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{id_}")
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return self.ctx.registry.add(id_, action, lambda: self.ctx.session.is_open)

    # -- the project -------------------------------------------------------------------

    def prepare_segmenter(self) -> None:
        """Build the project's segmenter in a worker once the dock is on screen, ahead of
        the first whole-words search or count: jieba's dictionary build holds the
        interpreter lock in one call (0.1–0.5 s), so it is done while the user types, not
        when they press Search. Not at start or at project open: the window then starts
        without jieba."""
        p = self.ctx.session.project
        if p is None or self._prepared is p:
            return
        self._prepared = p
        self._preparing = BackgroundJob(lambda _progress: words.project_segmenter(p), self,
                                        "segmenter")
        self._preparing.start()

    def project_changed(self) -> None:
        """The choices of the new project: its cases, attribute values, codes, coders."""
        p = self.ctx.session.project
        if p is None:
            self.concordance.fill_scope([], [])
            self.words.fill_choices()
            return
        cases = [c.name for c in self.ctx.session.call(list_cases, p) or []]
        values = sorted({(a.name, v) for a in self.ctx.session.call(list_attributes, p) or []
                         for v in a.values.values()})
        self.concordance.fill_scope(cases, values)
        self.words.fill_choices(cases, values)

    def changed(self, ch: Changes) -> None:
        if ch.reset or ch.codebook or ch.coders:
            self.project_changed()
            self.concordance.set_code(self.concordance.code_id)

    # -- the concordance ---------------------------------------------------------------

    def open_concordance(self, term: str = "") -> None:
        """Show the concordance; with words (from the find bar or a selection) search them."""
        self._raise(self.concordance_dock)
        if self.concordance.code_id is None:
            self.concordance.set_code(self.current_code())
        if term:
            self.concordance.search(term)
        else:
            self.concordance.term.setFocus()
            self.concordance.term.selectAll()

    def look_up(self, word: str) -> None:
        """A word of the frequency table, in the concordance (whole words: as counted)."""
        self.concordance.whole_words.setChecked(True)
        self.concordance.regex.setChecked(False)
        self.open_concordance(word)

    def choose_code(self) -> None:
        """The code to code the hits with, found by typing (recent codes first)."""
        s = self.ctx.session
        if not s.code_order:
            self.ctx.say(_t("The codebook is empty: add a code first"))
            return
        recent = [c for c in s.recent_codes if c in s.codes]
        ids = recent + [c for c in s.code_order if c not in recent]
        current = self.concordance.code_id or self.current_code()
        chooser = CodeChooser(_t("Code the chosen hits with"), _t("Code:"),
                              [s.code_path(c) for c in ids],
                              ids.index(current) if current in ids else 0, self.window)
        try:
            if self.ctx.prompts.dialog(chooser) and chooser.chosen() is not None:
                self.concordance.set_code(ids[chooser.list.currentRow()])
        finally:
            chooser.deleteLater()

    def choose_documents(self) -> None:
        """Which documents "Chosen documents" searches, by check box."""
        docs = [(d.id, d.name) for d in self.ctx.session.documents]
        chooser = DocumentsChooser(docs, self.concordance.chosen_documents, self.window)
        try:
            if self.ctx.prompts.dialog(chooser):
                self.concordance.choose_documents(chooser.chosen())
        finally:
            chooser.deleteLater()

    def code_hits(self, hits: list, code_id: int, extent: str) -> None:
        """The chosen hits, coded as one undoable step."""
        s = self.ctx.session
        if s.project is None or not hits or not self.coder_ready():
            return
        s.execute(CodeHits(s, hits, code_id, extent))  # type: ignore[arg-type]

    # -- word frequencies --------------------------------------------------------------

    def open_words(self) -> None:
        self._raise(self.words_dock)
        if self.words.table_data is None and not self.words.busy:
            self.words.count()

    def _write(self, fn: Callable[..., object], *args: object, **kwargs: object) -> bool:
        """A word-list change (not an undo step: it changes no coding), then a recount."""
        p = self.ctx.session.project
        if p is None:
            return False
        try:
            fn(p, *args, **kwargs)
        except AnnotatorError as exc:
            self.ctx.show_error(str(exc))
            return False
        self.words.count()
        return True

    def add_stopwords(self, chosen: list[str]) -> None:
        by_language: dict[str, list[str]] = {}
        for word in chosen:
            by_language.setdefault(_language(word), []).append(word)
        for language, group in by_language.items():
            if not self._write(words.edit_stopwords, language, add=group):
                return
        self.ctx.say(_t("{0} words are stop words now").format(len(chosen)))

    def merge(self, chosen: list[str]) -> None:
        head, *rest = chosen
        if self._write(words.merge_synonyms, head, rest):
            self.ctx.say(_t("{0} words are counted as “{1}” now").format(len(rest), head))

    def edit_list(self, which: str) -> None:
        """Edit a stop-word list, the synonyms or the dictionary as text."""
        p = self.ctx.session.project
        if p is None:
            return
        with p.read() as s:
            if which in ("zh", "en"):
                current = sorted(words.stopwords(s, which))
            elif which == "synonyms":
                current = synonym_lines(words.synonyms(s))
            else:
                current = sorted(words.dictionary_words(s))
        titles = {"zh": (_t("Chinese stop words"),
                         _t("One word a line. These words are not counted.")),
                  "en": (_t("English stop words"),
                         _t("One word a line. These words are not counted.")),
                  "synonyms": (_t("Synonyms"),
                               _t("One line per word counted for others: "
                                  "HEAD: WORD, WORD (e.g. 党建: 党的建设, 党建工作).")),
                  "dictionary": (_t("Project dictionary"),
                                 _t("One word a line: the segmentation keeps these words "
                                    "whole. The codebook's names are in it; a code name "
                                    "taken out stays out."))}
        title, hint = titles[which]
        dialog = WordListDialog(title, hint, current, self.window, self.ctx.prompts)
        try:
            if not self.ctx.prompts.dialog(dialog):
                return
            lines = dialog.lines()
        finally:
            dialog.deleteLater()
        if which in ("zh", "en"):
            new = set(lines)
            self._write(words.edit_stopwords, which, add=sorted(new - set(current)),
                        remove=sorted(set(current) - new))
        elif which == "synonyms":
            self._write(words.set_synonyms, parse_synonyms(lines))
        else:
            new = set(lines)
            self._write(_replace_dictionary, sorted(new - set(current)),
                        sorted(set(current) - new))

    def save_cloud(self) -> None:
        """The cloud of the table shown, as PNG (a picture) or SVG (to edit)."""
        p, table = self.ctx.session.project, self.words.table_data
        if p is None or table is None:
            return
        path = self.ctx.prompts.save_file(
            _t("Save the word cloud"), str(beside_project(p, "-cloud.png")),
            _t("PNG pictures (*.png);;SVG drawings (*.svg)"))
        if not path:
            return
        svg = cloud_svg([(r.word, r.count) for r in table.rows[:CLOUD_WORDS]])
        out = Path(path)
        try:
            if out.suffix.lower() == ".svg":
                out.write_text(svg, encoding="utf-8")
            else:
                out = save_png(svg, out.with_suffix(".png") if out.suffix.lower() != ".png"
                               else out)
        except (OSError, AnnotatorError) as exc:
            self.ctx.show_error(_t("{0}: cannot be written ({1})").format(out, exc))
            return
        self.ctx.say(_t("Saved {0}").format(out))


    def save_table(self) -> None:
        """The table shown (its filters as counted) as an Excel workbook."""
        p, table = self.ctx.session.project, self.words.table_data
        if p is None or table is None:
            return
        path = self.ctx.prompts.save_file(
            _t("Save the word frequencies"),
            str(beside_project(p, "-words.xlsx")),
            _t("Excel workbooks (*.xlsx)"))
        if not path:
            return
        out = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        try:
            write_word_workbook(table, out, current_language())
        except AnnotatorError as exc:
            self.ctx.show_error(str(exc))
            return
        self.ctx.say(_t("Saved {0}").format(out))


def _replace_dictionary(project, add: list[str], remove: list[str]) -> None:
    """Words added, then taken out (each word is checked before anything is written)."""
    for word in [*add, *remove]:
        words.check_word(word)
    if add:
        words.add_dictionary_words(project, add)
    if remove:
        words.remove_dictionary_words(project, remove)


__all__ = ["WordsController"]
