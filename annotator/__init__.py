"""Annotator: qualitative coding of texts."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("annotator-qda")  # the distribution's name (pyproject.toml)
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
