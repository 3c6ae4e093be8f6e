"""Settings, declared once with their type and default; the data folder; the database URL.

Settings live in ``settings.json`` in the data folder. Environment variables
``RASAD_DATA_DIR``, ``RASAD_DATABASE_URL`` and ``RASAD_ATTACHMENTS_DIR`` override the
folder, the database and the attachments folder for IT and for tests.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasad_desktop import APP_NAME
from rasad_desktop.formats import atomic


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting("language", str, "fa", "Interface language: fa or en."),
    Setting("database_url", str, "", "SQLAlchemy URL; empty means the SQLite file in the data folder."),
    Setting("default_unit", str, "million", "Unit of reports and tables: rial, million or billion."),
    Setting("status_good", int, 100, "Realization % of the period share at or above which a row is good."),
    Setting("status_watch", int, 80, "Realization % below which a row is lagging."),
    Setting("province_fa", str, "آذربایجان شرقی", "Province name, in Persian."),
    Setting("office_fa", str, "اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی", "Office name on reports."),
    Setting("workstation", int, 1, "This workstation's number (1–99) for tracking codes."),
    Setting("prepared_by_name", str, "", "Report signature block: who prepared it."),
    Setting("prepared_by_title", str, "کارشناس رصد منابع", "Title of the person who prepared reports."),
    Setting("approved_by_name", str, "", "Report signature block and letters: who approves and signs."),
    Setting("approved_by_title", str, "مدیرکل امور اقتصادی و دارایی استان", "Title of the signatory."),
    Setting("signature_image", str, "", "Optional scanned signature (PNG or JPEG) of the signatory."),
    Setting("attachments_dir", str, "",
            "Folder for files attached to requests; empty means attachments/ in the data folder. "
            "Workstations sharing one PostgreSQL server point it at one shared network folder."),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def default_data_dir() -> Path:
    """The per-user data folder: LOCALAPPDATA on Windows (not roaming: WAL and locking
    fail on network shares), Application Support on macOS, XDG data on Linux."""
    env = os.environ.get("RASAD_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / APP_NAME.lower()


def _valid(setting: Setting, value: Any) -> bool:
    # bool is an int subclass: keep True out of integer settings
    return isinstance(value, setting.type) and (setting.type is bool or not isinstance(value, bool))


class Settings:
    """Typed access to the declared settings of one data folder."""

    FILE_NAME = "settings.json"

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._values: dict[str, Any] = {}
        path = self.path
        if path.exists():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                stored = {}  # a damaged file falls back to the defaults
            if isinstance(stored, dict):
                for key, value in stored.items():
                    s = _BY_KEY.get(key)
                    if s is not None and _valid(s, value):
                        self._values[key] = value

    @property
    def path(self) -> Path:
        return self.data_dir / self.FILE_NAME

    def get(self, key: str) -> Any:
        return self._values.get(key, _BY_KEY[key].default)

    def set(self, key: str, value: Any) -> None:
        s = _BY_KEY[key]
        if not _valid(s, value):
            raise TypeError(f"setting {key} takes {s.type.__name__}")
        self._values[key] = value

    def save(self) -> None:
        atomic.write_text(self.path, json.dumps(self._values, ensure_ascii=False, indent=2))


def database_url(data_dir: Path, settings: Settings | None = None) -> str:
    env = os.environ.get("RASAD_DATABASE_URL")
    if env:
        return env
    configured = settings.get("database_url") if settings else ""
    if configured:
        return configured
    return "sqlite:///" + (Path(data_dir) / "rasad.db").as_posix()


def attachments_dir(data_dir: Path, settings: Settings | None = None) -> Path:
    """Where files attached to requests are kept: the environment, then the setting, then
    ``attachments`` in the data folder."""
    env = os.environ.get("RASAD_ATTACHMENTS_DIR")
    if env:
        return Path(env)
    configured = (settings or Settings(data_dir)).get("attachments_dir")
    if configured:
        return Path(configured)
    return Path(data_dir) / "attachments"
