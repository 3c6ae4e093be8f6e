"""One opened database: engine, session factory, schema brought up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from rasad_desktop.db.engine import make_engine, make_session_factory, sqlite_path
from rasad_desktop.db.logins import per_user
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
        # a server reached with each user's own login is upgraded by IT (rasad-cli server setup)
        backup = upgrade(engine, backup_dir) if migrate and not per_user(url) else None
        return cls(url, engine, make_session_factory(engine), backup)

    def session(self) -> Session:
        return self.sessions()

    @property
    def per_user(self) -> bool:
        """Each user signs in with their own server login; nothing is read before."""
        return per_user(self.url)

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.engine)

    def describe(self) -> str:
        """Where the data is, without a password."""
        return self.engine.url.render_as_string(hide_password=True)

    def backend_and_revision(self) -> tuple[str, str]:
        """("sqlite", "0004_sync"): what a crash report says about the database."""
        from rasad_desktop.db.logins import NotSignedIn
        from rasad_desktop.db.migrate import current_revision

        try:
            return self.engine.dialect.name, current_revision(self.engine) or "none"
        except NotSignedIn:
            return self.engine.dialect.name, "not signed in"

    def close(self) -> None:
        self.engine.dispose()
