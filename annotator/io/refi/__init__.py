"""REFI-QDA exchange (``.qdpx`` projects, ``.qdc`` codebooks): read, write, validate.

Pure Python (no Qt, no SQL): the services translate :class:`RefiProject` to and from the
project store. Offsets in the model are always code points of normalised text; the reader
converts whatever the file used (see :mod:`annotator.io.refi.positions`).
"""

from annotator.io.refi.archive import Limits
from annotator.io.refi.model import (
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiReviewed,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiUser,
    RefiVariable,
)
from annotator.io.refi.reader import read_qdc, read_qdpx
from annotator.io.refi.validate import validate
from annotator.io.refi.writer import write_qdc, write_qdpx

__all__ = [
    "Limits",
    "RefiCase",
    "RefiCode",
    "RefiCoding",
    "RefiNote",
    "RefiProject",
    "RefiReviewed",
    "RefiSelection",
    "RefiSet",
    "RefiSource",
    "RefiUser",
    "RefiVariable",
    "read_qdc",
    "read_qdpx",
    "validate",
    "write_qdc",
    "write_qdpx",
]
