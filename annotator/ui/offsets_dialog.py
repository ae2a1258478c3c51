""""How does this file count positions?" — asked before a REFI-QDA project is read into a
new project or merged, the window's face of ``--offsets utf16|codepoints`` and
``--crlf 1|2``.

Producers disagree on what a position is (code points or UTF-16 units; a CRLF line end
as two positions or one), and a wrong reading shifts every coding after an emoji, a rare
ideograph or a line break. The reader detects the rule; this dialog shows what it
detected and why, in numbers, preselected, and says what each choice does, so a user
whose codings came in shifted can read the file again the other way.
"""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.io.refi.model import RefiProject
from annotator.io.refi.positions import CANDIDATES, OffsetRule
from annotator.ui.prompts import Prompts

WIDTH = 620


@dataclass(frozen=True)
class OffsetsChoice:
    """The reading chosen: ``utf16``/``crlf`` are what ``read_exchange_file`` and
    ``merge_copies`` take; both ``None`` when the detected rule is kept."""

    utf16: bool | None = None
    crlf: int | None = None

    @property
    def kept(self) -> bool:
        return self.utf16 is None and self.crlf is None


def detected_rule(refi: RefiProject) -> OffsetRule:
    """The rule the reader took for ``refi`` (the standard's when it had none to take)."""
    return next((r for r in CANDIDATES if r.label == refi.offset_rule), CANDIDATES[0])


def needs_choice(refi: RefiProject) -> bool:
    """Whether the reading matters at all: only selections have positions."""
    return any(src.selections for src in refi.sources)


class OffsetsDialog(QDialog):
    """Two questions (characters, line ends), each preselected at the detected answer and
    marked "detected", above the detection's reason."""

    def __init__(self, refi: RefiProject, file_name: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("refiOffsetsDialog")
        self.setWindowTitle(self.tr("How {0} counts positions").format(file_name))
        self.detected = detected_rule(refi)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Codings in a REFI-QDA file say where they are by positions in the text. "
            "Programs count those positions differently; a wrong reading shifts every "
            "coding after an emoji, a rare ideograph (𠮷) or a line break.\n\n"
            "Producer: {0}\nDetected reading: {1}\nWhy: {2}").format(
                (refi.origin or "").strip() or "?", str(self.detected.describe()),
                str(refi.offset_reason or "")))
        intro.setWordWrap(True)
        intro.setObjectName("offsetsEvidence")
        layout.addWidget(intro)
        detected = self.tr(" (detected)")
        self.units = self._group(layout, self.tr("Characters"), [
            (self.tr("Code points"),
             self.tr("An emoji or 𠮷 is one position, as the standard says (ATLAS.ti, "
                     "MAXQDA, QualCoder, Annotator).")),
            (self.tr("UTF-16 units"),
             self.tr("An emoji or 𠮷 is two positions, as NVivo counts.")),
        ], 1 if self.detected.utf16 else 0, detected)
        self.line_ends = self._group(layout, self.tr("Line ends"), [
            (self.tr("As in the file"),
             self.tr("A Windows line end (CRLF) is two positions, as the standard and "
                     "NVivo for Windows count.")),
            (self.tr("Each line end once"),
             self.tr("Every line end is one position, whatever the file holds.")),
        ], 0 if self.detected.file_line_ends else 1, detected)
        hint = QLabel(self.tr(
            "Keep the detected reading unless codings came in shifted before. The import "
            "report says which reading was used."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # wrapped labels: a top-level window does not ask its layout for the height a
        # width needs, so give it that height
        self.resize(WIDTH, layout.totalHeightForWidth(WIDTH))

    def _group(self, layout: QVBoxLayout, title: str, choices: list[tuple[str, str]],
               current: int, detected: str) -> QButtonGroup:
        """A box of radio buttons, each with what it does on a wrapped line below it."""
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        group = QButtonGroup(box)
        for i, (text, what) in enumerate(choices):
            button = QRadioButton(text + (detected if i == current else ""))
            button.setChecked(i == current)
            group.addButton(button, i)
            inner.addWidget(button)
            explanation = QLabel(what)
            explanation.setWordWrap(True)
            explanation.setContentsMargins(24, 0, 0, 4)
            inner.addWidget(explanation)
        layout.addWidget(box)
        return group

    def choose(self, utf16: bool, crlf: int) -> None:
        """Select a reading (what a click on the two buttons does)."""
        self.units.button(1 if utf16 else 0).setChecked(True)
        self.line_ends.button(0 if crlf == 2 else 1).setChecked(True)

    def choice(self) -> OffsetsChoice:
        """The overrides the selection asks for; none where it is the detected reading."""
        utf16 = self.units.checkedId() == 1
        file_line_ends = self.line_ends.checkedId() == 0
        return OffsetsChoice(
            utf16=None if utf16 == self.detected.utf16 else utf16,
            crlf=None if file_line_ends == self.detected.file_line_ends
            else (2 if file_line_ends else 1),
        )


def ask_offsets(prompts: Prompts, parent: QWidget | None, refi: RefiProject,
                file_name: str) -> OffsetsChoice | None:
    """The reading the user wants for ``refi`` (already read with the detected rule), or
    ``None`` if they cancelled; a file without selections is not asked about."""
    if not needs_choice(refi):
        return OffsetsChoice()
    dialog = OffsetsDialog(refi, file_name, parent)
    try:
        return dialog.choice() if prompts.dialog(dialog) else None
    finally:
        dialog.deleteLater()


__all__ = ["OffsetsChoice", "OffsetsDialog", "ask_offsets", "detected_rule", "needs_choice"]
