"""Editing a project's word lists in the window: stop words, synonyms, the dictionary.

One dialog for all three: the list as text, one entry a line, which the user edits
freely (paste a list, delete lines). What the controller then writes is the difference
from the list in force, through the same services as ``annotator stopwords``,
``synonyms`` and ``dictionary``; a word the services refuse (spaces, too long) is said in
one sentence and nothing is changed.
"""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.text.stopwords import parse_word_list


class WordListDialog(QDialog):
    """A list of words (or of synonym lines), one a line."""

    def __init__(self, title: str, hint: str, lines: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(420, 520)

    def lines(self) -> list[str]:
        return parse_word_list(self.edit.toPlainText())


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
