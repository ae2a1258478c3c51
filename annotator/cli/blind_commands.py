"""``annotator blind PROJECT``: blind coding in a workshop, from the command line.

``--on --facilitator NAME`` switches it on (NAME sees everything), ``--reveal`` switches it
off; with neither, the command says how it is. The same setting as Workshop → Blind
coding in the window (``services/blind.py``).
"""

import argparse

from annotator.domain.errors import InvalidInput
from annotator.messages import msg
from annotator.services.blind import blind_state, reveal, start_blind
from annotator.store.project import Project


def _cmd_blind(a: argparse.Namespace) -> int:
    if a.on and a.reveal:
        raise InvalidInput("choose one of --on and --reveal")
    if a.on and not a.facilitator:
        raise InvalidInput("blind coding needs the facilitator's coder name (--facilitator)")
    with Project.open(a.project) as p:
        if a.on:
            state = start_blind(p, a.facilitator)
        elif a.reveal:
            state = reveal(p)
        else:
            state = blind_state(p)
    if state.on:
        print(msg("blind coding is on (facilitator: {name}): participants see only their "
                  "own codings", name=state.facilitator))
    else:
        print(msg("blind coding is off: everyone sees everyone's codings"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("blind", help=str(msg(
        "blind coding: participants see only their own codings")))
    p.add_argument("project", help=str(msg("a project file or a server URL")))
    p.add_argument("--on", action="store_true", help=str(msg("switch blind coding on")))
    p.add_argument("--facilitator", help=str(msg(
        "the coder who goes on seeing everything (with --on)")))
    p.add_argument("--reveal", action="store_true",
                   help=str(msg("switch it off: everyone sees everyone's codings")))
    p.set_defaults(run=_cmd_blind)
