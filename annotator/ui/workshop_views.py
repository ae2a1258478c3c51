"""The workshop views: intercoder agreement and the disagreements behind it.

Both read the services (``project_agreement``, ``disagreements``) and show exactly what
they return: the agreement table is filled from ``ProjectAgreement.to_json()``, the
same numbers ``annotator agreement --json`` prints and the workbook holds. An undefined
value (0/0, e.g. neither coder used a code in a document) is shown as the word
"undefined" in grey, never as 0 or 1, which a reader would take for a result.

With two coders each code has one row; with more, the code row carries Krippendorff's α
(over all coders present) and each pair of coders is a child row with its percent
agreement and κ.

The disagreements list jumps the document view to a disagreement and selects it; from
there the group settles the consensus: accept one coder's coding for the consensus
coder, or code the disputed span for consensus. Both are undoable commands.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

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
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.agreement_bootstrap import BootstrapInterval
from annotator.services.agreement import (
    CONSENSUS_CODER,
    Disagreement,
    ProjectAgreement,
    disagreements,
    project_agreement,
)
from annotator.services.agreement_export import write_agreement_workbook
from annotator.services.agreement_measures import (
    CodeMeasures,
    code_measures,
    methods_paragraph,
)
from annotator.services.coders import list_coders
from annotator.services.coding import Segment, segments
from annotator.services.project_coder import has_coded
from annotator.services.projects import DEMO_CODER
from annotator.services.window_ops import codings_by_ids
from annotator.ui.background import BackgroundJob, Progress
from annotator.ui.codebook_view import swatch
from annotator.ui.i18n import current_language
from annotator.ui.operations.consensus import accept_command, consensus_command
from annotator.ui.prompts import Prompts
from annotator.ui.session import Session

RAW = Qt.ItemDataRole.UserRole  # the number as the service returned it (None = undefined)
GREY = QColor("#8a8a8a")
SETTLED = QColor("#1b7a2e")
EXCERPT = 60
PROJECTED = 1.15  # the review is read from a projected screen: a little larger type
HANDLE = 9  # splitter handles wide enough to find with a mouse on a projector


def wide_handles(split: QSplitter) -> None:
    """Handles a facilitator can grab (Qt's default is 3 pixels), drawn as a ridge."""
    split.setHandleWidth(HANDLE)
    split.setChildrenCollapsible(False)
    split.setStyleSheet("QSplitter::handle { background: palette(midlight); "
                        "border: 1px solid palette(mid); margin: 1px; }")


def settled_by(found: Sequence[Disagreement], consensus: Sequence[Segment]) -> set[int]:
    """The indexes of the disagreements the consensus coder has coded: a consensus
    coding of the same code in the same document overlaps the disputed span."""
    spans: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for seg in consensus:
        spans[(seg.document_id, seg.code_id)].append((seg.start, seg.end))
    return {i for i, d in enumerate(found)
            if any(a < d.end and b > d.start for a, b in spans.get((d.document_id, d.code_id),
                                                                  ()))}


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


def set_interval(item: QTreeWidgetItem, col: int, interval: BootstrapInterval) -> None:
    """A bootstrap interval as "[low, high]"; undefined when too few resamples had a
    value (one document gives a point, not an interval)."""
    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if interval.low is None or interval.high is None or interval.parts < 2:
        item.setData(col, RAW, None)
        item.setText(col, _t("undefined"))
        item.setForeground(col, QBrush(GREY))
        item.setToolTip(col, _t("No interval: fewer than two resamples gave a value "
                                "(one document gives a point, not an interval)"))
        return
    item.setData(col, RAW, (interval.low, interval.high))
    item.setText(col, f"[{interval.low:.3f}, {interval.high:.3f}]")
    tip = _t("{0} % interval from {1} resamples of {2} documents").format(
        round(interval.level * 100), interval.replicates, interval.parts)
    if interval.below_minimum is not None:
        tip += "\n" + _t("q (below the minimum) = {0:.3f}").format(interval.below_minimum)
    item.setToolTip(col, tip)


def set_blank(item: QTreeWidgetItem, col: int, tip: str) -> None:
    item.setData(col, RAW, None)
    item.setText(col, "")
    item.setToolTip(col, tip)


class AgreementView(QWidget):
    """Coders to compare, the overlap threshold, a table per code and per document, the
    intervals and the methods paragraph — laid out to be projected: the coders in a
    column of their own, the tables taking the rest, wide handles between the parts."""

    CODE_COLUMNS = (  # marked for lupdate; translated where shown (self.tr)
        QT_TRANSLATE_NOOP("AgreementView", "Code"),
        QT_TRANSLATE_NOOP("AgreementView", "Coders compared"),
        QT_TRANSLATE_NOOP("AgreementView", "Percent agreement"),
        QT_TRANSLATE_NOOP("AgreementView", "Pooled Cohen's κ"),
        QT_TRANSLATE_NOOP("AgreementView", "Weighted Cohen's κ"),
        QT_TRANSLATE_NOOP("AgreementView", "Krippendorff's α"),
        QT_TRANSLATE_NOOP("AgreementView", "Segment agreement"),
        QT_TRANSLATE_NOOP("AgreementView", "Documents compared"),
        QT_TRANSLATE_NOOP("AgreementView", "κ interval"),
        QT_TRANSLATE_NOOP("AgreementView", "α interval"),
        QT_TRANSLATE_NOOP("AgreementView", "Gwet's AC1"),
        QT_TRANSLATE_NOOP("AgreementView", "Brennan–Prediger"),
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
    INTERVAL_COL, ALPHA_INTERVAL_COL, AC1_COL, BP_COL = 8, 9, 10, 11
    RESAMPLES = 1000
    computed = Signal()  # new numbers are shown (or the computation ended without)

    def __init__(self, session: Session, prompts: Prompts | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.session = session
        self.prompts = prompts or Prompts(self)
        self.result: ProjectAgreement | None = None
        self.data: dict | None = None
        self.measures: tuple[CodeMeasures, ...] = ()
        self.methods = ""
        self.job: BackgroundJob | None = None
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * PROJECTED)
        self.setFont(font)

        self.coders = QListWidget()
        self.coders.setObjectName("agreementCoders")
        self.coders.setToolTip(self.tr(
            "The coders to compare (at least two). The consensus coder and the demo's "
            "example coder are left out unless you tick them."))
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
        self.intervals = QCheckBox(self.tr("&Intervals ({0} resamples)").format(
            self.RESAMPLES))
        self.intervals.setObjectName("agreementIntervals")
        self.intervals.setToolTip(self.tr(
            "95 % bootstrap intervals for κ and α, resampling documents (one document "
            "gives a point, not an interval)"))
        self.intervals.toggled.connect(lambda _on: self._schedule())
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("agreementExport")
        self.export_button.setToolTip(self.tr(
            "Write the agreement workbook: every number with the counts behind it, "
            "and the disagreements"))
        self.export_button.clicked.connect(lambda: self.export_dialog())
        self.refresh_button = QPushButton(self.tr("Recalculate"))
        self.refresh_button.setToolTip(self.tr("Compute the agreement again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = QProgressBar()
        self.progress.setObjectName("agreementProgress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("agreementCancel")
        self.cancel_button.setToolTip(self.tr("Stop computing; the window stays as it is"))
        self.cancel_button.clicked.connect(self.cancel)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy_box = QWidget()
        self.busy_box.setLayout(busy_row)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_box.hide()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 4, 0)
        coders_label = QLabel(self.tr("&Coders to compare:"))
        coders_label.setBuddy(self.coders)
        side_layout.addWidget(coders_label)
        side_layout.addWidget(self.coders, 1)
        threshold_label = QLabel(self.tr("Segment overlap threshold:"))
        threshold_label.setBuddy(self.threshold)
        side_layout.addWidget(threshold_label)
        side_layout.addWidget(self.threshold)
        side_layout.addWidget(self.intervals)
        side_layout.addWidget(self.refresh_button)
        side_layout.addWidget(self.export_button)
        side_layout.addWidget(self.busy_box)

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
        self.docs = QTreeWidget()
        self.docs.setObjectName("agreementDocuments")
        self.docs.setHeaderLabels([self.tr(c) for c in self.DOC_COLUMNS])
        self.docs.setAlternatingRowColors(True)
        self.docs.setUniformRowHeights(True)
        for tree in (self.codes, self.docs):
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.header().setStretchLastSection(False)
            tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            tree.setMinimumHeight(tree.fontMetrics().lineSpacing() * 6)

        self.methods_box = QPlainTextEdit()
        self.methods_box.setObjectName("agreementMethods")
        self.methods_box.setReadOnly(True)
        self.methods_box.setToolTip(self.tr(
            "A methods paragraph with these numbers, for a report (select and copy)"))
        self.legend = QLabel(self.tr(
            "Units are characters. Percent agreement and Cohen's κ compare two coders "
            "per code on the characters of each document (pooled: tables summed over "
            "documents; weighted: mean weighted by length). Krippendorff's α compares all "
            "coders present. A coder who coded nothing in a document is missing there, "
            "not disagreeing. “undefined” means 0/0: nothing to compare."))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(4, 4, 4, 4)
        notes_layout.addWidget(self.methods_box, 1)
        notes_layout.addWidget(self.legend)
        # below the codes: the chosen code per document, or the methods paragraph
        self.below = QTabWidget()
        self.below.setObjectName("agreementBelow")
        self.below.setDocumentMode(True)
        self.below.addTab(self.docs, self.tr("Per document"))
        self.below.addTab(notes, self.tr("Methods paragraph"))

        self.tables = QSplitter(Qt.Orientation.Vertical)
        self.tables.setObjectName("agreementTables")
        self.tables.addWidget(self.codes)
        self.tables.addWidget(self.below)
        self.tables.setStretchFactor(0, 3)
        self.tables.setStretchFactor(1, 2)
        self.tables.setSizes([300, 200])
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(4, 0, 0, 0)
        main_layout.addWidget(self.status)
        main_layout.addWidget(self.tables, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("agreementSplit")
        self.split.addWidget(side)
        self.split.addWidget(main)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([230, 1000])
        for split in (self.tables, self.split):
            wide_handles(split)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.split, 1)

        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)

    # -- coders --------------------------------------------------------------------------

    def fill_coders(self) -> None:
        """Every coder of the project; ticked: those with codings, except the consensus
        coder and the demo's example coder (whose codings would make most rows of a
        workshop "undefined") — unless fewer than two would be left."""
        project = self.session.project
        blocker = QSignalBlocker(self.coders)
        self.coders.clear()
        if project is None:
            del blocker
            return
        coders = self.session.call(list_coders, project) or []
        coded = [c.name for c in coders if c.name != CONSENSUS_CODER
                 and self.session.call(has_coded, project, c.id)]
        default = [n for n in coded if n != DEMO_CODER]
        if len(default) < 2:
            default = coded
        for c in coders:
            item = QListWidgetItem(c.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.name in default
                               else Qt.CheckState.Unchecked)
            if c.name in (CONSENSUS_CODER, DEMO_CODER):
                item.setToolTip(self.tr("Left out unless you tick it"))
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

    @property
    def busy(self) -> bool:
        return self.job is not None

    def refresh(self) -> None:
        """Compute again, in a thread: the window keeps answering, Cancel stops it."""
        self._timer.stop()
        self._drop_job()
        project = self.session.project
        if project is None:
            self._clear(self.tr("Open a project first."))
            return
        coders = self.chosen_coders()
        if len(coders) < 2:
            self._clear(self.tr(
                "Tick at least two coders to compare (merge participants' copies first: "
                "Workshop → Merge projects…)."))
            return
        threshold = round(self.threshold.value(), 2)
        resamples = self.RESAMPLES if self.intervals.isChecked() else 0
        lang = current_language()
        stages = (self.tr("Reading the codings and comparing the coders…"),
                  self.tr("Chance-corrected measures and intervals…"),
                  self.tr("Writing the methods paragraph…"))

        def work(progress: Progress) -> tuple:
            progress.stage(stages[0], 0, 3)
            result = project_agreement(project, coders=coders, threshold=threshold)
            progress.stage(stages[1], 1, 3)
            measures = code_measures(result, resamples=resamples)
            progress.stage(stages[2], 2, 3)
            sentences = methods_paragraph(result, measures, resamples=resamples)
            methods = ("" if lang == "zh" else " ").join(m.render(lang) for m in sentences)
            return result, result.to_json(), measures, methods

        self.job = BackgroundJob(work, self, "agreement")
        self.job.staged.connect(self._staged)
        self.job.finished.connect(self._computed)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(lambda: self._ended(
            self.tr("Cancelled: the numbers shown are from before.")))
        self.export_button.setEnabled(False)
        self.refresh_button.setEnabled(False)
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self.busy_box.show()
        self.job.start()

    def cancel(self) -> None:
        """Cancel: stop the running computation; the numbers shown stay as they were."""
        if self._drop_job():
            self._ended(self.tr("Cancelled: the numbers shown are from before."))

    def _drop_job(self) -> bool:
        """Stop the running computation, if any (its result, should it still come, is
        dropped); True when there was one."""
        if self.job is None:
            return False
        job, self.job = self.job, None
        job.cancel()
        for signal in (job.finished, job.failed, job.cancelled, job.staged):
            signal.disconnect()
        return True

    def wait(self) -> None:
        """Let a running computation finish (the project is about to close)."""
        if self.job is not None:
            self.job.wait()

    def _staged(self, text: str, done: int, total: int) -> None:
        self.progress.setFormat(text)
        self.progress.setValue(done)

    def _ended(self, status: str | None = None) -> None:
        self.job = None
        self.busy_box.hide()
        self.refresh_button.setEnabled(True)
        if status is not None:
            self.status.setText(status)
        self.computed.emit()

    def _failed(self, message: str) -> None:
        self._clear(message)
        self._ended()

    def _clear(self, status: str) -> None:
        self.codes.clear()
        self.docs.clear()
        self.methods_box.clear()
        self.result, self.data, self.measures, self.methods = None, None, (), ""
        self.export_button.setEnabled(False)
        self.status.setText(status)

    def _computed(self, outcome: tuple) -> None:
        current = self.codes.currentItem()
        keep = current.data(0, RAW) if current is not None else None
        self.codes.clear()
        self.docs.clear()
        self.result, self.data, self.measures, self.methods = outcome
        self._fill_codes(keep)
        self.methods_box.setPlainText(self.methods)
        self.export_button.setEnabled(True)
        self._ended()

    def _fill_codes(self, keep: str | None = None) -> None:
        data = self.data
        assert data is not None
        measures = {m.code.path: m for m in self.measures}
        pairwise = len(data["coders"]) == 2
        labels = [self.tr(c) for c in self.DOC_COLUMNS]
        if pairwise:  # say who "first" and "second" are
            labels[4] = self.tr("Only {0}").format(data["coders"][0])
            labels[5] = self.tr("Only {0}").format(data["coders"][1])
        self.docs.setHeaderLabels(labels)
        self.status.setText(self.tr(
            "Comparing {0} coders: {1}; {2} codes in {3} document(s). Choose a code to "
            "see it per document.").format(len(data["coders"]), ", ".join(data["coders"]),
                                 len(data["codes"]), len(data["documents"])))
        for entry in data["codes"]:
            item = QTreeWidgetItem([entry["code"]])
            item.setData(0, RAW, entry["code"])
            code = self._code_id(entry["code"])
            if code is not None:
                item.setIcon(0, swatch(self.session.code_color(code)))
            if pairwise:
                item.setText(1, " – ".join(data["coders"]))
                self._summary_values(item, entry)
            else:
                item.setText(1, self.tr("all {0}").format(len(data["coders"])))
                for col in (2, 3, 4, 6, 7):
                    set_blank(item, col, self.tr("Per pair of coders: expand the row"))
                set_value(item, 5, entry["krippendorff_alpha"])
                for pair in entry["pairs"]:
                    child = QTreeWidgetItem(["", f"{pair['coder_a']} – {pair['coder_b']}"])
                    self._summary_values(child, pair)
                    item.addChild(child)
            self._measure_values(item, measures.get(entry["code"]), pairwise)
            self.codes.addTopLevelItem(item)
            item.setExpanded(True)
        if self.codes.topLevelItemCount():
            chosen = next((self.codes.topLevelItem(i)
                           for i in range(self.codes.topLevelItemCount())
                           if self.codes.topLevelItem(i).data(0, RAW) == keep),
                          self.codes.topLevelItem(0))
            self.codes.setCurrentItem(chosen)

    def _measure_values(self, item: QTreeWidgetItem, m: CodeMeasures | None,
                        pairwise: bool) -> None:
        """The intervals and the chance-corrected family of a code row (its pair rows
        carry none: these are over all coders compared)."""
        if m is None:
            return
        ask = self.tr("Tick “Intervals” to compute them")
        for col, interval in ((self.INTERVAL_COL, m.kappa_interval),
                              (self.ALPHA_INTERVAL_COL, m.alpha_interval)):
            if col == self.INTERVAL_COL and not pairwise:
                set_blank(item, col, self.tr("κ intervals are for two coders: see α"))
            elif interval is None:
                set_blank(item, col, ask)
            else:
                set_interval(item, col, interval)
        set_value(item, self.AC1_COL, m.family.gwet_ac1)
        set_value(item, self.BP_COL, m.family.brennan_prediger)
        for i in range(item.childCount()):
            for col in (self.INTERVAL_COL, self.ALPHA_INTERVAL_COL, self.AC1_COL,
                        self.BP_COL):
                set_blank(item.child(i), col, self.tr("Over all coders: see the code row"))

    def _summary_values(self, item: QTreeWidgetItem, entry: dict) -> None:
        set_value(item, 2, entry["percent_agreement"], "percent")
        set_value(item, 3, entry["pooled_kappa"])
        set_value(item, 4, entry["weighted_kappa"])
        if "krippendorff_alpha" in entry:
            set_value(item, 5, entry["krippendorff_alpha"])
        else:
            set_blank(item, 5, self.tr("α is computed over all coders: see the code row"))
        set_value(item, 6, entry["segment_agreement"], undefined_tip=self.tr(
            "Cannot be computed: neither coder has a segment of this code"))
        compared = entry.get("documents_compared")
        if compared is None:
            set_value(item, 7, None, "count", self.tr("No document where both coders coded"))
        else:
            set_value(item, 7, compared, "count")

    def _code_id(self, path: str) -> int | None:
        return next((c.id for c in self.session.codes.values() if c.path == path), None)

    def _code_chosen(self, item: QTreeWidgetItem | None, _prev=None) -> None:
        self.docs.clear()
        if item is None or self.data is None:
            self.below.setTabText(0, self.tr("Per document"))
            return
        while item.parent() is not None:
            item = item.parent()
        path = item.data(0, RAW)
        entry = next((e for e in self.data["codes"] if e["code"] == path), None)
        if entry is None:
            return
        self.below.setTabText(0, self.tr("Per document: {0}").format(path))
        pairwise = len(self.data["coders"]) == 2
        for cell in entry["documents"]:
            row = QTreeWidgetItem([cell["document"]])
            row.setData(0, RAW, cell["document"])
            row.setText(11, ", ".join(cell["coders_present"]))
            row.setText(12, ", ".join(cell["coders_missing"]) or "—")
            if cell["coders_missing"]:
                row.setForeground(12, QBrush(QColor("#b35900")))
                row.setToolTip(12, self.tr("Coded nothing in this document: left out here, "
                                           "not counted as disagreeing"))
            set_value(row, 9, cell["krippendorff_alpha"])
            if pairwise:
                row.setText(1, " – ".join(self.data["coders"]))
                self._cell_values(row, cell, cell["table"], cell["cohen_kappa"])
            else:
                row.setText(1, self.tr("all {0}").format(len(cell["coders_present"])))
                set_value(row, 2, cell["characters"], "count")
                for col in (3, 4, 5, 6, 7, 8, 10):
                    set_blank(row, col, self.tr("Per pair of coders: expand the row"))
                for pair in cell["pairs"]:
                    child = QTreeWidgetItem(["", f"{pair['coder_a']} – {pair['coder_b']}"])
                    self._cell_values(child, pair, pair["table"], pair["cohen_kappa"],
                                      cell["characters"])
                    set_blank(child, 9, self.tr("α is computed over all coders present"))
                    row.addChild(child)
            self.docs.addTopLevelItem(row)
            row.setExpanded(True)

    def _cell_values(self, row: QTreeWidgetItem, entry: dict, table: dict | None,
                     kappa: float | None, characters: int | None = None) -> None:
        missing_tip = self.tr("Not compared: a coder is missing in this document")
        set_value(row, 2, entry.get("characters", characters), "count")
        if table is None:
            for col in (3, 4, 5, 6):
                set_blank(row, col, missing_tip)
        else:
            for col, key in ((3, "both"), (4, "only_a"), (5, "only_b"), (6, "neither")):
                set_value(row, col, table[key], "count")
        if table is None:
            for col in (7, 8, 10):
                set_blank(row, col, missing_tip)
                row.setText(col, "—")
            return
        set_value(row, 7, entry["percent_agreement"], "percent")
        set_value(row, 8, kappa)
        set_value(row, 10, entry["segment_agreement"], undefined_tip=self.tr(
            "Cannot be computed: neither coder has a segment of this code here"))

    # -- export --------------------------------------------------------------------------

    def export_dialog(self) -> Path | None:
        """Ask where, then write the agreement workbook in a thread; the path asked
        for (the file is there when the status bar says so)."""
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
        result, measures, methods = self.result, self.measures, self.methods or None
        lang = current_language()

        def work(progress: Progress) -> Path:
            progress.stage(self.tr("Writing {0}…").format(out.name), 0, 1)
            found = disagreements(project, coders=[c.name for c in result.coders])
            return write_agreement_workbook(result, found, out, lang, measures, methods)

        self._drop_job()
        self.job = BackgroundJob(work, self, "agreement-export")
        self.job.staged.connect(self._staged)
        self.job.finished.connect(lambda written: (
            self._ended(), self.session.message.emit(
                self.tr("Exported the agreement to {0}").format(written))))
        self.job.failed.connect(lambda message: (self._ended(),
                                                 self.session.error.emit(message)))
        self.job.cancelled.connect(lambda: self._ended())
        self.refresh_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.busy_box.show()
        self.job.start()
        return out


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
        self.list = QTreeWidget()
        self.list.setObjectName("disagreementList")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 8)
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemClicked.connect(lambda item, _c: self._jump(item))
        self.list.itemActivated.connect(lambda item, _c: self._jump(item))
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
        self.refresh_button.clicked.connect(self.refresh)
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
        self._chosen(None)

    def mark_dirty(self) -> None:
        if self.isVisible():
            self._timer.start()

    @staticmethod
    def _key(d: Disagreement) -> tuple:
        return d.document_id, d.code_id, d.start, d.end

    @property
    def busy(self) -> bool:
        return self.job is not None

    def refresh(self) -> None:
        """List again, in a thread (the window keeps answering)."""
        self._timer.stop()
        project = self.session.project
        if project is None:
            self.list.clear()
            self.items, self.settled = [], set()
            self.status.setText(self.tr("Open a project first."))
            self._chosen(None)
            return
        if self.job is not None:
            self.job.cancel()
            for signal in (self.job.finished, self.job.failed, self.job.cancelled):
                signal.disconnect()
        coders = self.coders() or None
        consensus = next((cid for cid, name in self.session.coders.items()
                          if name == CONSENSUS_CODER), None)

        def work(progress: Progress) -> tuple:
            progress.stage("")
            found = disagreements(project, coders=coders)
            done = segments(project, coder_id=consensus) if consensus is not None else []
            return found, settled_by(found, done)

        self.job = BackgroundJob(work, self, "disagreements")
        self.job.finished.connect(self._listed)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._idle)
        self.refresh_button.setEnabled(False)
        self.job.start()

    def _idle(self) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._idle()
        self.list.clear()
        self.items, self.settled = [], set()
        self.status.setText(message)
        self._chosen(None)

    def _listed(self, outcome: tuple) -> None:
        self._idle()
        current = self.current()
        keep = self._key(current) if current else None
        self.list.clear()
        self.items, self.settled = outcome
        chosen = None
        blocker = QSignalBlocker(self.list)
        for i, d in enumerate(self.items):
            excerpt = " ".join(d.text.split())
            if len(excerpt) > EXCERPT:
                excerpt = excerpt[:EXCERPT] + "…"
            item = QTreeWidgetItem([
                d.document, d.code_path, ", ".join(d.coded_by), ", ".join(d.not_coded_by),
                excerpt, f"{d.start}–{d.end}", f"{d.end - d.start:,}",
                ", ".join(d.missing) or "—", ""])
            item.setData(0, RAW, i)
            item.setIcon(1, swatch(self.session.code_color(d.code_id)))
            item.setToolTip(0, d.document)
            item.setToolTip(4, d.text[:2000])
            item.setToolTip(5, self.tr("Characters {0} to {1} of the document").format(
                d.start, d.end))
            item.setTextAlignment(6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if i in self.settled:
                self._mark_settled(item)
            self.list.addTopLevelItem(item)
            if keep == self._key(d):
                chosen = item
        del blocker
        for col, width in ((0, 150), (1, 180), (2, 110), (3, 110), (4, 380), (5, 90), (6, 80),
                           (7, 80)):
            self.list.setColumnWidth(col, width)
        coders = sorted({c for d in self.items for c in (*d.coded_by, *d.not_coded_by)})
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
        if chosen is not None and not chosen.isHidden():
            self.list.setCurrentItem(chosen)
        else:
            self._chosen(None)
        self.listed.emit()

    def _mark_settled(self, item: QTreeWidgetItem) -> None:
        item.setText(self.SETTLED_COL, self.tr("✓ settled"))
        item.setForeground(self.SETTLED_COL, QBrush(SETTLED))
        item.setToolTip(self.SETTLED_COL, self.tr(
            "The consensus coder ({0}) has coded this code here").format(CONSENSUS_CODER))
        for col in range(self.SETTLED_COL):
            item.setForeground(col, QBrush(GREY))

    def _show_settled(self) -> None:
        hide = self.hide_settled.isChecked()
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            item.setHidden(hide and item.data(0, RAW) in self.settled)

    def current(self) -> Disagreement | None:
        item = self.list.currentItem()
        if item is None:
            return None
        i = item.data(0, RAW)
        return self.items[i] if i is not None and i < len(self.items) else None

    def is_settled(self, row: int) -> bool:
        item = self.list.topLevelItem(row)
        return item is not None and item.data(0, RAW) in self.settled

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


__all__ = ["AgreementView", "DisagreementsView", "set_value"]
