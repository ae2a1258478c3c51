"""The filter every analysis runs over: documents, document sets, cases, one attribute
value, coders and code sets.

One ``ScopeBar`` sits above the analysis tabs, so a query, a co-occurrence, a crosstab
and a chart all look at the same part of the project (the services' ``Scope``). Each
list is a button with a menu of check boxes (none ticked: all); the attribute filter is
an attribute and one of its values. ``describe()`` says in a line what is chosen.
"""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from annotator.services.analysis_scope import Scope
from annotator.services.attributes import AttributeInfo


class _Choice(QToolButton):
    """A button whose menu ticks names; the button says how many are ticked."""

    changed = Signal()

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMinimumWidth(110)
        self.setMenu(QMenu(self))
        self.set_names([])

    def set_names(self, names: list[str]) -> None:
        keep = set(self.chosen())
        menu = self.menu()
        menu.clear()
        for name in names:
            act = QAction(name, menu, checkable=True)
            act.setChecked(name in keep)
            act.toggled.connect(lambda _c: self._update())
            menu.addAction(act)
        self.setEnabled(bool(names))
        self._update()

    def chosen(self) -> list[str]:
        return [a.text() for a in self.menu().actions() if a.isChecked()]

    def choose(self, names: list[str]) -> None:
        for act in self.menu().actions():
            act.setChecked(act.text() in names)

    def _update(self) -> None:
        n = len(self.chosen())
        self.setText(self.tr("{0}: all").format(self.title) if not n
                     else self.tr("{0}: {1}").format(self.title, n))
        self.changed.emit()


class ScopeBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeBar")
        self.documents = _Choice(self.tr("Documents"), "scopeDocuments")
        self.document_sets = _Choice(self.tr("Document sets"), "scopeDocumentSets")
        self.cases = _Choice(self.tr("Cases"), "scopeCases")
        self.coders = _Choice(self.tr("Coders"), "scopeCoders")
        self.code_sets = _Choice(self.tr("Code sets"), "scopeCodeSets")
        self.attribute = QComboBox()
        self.attribute.setObjectName("scopeAttribute")
        self.value = QComboBox()
        self.value.setObjectName("scopeValue")
        self.value.setEnabled(False)
        self._values: dict[str, list[str]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Over:")))
        for w in (self.documents, self.document_sets, self.cases, self.coders, self.code_sets):
            layout.addWidget(w)
            w.changed.connect(self.changed)
        # no sets in the project: their buttons stay out of the way
        self.document_sets.setVisible(False)
        self.code_sets.setVisible(False)
        layout.addWidget(QLabel(self.tr("where")))
        layout.addWidget(self.attribute)
        layout.addWidget(QLabel("="))
        layout.addWidget(self.value)
        layout.addStretch(1)
        self.attribute.currentIndexChanged.connect(self._attribute_chosen)
        self.value.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.fill([], [], [], [])

    def fill(self, documents: list[str], cases: list[str], coders: list[str],
             attributes: list[AttributeInfo], document_sets: Sequence[str] = (),
             code_sets: Sequence[str] = ()) -> None:
        """What there is to choose from (a new project, new cases or attributes)."""
        self.documents.set_names(documents)
        self.cases.set_names(cases)
        self.coders.set_names(coders)
        for choice, names in ((self.document_sets, document_sets),
                              (self.code_sets, code_sets)):
            choice.set_names(list(names))
            choice.setVisible(bool(names))
        current = self.attribute.currentData()
        self._values = {}
        for a in attributes:
            values = a.categories if a.type == "category" else []
            self._values[a.name] = sorted(set(values) | set(a.values.values()))
        self.attribute.blockSignals(True)
        self.attribute.clear()
        self.attribute.addItem(self.tr("(any attribute)"), None)
        for name in self._values:
            self.attribute.addItem(name, name)
        index = self.attribute.findData(current)
        self.attribute.setCurrentIndex(max(index, 0))
        self.attribute.blockSignals(False)
        self._attribute_chosen()

    def _attribute_chosen(self) -> None:
        name = self.attribute.currentData()
        self.value.blockSignals(True)
        self.value.clear()
        for v in self._values.get(name, []) if name else []:
            self.value.addItem(v)
        self.value.setEnabled(bool(name))
        self.value.blockSignals(False)
        self.changed.emit()

    def set_where(self, name: str, value: str) -> None:
        self.attribute.setCurrentIndex(self.attribute.findData(name))
        self.value.setCurrentIndex(self.value.findText(value))

    def scope(self) -> Scope:
        name = self.attribute.currentData()
        where = ((name, self.value.currentText()),) if name and self.value.count() else ()
        return Scope(tuple(self.documents.chosen()), tuple(self.cases.chosen()), where,
                     tuple(self.coders.chosen()), tuple(self.document_sets.chosen()),
                     tuple(self.code_sets.chosen()))

    def describe(self) -> str:
        return "; ".join(str(line) for line in self.scope().describe())


__all__ = ["ScopeBar"]
