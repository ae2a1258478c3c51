"""User settings shared by the window and the command line (a small JSON file).

The coder name must be the same whichever face of the program a researcher uses, so it
lives here rather than in Qt's settings. ``ANNOTATOR_CONFIG_DIR`` moves the file (tests,
portable installs on a USB stick).
"""

import json
import os
from pathlib import Path

from platformdirs import user_config_dir

CODER_ENV = "ANNOTATOR_CODER"


def settings_path() -> Path:
    base = os.environ.get("ANNOTATOR_CONFIG_DIR") or user_config_dir("Annotator", appauthor=False)
    return Path(base) / "settings.json"


def load_settings() -> dict[str, object]:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: object) -> None:
    data = load_settings()
    data[key] = value
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
