"""The disagreements behind the agreement (Workshop → Disagreements…).

The list jumps the document view to a disagreement and selects it; from there the group
settles the consensus: accept one coder's coding for the consensus coder, or code the
disputed span for consensus (both undoable commands). A settled disagreement stays
listed, marked.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.services.agreement import (
    CONSENSUS_CODER,
    Disagreement,
    disagreements,
)
from annotator.services.coding import Segment, segments
from annotator.services.window_ops import codings_by_ids
from annotator.ui.background import BackgroundJob, Progress
from annotator.ui.codebook_view import swatch
from annotator.ui.operations.consensus import accept_command, consensus_command
from annotator.ui.session import Session
from annotator.ui.workshop_views import (
    EXCERPT,
    GREY,
    PROJECTED,
    RAW,
    SETTLED,
)


def settled_by(found: Sequence[Disagreement], consensus: Sequence[Segment]) -> set[int]:
    """The indexes of the disagreements the consensus coder has coded: a consensus
    coding of the same code in the same document overlaps the disputed span."""
    spans: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for seg in consensus:
        spans[(seg.document_id, seg.code_id)].append((seg.start, seg.end))
    return {i for i, d in enumerate(found)
            if any(a < d.end and b > d.start for a, b in spans.get((d.document_id, d.code_id),
                                                                  ()))}


translate = QCoreApplication.translate
SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # combined once
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def splice(items: Sequence[Disagreement], fresh: Sequence[Disagreement],
           documents: set[int], order: dict[int, int]) -> list[Disagreement]:
    """``items`` with those of ``documents`` replaced by ``fresh`` (listed again), in the
    service's order: by document, and within a document as listed (a stable sort)."""
    kept = [d for d in items if d.document_id not in documents]
    return sorted([*kept, *fresh], key=lambda d: order.get(d.document_id, len(order)))


class DisagreementsModel(QAbstractTableModel):
    """The disagreements as rows: the view asks only for the rows it paints, so fifty
    thousand disagreements of a 20-coder workshop are listed at once."""

    def __init__(self, view: "DisagreementsView") -> None:
        super().__init__(view)
        self.view = view
        self.items: list[Disagreement] = []
        self.settled: set[int] = set()

    def set_items(self, items: list[Disagreement], settled: set[int]) -> None:
        self.beginResetModel()
        self.items, self.settled = items, settled
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DisagreementsView.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("DisagreementsView", DisagreementsView.COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return SHOWN

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        d = self.items[row]
        settled = row in self.settled
        if role == Qt.ItemDataRole.DisplayRole:
            if col == DisagreementsView.SETTLED_COL:
                return translate("DisagreementsView", "✓ settled") if settled else ""
            return self._texts(d)[col]
        if role == RAW and col == 0:
            return row
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return swatch(self.view.session.code_color(d.code_id))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 6:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and settled:
            return QBrush(SETTLED if col == DisagreementsView.SETTLED_COL else GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return d.document
            if col == 4:
                return d.text[:2000]
            if col == 5:
                return translate("DisagreementsView",
                                 "Characters {0} to {1} of the document").format(d.start, d.end)
            if col == DisagreementsView.SETTLED_COL and settled:
                return translate("DisagreementsView",
                                 "The consensus coder ({0}) has coded this code here").format(
                    CONSENSUS_CODER)
        return None

    @staticmethod
    def _texts(d: Disagreement) -> tuple[str, ...]:
        excerpt = " ".join(d.text[:EXCERPT * 4].split())
        if len(excerpt) > EXCERPT:
            excerpt = excerpt[:EXCERPT] + "…"
        return (d.document, d.code_path, ", ".join(d.coded_by), ", ".join(d.not_coded_by),
                excerpt, f"{d.start}–{d.end}", f"{d.end - d.start:,}",
                ", ".join(d.missing) or "—")


class DisagreementsView(QWidget):
    """Where the coders differ; click one to see it in the document, then settle it.

    The coders compared are the agreement view's (the consensus coder and the demo's
    example coder left out by default). A disagreement the consensus coder has coded —
    accepted from a coder or coded for consensus — stays listed, marked "settled", so
    the room sees what is done; "Hide settled" leaves the open ones.
    """

    COLUMNS = (  # marked for lupdate; translated where shown (self.tr)
        QT_TRANSLATE_NOOP("DisagreementsView", "Document"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Code"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Coded by"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Not coded by"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Text"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Span"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Characters"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Missing"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Consensus"),
    )
    SETTLED_COL = 8
    spanRequested = Signal(int, int, int)  # document id, start, end
    listed = Signal()  # the list was filled again

    def __init__(self, session: Session, parent: QWidget | None = None,
                 coders: Callable[[], list[str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disagreementsView")
        self.session = session
        self.coders = coders or (lambda: [])
        self.items: list[Disagreement] = []
        self.settled: set[int] = set()  # indexes into items
        self.job: BackgroundJob | None = None
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * PROJECTED)
        self.setFont(font)
        self.model = DisagreementsModel(self)
        self._hidden: set[int] = set()  # rows hidden as settled
        # a table, not a tree: a tree view lays out every row it holds, a table only
        # the rows on screen (fifty thousand disagreements are listed at once)
        self.list = QTableView()
        self.list.setObjectName("disagreementList")
        self.list.setModel(self.model)
        self.list.setAlternatingRowColors(True)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list.verticalHeader().setDefaultSectionSize(
            self.list.fontMetrics().lineSpacing() + 6)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 8)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.list.selectionModel().currentRowChanged.connect(lambda _c, _p: self._chosen())
        self.list.clicked.connect(lambda index: self._jump(index.row()))
        self.list.activated.connect(lambda index: self._jump(index.row()))
        self.status = QLabel()
        self.status.setObjectName("disagreementsStatus")
        self.status.setWordWrap(True)
        self.hide_settled = QCheckBox(self.tr("&Hide settled"))
        self.hide_settled.setObjectName("hideSettled")
        self.hide_settled.setToolTip(self.tr(
            "Leave out the disagreements the consensus coder has coded"))
        self.hide_settled.toggled.connect(lambda _on: self._show_settled())
        self.accept_box = QHBoxLayout()
        self.accept_buttons: list[QPushButton] = []
        self.consensus_button = QPushButton(self.tr("Code this span for consensus"))
        self.consensus_button.setObjectName("codeForConsensus")
        self.consensus_button.setToolTip(self.tr(
            "Code exactly the chosen span with its code for the consensus coder ({0})"
        ).format(CONSENSUS_CODER))
        self.consensus_button.clicked.connect(self.code_for_consensus)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("List the disagreements again"))
        self.refresh_button.clicked.connect(self.refresh_all)
        buttons = QHBoxLayout()
        buttons.addLayout(self.accept_box)
        buttons.addWidget(self.consensus_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hide_settled)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        self._stale = True  # not listed yet, or the project changed since
        self._pending: set[int] = set()  # documents whose codings changed since
        self._coders_listed: list[str] | None = None
        self.last_run: str | None = None  # "whole" or "update": how the list was made
        self._chosen()

    def mark_dirty(self) -> None:
        """The project changed: list again soon if shown, else when shown."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def refresh_all(self) -> None:
        """Refresh: list everything again, now."""
        self._stale = True
        self.refresh()

    def codings_changed(self, documents: set[int]) -> None:
        """Codings of ``documents`` came or went: only those documents are listed again
        (soon if shown, else when shown); the other rows stay as they are."""
        self._pending |= documents
        if self.isVisible() and not self._stale:
            self._timer.start()

    def shown(self) -> None:
        """The dock came into sight: list again what changed while it was hidden."""
        if (self._stale or self._pending) and self.job is None \
                and not self._timer.isActive():
            self.refresh()

    @staticmethod
    def _key(d: Disagreement) -> tuple:
        return d.document_id, d.code_id, d.start, d.end

    @property
    def busy(self) -> bool:
        return self.job is not None

    def refresh(self) -> None:
        """List again, in a thread (the window keeps answering): everything after a
        Refresh or a change of project or coders; after codings only their documents,
        spliced into the list in its order (``splice``)."""
        self._timer.stop()
        project = self.session.project
        if project is None:
            self._set_items([], set())
            self.status.setText(self.tr("Open a project first."))
            return
        if self.job is not None:
            if not self._stale:
                return  # codings only: applied when the running one ends (``_idle``)
            self.job.cancel()
            for signal in (self.job.finished, self.job.failed, self.job.cancelled):
                signal.disconnect()
        coders = self.coders() or None
        consensus = next((cid for cid, name in self.session.coders.items()
                          if name == CONSENSUS_CODER), None)
        whole = self._stale or coders != self._coders_listed
        docs, self._pending, self._stale = self._pending, set(), False
        self._coders_listed = coders
        order = {d.id: i for i, d in enumerate(self.session.documents)}
        names_of = [d.name for d in self.session.documents if d.id in docs]
        before = self.items
        self.last_run = "whole" if whole else "update"

        def work(progress: Progress) -> tuple:
            progress.stage("")
            if whole:
                found = disagreements(project, coders=coders)
            else:
                found = splice(before, disagreements(project, coders=coders,
                                                     documents=names_of), docs, order)
            done = segments(project, coder_id=consensus) if consensus is not None else []
            names = sorted({c for d in found for c in (*d.coded_by, *d.not_coded_by)})
            return found, settled_by(found, done), names

        self.job = BackgroundJob(work, self, "disagreements")
        self.job.finished.connect(self._listed)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._idle)
        self.refresh_button.setEnabled(False)
        self.job.start()

    def _idle(self) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)
        if self.isVisible() and (self._stale or self._pending):
            self._timer.start()  # what changed while this one ran

    def _failed(self, message: str) -> None:
        self._idle()
        self._set_items([], set())
        self.status.setText(message)

    def _listed(self, outcome: tuple) -> None:
        self._idle()
        current = self.current()
        keep = self._key(current) if current else None
        items, settled, coders = outcome
        self._set_items(items, settled)
        for col, width in ((0, 150), (1, 180), (2, 110), (3, 110), (4, 380), (5, 90), (6, 80),
                           (7, 80)):
            self.list.setColumnWidth(col, width)
        if self.items:
            self.status.setText(self.tr(
                "{0} disagreements between {1}, {2} settled. Click one to see it in the "
                "document; then accept a coder's coding into the consensus or code the "
                "span for consensus (both can be undone).").format(
                len(self.items), ", ".join(coders), len(self.settled)))
        else:
            self.status.setText(self.tr(
                "No disagreements: either the coders agree everywhere or fewer than two "
                "coders coded the same documents (merge participants' copies first)."))
        self._show_settled()
        row = next((i for i, d in enumerate(self.items) if self._key(d) == keep), None) \
            if keep is not None else None
        if row is not None and not self.is_hidden(row):
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self._chosen()
        self.listed.emit()

    def _set_items(self, items: list[Disagreement], settled: set[int]) -> None:
        self.items, self.settled = items, settled
        for row in self._hidden:  # a table keeps hidden rows over a model reset
            self.list.setRowHidden(row, False)
        blocker = QSignalBlocker(self.list.selectionModel())
        self.model.set_items(items, settled)
        del blocker
        self._hidden = set()
        self._chosen()

    def _show_settled(self) -> None:
        """Hide the settled rows, or show them again (only those rows are touched)."""
        hide = self.hide_settled.isChecked()
        wanted = set(self.settled) if hide else set()
        for row in self._hidden ^ wanted:
            self.list.setRowHidden(row, row in wanted)
        self._hidden = wanted

    def is_hidden(self, row: int) -> bool:
        return self.list.isRowHidden(row)

    def text(self, row: int, col: int) -> str:
        """What the list shows in a cell (for whoever reads the list: tests, a copy)."""
        return self.model.index(row, col).data() or ""

    def row_rect(self, row: int):
        """Where a row is on screen (to click it), scrolled into view."""
        index = self.model.index(row, 0)
        self.list.scrollTo(index)
        return self.list.visualRect(index)

    def current(self) -> Disagreement | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        i = index.row()
        return self.items[i] if i < len(self.items) else None

    def is_settled(self, row: int) -> bool:
        return row in self.settled

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))
        self._jump(row)

    def _jump(self, row: int) -> None:
        if 0 <= row < len(self.items):
            d = self.items[row]
            self.spanRequested.emit(d.document_id, d.start, d.end)

    def _chosen(self) -> None:
        for b in self.accept_buttons:
            self.accept_box.removeWidget(b)
            b.hide()  # out of sight at once: deleted when the event loop gets to it
            b.deleteLater()
        self.accept_buttons = []
        d = self.current()
        self.consensus_button.setEnabled(d is not None)
        if d is None:
            return
        infos = self.session.call(codings_by_ids, self.session.project, list(d.coding_ids)) \
            if self.session.project is not None else None
        for info in infos or []:
            coder = self.session.coder_name(info.coder_id)
            if coder == CONSENSUS_CODER:
                continue
            button = QPushButton(self.tr("Accept {0}'s coding into consensus").format(coder))
            button.setObjectName(f"acceptConsensus_{coder}")
            button.setToolTip(self.tr(
                "Code {0}'s whole coding of {1} ({2}–{3}) for the consensus coder").format(
                coder, d.code_path, info.start, info.end))
            button.clicked.connect(lambda _c=False, i=info, n=coder: self.accept(i.id, n))
            self.accept_box.addWidget(button)
            self.accept_buttons.append(button)

    def accept(self, coding_id: int, coder: str) -> bool:
        d = self.current()
        path = d.code_path if d else ""
        return self.session.execute(accept_command(self.session, coding_id, coder, path))

    def code_for_consensus(self) -> bool:
        d = self.current()
        if d is None:
            return False
        return self.session.execute(consensus_command(self.session, d))


__all__ = ["DisagreementsView", "settled_by"]
