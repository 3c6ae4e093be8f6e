"""What every screen needs, passed in through constructors (no globals): the database,
the settings, the language, the signed-in user, the background runner and the one
"data changed" signal screens refresh from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from rasad_desktop.config import Settings
from rasad_desktop.core.metrics import Thresholds
from rasad_desktop.db.database import Database
from rasad_desktop.services.roles import Actor, Permission


class Events(QObject):
    """Application-wide notifications. ``data_changed`` carries what changed (e.g.
    "collections", "budget", "users", "notices", "reports", "settings")."""

    data_changed = Signal(str)


@dataclass
class AppContext:
    db: Database
    settings: Settings
    data_dir: Path
    runner: object  # gui.ops.Runner; typed loosely to avoid an import cycle
    language: str = "fa"
    actor: Actor | None = None
    full_name: str = ""
    no_dialogs: bool = False
    events: Events = field(default_factory=Events)

    def can(self, permission: Permission) -> bool:
        return self.actor is not None and self.actor.can(permission)

    @property
    def digits(self) -> str:
        return "latin" if self.language == "en" else "fa"

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(self.settings.get("status_good"), self.settings.get("status_watch"))

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"
