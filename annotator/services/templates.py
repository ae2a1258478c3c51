"""Codebook templates: JSON files in ``annotator/data/templates``, not code.

A template's definitions are bilingual; both languages go into the code's definition
(Chinese first) so that a project reads the same whichever interface language is used.
"""

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from annotator.domain.errors import InvalidInput
from annotator.resources import resource_path
from annotator.services.codebook import create_code


@dataclass(frozen=True)
class Template:
    name: str
    title: dict[str, str]
    codes: list[dict]


def template_names() -> list[str]:
    return sorted(p.stem for p in resource_path("templates").glob("*.json"))


def load_template(name: str) -> Template:
    path = resource_path("templates", f"{name}.json")
    if not path.is_file():
        raise InvalidInput(
            "no codebook template {name!r}; available: {names}",
            name=name, names=", ".join(template_names()),
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    return Template(data["name"], data.get("title", {}), data.get("codes", []))


def _definition(description: dict[str, str] | str | None) -> str:
    if isinstance(description, dict):
        return "\n".join(v for k in ("zh", "en") if (v := description.get(k)))
    return description or ""


def apply_template(session: Session, template: Template) -> int:
    """Add the template's codes under the root; returns how many codes were added."""
    added = 0

    def add(nodes: list[dict], parent_id: int | None) -> None:
        nonlocal added
        for node in nodes:
            code = create_code(
                session, parent_id, node["name"], color=node.get("color"),
                description=_definition(node.get("description")),
            )
            added += 1
            add(node.get("children", []), code.id)

    add(template.codes, None)
    return added
