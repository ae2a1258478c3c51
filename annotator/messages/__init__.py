"""Sentences for the user from any layer, shown in the user's language.

Services, importers and the store cannot use Qt's translator — the command line has no Qt
— yet the window and the CLI must show their messages in the user's language. So a message
travels as its English template and its arguments (a ``Msg``) and is rendered only when it
is shown, in the language current then: an import report made before the user switches the
interface to Chinese still reads in Chinese afterwards.

The English template is the key into the catalogs (``catalog.py``); a template with no
translation is shown in English rather than not at all. ``tests/test_messages.py`` keeps
every template in the source translated.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("zh", "en")
LANG_ENV = "ANNOTATOR_LANG"

_state: dict[str, str | None] = {"language": None}


@dataclass(frozen=True)
class Msg:
    """An English template with its arguments; ``str()`` renders it in the current language.

    Arguments may be ``Msg`` values themselves (a refusal inside a report): they are
    rendered in the same language.
    """

    template: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> str:
        lang = language or current_language()
        text = translate(self.template, lang)
        if not self.args:
            return text
        values = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.args.items()}
        try:
            return text.format_map(values)
        except (KeyError, IndexError, ValueError):
            # A catalog entry whose placeholders drifted must not hide the message itself.
            return self.template.format_map(values)

    def __str__(self) -> str:
        return self.render()


def msg(template: str, /, **args: Any) -> Msg:
    """A message for the user: ``msg("{count} codings added", count=5)``."""
    return Msg(template, args)


def placeholders(template: str) -> set[str]:
    """The argument names a template uses (``{name!r}`` → ``name``)."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None and name != "":
            names.add(name.split(".")[0].split("[")[0])
    return names


def translate(template: str, language: str) -> str:
    if language == "en":
        return template
    from annotator.messages.catalog import catalog

    return catalog(language).get(template, template)


def set_language(language: str | None) -> None:
    """Fix the language (the window's choice, ``--lang``); None detects it again."""
    _state["language"] = language if language in LANGUAGES else None


def fixed_language() -> str | None:
    """The language fixed by ``set_language`` (or detected once), None if none is yet:
    what a caller that fixes the language for a while gives back afterwards."""
    return _state["language"]


def current_language() -> str:
    lang = _state["language"]
    if lang is None:
        lang = detect_language()
        _state["language"] = lang
    return lang


def detect_language() -> str:
    """``ANNOTATOR_LANG``, else the interface language setting, else the system locale.

    The window writes its language setting to the same ``settings.json`` the CLI reads, so
    both faces speak alike; ``system`` (or nothing) defers to the locale variables, as
    gettext does: ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.
    """
    forced = os.environ.get(LANG_ENV, "").strip().lower()[:2]
    if forced in LANGUAGES:
        return forced
    from annotator.settings import load_settings

    chosen = str(load_settings().get("language", "")).lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
