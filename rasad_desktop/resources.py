"""One locator for files shipped with the program (fonts, translations), both from a
source checkout and inside a PyInstaller bundle (where they sit under ``sys._MEIPASS``)."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def font_files() -> list[Path]:
    return sorted(resource("fonts").glob("*.ttf"))
