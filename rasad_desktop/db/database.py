"""One opened database: engine, session factory, schema brought up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from rasad_desktop.db.engine import make_engine, make_session_factory, sqlite_path
from rasad_desktop.db.migrate import upgrade

__all__ = ["Database", "Session"]  # the GUI names a session by this type, never by SQLAlchemy


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    upgrade_backup: str | None = None

    @classmethod
    def open(cls, url: str, *, backup_dir: Path | None = None, migrate: bool = True) -> Database:
        engine = make_engine(url)
        backup = upgrade(engine, backup_dir) if migrate else None
        return cls(url, engine, make_session_factory(engine), backup)

    def session(self) -> Session:
        return self.sessions()

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.engine)

    def describe(self) -> str:
        """Where the data is, without a password."""
        return self.engine.url.render_as_string(hide_password=True)

    def backend_and_revision(self) -> tuple[str, str]:
        """("sqlite", "0004_sync"): what a crash report says about the database."""
        from rasad_desktop.db.migrate import current_revision

        return self.engine.dialect.name, current_revision(self.engine) or "none"

    def close(self) -> None:
        self.engine.dispose()
