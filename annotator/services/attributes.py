"""Attributes (variables) of documents and of cases, and their values.

Values are stored as canonical text, so that grouping and filtering compare like with
like whatever was typed: a number as its shortest decimal (``3.0`` → ``3``), a date as
``YYYY-MM-DD``, a category as one of the attribute's values (new ones are added to it).
"""

import json
import math
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from annotator.domain.errors import Conflict, InvalidInput, NotFound
from annotator.services.cases import find_case
from annotator.services.documents import find_document
from annotator.store.models import Attribute, AttributeValue, Case, Document
from annotator.store.project import Project

TYPES = ("text", "number", "date", "category")
SCOPES = ("document", "case")


@dataclass(frozen=True)
class AttributeInfo:
    id: int
    name: str
    scope: str
    type: str
    categories: list[str]
    values: dict[str, str]          # document or case name → value


def canonical(kind: str, value: object) -> str:
    """The stored form of ``value`` for an attribute of type ``kind``, or InvalidInput."""
    if isinstance(value, str):
        value = value.strip()
    if kind == "number":
        if isinstance(value, bool):
            raise InvalidInput("{value!r} is not a number", value=value)
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise InvalidInput("{value!r} is not a number", value=value) from None
        if not math.isfinite(number):
            raise InvalidInput("{value!r} is not a number", value=value)
        return str(int(number)) if number.is_integer() else repr(number)
    if kind == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise InvalidInput("{value!r} is not a date (YYYY-MM-DD)", value=value) from None
    return str(value)


def find_attribute(s: Session, name: str, scope: str) -> Attribute:
    attr = s.scalar(select(Attribute).where(Attribute.name == name, Attribute.scope == scope))
    if attr is None:
        raise NotFound("no attribute named {name!r} in this project", name=name)
    return attr


def define_row(s: Session, name: str, scope: str, kind: str,
               categories: list[str] | None = None) -> Attribute:
    name = name.strip()
    if not name:
        raise InvalidInput("an attribute needs a name")
    if scope not in SCOPES:
        raise InvalidInput("an attribute belongs to documents or to cases, not {scope!r}",
                           scope=scope)
    if kind not in TYPES:
        raise InvalidInput("attribute type {kind!r} is not one of text, number, date, category",
                           kind=kind)
    if s.scalar(select(Attribute.id).where(Attribute.name == name,
                                           Attribute.scope == scope)) is not None:
        raise Conflict("there is already an attribute named {name!r}", name=name)
    position = (s.scalar(select(func.max(Attribute.position))) or 0) + 1
    attr = Attribute(guid=str(uuid.uuid4()), name=name, scope=scope, type=kind,
                     categories=json.dumps(categories or [], ensure_ascii=False),
                     position=position)
    s.add(attr)
    s.flush()
    return attr


def define_attribute(project: Project, name: str, scope: str = "document",
                     kind: str = "text", categories: list[str] | None = None) -> None:
    """Serialized: the new attribute's position follows those already there."""
    project.serialized(lambda s: define_row(s, name, scope, kind, categories))


def set_row_value(s: Session, attr: Attribute, owner_id: int, value: object) -> None:
    """Set (or, for an empty value, clear) one value; category values extend the list."""
    owner = (AttributeValue.document_id if attr.scope == "document"
             else AttributeValue.case_id)
    s.execute(delete(AttributeValue).where(AttributeValue.attribute_id == attr.id,
                                           owner == owner_id))
    if value is None or (isinstance(value, str) and not value.strip()):
        return
    text = canonical(attr.type, value)
    if attr.type == "category":
        cats = json.loads(attr.categories)
        if text not in cats:
            attr.categories = json.dumps([*cats, text], ensure_ascii=False)
    key = "document_id" if attr.scope == "document" else "case_id"
    s.add(AttributeValue(attribute_id=attr.id, value=text, **{key: owner_id}))


def set_value(project: Project, name: str, owner: str, value: object,
              scope: str = "document") -> None:
    with project.write() as s:
        attr = find_attribute(s, name, scope)
        owner_id = (find_document(s, owner).id if scope == "document"
                    else find_case(s, owner).id)
        set_row_value(s, attr, owner_id, value)


def list_attributes(project: Project) -> list[AttributeInfo]:
    with project.read() as s:
        docs = dict(s.execute(select(Document.id, Document.name)).all())
        cases = dict(s.execute(select(Case.id, Case.name)).all())
        values: dict[int, dict[str, str]] = {}
        for aid, did, cid, value in s.execute(select(
                AttributeValue.attribute_id, AttributeValue.document_id,
                AttributeValue.case_id, AttributeValue.value)):
            values.setdefault(aid, {})[docs[did] if did is not None else cases[cid]] = value
        return [AttributeInfo(a.id, a.name, a.scope, a.type, json.loads(a.categories),
                              values.get(a.id, {}))
                for a in s.scalars(select(Attribute).order_by(Attribute.position))]
