"""This workstation's settings, the data folder and the database URL.

Every setting is declared once, in ``core/settings_schema.py``. The workstation ones
(language, database, default unit, workstation number, attachments folder) live in
``settings.json`` in the data folder and are read and written here; the office ones
live in the database (``services.office``).

A ``settings.json`` written before the office settings moved to the database may still
hold office keys (office name, signatories, signature image path, thresholds): they are
kept in the file untouched and offered once to the database when the data folder is
opened (``legacy_office_values``, adopted by ``services.office.adopt_workstation_values``);
``get`` refuses them: every office setting is read from the database.

Environment variables ``RASAD_DATA_DIR``, ``RASAD_DATABASE_URL`` and
``RASAD_ATTACHMENTS_DIR`` override the folder, the database and the attachments folder
for IT and for tests.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rasad_desktop import APP_NAME
from rasad_desktop.core.settings_schema import OFFICE_KEYS, Kind, Scope, declared
from rasad_desktop.formats.atomic import write_text


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


class Settings:
    """Typed access to this workstation's declared settings in one data folder.

    A value the file holds that its declaration refuses (a damaged file, a hand edit)
    falls back to the default; keys not declared for this workstation are kept in the
    file as they were."""

    FILE_NAME = "settings.json"

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._values: dict[str, Any] = {}
        self._other: dict[str, Any] = {}  # office keys from before, and keys this version does not know
        path = self.path
        if path.exists():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                stored = {}  # a damaged file falls back to the defaults
            if isinstance(stored, dict):
                for key, value in stored.items():
                    if _workstation_value(key, value):
                        self._values[key] = value
                    elif not _is_workstation_key(key):
                        self._other[key] = value

    @property
    def path(self) -> Path:
        return self.data_dir / self.FILE_NAME

    def get(self, key: str) -> Any:
        """A workstation setting (office settings are in the database: ``services.office``)."""
        s = declared(key)
        if s.scope is not Scope.WORKSTATION:
            raise KeyError(f"setting {key!r} is an office setting, kept in the database")
        return self._values.get(key, s.default)

    def set(self, key: str, value: Any) -> None:
        s = declared(key)
        if s.scope is not Scope.WORKSTATION:
            raise KeyError(f"setting {key!r} is an office setting, kept in the database")
        problem = s.problem(value)
        if problem is not None:
            raise ValueError(problem.message_en)
        self._values[key] = value

    def save(self) -> None:
        """Write the file (atomically: a crash leaves the old file or the new one)."""
        write_text(self.path, json.dumps({**self._other, **self._values}, ensure_ascii=False, indent=2))

    def save_changes(self, changes: Mapping[str, Any]) -> None:
        """Set and save ``changes`` together: if the file cannot be written, the settings in
        memory stay as they were."""
        before = dict(self._values)
        try:
            for key, value in changes.items():
                self.set(key, value)
            self.save()
        except BaseException:
            self._values = before
            raise

    def legacy_office_values(self) -> dict[str, Any]:
        """Office settings an old ``settings.json`` holds (the signature image as its path),
        as written there; ``services.office`` validates them before adopting any."""
        return {key: value for key, value in self._other.items()
                if key in _OFFICE_KEYS and _legacy_office_value(key, value)}


def _is_workstation_key(key: str) -> bool:
    try:
        return declared(key).scope is Scope.WORKSTATION
    except KeyError:
        return False


def _workstation_value(key: str, value: Any) -> bool:
    return _is_workstation_key(key) and declared(key).valid(value)


def _legacy_office_value(key: str, value: Any) -> bool:
    """Is ``value`` a usable office value as an old settings.json wrote it?"""
    if key not in _OFFICE_KEYS or value is None:
        return False
    s = declared(key)
    if s.kind is Kind.IMAGE:  # then a path to the scan, "" for none
        return isinstance(value, str) and bool(value.strip())
    return s.valid(value)


_OFFICE_KEYS = frozenset(OFFICE_KEYS)


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
