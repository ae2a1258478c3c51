"""Writing sheets of plain rows to an .xlsx file, safely and fast.

openpyxl's write-only mode streams rows to disk, so a workbook of 100,000 segments
costs little more than the rows themselves. Every cell that is text stays text:

* a string that starts with ``=`` would become a formula; it is written as a string
  cell with Excel's quote prefix (``+``, ``-`` and ``@`` are already safe as string
  cells, and get the quote prefix too, so editing the cell in Excel keeps it text);
* control characters Excel refuses are replaced by their visible Unicode "control
  pictures" (``\\x0b`` → ``␋``), and the row is marked;
* text longer than Excel's 32,767-character cell limit is cut, with a visible marker in
  the cell and a note in the row.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written, not at start-up
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from annotator.domain.errors import AnnotatorError
from annotator.store.debris import temporary_name
from annotator.store.file_errors import os_reason, system_refusals

EXCEL_CELL_LIMIT = 32_767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "-", "@")
TRUNCATED_MARK = "…[✂]"


@dataclass
class Column:
    header: str
    width: float = 14
    wrap: bool = False


@dataclass(frozen=True)
class CellFix:
    control_chars: int = 0
    truncated_from: int = 0

    def describe(self, labels: dict[str, str]) -> str:
        parts = []
        if self.control_chars:
            parts.append(labels["control"].format(n=self.control_chars))
        if self.truncated_from:
            parts.append(labels["truncated"].format(n=EXCEL_CELL_LIMIT, total=self.truncated_from))
        return "; ".join(parts)


def _picture(match: re.Match[str]) -> str:
    return chr(0x2400 + ord(match.group()))


def excel_safe(text: str) -> tuple[str, CellFix | None]:
    """Text as it can stand in a cell, and what had to change (None = nothing)."""
    controls = 0
    if _ILLEGAL.search(text):
        text, controls = _ILLEGAL.subn(_picture, text)
    total = 0
    if len(text) > EXCEL_CELL_LIMIT:
        total = len(text)
        text = text[: EXCEL_CELL_LIMIT - len(TRUNCATED_MARK)] + TRUNCATED_MARK
    if controls or total:
        return text, CellFix(controls, total)
    return text, None


class SheetWriter:
    """One write-only sheet: header row frozen, autofilter, widths, safe cells."""

    def __init__(self, wb: Workbook, title: str, columns: list[Column]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        self._cell = WriteOnlyCell
        self.ws: WriteOnlyWorksheet = wb.create_sheet(title[:31])
        self.columns = columns
        self.rows = 0
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._top = Alignment(vertical="top")
        for i, col in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = col.width
        self.ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for col in columns:
            cell = self.styled(col.header)  # headers are data too (document names)
            cell.font = bold
            header.append(cell)
        self.ws.append(header)

    def styled(self, value: Any, *, wrap: bool = False, fmt: str | None = None,
               fill: str | None = None) -> Any:
        if isinstance(value, str):
            value = excel_safe(value)[0]
        cell = self._cell(self.ws, value)
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True
        if wrap:
            cell.alignment = self._wrap
        if fmt:
            cell.number_format = fmt
        if fill:
            from openpyxl.styles import PatternFill

            rgb = fill.lstrip("#")
            cell.fill = PatternFill("solid", start_color=rgb, end_color=rgb)
        return cell

    def append(self, row: Sequence[Any]) -> None:
        """Every string passes the one guard (``excel_safe``: control characters, length;
        then the formula prefix); plain values go through as they are (the fast path)."""
        out = list(row)
        for i, value in enumerate(out):
            if isinstance(value, str) and value:
                value = out[i] = excel_safe(value)[0]
                if value[0] in _FORMULA_START:
                    out[i] = self.styled(value, wrap=self.columns[i].wrap and len(value) > 60)
                elif self.columns[i].wrap and len(value) > 60:
                    cell = self._cell(self.ws, value)
                    cell.alignment = self._wrap
                    out[i] = cell
        self.ws.append(out)
        self.rows += 1

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def check_target(out: Path | str) -> Path:
    """Refuse a target that cannot become a workbook before any work is done."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise AnnotatorError("{name}: the workbook must be an .xlsx file", name=out.name)
    with system_refusals():
        folder_missing, is_folder = not out.parent.is_dir(), out.is_dir()
    if folder_missing:
        raise AnnotatorError("{path}: no such folder", path=out.parent)
    if is_folder:
        raise AnnotatorError(
            "{path}: is a folder; choose a file name for the workbook (nothing was written)",
            path=out,
        )
    return out


def new_workbook() -> Workbook:
    from openpyxl import Workbook

    return Workbook(write_only=True)


@contextmanager
def discarded_on_error(wb: Workbook) -> Iterator[None]:
    """A workbook whose building failed (damage met, a full disk) is closed and its
    temporary sheet files removed at once: left to the garbage collector, its half-written
    sheets complain on the terminal ("Exception ignored … inconsistent exit action"), and
    a window exporting many times would keep their files in the temporary folder."""
    try:
        yield
    except BaseException:
        for ws in wb.worksheets:
            writer = getattr(ws, "_writer", None)
            with suppress(Exception):
                ws.close()
            if writer is not None and writer.out:
                with suppress(OSError):
                    os.remove(writer.out)
        raise


def save_workbook(wb: Workbook, out: Path) -> None:
    """Write next to the target and move into place: a failed export never leaves half a file.

    The temporary name is short (any legal target name leaves room for it) and is removed
    on every path; a full or read-only disk is one sentence, not a traceback.
    """
    tmp = temporary_name(out, "xlsx", ".part")
    try:
        wb.save(tmp)
        tmp.replace(out)
    except OSError as exc:
        raise AnnotatorError(
            "{path}: the workbook cannot be written ({reason}); nothing was written",
            path=out, reason=os_reason(exc),
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
