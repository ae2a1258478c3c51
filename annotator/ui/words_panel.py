"""Word frequencies in the window: a table (word, count, share, documents) and its cloud.

What is counted is chosen as in every analysis (``services/analysis_scope.Scope``): all
documents or the current one, one case, one attribute value, and — for the coded text
only — one code (with its children) and one coder. Minimum length, part of speech and stop
words narrow the words. The count runs in a worker thread with a progress bar and Stop
(the segmenter takes a second on a novel). Right-click on words: add them to the stop
words, merge them (count them as the first chosen), look them up in the concordance. The
project's stop words, synonyms and dictionary are edited from the "Word lists" button.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.services.analysis_scope import Scope
from annotator.services.words import FrequencyTable, WordOptions, scope_selection, word_frequencies
from annotator.text.cloud import cloud_svg
from annotator.ui.background import Job
from annotator.ui.cloud_image import render
from annotator.ui.session import Session

CLOUD_WORDS = 80
CLOUD_SIZE = (800, 500)  # the SVG's own size; the window scales the picture to fit


class WordsPanel(QWidget):
    """Filters and options, the frequency table, the cloud."""

    concordanceRequested = Signal(str)  # a word to look up in the concordance
    stopWordsRequested = Signal(list)  # words to add to the stop words
    mergeRequested = Signal(list)  # words to count as the first of them
    wordListRequested = Signal(str)  # "zh", "en", "synonyms" or "dictionary"
    saveCloudRequested = Signal()
    saveTableRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("wordsPanel")
        self.job: Job | None = None
        self.table_data: FrequencyTable | None = None
        self.svg = ""
        # "this document": the one the window shows (set by the controller)
        self.current_document: Callable[[], int | None] = lambda: None

        self.documents = QComboBox(objectName="wordsDocuments")
        self.case = QComboBox(objectName="wordsCase")
        self.attribute = QComboBox(objectName="wordsAttribute")
        self.code = QComboBox(objectName="wordsCode")
        self.code.setEditable(True)
        self.code.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.code.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.code.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.coder = QComboBox(objectName="wordsCoder")
        for combo in (self.documents, self.case, self.attribute, self.code, self.coder):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(8)
        self.min_length = QSpinBox(objectName="wordsMinLength", minimum=1, maximum=20, value=2)
        self.pos = QComboBox(objectName="wordsPos")
        self.stopwords = QCheckBox(self.tr("Leave out &stop words"), checked=True)
        self.top = QSpinBox(objectName="wordsTop", minimum=10, maximum=100_000, value=200,
                            singleStep=50)
        self.count_button = QPushButton(self.tr("Cou&nt"), objectName="wordsCount")
        self.count_button.clicked.connect(self.count)
        self.stop_button = QPushButton(self.tr("S&top"), objectName="wordsStop", enabled=False)
        self.stop_button.clicked.connect(self.stop)
        self.lists_button = QToolButton(objectName="wordsLists")
        self.lists_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.lists_menu = QMenu(self)
        self.lists_button.setMenu(self.lists_menu)

        grid = QGridLayout()
        self._labels: list[tuple[QLabel, str]] = []
        cells = [(QT_TRANSLATE_NOOP("WordsPanel", "Documents:"), self.documents),
                 (QT_TRANSLATE_NOOP("WordsPanel", "Case:"), self.case),
                 (QT_TRANSLATE_NOOP("WordsPanel", "Attribute:"), self.attribute),
                 (QT_TRANSLATE_NOOP("WordsPanel", "Coded with:"), self.code),
                 (QT_TRANSLATE_NOOP("WordsPanel", "Coder:"), self.coder),
                 (QT_TRANSLATE_NOOP("WordsPanel", "Minimum length:"), self.min_length),
                 (QT_TRANSLATE_NOOP("WordsPanel", "Part of speech:"), self.pos),
                 (QT_TRANSLATE_NOOP("WordsPanel", "Words shown:"), self.top)]
        for i, (label_text, widget) in enumerate(cells):
            label = QLabel()
            label.setBuddy(widget)
            self._labels.append((label, label_text))
            grid.addWidget(label, i // 4, 2 * (i % 4), Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, i // 4, 2 * (i % 4) + 1)
        buttons = QHBoxLayout()
        for w in (self.stopwords, self.lists_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        self.progress = QProgressBar(objectName="wordsProgress", textVisible=False)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel(objectName="wordsStatus")
        for w in (self.progress, self.status, self.count_button, self.stop_button):
            buttons.addWidget(w)

        self.table = QTableWidget(0, 4, objectName="wordsTable")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.itemDoubleClicked.connect(
            lambda item: self.concordanceRequested.emit(self.table.item(item.row(), 0).text()))
        self.cloud = QLabel(objectName="wordsCloud")
        self.cloud.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cloud.setMinimumSize(320, 200)
        self.cloud.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.save_cloud = QPushButton(objectName="wordsSaveCloud")
        self.save_cloud.clicked.connect(self.saveCloudRequested)
        self._redraw = QTimer(self, singleShot=True, interval=120)
        self._redraw.timeout.connect(self._draw_cloud)
        self.save_cloud.setEnabled(False)
        self.save_table = QPushButton(objectName="wordsSaveTable")
        self.save_table.clicked.connect(self.saveTableRequested)
        self.save_table.setEnabled(False)
        cloud_box = QWidget()
        cloud_layout = QVBoxLayout(cloud_box)
        cloud_layout.setContentsMargins(0, 0, 0, 0)
        cloud_layout.addWidget(self.cloud, 1)
        saves = QHBoxLayout()
        saves.addStretch(1)
        saves.addWidget(self.save_table)
        saves.addWidget(self.save_cloud)
        cloud_layout.addLayout(saves)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.table)
        self.split.addWidget(cloud_box)
        self.split.setSizes([340, 900])
        self.table.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.split, 1)
        self.retranslate()
        session.projectChanged.connect(self.reset)

    # -- texts and choices -------------------------------------------------------------

    def retranslate(self) -> None:
        for label, text in self._labels:
            label.setText(self.tr(text))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Word"), self.tr("Count"), self.tr("Share"), self.tr("Documents")])
        self.lists_button.setText(self.tr("Word &lists"))
        self.lists_menu.clear()
        for key, text in (("zh", self.tr("Chinese stop words…")),
                          ("en", self.tr("English stop words…")),
                          ("synonyms", self.tr("Synonyms…")),
                          ("dictionary", self.tr("Project dictionary…"))):
            action = QAction(text, self.lists_menu)
            action.triggered.connect(lambda _c=False, k=key: self.wordListRequested.emit(k))
            self.lists_menu.addAction(action)
        self.save_cloud.setText(self.tr("Save the cloud…"))
        self.save_table.setText(self.tr("Save the table…"))
        _refill(self.pos, [(self.tr("All words"), None), (self.tr("Nouns"), "n"),
                           (self.tr("Verbs"), "v"), (self.tr("Adjectives"), "a"),
                           (self.tr("Nouns and verbs"), "n,v")])
        self.fill_choices()

    def fill_choices(self, cases: Sequence[str] = (),
                     values: Sequence[tuple[str, str]] = ()) -> None:
        """The choices the project offers (cases, attribute values, codes, coders)."""
        s = self.session
        _refill(self.documents, [(self.tr("All documents"), "all"),
                                 (self.tr("This document"), "here")])
        _refill(self.case, [(self.tr("Any case"), None), *((c, c) for c in cases)])
        _refill(self.attribute, [(self.tr("Any value"), None),
                                 *((f"{a} = {v}", f"{a}={v}") for a, v in values)])
        _refill(self.code, [(self.tr("All text (coded or not)"), None),
                            *((s.code_path(c), c) for c in s.code_order)])
        _refill(self.coder, [(self.tr("All coders"), None),
                             *((name, name) for name in sorted(s.coders.values()))])

    def scope(self) -> tuple[Scope, list[int] | None]:
        """The analysis scope and the codes (None: all text) the choices mean."""
        docs: tuple[str, ...] = ()
        here = self.current_document()
        if self.documents.currentData() == "here" and here is not None:
            info = self.session.document(here)
            docs = (info.name,) if info is not None else ()
        case = self.case.currentData()
        where = self.attribute.currentData()
        coder = self.coder.currentData()
        code = self._code_choice()
        pair = tuple(where.split("=", 1)) if where else None
        return (Scope(docs, (case,) if case else (), (pair,) if pair else (),
                      (coder,) if coder else ()),
                [code] if code is not None else None)

    def _code_choice(self) -> int | None:
        i = self.code.findText(self.code.currentText())
        return self.code.itemData(i) if i >= 0 else None

    def options(self) -> WordOptions:
        pos = self.pos.currentData()
        return WordOptions(min_length=self.min_length.value(),
                           pos=frozenset(pos.split(",")) if pos else None,
                           stopwords=self.stopwords.isChecked(), top=self.top.value())

    # -- counting ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def count(self) -> None:
        """Count in a worker thread; the table and the cloud fill in when it is done."""
        project = self.session.project
        if project is None:
            return
        self.stop()
        scope, codes = self.scope()
        options = self.options()
        size = self._cloud_pixels()

        def work(emit, cancelled, progress) -> None:
            with project.read() as s:
                selection = scope_selection(s, scope, codes)
            table = word_frequencies(project, selection, options, progress=progress,
                                     cancel=cancelled)
            # the cloud is drawn here too (a QImage may be painted in any thread)
            svg = cloud_svg([(r.word, r.count) for r in table.rows[:CLOUD_WORDS]],
                            *CLOUD_SIZE)
            emit((table, svg, render(svg, *size) if table.rows else None))

        self.job = Job(self, work, self._show, self._progress, self._finished)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.count_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Counting…"))
        self.job.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, error: str | None) -> None:
        self._idle()
        if error is not None:
            self.status.setText(error)

    def stop(self) -> None:
        if self.busy:
            assert self.job is not None
            self.job.cancel()
            self._idle()
            self.status.setText(self.tr("Stopped"))

    def _idle(self) -> None:
        self.progress.hide()
        self.count_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    def _show(self, result: object) -> None:
        assert isinstance(result, tuple)
        table, self.svg, image = result
        self.table_data = table
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            word = QTableWidgetItem(row.word)
            merged = table.merged.get(row.word)
            if merged:
                word.setToolTip(self.tr("Counts also: {0}").format("、".join(merged)))
            self.table.setItem(r, 0, word)
            for c, value in ((1, row.count), (3, row.documents)):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                self.table.setItem(r, c, item)
            share = QTableWidgetItem(f"{row.share:.2%}")
            share.setData(Qt.ItemDataRole.UserRole, row.share)
            self.table.setItem(r, 2, share)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the most frequent first
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{0} words ({1} different) in {2} documents").format(
            table.total, table.distinct, table.documents))
        self.save_cloud.setEnabled(bool(table.rows))
        self.save_table.setEnabled(bool(table.rows))
        self._set_cloud(image)

    def _cloud_pixels(self) -> tuple[int, int]:
        """The cloud's size in pixels: as wide as its place allows, in the SVG's shape."""
        size = self.cloud.size()
        w = max(size.width(), 160)
        h = max(min(size.height(), w * CLOUD_SIZE[1] // CLOUD_SIZE[0]), 100)
        w = h * CLOUD_SIZE[0] // CLOUD_SIZE[1]
        ratio = self.devicePixelRatioF()
        return int(w * ratio), int(h * ratio)

    def _set_cloud(self, image: QImage | None) -> None:
        if image is None:
            self.cloud.clear()
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.cloud.setPixmap(pixmap)

    def _draw_cloud(self) -> None:
        """Drawn again at the new size (the window was resized)."""
        self._set_cloud(render(self.svg, *self._cloud_pixels()) if self.svg else None)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._redraw.start()  # once the resizing pauses

    def reset(self) -> None:
        self.stop()
        self.table.setRowCount(0)
        self.table_data, self.svg = None, ""
        self.cloud.clear()
        self.save_cloud.setEnabled(False)
        self.save_table.setEnabled(False)
        self.status.clear()
        self.fill_choices()

    # -- right-click on words ----------------------------------------------------------

    def selected_words(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).text() for r in rows]

    def _table_menu(self, pos) -> None:
        words = self.selected_words()
        if not words:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Show “{0}” in the concordance").format(words[0]),
                       lambda: self.concordanceRequested.emit(words[0]))
        menu.addAction(self.tr("Add to the stop words ({0})").format(len(words)),
                       lambda: self.stopWordsRequested.emit(words))
        merge = menu.addAction(self.tr("Count as “{0}” ({1} words)").format(
            words[0], len(words)), lambda: self.mergeRequested.emit(words))
        merge.setEnabled(len(words) > 1)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()


def _refill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
    """New items, keeping the current choice when it is still offered."""
    was = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    i = combo.findData(was) if was is not None else 0
    combo.setCurrentIndex(max(i, 0))
    combo.blockSignals(False)


__all__ = ["WordsPanel"]
