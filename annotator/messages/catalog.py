"""The translations of messages from below the interface, one module per area.

Each area module holds one ``ZH`` dict from English template to Chinese, so that work on
different layers adds to different files. The glossary (``GLOSSARY-zh.md`` in the design
notes) fixes the terms: 代码 a code, 编码 the act, 编码员 a coder, 文本编码 a text encoding.
"""

from functools import cache
from importlib import import_module

AREAS = (
    "zh_domain",
    "zh_store",
    "zh_readers",
    "zh_workbook",
    "zh_refi",
    "zh_services",
    "zh_workshop",
    "zh_agreement",
    "zh_analysis",
    "zh_words",
    "zh_server",
    "zh_team",
    "zh_cli",
)


@cache
def catalog(language: str) -> dict[str, str]:
    """Every template's translation into ``language`` (only ``zh`` has one)."""
    if language != "zh":
        return {}
    merged: dict[str, str] = {}
    for area in AREAS:
        merged.update(import_module(f"annotator.messages.{area}").ZH)
    return merged
