"""The cases-and-attributes tab: cases and their documents, and the attribute table.

Left, the cases (a case groups documents: one participant, several interviews): new,
add or remove documents, delete; a case is also coded on the text selected in the
document (a focus group's speaker on their turns) and uncoded from it. Right, a table
with one row per document (or per case) and one column per attribute (text, number,
date or a category with its values); a cell is edited in place (a category's value
picked from its list) and checked by the service (``services/attributes``): a wrong
number or date is refused with a message and the cell goes back to what is stored.
A table of attributes is imported from .xlsx/.csv through a preview that lists what
will be created, changed and left unmatched and every problem; a table with any
problem is refused as a whole (``io/attribute_table``), and nothing is written.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.io import attribute_table
from annotator.services import attributes, cases
from annotator.services.attributes import AttributeInfo
from annotator.ui.background import TaskRunner
from annotator.ui.project_place import project_folder
from annotator.ui.prompts import Prompts, attempt
from annotator.ui.session import Session

#: the attribute types, for lupdate (``_type_name`` translates them when shown)
TYPE_NAMES = (QT_TRANSLATE_NOOP("CasesPanel", "text"), QT_TRANSLATE_NOOP("CasesPanel", "number"),
              QT_TRANSLATE_NOOP("CasesPanel", "date"), QT_TRANSLATE_NOOP("CasesPanel", "category"))


def _type_name(kind: str) -> str:
    return QCoreApplication.translate("CasesPanel", kind)


class AttributeDialog(QDialog):
    """A new attribute: its name, whom it describes, its type and (for a category) its
    values, one per line."""

    def __init__(self, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeDialog")
        self.setWindowTitle(self.tr("New attribute"))
        self.name = QLineEdit()
        self.name.setObjectName("attributeName")
        self.kind = QComboBox()
        self.kind.setObjectName("attributeType")
        for kind in attributes.TYPES:
            self.kind.addItem(_type_name(kind), kind)
        self.categories = QPlainTextEdit()
        self.categories.setObjectName("attributeCategories")
        self.categories.setPlaceholderText(self.tr("One value per line, e.g.\n城市\n农村"))
        self.scope = scope
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Type:"), self.kind)
        form.addRow(self.tr("&Values:"), self.categories)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("An attribute of every document") if scope == "document"
                                else self.tr("An attribute of every case")))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.categories.setEnabled(self.kind.currentData() == "category"))
        self.categories.setEnabled(False)

    def values(self) -> list[str]:
        return [v.strip() for v in self.categories.toPlainText().splitlines() if v.strip()]


class ImportPreviewDialog(QDialog):
    """What importing a table would do, before anything is written; with problems the
    import button stays disabled and the problems are listed first."""

    def __init__(self, plan: attribute_table.Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeImportPreview")
        self.setWindowTitle(self.tr("Import attributes: {0}").format(plan.path.name))
        self.plan = plan
        lines = []
        if plan.problems:
            lines.append(self.tr("{0} problems: the table cannot be imported until they are "
                                 "fixed. Nothing has been changed.").format(len(plan.problems)))
        lines.append(self.tr("New attributes: {0}").format(
            ", ".join(f"{n} ({_type_name(k)})" for n, k in plan.new_attributes) or "—"))
        if plan.scope == "case":
            lines.append(self.tr("New cases: {0}").format(", ".join(plan.new_cases) or "—"))
        lines.append(self.tr("Values to create: {0}; to change: {1}; unchanged: {2}").format(
            len(plan.created), len(plan.changed), plan.unchanged))
        lines.append(self.tr("Rows matching no document: {0}").format(
            ", ".join(plan.unmatched) or "—"))
        self.summary = QLabel("\n".join(lines))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.details = QTableWidget(0, 4)
        self.details.setObjectName("importDetails")
        self.details.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Attribute"), self.tr("Now"), self.tr("After the import")])
        rows: list[tuple[str, str, str, str]] = [
            ("", self.tr("Problem"), "", str(problem)) for problem in plan.problems]
        rows += [(c.owner, c.attribute, c.old or "", c.new)
                 for c in [*plan.changed, *plan.created][:2000]]
        self.details.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.details.setItem(r, c, QTableWidgetItem(value))
        self.details.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        ok.setEnabled(plan.ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 460)


Index = QModelIndex | QPersistentModelIndex


class CategoryDelegate(QStyledItemDelegate):
    """A category's cell is picked from its values (and "—" for none), not typed; other
    columns keep the plain editor."""

    def __init__(self, values_of: Callable[[int], list[str] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values_of = values_of

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        values = self.values_of(index.column())
        if values is None:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        box.setObjectName("categoryEditor")
        box.addItem("—", "")
        for v in values:
            box.addItem(v, v)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data() or ""), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


Selection = tuple[int, int, int]   # document id, start, end (code points)


class CasesPanel(QWidget):
    changed = Signal()  # cases or attributes changed: the filters offer new choices

    def __init__(self, session: Session, runner: TaskRunner, prompts: Prompts,
                 say: Callable[[str], None],
                 selection: Callable[[], Selection | None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesPanel")
        self.session, self.runner, self.prompts, self.say = session, runner, prompts, say
        self.selection = selection
        self.attrs: list[AttributeInfo] = []
        self._filling = False
        # cases
        self.cases = QListWidget()
        self.cases.setObjectName("caseList")
        self.members = QLabel()
        self.members.setObjectName("caseDocuments")
        self.members.setWordWrap(True)
        buttons = QHBoxLayout()
        self.new_case = self._button(self.tr("New case…"), "newCase", self.create_case, buttons)
        self.add_docs = self._button(self.tr("Add documents…"), "addCaseDocuments",
                                     self.add_documents, buttons)
        self.remove_docs = self._button(self.tr("Remove documents…"), "removeCaseDocuments",
                                        self.remove_documents, buttons)
        self.delete_case = self._button(self.tr("Delete case"), "deleteCase",
                                        self.delete_chosen_case, buttons)
        segment_buttons = QHBoxLayout()
        self.code_selection = self._button(
            self.tr("Code the selection to the case"), "codeCaseSelection",
            lambda: self.change_selection(True), segment_buttons)
        self.code_selection.setToolTip(self.tr(
            "The case holds the text selected in the document (a focus group's speaker "
            "and their turns)"))
        self.uncode_selection = self._button(
            self.tr("Take the selection out"), "uncodeCaseSelection",
            lambda: self.change_selection(False), segment_buttons)
        segment_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Cases")))
        left_layout.addWidget(self.cases, 1)
        left_layout.addWidget(self.members)
        left_layout.addLayout(buttons)
        left_layout.addLayout(segment_buttons)
        # attributes
        self.owner = QComboBox()
        self.owner.setObjectName("attributeOwner")
        self.owner.addItem(self.tr("of documents"), "document")
        self.owner.addItem(self.tr("of cases"), "case")
        self.table = QTableWidget()
        self.table.setObjectName("attributeTable")
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setItemDelegate(CategoryDelegate(self._categories, self.table))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Attributes")))
        row.addWidget(self.owner)
        row.addStretch(1)
        self.new_attr = self._button(self.tr("New attribute…"), "newAttribute",
                                     self.create_attribute, row)
        self.import_button = self._button(self.tr("Import table…"), "importAttributes",
                                          self.import_table, row)
        self.export_button = self._button(self.tr("Export table…"), "exportAttributes",
                                          self.export_table, row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(row)
        right_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([280, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.cases.currentItemChanged.connect(lambda _c, _p: self._show_members())
        self.owner.currentIndexChanged.connect(lambda _i: self.fill_table())
        self.table.itemChanged.connect(self._cell_edited)

    def _button(self, text: str, name: str, slot, row: QHBoxLayout) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        p = self.session.project
        current = self.chosen_case()
        self.cases.clear()
        self._cases = cases.list_cases(p) if p is not None else []
        for c in self._cases:
            text = (self.tr("{0} ({1} documents)").format(c.name, len(c.documents))
                    if not c.segments else
                    self.tr("{0} ({1} documents, stretches in {2})").format(
                        c.name, len(c.documents), len(c.segments)))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c.name)
            self.cases.addItem(item)
            if c.name == current:
                self.cases.setCurrentItem(item)
        self._show_members()
        self.fill_table()

    def chosen_case(self) -> str | None:
        item = self.cases.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_members(self) -> None:
        name = self.chosen_case()
        case = next((c for c in getattr(self, "_cases", []) if c.name == name), None)
        text = ""
        if case is not None:
            text = self.tr("Documents: {0}").format("、".join(case.documents) or "—")
            if case.segments:
                text += "\n" + self.tr("Coded stretches: {0}").format("、".join(
                    self.tr("{0} ×{1} ({2} characters)").format(
                        doc, len(spans), sum(b - a for a, b in spans))
                    for doc, spans in case.segments.items()))
        self.members.setText(text)
        for b in (self.add_docs, self.remove_docs, self.delete_case, self.code_selection,
                  self.uncode_selection):
            b.setEnabled(case is not None)

    def _categories(self, column: int) -> list[str] | None:
        """The values a column's cells are picked from (None: typed)."""
        if 0 <= column < len(self.attrs) and self.attrs[column].type == "category":
            return list(self.attrs[column].categories)
        return None

    def owners(self) -> list[str]:
        if self.owner.currentData() == "document":
            return [d.name for d in self.session.documents]
        return [c.name for c in getattr(self, "_cases", [])]

    def fill_table(self) -> None:
        p = self.session.project
        scope = self.owner.currentData()
        self.attrs = [a for a in (attributes.list_attributes(p) if p is not None else [])
                      if a.scope == scope]
        owners = self.owners()
        self._filling = True
        self.table.clear()
        self.table.setColumnCount(len(self.attrs))
        self.table.setRowCount(len(owners))
        self.table.setHorizontalHeaderLabels(
            [f"{a.name} ({_type_name(a.type)})" for a in self.attrs])
        self.table.setVerticalHeaderLabels(owners)
        for c, a in enumerate(self.attrs):
            tip = (self.tr("Values: {0}").format("、".join(a.categories))
                   if a.type == "category" else _type_name(a.type))
            self.table.horizontalHeaderItem(c).setToolTip(tip)
            for r, owner in enumerate(owners):
                self.table.setItem(r, c, QTableWidgetItem(a.values.get(owner, "")))
        self.table.resizeColumnsToContents()
        self._filling = False

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        """Store the edited value (checked by its type); a refusal puts the old back."""
        p = self.session.project
        if self._filling or p is None:
            return
        attr = self.attrs[item.column()]
        owner = self.owners()[item.row()]
        value = item.text()
        if attempt(self.prompts, self.tr("Attributes"),
                   lambda: attributes.set_value(p, attr.name, owner, value, attr.scope)):
            self.say(self.tr("{0} of {1}: {2}").format(attr.name, owner, value or "—"))
            self.fill_table()
            self.changed.emit()
        else:
            self.fill_table()

    # -- cases -----------------------------------------------------------------------------

    def _choose_documents(self, title: str, names: list[str]) -> list[str]:
        """Documents chosen from ``names`` (one question per document would be too many:
        the user ticks them in one list)."""
        dialog = QDialog(self)
        dialog.setObjectName("chooseDocuments")
        dialog.setWindowTitle(title)
        box = QListWidget()
        box.setObjectName("documentChoices")
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            box.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(box)
        layout.addWidget(buttons)
        if not self.prompts.dialog(dialog):
            return []
        return [box.item(i).text() for i in range(box.count())
                if box.item(i).checkState() == Qt.CheckState.Checked]

    def create_case(self) -> None:
        p = self.session.project
        if p is None:
            return
        name = self.prompts.text(self.tr("New case"), self.tr("Name of the case:"))
        if not name:
            return
        docs = self._choose_documents(self.tr("Documents of {0}").format(name.strip()),
                                      [d.name for d in self.session.documents])
        if attempt(self.prompts, self.tr("New case"),
                   lambda: cases.create_case(p, name.strip(), docs)):
            self._changed(self.tr("Made the case {0} with {1} documents").format(
                name.strip(), len(docs)), name.strip())

    def add_documents(self) -> None:
        p, case = self.session.project, self.chosen_case()
        if p is None or case is None:
            return
        have = set(next(c.documents for c in self._cases if c.name == case))
        docs = self._choose_documents(self.tr("Add documents to {0}").format(case),
                                      [d.name for d in self.session.documents
                                       if d.name not in have])
        if docs and attempt(self.prompts, self.tr("Cases"),
                            lambda: cases.add_documents(p, case, docs)):
            self._changed(self.tr("Added {0} documents to {1}").format(len(docs), case), case)

    def remove_documents(self) -> None:
        p, case = self.session.project, self.chosen_case()
        if p is None or case is None:
            return
        docs = self._choose_documents(self.tr("Remove documents from {0}").format(case),
                                      next(c.documents for c in self._cases if c.name == case))
        if docs and attempt(self.prompts, self.tr("Cases"),
                            lambda: cases.remove_documents(p, case, docs)):
            self._changed(self.tr("Removed {0} documents from {1}").format(len(docs), case),
                          case)

    def delete_chosen_case(self) -> None:
        p, case = self.session.project, self.chosen_case()
        if p is None or case is None:
            return
        if not self.prompts.confirm(self.tr("Delete case"), self.tr(
                "Delete the case {0}? Its documents and their codings stay; its attribute "
                "values go.").format(case)):
            return
        if attempt(self.prompts, self.tr("Delete case"), lambda: cases.delete_case(p, case)):
            self._changed(self.tr("Deleted the case {0}").format(case), None)

    def change_selection(self, code: bool) -> None:
        """Code the chosen case on the text selected in the document, or take it out."""
        p, case, chosen = self.session.project, self.chosen_case(), self.selection()
        if p is None or case is None:
            return
        if chosen is None:
            self.say(self.tr("Select the text of the case in the document first"))
            return
        doc_id, start, end = chosen
        info = self.session.document(doc_id)
        if info is None:
            return
        change = cases.code_segment if code else cases.uncode_segment
        title = self.tr("Cases")
        if attempt(self.prompts, title, lambda: change(p, case, info.name, start, end)):
            note = (self.tr("Coded {0} characters of {1} to {2}") if code
                    else self.tr("Took {0} characters of {1} out of {2}"))
            self._changed(note.format(end - start, info.name, case), case)

    def _changed(self, note: str, choose: str | None) -> None:
        self.refresh()
        if choose is not None:
            for i in range(self.cases.count()):
                if self.cases.item(i).data(Qt.ItemDataRole.UserRole) == choose:
                    self.cases.setCurrentRow(i)
        self.say(note)
        self.changed.emit()

    # -- attributes ------------------------------------------------------------------------

    def create_attribute(self) -> None:
        p = self.session.project
        if p is None:
            return
        scope = self.owner.currentData()
        dialog = AttributeDialog(scope, self)
        if not self.prompts.dialog(dialog):
            return
        name, kind, values = dialog.name.text().strip(), dialog.kind.currentData(), dialog.values()
        if attempt(self.prompts, self.tr("New attribute"),
                   lambda: attributes.define_attribute(p, name, scope, kind, values)):
            self._changed(self.tr("Made the attribute {0}").format(name), self.chosen_case())

    def import_table(self) -> None:
        """Ask for the file, read the preview in the analysis thread, show it, and import
        only what the user accepts (and only a problem-free table)."""
        p = self.session.project
        if p is None:
            return
        path = self.prompts.open_file(self.tr("Import attributes"), str(project_folder(p)),
                                      self.tr("Tables (*.xlsx *.csv);;All files (*)"))
        if not path:
            return
        scope = self.owner.currentData()
        self.runner.start(self.tr("Reading {0}…").format(Path(path).name),
                          lambda _progress, _cancel: attribute_table.preview(p, path, scope),
                          self._show_preview)

    def _show_preview(self, plan: attribute_table.Preview) -> None:
        p = self.session.project
        dialog = ImportPreviewDialog(plan, self)
        if not self.prompts.dialog(dialog) or not plan.ok or p is None:
            if not plan.ok:
                self.say(self.tr("{0}: not imported, nothing was changed").format(plan.path.name))
            return
        if attempt(self.prompts, self.tr("Import attributes"),
                   lambda: attribute_table.apply(p, plan)):
            self._changed(self.tr("Imported {0}: {1} values created, {2} changed").format(
                plan.path.name, len(plan.created), len(plan.changed)), self.chosen_case())

    def export_table(self) -> None:
        p = self.session.project
        if p is None:
            return
        scope = self.owner.currentData()
        path = self.prompts.save_file(self.tr("Export attributes"),
                                      str(project_folder(p) / f"attributes-{scope}.xlsx"),
                                      self.tr("Tables (*.xlsx *.csv)"))
        if not path:
            return
        if attempt(self.prompts, self.tr("Export attributes"),
                   lambda: attribute_table.export(p, path, scope)):
            self.say(self.tr("Exported {0}").format(path))


__all__ = ["AttributeDialog", "CasesPanel", "ImportPreviewDialog"]
