"""Errors a user is shown.

Every failure a user can cause (a bad file, an unknown code, a wrong offset) is raised as
an ``AnnotatorError`` whose message is one readable sentence; the CLI prints it on one line
and the window shows it in a dialog. Anything else is a bug and keeps its traceback.
"""


class AnnotatorError(Exception):
    """A failure with a message meant for the user."""


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
