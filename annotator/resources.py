"""Where Annotator's data files are: package data in ``annotator/data``.

The codebook templates, the compiled translation (``translations/*.qm``), the guide, the
licence texts, the sample paper and the icons live inside the package, so every way of
installing it (a wheel, an sdist, ``pip install .``, an editable install, the frozen bundle)
carries them. They are read through :mod:`importlib.resources`; every install Annotator
supports unpacks the package on disk, so a :class:`~pathlib.Path` is returned (Qt's file
APIs need real paths).
"""

from importlib.resources import files
from pathlib import Path


def resource_dir() -> Path:
    """The folder holding the data files (``annotator/data`` of the installed package)."""
    return Path(str(files("annotator") / "data"))


def resource_path(*parts: str) -> Path:
    """A data file or folder, e.g. ``resource_path("templates", "governance.json")``."""
    return resource_dir().joinpath(*parts)
