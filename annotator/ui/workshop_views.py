"""The workshop views: intercoder agreement and the disagreements behind it.

Both read the services (``project_agreement``, ``disagreements``) and show exactly what
they return: the agreement table is filled from the typed ``ProjectAgreement`` (its
summaries per code, its cells per code and document), the same numbers ``annotator
agreement --json`` prints and the workbook holds. An undefined
value (0/0, e.g. neither coder used a code in a document) is shown as the word
"undefined" in grey, never as 0 or 1, which a reader would take for a result.

With two coders each code has one row; with more, the code row carries Krippendorff's α
(over all coders present) and each pair of coders is a child row with its percent
agreement and κ.

The disagreements list jumps the document view to a disagreement and selects it; from
there the group settles the consensus: accept one coder's coding for the consensus
coder, or code the disputed span for consensus. Both are undoable commands.
"""

from pathlib import Path
from types import EllipsisType

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.agreement import Table2x2
from annotator.domain.errors import AnnotatorError
from annotator.services.agreement import (
    CONSENSUS_CODER,
    Disagreement,
    ProjectAgreement,
    disagreements,
    project_agreement,
)
from annotator.services.agreement_export import write_agreement_workbook
from annotator.services.coders import list_coders
from annotator.services.window_ops import codings_by_ids
from annotator.ui.codebook_view import swatch
from annotator.ui.i18n import current_language
from annotator.ui.operations.consensus import accept_command, consensus_command
from annotator.ui.prompts import Prompts
from annotator.ui.session import Session

RAW = Qt.ItemDataRole.UserRole  # the number as the service returned it (None = undefined)
GREY = QColor("#8a8a8a")
EXCERPT = 60


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkshopViews", text)


# -- formatting --------------------------------------------------------------------------


def set_value(item: QTreeWidgetItem, col: int, value: float | None, kind: str = "ratio",
              undefined_tip: str = "") -> None:
    """Show a number; None is "undefined" in grey (never 0 or 1)."""
    item.setData(col, RAW, value)
    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if value is None:
        item.setText(col, _t("undefined"))
        item.setForeground(col, QBrush(GREY))
        item.setToolTip(col, undefined_tip or _t(
            "Cannot be computed (0/0): there is nothing to compare here"))
        return
    if kind == "percent":
        item.setText(col, f"{value * 100:.1f}%")
    elif kind == "count":
        item.setText(col, f"{int(value):,}")
    else:
        item.setText(col, f"{value:.3f}")


def set_blank(item: QTreeWidgetItem, col: int, tip: str) -> None:
    item.setData(col, RAW, None)
    item.setText(col, "")
    item.setToolTip(col, tip)


class AgreementView(QWidget):
    """Coders to compare, the overlap threshold, a table per code and per document."""

    CODE_COLUMNS = (  # marked for lupdate; translated where shown (self.tr)
        QT_TRANSLATE_NOOP("AgreementView", "Code"),
        QT_TRANSLATE_NOOP("AgreementView", "Coders compared"),
        QT_TRANSLATE_NOOP("AgreementView", "Percent agreement"),
        QT_TRANSLATE_NOOP("AgreementView", "Pooled Cohen's κ"),
        QT_TRANSLATE_NOOP("AgreementView", "Weighted Cohen's κ"),
        QT_TRANSLATE_NOOP("AgreementView", "Krippendorff's α"),
        QT_TRANSLATE_NOOP("AgreementView", "Segment agreement"),
        QT_TRANSLATE_NOOP("AgreementView", "Documents compared"),
    )
    DOC_COLUMNS = (  # marked for lupdate; translated where shown (self.tr)
        QT_TRANSLATE_NOOP("AgreementView", "Document"),
        QT_TRANSLATE_NOOP("AgreementView", "Coders compared"),
        QT_TRANSLATE_NOOP("AgreementView", "Characters"),
        QT_TRANSLATE_NOOP("AgreementView", "Both coded"),
        QT_TRANSLATE_NOOP("AgreementView", "Only first"),
        QT_TRANSLATE_NOOP("AgreementView", "Only second"),
        QT_TRANSLATE_NOOP("AgreementView", "Neither"),
        QT_TRANSLATE_NOOP("AgreementView", "Percent agreement"),
        QT_TRANSLATE_NOOP("AgreementView", "Cohen's κ"),
        QT_TRANSLATE_NOOP("AgreementView", "Krippendorff's α"),
        QT_TRANSLATE_NOOP("AgreementView", "Segment agreement"),
        QT_TRANSLATE_NOOP("AgreementView", "Coders present"),
        QT_TRANSLATE_NOOP("AgreementView", "Coders missing"),
    )

    def __init__(self, session: Session, prompts: Prompts | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.session = session
        self.prompts = prompts or Prompts(self)
        self.result: ProjectAgreement | None = None

        self.coders = QListWidget()
        self.coders.setObjectName("agreementCoders")
        self.coders.setFlow(QListWidget.Flow.LeftToRight)
        self.coders.setWrapping(True)
        self.coders.setMaximumHeight(self.fontMetrics().lineSpacing() * 2 + 6)
        self.coders.setSpacing(2)
        self.coders.setToolTip(self.tr("The coders to compare (at least two). The consensus "
                                       "coder is left out unless you tick it."))
        self.coders.itemChanged.connect(lambda _i: self._schedule())
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("agreementThreshold")
        self.threshold.setRange(0.05, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(0.9)
        self.threshold.setToolTip(self.tr(
            "Two segments of a code match when their overlap covers at least this share "
            "of their union (segment agreement, as in MAXQDA)"))
        self.threshold.valueChanged.connect(lambda _v: self._schedule())
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("agreementExport")
        self.export_button.setToolTip(self.tr(
            "Write the agreement workbook: every number with the counts behind it, "
            "and the disagreements"))
        self.export_button.clicked.connect(lambda: self.export_dialog())
        self.refresh_button = QPushButton(self.tr("Recalculate"))
        self.refresh_button.setToolTip(self.tr("Compute the agreement again"))
        self.refresh_button.clicked.connect(self.refresh)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Coders:")))
        top.addWidget(self.coders, 1)
        threshold_label = QLabel(self.tr("Segment overlap threshold:"))
        threshold_label.setBuddy(self.threshold)
        top.addWidget(threshold_label)
        top.addWidget(self.threshold)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.status = QLabel()
        self.status.setObjectName("agreementStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.codes = QTreeWidget()
        self.codes.setObjectName("agreementCodes")
        self.codes.setHeaderLabels([self.tr(c) for c in self.CODE_COLUMNS])
        self.codes.setAlternatingRowColors(True)
        self.codes.setUniformRowHeights(True)
        self.codes.currentItemChanged.connect(self._code_chosen)
        self.docs_title = QLabel()
        self.docs = QTreeWidget()
        self.docs.setObjectName("agreementDocuments")
        self.docs.setHeaderLabels([self.tr(c) for c in self.DOC_COLUMNS])
        self.docs.setAlternatingRowColors(True)
        self.docs.setUniformRowHeights(True)
        for tree in (self.codes, self.docs):
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.header().setStretchLastSection(False)
            tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        docs_box = QWidget()
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.setContentsMargins(0, 0, 0, 0)
        docs_layout.addWidget(self.docs_title)
        docs_layout.addWidget(self.docs)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.codes)
        split.addWidget(docs_box)
        split.setSizes([300, 200])

        self.legend = QLabel(self.tr(
            "Units are characters. Percent agreement and Cohen's κ compare two coders "
            "per code on the characters of each document (pooled: tables summed over "
            "documents; weighted: mean weighted by length). Krippendorff's α compares all "
            "coders present. A coder who coded nothing in a document is missing there, "
            "not disagreeing. “undefined” means 0/0: nothing to compare."))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)

        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)

    # -- coders --------------------------------------------------------------------------

    def fill_coders(self) -> None:
        """Every coder of the project; ticked: those with codings, except consensus."""
        project = self.session.project
        blocker = QSignalBlocker(self.coders)
        self.coders.clear()
        if project is None:
            del blocker
            return
        try:
            default = [c.name for c in project_agreement(project).coders]
        except AnnotatorError:
            default = []
        for c in self.session.call(list_coders, project) or []:
            item = QListWidgetItem(c.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = c.name in default if default else c.name != CONSENSUS_CODER
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.coders.addItem(item)
        del blocker

    def chosen_coders(self) -> list[str]:
        return [self.coders.item(i).text() for i in range(self.coders.count())
                if self.coders.item(i).checkState() == Qt.CheckState.Checked]

    def set_coders(self, names: list[str]) -> None:
        blocker = QSignalBlocker(self.coders)
        for i in range(self.coders.count()):
            item = self.coders.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names
                               else Qt.CheckState.Unchecked)
        del blocker
        self.refresh()

    # -- computing -----------------------------------------------------------------------

    def _schedule(self) -> None:
        self._timer.start()

    def mark_dirty(self) -> None:
        if self.isVisible():
            self._schedule()

    def refresh(self) -> None:
        self._timer.stop()
        project = self.session.project
        self.codes.clear()
        self.docs.clear()
        self.result = None
        self.export_button.setEnabled(False)
        if project is None:
            self.status.setText(self.tr("Open a project first."))
            return
        coders = self.chosen_coders()
        if len(coders) < 2:
            self.status.setText(self.tr(
                "Tick at least two coders to compare (merge participants' copies first: "
                "Workshop → Merge projects…)."))
            return
        try:
            self.result = project_agreement(project, coders=coders,
                                            threshold=round(self.threshold.value(), 2))
        except AnnotatorError as exc:
            self.status.setText(str(exc))
            return
        self._fill_codes()
        self.export_button.setEnabled(True)

    def _names(self) -> dict[int, str]:
        assert self.result is not None
        return {c.id: c.name for c in self.result.coders}

    def _fill_codes(self) -> None:
        r = self.result
        assert r is not None
        coders, names = [c.name for c in r.coders], self._names()
        pairwise = len(coders) == 2
        labels = [self.tr(c) for c in self.DOC_COLUMNS]
        if pairwise:  # say who "first" and "second" are
            labels[4] = self.tr("Only {0}").format(coders[0])
            labels[5] = self.tr("Only {0}").format(coders[1])
        self.docs.setHeaderLabels(labels)
        self.status.setText(self.tr(
            "Comparing {0} coders: {1}; {2} codes in {3} document(s). Choose a code to "
            "see it per document.").format(len(coders), ", ".join(coders),
                                 len(r.codes), len(r.documents)))
        for ref, sm in zip(r.codes, r.report.summaries, strict=True):
            item = QTreeWidgetItem([ref.path])
            item.setData(0, RAW, ref.path)
            if ref.id in self.session.codes:
                item.setIcon(0, swatch(self.session.code_color(ref.id)))
            if pairwise:
                item.setText(1, " – ".join(coders))
                only = sm.pairs[0] if len(sm.pairs) == 1 else None
                self._summary_values(item, sm.percent_agreement, sm.pooled_kappa,
                                     sm.weighted_kappa, sm.segment_agreement,
                                     only.documents if only else None, sm.krippendorff_alpha)
            else:
                item.setText(1, self.tr("all {0}").format(len(coders)))
                for col in (2, 3, 4, 6, 7):
                    set_blank(item, col, self.tr("Per pair of coders: expand the row"))
                set_value(item, 5, sm.krippendorff_alpha)
                for pair in sm.pairs:
                    child = QTreeWidgetItem(["", f"{names[pair.coder_a]} – {names[pair.coder_b]}"])
                    self._summary_values(
                        child, pair.percent_agreement if pair.documents else None,
                        pair.pooled_kappa, pair.weighted_kappa, pair.segment_agreement,
                        pair.documents)
                    item.addChild(child)
            self.codes.addTopLevelItem(item)
            item.setExpanded(True)
        if self.codes.topLevelItemCount():
            self.codes.setCurrentItem(self.codes.topLevelItem(0))

    def _summary_values(self, item: QTreeWidgetItem, percent: float | None,
                        pooled: float | None, weighted: float | None,
                        segment: float | None, compared: int | None,
                        alpha: float | None | EllipsisType = ...) -> None:
        """One code (``alpha`` given: over all coders) or one pair of coders (no α)."""
        set_value(item, 2, percent, "percent")
        set_value(item, 3, pooled)
        set_value(item, 4, weighted)
        if alpha is not ...:
            set_value(item, 5, alpha)
        else:
            set_blank(item, 5, self.tr("α is computed over all coders: see the code row"))
        set_value(item, 6, segment, undefined_tip=self.tr(
            "Cannot be computed: neither coder has a segment of this code"))
        if compared is None:
            set_value(item, 7, None, "count", self.tr("No document where both coders coded"))
        else:
            set_value(item, 7, compared, "count")

    def _code_chosen(self, item: QTreeWidgetItem | None, _prev=None) -> None:
        self.docs.clear()
        r = self.result
        if item is None or r is None:
            self.docs_title.setText("")
            return
        while item.parent() is not None:
            item = item.parent()
        path = item.data(0, RAW)
        ref = next((c for c in r.codes if c.path == path), None)
        if ref is None:
            return
        self.docs_title.setText(self.tr("Per document: {0}").format(path))
        coders, names = [c.name for c in r.coders], self._names()
        documents = {d.id: d.name for d in r.documents}
        pairwise = len(coders) == 2
        for cell in (c for c in r.report.cells if c.code_id == ref.id):
            name = documents[cell.doc_id]
            row = QTreeWidgetItem([name])
            row.setData(0, RAW, name)
            row.setText(11, ", ".join(names[i] for i in cell.coders_present))
            row.setText(12, ", ".join(names[i] for i in cell.coders_missing) or "—")
            if cell.coders_missing:
                row.setForeground(12, QBrush(QColor("#b35900")))
                row.setToolTip(12, self.tr("Coded nothing in this document: left out here, "
                                           "not counted as disagreeing"))
            set_value(row, 9, cell.krippendorff_alpha)
            if pairwise:
                row.setText(1, " – ".join(coders))
                self._cell_values(row, cell.length, cell.table, cell.percent_agreement,
                                  cell.cohen_kappa, cell.segment_agreement)
            else:
                row.setText(1, self.tr("all {0}").format(len(cell.coders_present)))
                set_value(row, 2, cell.length, "count")
                for col in (3, 4, 5, 6, 7, 8, 10):
                    set_blank(row, col, self.tr("Per pair of coders: expand the row"))
                for pair in cell.pairs:
                    child = QTreeWidgetItem(["", f"{names[pair.coder_a]} – {names[pair.coder_b]}"])
                    self._cell_values(child, cell.length, pair.table, pair.percent_agreement,
                                      pair.cohen_kappa, pair.segment_agreement)
                    set_blank(child, 9, self.tr("α is computed over all coders present"))
                    row.addChild(child)
            self.docs.addTopLevelItem(row)
            row.setExpanded(True)

    def _cell_values(self, row: QTreeWidgetItem, characters: int, table: Table2x2 | None,
                     percent: float | None, kappa: float | None,
                     segment: float | None) -> None:
        missing_tip = self.tr("Not compared: a coder is missing in this document")
        set_value(row, 2, characters, "count")
        if table is None:
            for col in (3, 4, 5, 6, 7, 8, 10):
                set_blank(row, col, missing_tip)
            for col in (7, 8, 10):
                row.setText(col, "—")
            return
        for col, count in ((3, table.both), (4, table.only_a), (5, table.only_b),
                           (6, table.neither)):
            set_value(row, col, count, "count")
        set_value(row, 7, percent, "percent")
        set_value(row, 8, kappa)
        set_value(row, 10, segment, undefined_tip=self.tr(
            "Cannot be computed: neither coder has a segment of this code here"))

    # -- export --------------------------------------------------------------------------

    def export_dialog(self) -> Path | None:
        project = self.session.project
        if project is None or self.result is None:
            return None
        path = self.prompts.save_file(
            self.tr("Export agreement to Excel"),
            str(project.path.with_name(project.path.stem + "-agreement.xlsx")),
            self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        try:
            found = disagreements(project, coders=[c.name for c in self.result.coders])
            write_agreement_workbook(self.result, found, out, current_language())
        except AnnotatorError as exc:
            self.session.error.emit(str(exc))
            return None
        self.session.message.emit(self.tr("Exported the agreement to {0}").format(out))
        return out


class DisagreementsView(QWidget):
    """Where the coders differ; click one to see it in the document, then settle it."""

    COLUMNS = (  # marked for lupdate; translated where shown (self.tr)
        QT_TRANSLATE_NOOP("DisagreementsView", "Document"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Code"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Coded by"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Not coded by"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Text"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Span"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Characters"),
        QT_TRANSLATE_NOOP("DisagreementsView", "Missing"),
    )
    spanRequested = Signal(int, int, int)  # document id, start, end

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disagreementsView")
        self.session = session
        self.items: list[Disagreement] = []
        self.list = QTreeWidget()
        self.list.setObjectName("disagreementList")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels([self.tr(c) for c in self.COLUMNS])
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemClicked.connect(lambda item, _c: self._jump(item))
        self.list.itemActivated.connect(lambda item, _c: self._jump(item))
        self.status = QLabel()
        self.status.setObjectName("disagreementsStatus")
        self.status.setWordWrap(True)
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
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addLayout(self.accept_box)
        buttons.addWidget(self.consensus_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        self._chosen(None)

    def mark_dirty(self) -> None:
        if self.isVisible():
            self._timer.start()

    @staticmethod
    def _key(d: Disagreement) -> tuple:
        return d.document_id, d.code_id, d.start, d.end

    def refresh(self) -> None:
        self._timer.stop()
        current = self.current()
        keep = self._key(current) if current else None
        self.list.clear()
        self.items = []
        project = self.session.project
        if project is None:
            self.status.setText(self.tr("Open a project first."))
            self._chosen(None)
            return
        try:
            self.items = disagreements(project)
        except AnnotatorError as exc:
            self.status.setText(str(exc))
            self._chosen(None)
            return
        chosen = None
        blocker = QSignalBlocker(self.list)
        for i, d in enumerate(self.items):
            excerpt = " ".join(d.text.split())
            if len(excerpt) > EXCERPT:
                excerpt = excerpt[:EXCERPT] + "…"
            item = QTreeWidgetItem([
                d.document, d.code_path, ", ".join(d.coded_by), ", ".join(d.not_coded_by),
                excerpt, f"{d.start}–{d.end}", f"{d.end - d.start:,}",
                ", ".join(d.missing) or "—"])
            item.setData(0, RAW, i)
            item.setIcon(1, swatch(self.session.code_color(d.code_id)))
            item.setToolTip(0, d.document)
            item.setToolTip(4, d.text[:2000])
            item.setToolTip(5, self.tr("Characters {0} to {1} of the document").format(
                d.start, d.end))
            item.setTextAlignment(6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if keep == self._key(d):
                chosen = item
        del blocker
        for col, width in ((0, 150), (1, 180), (2, 110), (3, 110), (4, 380), (5, 90), (6, 80)):
            self.list.setColumnWidth(col, width)
        coders = sorted({c for d in self.items for c in (*d.coded_by, *d.not_coded_by)})
        if self.items:
            self.status.setText(self.tr(
                "{0} disagreements between {1}. Click one to see it in the document; "
                "then accept a coder's coding into the consensus or code the span for "
                "consensus (both can be undone).").format(len(self.items), ", ".join(coders)))
        else:
            self.status.setText(self.tr(
                "No disagreements: either the coders agree everywhere or fewer than two "
                "coders coded the same documents (merge participants' copies first)."))
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        else:
            self._chosen(None)

    def current(self) -> Disagreement | None:
        item = self.list.currentItem()
        if item is None:
            return None
        i = item.data(0, RAW)
        return self.items[i] if i is not None and i < len(self.items) else None

    def select_row(self, row: int) -> None:
        item = self.list.topLevelItem(row)
        self.list.setCurrentItem(item)
        self._jump(item)

    def _jump(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        i = item.data(0, RAW)
        if i is not None and i < len(self.items):
            d = self.items[i]
            self.spanRequested.emit(d.document_id, d.start, d.end)

    def _chosen(self, item: QTreeWidgetItem | None, _prev=None) -> None:
        for b in self.accept_buttons:
            self.accept_box.removeWidget(b)
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


__all__ = ["AgreementView", "DisagreementsView", "set_value"]
