"""Attribute tables from .xlsx / .csv: one row per document or case, one column per attribute.

The first column holds the document's or case's name whatever its header says; every
other column is an attribute named by its header. ``preview`` reads the whole table and
says what would be created, changed and left unmatched, and every problem it finds;
``apply`` writes a preview whose table had no problem, in one transaction, so a table
with any problem changes nothing; ``export`` writes the table ``preview`` reads back.
A new attribute's type is read from its column: all numbers → number, all dates → date,
otherwise text.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from annotator.domain.errors import ImportRefused, InvalidInput
from annotator.io.workbook import Column, SheetWriter, check_target, new_workbook, save_workbook
from annotator.messages import Msg, msg
from annotator.services.attributes import (
    canonical,
    define_row,
    list_attributes,
    set_row_value,
)
from annotator.services.cases import create_case_row, list_cases
from annotator.services.documents import list_documents
from annotator.store.models import Attribute, AttributeValue, Case, Document
from annotator.store.project import Project

MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class Change:
    owner: str
    attribute: str
    old: str | None          # None = no value before (created)
    new: str


@dataclass
class Preview:
    path: Path
    scope: str
    new_attributes: list[tuple[str, str]] = field(default_factory=list)   # (name, type)
    new_cases: list[str] = field(default_factory=list)
    created: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0
    unmatched: list[str] = field(default_factory=list)
    problems: list[Msg] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {
            "file": str(self.path), "scope": self.scope,
            "new_attributes": [{"name": n, "type": t} for n, t in self.new_attributes],
            "new_cases": self.new_cases,
            "created": [c.__dict__ for c in self.created],
            "changed": [c.__dict__ for c in self.changed],
            "unchanged": self.unchanged, "unmatched": self.unmatched,
            "problems": [str(p) for p in self.problems],
        }


def _read_csv(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRefused("{name}: not a text table (neither UTF-8 nor GB18030)",
                            name=path.name)
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]


def _read_xlsx(path: Path, problems: list[Msg]) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ImportRefused("{name}: not a readable Excel workbook ({reason})",
                            name=path.name, reason=type(exc).__name__) from exc
    try:
        rows = []
        for r, row in enumerate(wb.worksheets[0].iter_rows(), start=1):
            values = []
            for c, cell in enumerate(row, start=1):
                if cell.data_type == "f":
                    problems.append(msg("row {row}, column {col}: a formula ({formula}); "
                                        "write its value instead", row=r, col=c,
                                        formula=str(cell.value)[:40]))
                    values.append(None)
                else:
                    values.append(cell.value)
            rows.append(values)
        return rows
    finally:
        wb.close()


def read_table(path: Path, problems: list[Msg]) -> list[list[object]]:
    if not path.is_file():
        raise ImportRefused("{name}: no such file", name=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix == ".xlsx":
        return _read_xlsx(path, problems)
    raise ImportRefused("{name}: an attribute table must be .xlsx or .csv", name=path.name)


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _is_number(v: object) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int | float):
        return True
    try:
        float(str(v))
        return True
    except ValueError:
        return False


def _is_date(v: object) -> bool:
    if isinstance(v, date | datetime):
        return True
    try:
        date.fromisoformat(str(v).strip())
        return True
    except ValueError:
        return False


def _infer(values: list[object]) -> str:
    filled = [v for v in values if not _blank(v)]
    if filled and all(_is_number(v) for v in filled):
        return "number"
    if filled and all(_is_date(v) for v in filled):
        return "date"
    return "text"


def preview(project: Project, path: Path | str, scope: str = "document") -> Preview:
    """What importing the table would do; nothing is written."""
    path = Path(path)
    if scope not in ("document", "case"):
        raise InvalidInput("an attribute belongs to documents or to cases, not {scope!r}",
                           scope=scope)
    out = Preview(path, scope)
    rows = read_table(path, out.problems)
    while rows and all(_blank(v) for v in rows[-1]):
        rows.pop()
    if len(rows) < 2:
        raise ImportRefused("{name}: the table has no rows below its header", name=path.name)
    header = rows[0]
    body = rows[1:]
    width = max(len(r) for r in rows)
    columns: list[tuple[int, str]] = []
    for c in range(1, width):
        name = header[c] if c < len(header) else None
        has_values = any(c < len(r) and not _blank(r[c]) for r in body)
        if _blank(name):
            if has_values:
                out.problems.append(msg("column {col}: the header cell is empty; name the "
                                        "attribute", col=c + 1))
            continue
        columns.append((c, str(name).strip()))
    seen_names: dict[str, int] = {}
    for _c, name in columns:
        if name in seen_names:
            out.problems.append(msg("attribute {name!r} is a header of two columns", name=name))
        seen_names[name] = 1
    with project.read() as s:
        if scope == "document":
            owners = dict(s.execute(select(Document.name, Document.id)).all())
        else:
            owners = dict(s.execute(select(Case.name, Case.id)).all())
        attrs = {name: (aid, kind) for aid, name, kind in s.execute(
            select(Attribute.id, Attribute.name, Attribute.type)
            .where(Attribute.scope == scope))}
        owner_col = (AttributeValue.document_id if scope == "document"
                     else AttributeValue.case_id)
        current = {(aid, oid): v for aid, oid, v in s.execute(
            select(AttributeValue.attribute_id, owner_col, AttributeValue.value)
            .where(owner_col.is_not(None)))}
    first_row: dict[str, int] = {}
    matched: list[tuple[int, str, list[object]]] = []
    for r, row in enumerate(body, start=2):
        if all(_blank(v) for v in row):
            continue
        name = row[0] if row else None
        if _blank(name):
            out.problems.append(msg("row {row}: the first column, the name, is empty", row=r))
            continue
        name = str(name).strip()
        if name in first_row:
            out.problems.append(msg("row {row}: {name!r} again (first in row {first})",
                                    row=r, name=name, first=first_row[name]))
            continue
        first_row[name] = r
        if name not in owners:
            if scope == "document":
                out.unmatched.append(name)
                continue
            out.new_cases.append(name)
        matched.append((r, name, row))
    if out.unmatched:
        shown = ", ".join(out.unmatched[:MAX_PROBLEMS_SHOWN])
        more = len(out.unmatched) - min(len(out.unmatched), MAX_PROBLEMS_SHOWN)
        out.problems.append(msg("{count} rows name no document of this project: {names}"
                                "{more}", count=len(out.unmatched), names=shown,
                                more=f" (+{more})" if more else ""))
    for c, name in columns:
        values = [row[c] if c < len(row) else None for _r, _n, row in matched]
        attr = attrs.get(name)
        kind = attr[1] if attr is not None else _infer(values)
        if attr is None:
            out.new_attributes.append((name, kind))
            numbers = [v for v in values if not _blank(v) and _is_number(v)]
            texts = [v for v in values if not _blank(v) and not _is_number(v)]
            if numbers and texts and len(numbers) >= len(texts):
                out.problems.append(msg("column {name!r} holds numbers and also text "
                                        "({example!r}); make it one type", name=name,
                                        example=str(texts[0])[:40]))
                continue
        for (r, owner, _row), value in zip(matched, values, strict=True):
            if _blank(value):
                continue
            try:
                new = canonical(kind, value)
            except InvalidInput as exc:
                out.problems.append(msg("row {row}, column {name!r}: {reason}", row=r,
                                        name=name, reason=exc.message))
                continue
            oid = owners.get(owner)
            old = current.get((attr[0], oid)) if attr is not None and oid else None
            if old == new:
                out.unchanged += 1
            elif old is None:
                out.created.append(Change(owner, name, None, new))
            else:
                out.changed.append(Change(owner, name, old, new))
    return out


def export(project: Project, path: Path | str, scope: str = "document") -> Path:
    """The attribute table of documents or cases, in the shape ``preview`` reads back.

    One row per document (project order) or case (by name); numbers are written as
    numbers, everything else as text, and an .xlsx keeps formula-like text as text.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ImportRefused("{name}: an attribute table must be .xlsx or .csv", name=path.name)
    listing = [a for a in list_attributes(project) if a.scope == scope]
    if scope == "document":
        owners = [d.name for d in list_documents(project)]
    else:
        owners = [c.name for c in list_cases(project)]
    header = [str(msg("Document") if scope == "document" else msg("Case")),
              *[a.name for a in listing]]

    def cell(attr, owner: str) -> object:
        value = attr.values.get(owner)
        if value is not None and attr.type == "number":
            number = float(value)
            return int(number) if number.is_integer() else number
        return value

    rows = [[owner, *[cell(a, owner) for a in listing]] for owner in owners]
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows([header, *rows])
        return path
    wb = new_workbook()
    writer = SheetWriter(wb, str(msg("Attributes")), [Column(h, 16) for h in header])
    for row in rows:
        writer.append(row)
    writer.finish()
    save_workbook(wb, check_target(path))
    return path


def apply(project: Project, plan: Preview) -> None:
    """Write a problem-free preview in one transaction; a table with problems is refused."""
    if not plan.ok:
        raise ImportRefused("{name}: not imported, nothing was changed: {count} problems, "
                            "the first: {first}", name=plan.path.name,
                            count=len(plan.problems), first=plan.problems[0])
    kinds = dict(plan.new_attributes)
    with project.write() as s:
        for name in plan.new_cases:
            create_case_row(s, name)
        if plan.scope == "document":
            owners = dict(s.execute(select(Document.name, Document.id)).all())
        else:
            owners = dict(s.execute(select(Case.name, Case.id)).all())
        attrs = {a.name: a for a in s.scalars(select(Attribute)
                                             .where(Attribute.scope == plan.scope))}
        for name, kind in kinds.items():
            attrs[name] = define_row(s, name, plan.scope, kind)
        for change in [*plan.created, *plan.changed]:
            set_row_value(s, attrs[change.attribute], owners[change.owner], change.new)
