"""``check`` a project through, ``salvage`` what is readable of a damaged one."""

import argparse

from annotator.messages import msg
from annotator.services.repair import check_project, salvage_project


def _cmd_check(a: argparse.Namespace) -> int:
    found = check_project(a.project)
    print(msg("{path}: {report}", path=a.project, report=found.describe()))
    return 0 if found.whole else 1


def _cmd_salvage(a: argparse.Namespace) -> int:
    found = salvage_project(a.project, a.file)
    print(msg("saved what is readable as {path}: {report}", path=a.file,
              report=found.describe()))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check",
                       help=str(msg("check a project file through (structure and texts)")))
    p.add_argument("project")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("salvage", help=str(msg("write a new project of what is readable in "
                                              "a damaged one")))
    p.add_argument("project", help=str(msg("the damaged project file")))
    p.add_argument("file", help=str(msg("the new .annotator file")))
    p.set_defaults(run=_cmd_salvage)
