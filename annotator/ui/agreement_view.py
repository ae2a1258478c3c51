"""Intercoder agreement in the window (Workshop → Intercoder agreement…).

The table is filled from ``ProjectAgreement.to_json()``, the same numbers
``annotator agreement --json`` prints and the workbook holds, with the chance-corrected
family, the bootstrap intervals and the methods paragraph of ``agreement_measures``.
With two coders each code has one row; with more, the code row carries Krippendorff's α
(over all coders present) and each pair of coders is a child row with its percent
agreement and κ. The unit and whether documents nobody coded with a code count are chosen
at the side and said above the tables (``agreement_notes.choice_sentences``), since every
figure depends on them. Everything is computed in a thread (``background``): the window keeps
answering, Cancel stops it.
"""

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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

from annotator.domain.agreement_units import DEFAULT_UNIT, UNITS
from annotator.services.agreement import (
    CONSENSUS_CODER,
    ProjectAgreement,
    code_json,
    disagreements,
    project_agreement,
    update_project_agreement,
)
from annotator.services.agreement_export import write_agreement_workbook
from annotator.services.agreement_measures import (
    CodeMeasures,
    code_measures,
    methods_paragraph,
)
from annotator.services.agreement_notes import choice_sentences
from annotator.services.coders import list_coders
from annotator.services.project_coder import coders_who_coded
from annotator.services.projects import DEMO_CODER
from annotator.ui.background import BackgroundJob, Progress
from annotator.ui.codebook_view import swatch
from annotator.ui.i18n import current_language
from annotator.ui.project_place import beside_project
from annotator.ui.prompts import Prompts
from annotator.ui.session import Session
from annotator.ui.workshop_views import (
    PROJECTED,
    RAW,
    set_blank,
    set_interval,
    set_value,
    wide_handles,
)


def _methods(result: ProjectAgreement, measures: tuple[CodeMeasures, ...], resamples: int,
             lang: str) -> str:
    sentences = methods_paragraph(result, measures, resamples=resamples)
    return ("" if lang == "zh" else " ").join(m.render(lang) for m in sentences)


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
        QT_TRANSLATE_NOOP("AgreementView", "Units compared"),
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
    UNIT_NAMES: ClassVar[dict[str, str]] = {  # agreement_units.UNITS, marked for lupdate
        "characters": QT_TRANSLATE_NOOP("AgreementView", "Characters"),
        "non_whitespace": QT_TRANSLATE_NOOP("AgreementView", "Characters without whitespace"),
        "sentences": QT_TRANSLATE_NOOP("AgreementView", "Sentences"),
        "paragraphs": QT_TRANSLATE_NOOP("AgreementView", "Paragraphs"),
    }
    INTERVAL_COL, ALPHA_INTERVAL_COL, AC1_COL, BP_COL = 8, 9, 10, 11
    #: Up to this many pairs of coders (4 coders) a row shows them at once; with more
    #: (190 pairs at 20 coders) they are made when the row is expanded.
    PAIRS_AT_ONCE = 6
    RESAMPLES = 1000
    computed = Signal()  # new numbers are shown (or the computation ended without)

    def __init__(self, session: Session, prompts: Prompts | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.session = session
        self.prompts = prompts or Prompts(self)
        self.result: ProjectAgreement | None = None
        self._coded: set[str] = set()  # coders with codings when the list was filled
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
        # the unit and the uncoded-document rule: every figure depends on both
        self.unit = QComboBox()
        self.unit.setObjectName("agreementUnit")
        for unit in UNITS:
            self.unit.addItem(self.tr(self.UNIT_NAMES[unit]), unit)
        self.unit.setCurrentIndex(UNITS.index(DEFAULT_UNIT))
        self.unit.setToolTip(self.tr(
            "What one unit of comparison is. Characters without whitespace (the default): "
            "layout and line breaks do not move the figures. Characters: every character, "
            "as NVivo counts. Sentences, paragraphs: a unit counts as coded when a coding "
            "covers any of it."))
        self.unit.currentIndexChanged.connect(lambda _i: self._schedule())
        self.include_uncoded = QCheckBox(self.tr("Count documents &nobody coded with a code"))
        self.include_uncoded.setObjectName("agreementIncludeUncoded")
        self.include_uncoded.setToolTip(self.tr(
            "Off (the default): a document where no coder used a code is left out of that "
            "code's figures, so uncoded documents do not raise κ. On: they count as "
            "agreement on “not coded”, as NVivo counts."))
        self.include_uncoded.toggled.connect(lambda _on: self._schedule())
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
        unit_label = QLabel(self.tr("&Unit:"))
        unit_label.setBuddy(self.unit)
        side_layout.addWidget(unit_label)
        side_layout.addWidget(self.unit)
        side_layout.addWidget(self.include_uncoded)
        side_layout.addWidget(self.intervals)
        side_layout.addWidget(self.refresh_button)
        side_layout.addWidget(self.export_button)
        side_layout.addWidget(self.busy_box)

        self.status = QLabel()
        self.status.setObjectName("agreementStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.choice = QLabel()  # the unit and rules the figures shown were computed with
        self.choice.setObjectName("agreementChoice")
        self.choice.setWordWrap(True)
        self.choice.setTextFormat(Qt.TextFormat.PlainText)

        self.codes = QTreeWidget()
        self.codes.setObjectName("agreementCodes")
        self.codes.setHeaderLabels([self.tr(c) for c in self.CODE_COLUMNS])
        self.codes.setAlternatingRowColors(True)
        self.codes.setUniformRowHeights(True)
        self.codes.currentItemChanged.connect(self._code_chosen)
        self._doc_cells: dict[str, dict] = {}  # a document row's cell, for its pairs
        self.docs = QTreeWidget()
        self.docs.setObjectName("agreementDocuments")
        self.docs.setHeaderLabels([self.tr(c) for c in self.DOC_COLUMNS])
        self.docs.setAlternatingRowColors(True)
        self.docs.setUniformRowHeights(True)
        for tree in (self.codes, self.docs):
            tree.itemExpanded.connect(self._expanded)
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
            "Units are the ones chosen on the left, as the line above the tables says. "
            "Percent agreement and Cohen's κ compare two coders "
            "per code on the units of each document (pooled: tables summed over "
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
        main_layout.addWidget(self.choice)
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
        self._update_timer = QTimer(self, singleShot=True, interval=150)
        self._update_timer.timeout.connect(self.apply_changes)
        self._stale = True  # nothing computed yet, or a change only a whole run follows
        self._pending_docs: set[int] = set()  # codings changed here since the last run
        self._pending_codes: set[int] = set()
        self._params: tuple = (0,)  # the resamples of the numbers shown
        self.last_run: str | None = None  # "whole" or "update": how they were computed
        self.coders_stale = True  # the coder list is filled when first needed

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
        self.coders_stale = False
        coders = self.session.call(list_coders, project) or []
        who = self.session.call(coders_who_coded, project) or set()
        coded = [c.name for c in coders if c.name != CONSENSUS_CODER and c.id in who]
        self._coded = set(coded)
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

    def coders_coding(self, names: set[str]) -> None:
        """Coders just seen coding: one who had none when the list was filled is ticked
        (a participant's first coding in a live workshop); the user's ticks stay."""
        new = names - self._coded - {CONSENSUS_CODER, DEMO_CODER}
        self._coded |= names
        for i in range(self.coders.count()):
            item = self.coders.item(i)
            if item.text() in new:
                item.setCheckState(Qt.CheckState.Checked)

    def coders_changed(self) -> None:
        """The project's coders changed: list them again now if shown, else when shown
        (or when the disagreements ask which coders are chosen)."""
        self.coders_stale = True
        if self.isVisible():
            self.fill_coders()

    def chosen_coders(self) -> list[str]:
        if self.coders_stale:
            self.fill_coders()
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
        """The choices changed (coders, threshold, intervals): compute all again soon."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def mark_dirty(self) -> None:
        """Anything may have changed (a merge, the codebook, the coders): the next
        computation is a whole one — now if the view is shown, else when it is."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def codings_changed(self, documents: set[int], codes: set[int]) -> None:
        """Codings of ``codes`` in ``documents`` came or went: only those cells are
        computed again (``update_project_agreement``) — soon if the view is shown, else
        when it is. A hidden view computes nothing."""
        self._pending_docs |= documents
        self._pending_codes |= codes
        if self.isVisible() and not self._stale and not self._timer.isActive():
            self._update_timer.start()

    def shown(self) -> None:
        """The dock came into sight: compute what changed while it was hidden."""
        if self.coders_stale:
            self.fill_coders()
        if self.job is not None or self._timer.isActive():
            return
        if self._stale or self.result is None:
            self.refresh()
        elif self._pending_docs:
            self.apply_changes()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _stages(self) -> tuple[str, str, str]:
        return (self.tr("Reading the codings and comparing the coders…"),
                self.tr("Chance-corrected measures and intervals…"),
                self.tr("Writing the methods paragraph…"))

    def refresh(self) -> None:
        """Compute everything again, in a thread: the window keeps answering, Cancel
        stops it. Codings changed meanwhile are applied after it (``apply_changes``)."""
        self._timer.stop()
        self._update_timer.stop()
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
        self._stale = False
        self._pending_docs, self._pending_codes = set(), set()
        threshold = round(self.threshold.value(), 2)
        unit, include_uncoded = self.unit.currentData(), self.include_uncoded.isChecked()
        resamples = self.RESAMPLES if self.intervals.isChecked() else 0
        lang = current_language()
        stages = self._stages()

        def work(progress: Progress) -> tuple:
            progress.stage(stages[0], 0, 3)
            result = project_agreement(project, coders=coders, threshold=threshold,
                                       unit=unit, include_uncoded=include_uncoded)
            progress.stage(stages[1], 1, 3)
            measures = code_measures(result, resamples=resamples)
            progress.stage(stages[2], 2, 3)
            methods = _methods(result, measures, resamples, lang)
            return result, result.to_json(), measures, methods, None

        self._start(work, (resamples,))

    def apply_changes(self) -> None:
        """Compute again only the cells the codings changed since the last computation
        touched (their codes' rows are refilled, the others stay as they are)."""
        self._update_timer.stop()
        project, previous = self.session.project, self.result
        if self.job is not None or project is None:
            return
        if self._stale or previous is None or self.data is None:
            self.refresh()
            return
        docs, codes = self._pending_docs, self._pending_codes
        self._pending_docs, self._pending_codes = set(), set()
        resamples = self._params[0]
        lang = current_language()
        stages = self._stages()
        data, measures = self.data, self.measures

        def work(progress: Progress) -> tuple:
            progress.stage(stages[0], 0, 3)
            updated = update_project_agreement(project, previous, docs, codes)
            if updated is None:  # the defaults would pick other codes: all again
                result = project_agreement(project, coders=[c.name for c in previous.coders],
                                           threshold=previous.threshold)
                progress.stage(stages[1], 1, 3)
                fresh = code_measures(result, resamples=resamples)
                progress.stage(stages[2], 2, 3)
                return (result, result.to_json(), fresh,
                        _methods(result, fresh, resamples, lang), None)
            result, changed = updated
            progress.stage(stages[1], 1, 3)
            again = {m.code.id: m for m in code_measures(result, resamples=resamples,
                                                         only=changed)}
            merged = tuple(again.get(m.code.id, m) for m in measures)
            progress.stage(stages[2], 2, 3)
            entries = {e["code"]: e for e in code_json(result, changed)}
            new_data = dict(data, codes=[entries.get(e["code"], e) for e in data["codes"]])
            return (result, new_data, merged, _methods(result, merged, resamples, lang),
                    {ref.path for ref in result.codes if ref.id in changed})

        self._start(work, self._params)

    def _start(self, work, params: tuple) -> None:
        self.job = BackgroundJob(work, self, "agreement")
        self.job.staged.connect(self._staged)
        self.job.finished.connect(lambda outcome: self._computed(outcome, params))
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
            self._stale = True  # what was asked for is not shown: Recalculate computes it
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
        if self.isVisible() and (self._stale or self._pending_docs) \
                and not self._timer.isActive():
            self._update_timer.start()  # what changed while this one ran

    def _failed(self, message: str) -> None:
        self._clear(message)
        self._ended()

    def _clear(self, status: str) -> None:
        self.codes.clear()
        self.docs.clear()
        self.methods_box.clear()
        self.choice.clear()
        self.result, self.data, self.measures, self.methods = None, None, (), ""
        self.export_button.setEnabled(False)
        self.status.setText(status)

    def _computed(self, outcome: tuple, params: tuple) -> None:
        current = self.codes.currentItem()
        keep = current.data(0, RAW) if current is not None else None
        self.result, self.data, self.measures, self.methods, changed = outcome
        self._params = params
        self.last_run = "whole" if changed is None else "update"
        if changed is None or self.codes.topLevelItemCount() != len(self.data["codes"]):
            self.codes.clear()
            self.docs.clear()
            self._fill_codes(keep)
        else:
            self._refill_codes(changed, keep)
        self.methods_box.setPlainText(self.methods)
        lang = current_language()
        self.choice.setText(("" if lang == "zh" else " ").join(
            m.render(lang) for m in choice_sentences(self.result)))
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
        self._say_comparing()
        for entry in data["codes"]:
            self.codes.addTopLevelItem(self._code_item(entry, measures, pairwise))
        for i in range(self.codes.topLevelItemCount()):
            item = self.codes.topLevelItem(i)
            item.setExpanded(item.childCount() > 0)
        if self.codes.topLevelItemCount():
            chosen = next((self.codes.topLevelItem(i)
                           for i in range(self.codes.topLevelItemCount())
                           if self.codes.topLevelItem(i).data(0, RAW) == keep),
                          self.codes.topLevelItem(0))
            self.codes.setCurrentItem(chosen)

    def _refill_codes(self, changed: set[str], keep: str | None) -> None:
        """Replace the rows of the codes an update changed; the others stay."""
        data = self.data
        assert data is not None
        measures = {m.code.path: m for m in self.measures}
        pairwise = len(data["coders"]) == 2
        self._say_comparing()
        blocker = QSignalBlocker(self.codes)
        for i, entry in enumerate(data["codes"]):
            if entry["code"] not in changed:
                continue
            old = self.codes.takeTopLevelItem(i)
            item = self._code_item(entry, measures, pairwise)
            self.codes.insertTopLevelItem(i, item)
            item.setExpanded(old is not None and old.isExpanded())
            if entry["code"] == keep:
                self.codes.setCurrentItem(item)
        del blocker
        if keep in changed:
            self._code_chosen(self.codes.currentItem())

    def _say_comparing(self) -> None:
        data = self.data
        assert data is not None
        self.status.setText(self.tr(
            "Comparing {0} coders: {1}; {2} codes in {3} document(s). Choose a code to "
            "see it per document.").format(len(data["coders"]), ", ".join(data["coders"]),
                                 len(data["codes"]), len(data["documents"])))

    def _code_item(self, entry: dict, measures: dict, pairwise: bool) -> QTreeWidgetItem:
        data = self.data
        assert data is not None
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
            if len(entry["pairs"]) > self.PAIRS_AT_ONCE:  # made when expanded
                item.setChildIndicatorPolicy(
                    QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            else:
                self._add_pair_rows(item, entry)
        self._measure_values(item, measures.get(entry["code"]), pairwise)
        return item

    def _expanded(self, item: QTreeWidgetItem) -> None:
        """A row with many pairs of coders is expanded: make its pair rows now."""
        if item.childCount() or self.data is None or item.parent() is not None:
            return
        if item.treeWidget() is self.codes:
            entry = next((e for e in self.data["codes"] if e["code"] == item.data(0, RAW)),
                         None)
            if entry is not None:
                self._add_pair_rows(item, entry)
        else:
            cell = self._doc_cells.get(item.data(0, RAW))
            if cell is not None:
                self._add_doc_pairs(item, cell)

    def _add_pair_rows(self, item: QTreeWidgetItem, entry: dict) -> None:
        """A code row's pairs of coders, each a child row with its numbers."""
        children = []
        for pair in entry["pairs"]:
            child = QTreeWidgetItem(["", f"{pair['coder_a']} – {pair['coder_b']}"])
            self._summary_values(child, pair)
            self._no_measures(child)
            children.append(child)
        item.addChildren(children)

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
            self._no_measures(item.child(i))

    def _no_measures(self, child: QTreeWidgetItem) -> None:
        for col in (self.INTERVAL_COL, self.ALPHA_INTERVAL_COL, self.AC1_COL, self.BP_COL):
            set_blank(child, col, self.tr("Over all coders: see the code row"))

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
        self._doc_cells = {}
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
                set_value(row, 2, cell["units"], "count")
                for col in (3, 4, 5, 6, 7, 8, 10):
                    set_blank(row, col, self.tr("Per pair of coders: expand the row"))
                if len(cell["pairs"]) > self.PAIRS_AT_ONCE:  # made when expanded
                    self._doc_cells[cell["document"]] = cell
                    row.setChildIndicatorPolicy(
                        QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                else:
                    self._add_doc_pairs(row, cell)
            self.docs.addTopLevelItem(row)
            if row.childCount():
                row.setExpanded(True)

    def _add_doc_pairs(self, row: QTreeWidgetItem, cell: dict) -> None:
        children = []
        for pair in cell["pairs"]:
            child = QTreeWidgetItem(["", f"{pair['coder_a']} – {pair['coder_b']}"])
            self._cell_values(child, pair, pair["table"], pair["cohen_kappa"], cell["units"])
            set_blank(child, 9, self.tr("α is computed over all coders present"))
            children.append(child)
        row.addChildren(children)

    def _cell_values(self, row: QTreeWidgetItem, entry: dict, table: dict | None,
                     kappa: float | None, units: int | None = None) -> None:
        missing_tip = self.tr("Not compared: a coder is missing in this document")
        set_value(row, 2, entry.get("units", units), "count")
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
            str(beside_project(project, "-agreement.xlsx")),
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


__all__ = ["AgreementView"]
