"""The user's language, without Qt: what the CLI and the workbook speak by default."""

import locale
import os

LANGUAGES = ("zh", "en")


def default_language() -> str:
    """``zh`` when the environment asks for Chinese, else ``en``; ANNOTATOR_LANG overrides."""
    forced = os.environ.get("ANNOTATOR_LANG", "")
    if forced[:2] in LANGUAGES:
        return forced[:2]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    # Windows names the locale "Chinese (Simplified)_China" rather than "zh_CN".
    loc = (locale.getlocale()[0] or "").lower()
    return "zh" if loc.startswith(("zh", "chinese")) else "en"
