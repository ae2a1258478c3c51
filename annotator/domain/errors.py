"""Errors a user is shown.

Every failure a user can cause (a bad file, an unknown code, a wrong offset) is raised as
an ``AnnotatorError`` whose message is one readable sentence; the CLI prints it on one line
and the window shows it in a dialog. Anything else is a bug and keeps its traceback.

The sentence is an English template with keyword arguments
(``NotFound("no code {path!r} in the codebook", path=p)``), rendered in the user's
language when it is shown (``annotator.messages``).
"""

from typing import Any

from annotator.messages import Msg


class AnnotatorError(Exception):
    """A failure with a message meant for the user."""

    def __init__(self, template: "str | Msg", /, **args: Any) -> None:
        self.message = template if isinstance(template, Msg) else Msg(template, args)
        super().__init__(self.message.template)

    def __str__(self) -> str:
        return str(self.message)


class NotFound(AnnotatorError):
    """A document, code or coder named by the user does not exist."""


class Conflict(AnnotatorError):
    """The operation would break a rule of the project (duplicate name, cycle, ...)."""


class InvalidInput(AnnotatorError):
    """Arguments out of range or malformed (offsets, colours, paths)."""


class ProjectFileError(AnnotatorError):
    """The file is not a project, is damaged, or was written by a newer version."""


class ImportRefused(AnnotatorError):
    """A file handed to an importer cannot be read; the project was not changed."""
