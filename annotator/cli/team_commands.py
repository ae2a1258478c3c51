"""Team projects: ``push`` a file to a server database, ``save-copy`` any project to a file.

Every other subcommand takes a server URL wherever it takes a project file.
"""

import argparse

from annotator.domain.errors import InvalidInput
from annotator.messages import msg
from annotator.store.project import Project, copy_into
from annotator.store.server import display_url, is_server_url


def _cmd_push(a: argparse.Namespace) -> int:
    if not is_server_url(a.url):
        raise InvalidInput("{url}: not a server address (postgresql://user@host/database)",
                           url=a.url)
    with Project.open(a.project) as source:
        name = source.name
        Project.create(a.url, name, lambda p: copy_into(source.engine, p)).close()
    print(msg("uploaded {name} to {url}", name=name, url=display_url(a.url)))
    return 0


def _cmd_save_copy(a: argparse.Namespace) -> int:
    with Project.open(a.project) as p:
        dest = p.save_copy(a.file)
    print(msg("saved a copy as {path}", path=str(dest)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("push",
                       help=str(msg("upload a project file to an empty server database")))
    p.add_argument("project", help=str(msg("the project file")))
    p.add_argument("url",
                   help=str(msg("postgresql://user@host/database (an empty database)")))
    p.set_defaults(run=_cmd_push)

    p = sub.add_parser("save-copy",
                       help=str(msg("write a self-contained project file of a project")))
    p.add_argument("project", help=str(msg("a project file or a server URL")))
    p.add_argument("file", help=str(msg("the new .annotator file")))
    p.set_defaults(run=_cmd_save_copy)
