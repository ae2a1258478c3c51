"""argparse's own words (``usage:``, ``positional arguments``, ``error:`` …) in the user's
language.

argparse marks every sentence of its own with gettext (``_('usage: ')``,
``ngettext('expected %s argument', …)``) and looks those two names up in its module each
time it prints. Pointing them at ``annotator.messages`` makes ``annotator --lang zh``, the
language setting and a zh locale give the help, the usage line and argparse's refusals in
Chinese, as everything else the command line says (the Chinese is in
``messages/zh_cli.py``; ``tests/cli/test_cli_language.py`` checks it is complete for the
Python it runs on).
"""

import argparse

from annotator.messages import current_language, translate


def _gettext(text: str) -> str:
    return translate(text, current_language())


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """From now on argparse speaks the current language (``annotator.messages``)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


__all__ = ["install"]
