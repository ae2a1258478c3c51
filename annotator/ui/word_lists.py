"""Editing a project's word lists in the window: stop words, synonyms, the dictionary.

One dialog for all three: the list as text, one entry a line, which the user edits
freely (paste a list, delete lines, add the words of a file — UTF-8, UTF-16 or GBK, read
as the importer reads documents; a binary or empty file is refused in one sentence and
the list stays as it was). What the controller then writes is the difference
from the list in force, through the same services as ``annotator stopwords``,
``synonyms`` and ``dictionary``; a word the services refuse (spaces, too long) is said in
one sentence and nothing is changed.
"""

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.text.stopwords import parse_word_list, read_word_file
from annotator.ui.prompts import Prompts


class WordListDialog(QDialog):
    """A list of words (or of synonym lines), one a line."""

    def __init__(self, title: str, hint: str, lines: list[str],
                 parent: QWidget | None = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts or Prompts(self)
        self.setObjectName("wordListDialog")
        self.setWindowTitle(title)
        self.edit = QPlainTextEdit("\n".join(lines))
        self.edit.setObjectName("wordListText")
        self.edit.setTabChangesFocus(True)
        label = QLabel(hint)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.from_file = buttons.addButton(self.tr("Add words from a &file…"),
                                           QDialogButtonBox.ButtonRole.ActionRole)
        self.from_file.clicked.connect(self.add_file)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(420, 520)

    def lines(self) -> list[str]:
        return parse_word_list(self.edit.toPlainText())

    def add_file(self) -> None:
        """The words of a text file, one a line, added at the end of the list."""
        name = self.prompts.open_file(self.tr("Add words from a file"), "",
                                      self.tr("Word lists (*.txt);;All files (*)"))
        if not name:
            return
        path = Path(name)
        try:
            words = read_word_file(path.read_bytes(), path.name)
        except OSError as exc:
            self.prompts.warn(self.windowTitle(), self.tr("{0}: cannot be read ({1})").format(
                path.name, exc.strerror or exc))
            return
        except AnnotatorError as exc:
            self.prompts.warn(self.windowTitle(), str(exc))
            return
        have = set(self.lines())
        new = [w for w in words if w not in have]
        if new:
            text = self.edit.toPlainText().rstrip("\n")
            self.edit.setPlainText((text + "\n" if text else "") + "\n".join(new))


def parse_synonyms(lines: list[str]) -> dict[str, list[str]]:
    """``HEAD: WORD, WORD`` lines (full-width ：，、 too) → head → the words counted as it."""
    out: dict[str, list[str]] = {}
    for line in lines:
        head, sep, rest = line.replace("：", ":").partition(":")
        if not sep:
            continue
        words = [w.strip() for w in rest.replace("，", ",").replace("、", ",").split(",")]
        out.setdefault(head.strip(), []).extend(w for w in words if w)
    return out


def synonym_lines(merged: dict[str, str]) -> list[str]:
    """word → head as ``HEAD: WORD, WORD`` lines, heads in order."""
    by_head: dict[str, list[str]] = {}
    for word, head in merged.items():
        by_head.setdefault(head, []).append(word)
    return [f"{head}: {', '.join(sorted(words))}" for head, words in sorted(by_head.items())]


__all__ = ["WordListDialog", "parse_synonyms", "synonym_lines"]
