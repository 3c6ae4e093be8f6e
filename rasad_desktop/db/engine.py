"""Engine and sessions for SQLite (default) and PostgreSQL.

SQLite: WAL, foreign keys on, ``synchronous=FULL`` (a committed month survives a power
cut), a busy timeout. Transactions are deferred for reads and ``BEGIN IMMEDIATE`` for
writes: a write started as a read would fail with "database is locked" when another
workstation process wrote in between, instead of waiting its turn.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from rasad_desktop.db import logins

BUSY_TIMEOUT_MS = 15_000
WRITE_OPTION = "rasad_write"


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of a SQLite engine (None for memory or other databases)."""
    if not is_sqlite(engine):
        return None
    db = engine.url.database
    return Path(db) if db and db != ":memory:" else None


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if is_sqlite(url):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    engine = create_engine(url, echo=echo, pool_pre_ping=True)
    if logins.per_user(url):
        logins.install(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:  # the driver's own connection
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def sqlite_driver(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLite engine's connection (for PRAGMAs, backups)."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection), "not a SQLite connection"
    return raw


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


WRITE_LOCK_KEY = 0x52415341  # "RASA": PostgreSQL advisory lock serialising writes


def begin_write(session: Session) -> None:
    """Start the session's transaction as a write: IMMEDIATE on SQLite; on PostgreSQL an
    advisory lock held to commit. Writes then never overlap, so audit rows, which get their
    ids during the write, are chained at commit in the same order as their ids."""
    conn = session.connection(execution_options={WRITE_OPTION: True})
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    session = factory()
    try:
        yield session
    finally:
        session.close()
