"""Bring a database to the current schema, automatically at every start.

Alembic is imported only when the stored revision differs from ``HEAD`` (it costs about
0.4 s of start-up). A SQLite database that already holds data is backed up with
``VACUUM INTO`` before an upgrade. Foreign keys are switched off for the upgrade, since
Alembic's batch mode recreates tables and ``DROP TABLE`` would fire ``ON DELETE
CASCADE``; ``PRAGMA foreign_key_check`` must then come back empty.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from rasad_desktop.core.errors import RasadError
from rasad_desktop.db.engine import is_sqlite, sqlite_driver, sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config  # imported only when an upgrade runs (≈ 0.4 s)

HEAD = "0007_personal_data_sealed"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class MigrationError(RasadError):
    pass


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, backup_dir: Path | None = None) -> str | None:
    """Upgrade to HEAD. Returns the path of the pre-upgrade backup, if one was made."""
    revision = current_revision(engine)
    if revision == HEAD:
        return None
    backup = None
    if revision is not None and backup_dir is not None and sqlite_path(engine) is not None:
        backup = _backup_sqlite(engine, backup_dir, revision)

    from alembic import command

    if is_sqlite(engine):
        with engine.connect() as conn:
            raw = sqlite_driver(conn)  # autocommit: PRAGMAs outside a transaction
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    command.upgrade(alembic_config(conn), "head")
                problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            finally:
                raw.execute("PRAGMA foreign_keys=ON")
        if problems:
            raise MigrationError(
                "ارتقای پایگاه داده ناسازگاری در کلیدهای خارجی پیدا کرد؛ نسخهٔ پشتیبان پیش از ارتقا "
                f"در «{backup}» است.",
                f"The database upgrade found foreign-key problems; the pre-upgrade backup is {backup}.",
            )
    else:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    return str(backup) if backup else None


def _backup_sqlite(engine: Engine, backup_dir: Path, revision: str) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"pre-upgrade-{revision}-{stamp}.db"
    with engine.connect() as conn:
        sqlite_driver(conn).execute("VACUUM INTO ?", (str(target),))
    return target
