"""The concordance (keyword in context): every hit of a word, a phrase or a regular
expression, with its left and right context aligned, and coding from the hits the user
chose.

The search runs in a worker thread (``ui/background.Job`` over ``services/kwic.iter_hits``):
hits arrive in batches, a progress bar counts the documents, Stop ends it at once, and the
window answers throughout ("whole words" segments a whole novel first: that is the slow
part). The table is a model over the hits, so 200,000 rows cost no widgets; clicking a
column header sorts by the document order, the left context (read backwards from the hit,
as concordances are), the hit or the right context. A check box chooses each hit; the
user picks the code (by typing) and the extent — the hit, its sentence, its paragraph —
and codes the chosen hits in one undoable step. Double-click (or Enter) on a hit shows it
in its document.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.services.analysis_scope import Scope, resolve
from annotator.services.autocode import EXTENTS, Extent, HitSpan
from annotator.services.kwic import MAX_HITS, Hit, Query, SortKey, iter_hits, sort_order
from annotator.ui.background import Job
from annotator.ui.session import Session

CONTEXT = 30  # characters shown each side of a hit
_ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_SORT_KEYS: tuple[SortKey, ...] = ("position", "left", "hit", "right")


class HitsModel(QAbstractTableModel):
    """The hits with their check boxes: document | left context | hit | right context."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.checked: set[Hit] = set()
        self._bold = QFont()
        self._bold.setBold(True)
        self.sort_key: SortKey = "position"

    def headers(self) -> list[str]:
        return [self.tr("Document"), self.tr("Left context"), self.tr("Hit"),
                self.tr("Right context")]

    def rowCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: _ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        h = self.hits[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (h.document, h.left, h.match, h.right)[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if h in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == 2:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}, characters {1}–{2}").format(h.document, h.start, h.end)
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def setData(self, index: _ModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        h = self.hits[index.row()]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        (self.checked.add if state == Qt.CheckState.Checked else self.checked.discard)(h)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def clear(self) -> None:
        self.beginResetModel()
        self.hits, self.checked = [], set()
        self.endResetModel()

    def append(self, batch: Sequence[Hit], check: bool) -> None:
        """New hits at the end (a search in progress lists them in document order)."""
        if not batch:
            return
        first = len(self.hits)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self.hits.extend(batch)
        if check:
            self.checked.update(batch)
        self.endInsertRows()

    def set_all(self, checked: bool, rows: Sequence[int] | None = None) -> None:
        """Check (or uncheck) every hit, or the hits of ``rows``."""
        chosen = self.hits if rows is None else [self.hits[r] for r in rows]
        (self.checked.update if checked else self.checked.difference_update)(chosen)
        if self.hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.hits) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def apply_order(self, order: Sequence[int], key: SortKey, descending: bool) -> None:
        """Rows in the order ``sort_order`` computed (in a worker) for ``key``."""
        ordered = [self.hits[i] for i in order]
        if descending:
            ordered.reverse()
        self.layoutAboutToBeChanged.emit()
        self.hits, self.sort_key = ordered, key
        self.layoutChanged.emit()

    def chosen(self) -> list[Hit]:
        """The checked hits, in document order."""
        return sorted(self.checked, key=_place)


_SEP = "\x1f"   # between the parts of a scope choice's key (no name holds it)


def scope_key(*parts: str) -> str:
    """The key of a case (``"case", name``) or attribute value (``"where", name, value``)
    in the scope list: one string, as a combo box compares its data."""
    return _SEP.join(parts)


def _place(h: Hit) -> tuple[int, int, int]:
    return h.document_id, h.start, h.end


class ConcordancePanel(QWidget):
    """Search line and options, the hits, and coding the chosen hits."""

    hitActivated = Signal(object)  # Hit: show it in its document
    chooseCodeRequested = Signal()
    chooseDocumentsRequested = Signal()
    codeHitsRequested = Signal(object, int, str)  # [HitSpan], code id, extent

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("concordancePanel")
        self.job: Job | None = None
        self.code_id: int | None = None
        # "this document": the one the window shows (set by the controller)
        self.current_document: Callable[[], int | None] = lambda: None
        self.case_names: list[str] = []
        self.attribute_values: list[tuple[str, str]] = []
        self.chosen_documents: list[int] = []
        self.truncated = False

        self.term = QLineEdit()
        self.term.setObjectName("concordanceTerm")
        self.term.setPlaceholderText(self.tr("Word, phrase or regular expression…"))
        self.term.setClearButtonEnabled(True)
        self.term.returnPressed.connect(self.search)
        self.whole_words = QCheckBox(self.tr("Whole wo&rds"))
        self.whole_words.setToolTip(self.tr(
            "Only hits that are whole words of the segmentation (信任 not inside 政治信任 "
            "when that is one word); without it every occurrence counts, 不信任 too"))
        self.synonyms = QCheckBox(self.tr("S&ynonyms"))
        self.synonyms.setObjectName("concordanceSynonyms")
        self.synonyms.setToolTip(self.tr(
            "Find the words merged with this one in the word lists (its synonyms) too"))
        self.regex = QCheckBox(self.tr("Regular e&xpression"))
        self.regex.toggled.connect(lambda on: self.synonyms.setEnabled(not on))
        self.ignore_case = QCheckBox(self.tr("&Ignore case"))
        self.scope = QComboBox()
        self.scope.setObjectName("concordanceScope")
        self.scope.activated.connect(
            lambda i: self.scope.itemData(i) == "chosen" and self.chooseDocumentsRequested.emit())
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setObjectName("concordanceSearch")
        self.search_button.clicked.connect(self.search)
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setObjectName("concordanceStop")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        top = QHBoxLayout()
        for w in (self.term, self.whole_words, self.synonyms, self.regex, self.ignore_case,
                  self.scope,
                  self.search_button, self.stop_button):
            top.addWidget(w)
        top.setStretch(0, 1)

        self.model = HitsModel(self)
        self.table = QTableView()
        self.table.setObjectName("concordanceTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # sorted on header clicks, not on every insert
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._sort_clicked)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # the hit column is sized once per search (sizing it to its contents would measure
        # every row on every batch: seconds for 的 across a novel)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 150)
        # a double-click or Enter (as the platform activates items) shows the hit
        self.table.activated.connect(
            lambda index: self.hitActivated.emit(self.model.hits[index.row()]))
        self.model.dataChanged.connect(lambda *_: self._update_counts())
        self.model.rowsInserted.connect(lambda *_: self._update_counts())
        self.model.modelReset.connect(self._update_counts)

        self.progress = QProgressBar()
        self.progress.setObjectName("concordanceProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("concordanceStatus")
        self.check_all = QPushButton(self.tr("Chec&k all"))
        self.check_all.clicked.connect(lambda: self.model.set_all(True))
        self.check_none = QPushButton(self.tr("Check &none"))
        self.check_none.clicked.connect(lambda: self.model.set_all(False))
        self.check_selected = QPushButton(self.tr("Check se&lected"))
        self.check_selected.setToolTip(self.tr("Check the hits selected in the list "
                                               "(Shift+click or Ctrl+click to select rows)"))
        self.check_selected.clicked.connect(
            lambda: self.model.set_all(True, sorted({i.row() for i in
                                                     self.table.selectedIndexes()})))
        self.extent = QComboBox()
        self.extent.setObjectName("concordanceExtent")
        extent_label = QLabel(self.tr("Code"))
        extent_label.setBuddy(self.extent)
        with_label = QLabel(self.tr("with"))
        self.code_button = QPushButton()
        self.code_button.setObjectName("concordanceCode")
        self.code_button.setToolTip(self.tr("Choose the code (type part of its name)"))
        self.code_button.clicked.connect(self.chooseCodeRequested)
        self.code_hits_button = QPushButton()
        self.code_hits_button.setObjectName("concordanceCodeHits")
        self.code_hits_button.clicked.connect(self._code_hits)
        bottom = QHBoxLayout()
        for w in (self.progress, self.status):
            bottom.addWidget(w)
        bottom.addStretch(1)
        for w in (self.check_all, self.check_none, self.check_selected, extent_label,
                  self.extent, with_label, self.code_button, self.code_hits_button):
            bottom.addWidget(w)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.retranslate()
        session.projectChanged.connect(self.reset)

    # -- what the panel shows ----------------------------------------------------------

    def retranslate(self) -> None:
        self.extent.clear()
        names = {"hit": self.tr("the hit"), "sentence": self.tr("its sentence"),
                 "paragraph": self.tr("its paragraph")}
        for e in EXTENTS:
            self.extent.addItem(names[e], e)
        self.fill_scope()
        self.set_code(self.code_id)

    def fill_scope(self, cases: Sequence[str] | None = None,
                   values: Sequence[tuple[str, str]] | None = None) -> None:
        """All documents, the current one, the chosen ones, one case (its documents, or
        its stretches when it is coded on segments) or one attribute value (``cases``,
        ``values``: None keeps what is offered now)."""
        if cases is not None:
            self.case_names = list(cases)
        if values is not None:
            self.attribute_values = list(values)
        was = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem(self.tr("All documents"), "all")
        self.scope.addItem(self.tr("This document"), "here")
        self.scope.addItem(self.tr("Chosen documents ({0})…").format(len(self.chosen_documents))
                           if self.chosen_documents else self.tr("Choose documents…"), "chosen")
        for name in self.case_names:
            self.scope.addItem(self.tr("Case: {0}").format(name), scope_key("case", name))
        for attr, value in self.attribute_values:
            self.scope.addItem(self.tr("{0} = {1}").format(attr, value),
                               scope_key("where", attr, value))
        i = self.scope.findData(was)
        self.scope.setCurrentIndex(max(i, 0))

    def set_code(self, code_id: int | None) -> None:
        self.code_id = code_id if code_id in self.session.codes else None
        self.code_button.setText(self.session.code_path(self.code_id) + " …"
                                 if self.code_id is not None else self.tr("Choose a code…"))
        self._update_counts()

    def reset(self) -> None:
        """Another project: nothing of the last one stays."""
        self.stop()
        self.model.clear()
        self.chosen_documents = []
        self.set_code(None)
        self.status.clear()

    def _update_counts(self) -> None:
        chosen, total = len(self.model.checked), len(self.model.hits)
        self.code_hits_button.setText(self.tr("Code {0} chosen hits").format(chosen))
        self.code_hits_button.setEnabled(bool(chosen) and self.code_id is not None
                                         and not self.busy)
        if self.busy:
            return
        text = self.tr("{0} hits, {1} chosen").format(total, chosen)
        if self.truncated:
            text += " " + self.tr("(only the first {0})").format(total)
        self.status.setText(text)

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    # -- searching ---------------------------------------------------------------------

    def query(self) -> Query:
        return Query(self.term.text(), regex=self.regex.isChecked(),
                     whole_words=self.whole_words.isChecked(),
                     ignore_case=self.ignore_case.isChecked(),
                     synonyms=self.synonyms.isChecked() and not self.regex.isChecked())

    def document_ids(self) -> list[int] | Scope | None:
        """The documents searched; a case or an attribute value as an analysis
        ``Scope``, resolved in the worker (None: every document)."""
        kind = self.scope.currentData() or "all"
        if _SEP in kind:
            what, *names = kind.split(_SEP)
            return (Scope(cases=(names[0],)) if what == "case"
                    else Scope(where=((names[0], names[1]),)))
        if kind == "here":
            here = self.current_document()
            return [here] if here is not None else []
        if kind == "chosen":
            return list(self.chosen_documents)
        return None

    def choose_documents(self, ids: Sequence[int]) -> None:
        """The documents "Chosen documents" searches."""
        self.chosen_documents = list(ids)
        self.fill_scope()
        self.scope.setCurrentIndex(self.scope.findData("chosen"))

    def search(self, term: str | None = None) -> None:
        """Start a search (stopping one that runs); hits come in as they are found."""
        if term:
            self.term.setText(term)
        project = self.session.project
        if project is None or not self.term.text().strip():
            self.status.setText(self.tr("Type a word to search for"))
            return
        self.stop()
        self.model.clear()
        self.truncated = False
        query, docs = self.query(), self.document_ids()
        check = True  # every hit starts chosen; the user unchecks what is not meant

        def work(emit, cancelled, progress) -> None:
            where = docs
            if isinstance(docs, Scope):
                with project.read() as s:
                    where = resolve(s, docs).selection()
            for batch in iter_hits(project, query, where, context=CONTEXT,
                                   limit=MAX_HITS + 1, progress=progress, cancel=cancelled):
                emit(batch)

        def item(batch: object) -> None:
            assert isinstance(batch, list)
            if not self.model.hits and batch:
                self._size_hit_column(batch)
            room = MAX_HITS - len(self.model.hits)
            if len(batch) > room:
                self.truncated = True
                batch = batch[:room]
            self.model.append(batch, check)

        self.job = Job(self, work, item, self._progress, self._finished)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.search_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Searching…"))
        self.job.start()
        self._update_counts()

    def _size_hit_column(self, batch: Sequence[Hit]) -> None:
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(h.match) for h in batch[:200])
        self.table.horizontalHeader().resizeSection(2, min(max(widest + 24, 48), 300))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("Searching… {0} hits").format(len(self.model.hits)))

    def _finished(self, error: str | None) -> None:
        self._idle()
        self._update_counts()
        if error is not None:
            self.status.setText(error)
            return
        self._update_counts()
        if self.model.sort_key != "position":  # as the user last sorted them
            header = self.table.horizontalHeader()
            self.sort_by(self.model.sort_key,
                         header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        if not self.model.hits:
            self.status.setText(self.tr("“{0}” is not there").format(self.term.text()))

    def stop(self) -> None:
        """Stop the search now; the hits found so far stay."""
        if self.job is not None and self.job.running:
            self.job.cancel()
            self._idle()
            self._update_counts()
            self.status.setText(self.status.text() + " " + self.tr("(stopped)"))

    def _idle(self) -> None:
        self.progress.hide()
        self.search_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    def _sort_clicked(self, column: int) -> None:
        if self.busy:  # rows are still coming in (or being sorted)
            return
        header = self.table.horizontalHeader()
        self.sort_by(_SORT_KEYS[column],
                     header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def sort_by(self, key: SortKey, descending: bool = False) -> None:
        """Sort in a worker (200,000 hits take a moment), then show the new order."""
        hits = list(self.model.hits)
        if key == "position":
            hits_order = sorted(range(len(hits)), key=lambda i: _place(hits[i]))
            self.model.apply_order(hits_order, key, descending)
            return

        def work(emit, _cancelled, _progress) -> None:
            emit(sort_order(hits, key))

        def done(order: object) -> None:
            assert isinstance(order, list)
            if len(order) == len(self.model.hits):
                self.model.apply_order(order, key, descending)

        self.job = Job(self, work, done, self._progress, self._sorted)
        self.status.setText(self.tr("Sorting…"))
        self.job.start()

    def _sorted(self, error: str | None) -> None:
        self._update_counts()
        if error is not None:
            self.status.setText(error)

    # -- coding ------------------------------------------------------------------------

    def chosen_extent(self) -> Extent:
        return self.extent.currentData() or "hit"

    def _code_hits(self) -> None:
        hits = [HitSpan(h.document_id, h.start, h.end) for h in self.model.chosen()]
        if hits and self.code_id is not None:
            self.codeHitsRequested.emit(hits, self.code_id, self.chosen_extent())


class DocumentsChooser(QDialog):
    """The documents to search, by check box."""

    def __init__(self, documents: Sequence[tuple[int, str]], chosen: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsChooser")
        self.setWindowTitle(self.tr("Documents to search"))
        self.list = QListWidget()
        self.list.setObjectName("documentsToSearch")
        for doc_id, name in documents:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, doc_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if doc_id in chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(380, 420)

    def chosen(self) -> list[int]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]


__all__ = ["ConcordancePanel", "DocumentsChooser", "HitsModel"]
