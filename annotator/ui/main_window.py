"""The main window: documents, the document text, the codebook."""

from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
)

from annotator.services.codebook import code_tree
from annotator.services.documents import document_text, list_documents
from annotator.store.project import Project


def _swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.setWindowTitle("Annotator")
        self.documents = QListWidget(objectName="documentList")
        self.view = QPlainTextEdit(objectName="documentView", readOnly=True)
        self.view.setFont(QFont(self.view.font().family(), 12))
        self.codebook = QTreeWidget(objectName="codebookTree")
        self.codebook.setHeaderLabels([self.tr("Code"), self.tr("Codings")])
        split = QSplitter()
        for w in (self.documents, self.view, self.codebook):
            split.addWidget(w)
        split.setSizes([220, 760, 300])
        self.setCentralWidget(split)
        self.documents.currentItemChanged.connect(self._show_document)

    def open_project(self, project: Project, document: str | None = None) -> None:
        if self.project is not None:
            self.project.close()
        self.project = project
        self.setWindowTitle(f"{project.name} — Annotator")
        self.documents.clear()
        for d in list_documents(project):
            item = QListWidgetItem(d.name)
            item.setData(256, d.id)
            self.documents.addItem(item)
            if d.name == document or (document is None and self.documents.count() == 1):
                self.documents.setCurrentItem(item)
        self.codebook.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for c in code_tree(project):
            parent = items.get(c.parent_id)
            item = QTreeWidgetItem([c.name, str(c.count)])
            item.setIcon(0, _swatch(c.color))
            item.setToolTip(0, c.description)
            (parent.addChild(item) if parent else self.codebook.addTopLevelItem(item))
            items[c.id] = item
        self.codebook.expandAll()
        self.codebook.resizeColumnToContents(0)

    def _show_document(self, item: QListWidgetItem | None) -> None:
        if item is None or self.project is None:
            self.view.clear()
            return
        self.view.setPlainText(document_text(self.project, item.data(256)))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)
