"""The word-frequency sheet of the Excel workbook (word, count, share, documents).

Written through ``workbook.SheetWriter``, so a word that begins with ``=`` stays text.
"""

from pathlib import Path

from annotator.io.workbook import Column, SheetWriter, check_target, new_workbook, save_workbook
from annotator.services.words import FrequencyTable

WORD_LABELS = {
    "zh": {"sheet": "词频", "word": "词语", "count": "频次", "share": "占比",
           "documents": "文档数", "merged": "合并的同义词"},
    "en": {"sheet": "Word frequencies", "word": "Word", "count": "Count", "share": "Share",
           "documents": "Documents", "merged": "Synonyms merged"},
}


def add_word_sheet(wb, table: FrequencyTable, lang: str) -> None:
    labels = WORD_LABELS[lang]
    sheet = SheetWriter(wb, labels["sheet"], [
        Column(labels["word"], 18), Column(labels["count"], 10), Column(labels["share"], 10),
        Column(labels["documents"], 10), Column(labels["merged"], 30, wrap=True),
    ])
    for row in table.rows:
        merged = "、".join(table.merged.get(row.word, []))
        sheet.append([sheet.styled(row.word), row.count,
                      sheet.styled(row.share, fmt="0.00%"), row.documents, merged])
    sheet.finish()


def write_word_workbook(table: FrequencyTable, out: Path | str, lang: str) -> Path:
    """A workbook holding the one word-frequency sheet."""
    out = check_target(out)
    wb = new_workbook()
    add_word_sheet(wb, table, lang)
    save_workbook(wb, out)
    return out
