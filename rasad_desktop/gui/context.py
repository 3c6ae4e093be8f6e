"""What every screen needs, passed in through constructors (no globals).

``AppServices`` is what exists before anyone signs in: the database, this workstation's
settings (the office's are in the database: ``services.office``), the language, the background runner and the one change signal screens refresh from.
``AppContext`` is the same after sign-in, with the signed-in user (never ``None``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from rasad_desktop.config import Settings
from rasad_desktop.db.database import Database
from rasad_desktop.gui.runner import Runner
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.sync.remit import OFFICE_PERMISSIONS, may_follow_up


class Changes(enum.Flag):
    """Which kinds of data an operation changed; each page refreshes only for its own."""

    NONE = 0
    COLLECTIONS = enum.auto()  # monthly figures
    BUDGET = enum.auto()  # years, classification, agencies, approved amounts, schedules, locks
    REQUESTS = enum.auto()  # requests, complaints, their history and attachments
    REPORTS = enum.auto()  # issued reports
    USERS = enum.auto()  # accounts
    NOTICES = enum.auto()  # maintenance notices
    SETTINGS = enum.auto()  # this workstation's settings
    OFFICE = enum.auto()  # office settings and policies kept in the database
    HOLIDAYS = enum.auto()  # the holiday table
    AUDIT = enum.auto()  # the audit trail (every write adds to it)
    BACKUP = enum.auto()  # a backup was written
    SYNC = enum.auto()  # workstations enrolled or retired, packages made or taken, conflicts decided
    RESTORE = enum.auto()  # the whole database was replaced: the application closes
    ALL = (COLLECTIONS | BUDGET | REQUESTS | REPORTS | USERS | NOTICES | SETTINGS | OFFICE | HOLIDAYS
           | AUDIT | BACKUP | SYNC)  # every kind of data; RESTORE is apart, as it ends the session


class Events(QObject):
    """Application-wide notifications: ``data_changed`` carries a ``Changes``."""

    data_changed = Signal(object)


@dataclass
class AppServices:
    db: Database
    settings: Settings
    data_dir: Path
    runner: Runner
    language: str = "fa"
    no_dialogs: bool = False
    events: Events = field(default_factory=Events)

    def signed_in(self, actor: Actor, full_name: str = "") -> AppContext:
        from rasad_desktop.gui.operations import StartOp
        from rasad_desktop.services.sync.node import station_here

        station = StartOp(None, self, station_here).fetch()  # what this database is, read once per sign-in
        return AppContext(db=self.db, settings=self.settings, data_dir=self.data_dir, runner=self.runner,
                          language=self.language, no_dialogs=self.no_dialogs, events=self.events,
                          actor=actor, full_name=full_name, station=station)

    @property
    def database_location(self) -> str:
        """Where the data is, without a password (the About page shows it)."""
        return self.db.describe()

    @property
    def digits(self) -> str:
        return "latin" if self.language == "en" else "fa"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


@dataclass
class AppContext(AppServices):
    actor: Actor = field(kw_only=True)
    full_name: str = field(default="", kw_only=True)
    station: int | None = field(default=None, kw_only=True)  # an enrolled workstation's number; None: the office

    @property
    def at_workstation(self) -> bool:
        return self.station is not None

    def may_follow_up(self, tracking_code: str) -> bool:
        """A request registered elsewhere is followed up at the office (``remit``)."""
        return may_follow_up(self.station, tracking_code)

    def can(self, permission: Permission) -> bool:
        """What the screens offer: on a workstation, not what only the office may do (the
        service layer refuses it there anyway: ``services.sync.remit``)."""
        if self.at_workstation and permission in OFFICE_PERMISSIONS:
            return False
        return self.actor.can(permission)

