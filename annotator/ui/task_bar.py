"""The Analysis dock's task bar: what runs, how far it is, and a button to stop it
(the view ``background.TaskRunner`` shows its task in); hidden when idle."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class TaskBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisTaskBar")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("analysisProgress")
        self.bar.setMaximumWidth(220)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("analysisCancel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        layout.addStretch(1)
        self.hide()


__all__ = ["TaskBar"]
