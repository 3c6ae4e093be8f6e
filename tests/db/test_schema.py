"""Migrations, engine settings and column types."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import BigInteger, create_engine, inspect, text

from rasad_desktop.db import migrate
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import Base

MONEY = {
    ("assignments", "approved"), ("assignments", "revised"), ("monthly_schedules", "amount"),
    ("collections", "amount"),
}


def test_migration_from_an_empty_database_creates_every_table(database):
    tables = set(inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.current_revision(database.engine) == migrate.HEAD


def test_head_constant_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD]


def test_upgrading_again_is_a_no_op(tmp_path):
    url = f"sqlite:///{(tmp_path / 'x.db').as_posix()}"
    Database.open(url).close()
    db = Database.open(url, backup_dir=tmp_path / "b")
    assert db.upgrade_backup is None and not (tmp_path / "b").exists()
    db.close()


def test_the_migrated_schema_matches_the_models(database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with database.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_money_columns_are_big_integers():
    for table, column in MONEY:
        assert isinstance(Base.metadata.tables[table].c[column].type, BigInteger)


def test_sqlite_pragmas(tmp_path):
    db = Database.open(f"sqlite:///{(tmp_path / 'p.db').as_posix()}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.close()


def test_pre_upgrade_backup_is_a_complete_copy(tmp_path):
    db = Database.open(f"sqlite:///{(tmp_path / 'q.db').as_posix()}")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO fiscal_years (year, note, created_at) VALUES (1404, '', '2025-01-01')"))
    target = migrate._backup_sqlite(db.engine, tmp_path / "backups", "0000_test")
    db.close()
    assert Path(target).exists()
    copy = create_engine(f"sqlite:///{Path(target).as_posix()}")
    with copy.connect() as conn:
        assert conn.execute(text("SELECT year FROM fiscal_years")).scalar() == 1404
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    copy.dispose()


def test_a_database_at_an_older_revision_is_backed_up_before_upgrading(tmp_path, monkeypatch):
    url = f"sqlite:///{(tmp_path / 'old.db').as_posix()}"
    Database.open(url).close()
    # pretend the code moved on to a newer head: the stored revision now differs
    monkeypatch.setattr(migrate, "HEAD", "9999_future")
    db = Database.open(url, backup_dir=tmp_path / "backups")
    assert db.upgrade_backup and Path(db.upgrade_backup).exists()
    db.close()
