"""``annotator info PROJECT``: what a project holds, quickly.

A current, sound project file is read through sqlite3 alone (``store/file_summary``),
without loading SQLAlchemy; anything else (an older file to upgrade, a damaged or
crashed one, a team project on a server) is opened the full way, as every other command
opens it, and answered or refused by it.
"""

import argparse
import json

from annotator.cli.terminal import shown
from annotator.messages import msg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help=str(msg("what the project holds")))
    p.add_argument("project")
    p.add_argument("--json", action="store_true",
                   help=str(msg("print it as JSON, with stable keys for scripts")))
    p.set_defaults(run=_cmd_info)


def project_summary(location: str) -> dict:
    """The summary of the project at ``location``: from the file directly when it can
    be, else through the full open."""
    from annotator.store.file_summary import file_summary

    data = file_summary(location)
    if data is not None:
        return data
    from annotator.services.overview import project_info
    from annotator.store.project import Project

    with Project.open(location) as p:
        return project_info(p)


def _cmd_info(a: argparse.Namespace) -> int:
    data = project_summary(a.project)
    if a.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return 0
    print(msg("{name}: {documents} documents, {codes} codes, {coders} coders, "
              "{codings} codings", name=shown(data["name"]), documents=len(data["documents"]),
              codes=len(data["codes"]), coders=len(data["coders"]),
              codings=data["total_codings"]))
    for d in data["documents"]:
        print(msg("  document  {name}  ({characters} characters)", name=shown(d["name"]),
                  characters=d["characters"]))
    for c in data["codes"]:
        print(msg("  code      {path}  {color}  {codings}", path=shown(c["path"]),
                  color=c["color"], codings=c["codings"]))
    return 0
