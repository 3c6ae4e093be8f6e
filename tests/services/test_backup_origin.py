"""Where a backup comes from, before it replaces anything: ``inspect`` names its office, its
identity, its users and rows; a backup from another installation (or one that does not say,
when this database belongs to one) is refused until the caller accepts it explicitly; one
from this installation restores without the question; a database that has recorded nothing
yet takes any. A restore by a signed-in administrator whose account the backup does not hold
goes through. A backup made with schema 0002 (before office settings, the audit chain and
office identities) restores its users — names, roles, password hashes that still sign in —
and its data."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from db_files import copy_database
from sqlalchemy import DateTime, bindparam, select, text

from rasad_desktop.db.database import Database
from rasad_desktop.db.engine import make_engine
from rasad_desktop.db.migrate import HEAD, alembic_config
from rasad_desktop.db.models import User
from rasad_desktop.formats import backup_container as container
from rasad_desktop.formats import backup_contents
from rasad_desktop.services import accounts, backup, office
from rasad_desktop.services.audit import verify_chain
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.passwords import hash_password
from rasad_desktop.services.roles import Actor, Role

PASS = "گذرواژهٔ پشتیبان 1404"
SETUP = Actor("setup", Role.ADMIN)
OFFICE_A = "ادارهٔ کل امور اقتصادی و دارایی استان الف"
OFFICE_B = "ادارهٔ کل امور اقتصادی و دارایی استان ب"


# ------------------------------------------------------------------------------ two installations
@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("origin-demo")
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    with db.session() as s:
        load_demo(s, SETUP, 1404, 4)
    db.close()
    return folder / "rasad.db"


def _open(folder: Path) -> Database:
    return Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}", backup_dir=folder / "backups")


def _installation(demo: Path | None, folder: Path, office_name: str, users: list[tuple[str, Role]]) -> Database:
    folder.mkdir(parents=True)
    if demo is not None:
        copy_database(demo, folder / "rasad.db")
    db = _open(folder)
    if demo is not None:  # a copied file would carry the demo's office identity: this is an installation of its own
        with closing(sqlite3.connect(str(folder / "rasad.db"))) as conn:
            conn.execute("UPDATE sync_node SET office_id = ?, instance_id = ?", (str(uuid.uuid4()), str(uuid.uuid4())))
            conn.commit()
    with db.session() as s:
        office.save_office_settings(s, SETUP, {"office_fa": office_name})
    for name, role in users:
        with db.session() as s:
            accounts.create_user(s, SETUP, name, role, f"Pass-{name}-9731", full_name=f"کاربر {name}")
    return db


@pytest.fixture
def a(demo_file, tmp_path):  # type: ignore[no-untyped-def]
    db = _installation(demo_file, tmp_path / "a", OFFICE_A, [("reza", Role.ADMIN), ("sara", Role.DATA_ENTRY)])
    yield db
    db.close()


@pytest.fixture
def b(tmp_path):  # type: ignore[no-untyped-def]
    db = _installation(None, tmp_path / "b", OFFICE_B, [("bahram", Role.ADMIN)])
    yield db
    db.close()


@pytest.fixture
def from_a(a, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    return backup.make_backup(a, SETUP, tmp_path / "out" / "a.rbk", PASS).path


def _dir(db: Database) -> Path:
    return db.file.parent  # type: ignore[union-attr]


def office_id(db: Database) -> str:
    with closing(sqlite3.connect(str(db.file))) as conn:
        return str(conn.execute("SELECT office_id FROM sync_node WHERE id = 1").fetchone()[0])


def users(db: Database) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(str(db.file))) as conn:
        return [(r[0], r[1]) for r in conn.execute("SELECT username, role FROM users ORDER BY username")]


def fingerprint(db: Database) -> str:
    digest = hashlib.sha256()
    with closing(sqlite3.connect(str(db.file))) as conn:
        for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall():
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def signed_in(db: Database, username: str) -> Actor:
    with db.session() as s:
        return accounts.sign_in(s, username, f"Pass-{username}-9731").actor


def no_scratch_left(db: Database) -> bool:
    return not list(_dir(db).glob(backup.WORKDIR_PREFIX + "*"))


# ------------------------------------------------------------------------------ another installation
def test_a_backup_from_another_installation_is_refused_naming_its_office_and_users(a, b, from_a):
    actor = signed_in(b, "bahram")
    before = fingerprint(b)
    with pytest.raises(backup.ForeignBackup) as caught:
        backup.restore_backup(b, actor, from_a, PASS, backup_dir=_dir(b) / "backups")
    err = caught.value
    assert err.code == "backup_foreign" and isinstance(err, backup.BackupError)
    assert OFFICE_A in err.message_fa and "reza (مدیر سامانه)" in err.message_fa
    assert "sara (کارشناس ورود اطلاعات)" in err.message_fa and "دست نخورد" in err.message_fa
    assert office_id(a) in err.message_fa and "another installation" in err.message_en
    assert err.origin.office_id == office_id(a) and err.origin.this_office_id == office_id(b)
    assert fingerprint(b) == before  # nothing changed, not even the audit trail
    assert users(b) == [("bahram", "admin")]
    assert not (_dir(b) / "backups").exists() or not list((_dir(b) / "backups").glob("pre-restore-*"))
    assert no_scratch_left(b)


def test_inspect_tells_where_a_backup_comes_from(a, b, from_a):
    before = fingerprint(b)
    origin = backup.inspect(b, SETUP, from_a, PASS)
    assert origin.office_name == OFFICE_A and origin.office_id == office_id(a) and origin.station is None
    assert origin.this_office_id == office_id(b) and not origin.same_installation and origin.foreign
    assert [(u.username, u.role, u.full_name, u.active) for u in origin.users] == [
        ("reza", "admin", "کاربر reza", True), ("sara", "data_entry", "کاربر sara", True)]
    assert origin.revision == HEAD and origin.sha256 == hashlib.sha256(from_a.read_bytes()).hexdigest()
    assert origin.counts["users"] == 2 and origin.counts["collections"] > 0
    with closing(sqlite3.connect(str(a.file))) as conn:
        assert origin.counts["agencies"] == conn.execute("SELECT count(*) FROM agencies").fetchone()[0]
    assert abs((origin.created_at - dt.datetime.now(dt.UTC).replace(tzinfo=None)).total_seconds()) < 120
    lines = origin.lines("fa")
    assert any(OFFICE_A in line and office_id(a) in line for line in lines)
    assert any("reza (مدیر سامانه)" in line and "sara" in line for line in lines)
    assert lines[-1] == "این نسخه از نصب دیگری از برنامه است، نه از این یکی."
    assert "Users (2): reza (Administrator), sara (Data entry)" in origin.lines("en")
    assert fingerprint(b) == before and no_scratch_left(b)
    # the same file seen from its own installation
    assert backup.inspect(a, SETUP, from_a, PASS).same_installation


def test_accepted_it_restores_even_for_a_signed_in_administrator_it_does_not_hold(a, b, from_a):
    actor = signed_in(b, "bahram")  # an account of B only: the restored data does not know it
    assert actor.user_id is not None
    info = backup.restore_backup(b, actor, from_a, PASS, backup_dir=_dir(b) / "backups", accept_foreign=True)
    assert info.foreign and users(b) == [("reza", "admin"), ("sara", "data_entry")]
    assert office_id(b) == office_id(a)
    with b.session() as s:
        assert office.office_name(s) == OFFICE_A and not office.restore_in_progress(s)
        row = s.execute(text("SELECT username, user_id, after FROM audit_log ORDER BY id DESC LIMIT 1")).one()
        assert row[0] == "bahram" and row[1] is None  # by name: the number belonged to the replaced data
        assert json.loads(row[2])["foreign"] is True and json.loads(row[2])["office_id"] == office_id(a)
        assert verify_chain(s)[1] == []
    signed_in(b, "sara")  # A's accounts sign in here now
    assert no_scratch_left(b)


def test_a_backup_from_this_installation_restores_without_the_question(a, from_a):
    actor = signed_in(a, "reza")
    with a.session() as s:
        office.save_office_settings(s, SETUP, {"office_fa": "نامی دیگر"})
    info = backup.restore_backup(a, actor, from_a, PASS, backup_dir=_dir(a) / "backups")
    assert not info.foreign
    with a.session() as s:
        assert office.office_name(s) == OFFICE_A
    assert backup.inspect(a, actor, from_a, PASS).lines("fa")[-1] == "این نسخه از همین نصب برنامه است."


def test_a_database_that_recorded_nothing_yet_takes_any_backup(from_a, tmp_path):
    fresh = _open(tmp_path / "fresh")  # a new computer: the office's backup goes onto it
    try:
        origin = backup.inspect(fresh, SETUP, from_a, PASS)
        assert origin.this_office_id is None and not origin.foreign
        assert not backup.restore_backup(fresh, SETUP, from_a, PASS, backup_dir=tmp_path / "fresh" / "b").foreign
        assert users(fresh) == [("reza", "admin"), ("sara", "data_entry")]
    finally:
        fresh.close()


def _resealed(backup_file: Path, tmp_path: Path, sql: str, *params: object) -> Path:
    head, plain = container.decrypt(backup_file.read_bytes(), PASS)
    db_file = tmp_path / "edited.db"
    db_file.write_bytes(backup_contents.unpack(plain, head.version).database)
    with closing(sqlite3.connect(str(db_file))) as conn:
        conn.execute(sql, params)
        conn.commit()
    out = tmp_path / "edited.rbk"
    out.write_bytes(container.encrypt(backup_contents.pack(db_file.read_bytes(), {}), PASS))
    return out


def test_another_database_of_the_same_office_is_another_installation(a, from_a, tmp_path):
    workstation = _resealed(from_a, tmp_path, "UPDATE sync_node SET role = 'workstation', station = 3")
    with pytest.raises(backup.ForeignBackup) as caught:
        backup.restore_backup(a, SETUP, workstation, PASS, backup_dir=_dir(a) / "backups")
    assert caught.value.origin.station == 3 and caught.value.origin.office_id == office_id(a)
    assert "ایستگاه کاری ۳" in caught.value.origin.lines("fa")[0]


def test_a_backup_without_an_identity_is_asked_about(a, from_a, tmp_path):
    anonymous = _resealed(from_a, tmp_path, "DELETE FROM sync_node")
    with pytest.raises(backup.ForeignBackup) as caught:
        backup.restore_backup(a, SETUP, anonymous, PASS, backup_dir=_dir(a) / "backups")
    assert "معلوم نیست" in caught.value.message_fa and "شناسه: ندارد" in caught.value.message_fa
    assert backup.inspect(a, SETUP, anonymous, PASS).lines("fa")[-1].startswith("معلوم نیست")


def test_names_from_a_backup_are_shown_without_control_characters(a, b, from_a, tmp_path):
    spoof = "\u202eدفتر\u200cما\u0007"
    edited = _resealed(from_a, tmp_path, "UPDATE office_settings SET value = ? WHERE key = 'office_fa'",
                       json.dumps(spoof))
    origin = backup.inspect(b, SETUP, edited, PASS)
    assert origin.office_name == "دفتر\u200cما"


def test_a_backup_with_no_accounts_says_what_follows(b, tmp_path, demo_file):
    bare = tmp_path / "bare.rbk"  # the demo alone: no user account at all
    bare.write_bytes(container.encrypt(backup_contents.pack(demo_file.read_bytes(), {}), PASS))
    origin = backup.inspect(b, SETUP, bare, PASS)
    assert origin.users == () and origin.foreign
    assert any("هیچ حساب کاربری در آن نیست" in line for line in origin.lines("fa"))
    with pytest.raises(backup.ForeignBackup) as caught:
        backup.restore_backup(b, SETUP, bare, PASS, backup_dir=_dir(b) / "backups")
    assert "با کاربران: هیچ" in caught.value.message_fa


# ------------------------------------------------------------------------------ a schema-0002 backup
OLD_USERS = [  # (username, full_name, role, password, must_change_password)
    ("maryam", "مریم احمدی", "admin", "Maryam-pass-1402", 0),
    ("hossein", "حسین رضایی", "data_entry", "Hossein-pass-1402", 0),
    ("leila", "لیلا کریمی", "report_officer", "Leila-pass-1402", 1),
]


def _schema_0002_backup(tmp_path: Path) -> tuple[Path, list[tuple[object, ...]]]:
    """A database made with schema 0002 the way the program of that time wrote it — accounts,
    a year's classification, agencies, approved amounts, collections, audit rows — sealed in a
    backup file. Returns the file and the collections written."""
    from alembic import command

    path = tmp_path / "old-0002.db"
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002_issued_reports")
    at = dt.datetime(2024, 5, 1, 8, 30, 0)
    collections = [(1, 1, 1, "provincial", m, 1_000_000 * m, "manual", f"سند {m}", "hossein", at) for m in (1, 2, 3)]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO fiscal_years (id, year, note, created_at) VALUES (1, 1403, '', :at)"),
                     {"at": at})
        conn.execute(text("INSERT INTO classification_nodes (id, fiscal_year_id, table_no, code, title, level, "
                          "parent_id, part, earmarked) VALUES (1, 1, 5, '110101', 'مالیات', 1, NULL, 1, 0)"))
        conn.execute(text("INSERT INTO agencies (id, code, name, search_key, active) VALUES "
                          "(1, '101', 'ادارهٔ امور مالیاتی', 'اداره امور مالیاتی', 1), (2, '102', 'گمرک', 'گمرک', 1)"))
        conn.execute(text("INSERT INTO assignments (id, fiscal_year_id, agency_id, line_id, budget_column, approved, "
                          "revised, note) VALUES (1, 1, 1, 1, 'provincial', 12000000, NULL, '')"))
        conn.execute(text("INSERT INTO collections (fiscal_year_id, agency_id, line_id, budget_column, month, amount, "
                          "source, document_ref, entered_by, entered_at) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j)"
                          ).bindparams(bindparam("j", type_=DateTime())),
                     [dict(zip("abcdefghij", row, strict=True)) for row in collections])
        for i, (name, full, role, password, must) in enumerate(OLD_USERS, start=1):
            conn.execute(text("INSERT INTO users (id, username, full_name, role, password_hash, must_change_password, "
                              "failed_attempts, locked, locked_until, active, created_at, last_login_at) VALUES "
                              "(:id, :u, :f, :r, :h, :m, 0, 0, NULL, 1, :at, NULL)").bindparams(
                                  bindparam("at", type_=DateTime())),
                         {"id": i, "u": name, "f": full, "r": role, "h": hash_password(password), "m": must, "at": at})
            conn.execute(text("INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before, after) "
                              "VALUES (:at, 1, 'maryam', 'user.create', 'user', :u, NULL, :after)").bindparams(
                                  bindparam("at", type_=DateTime())),
                         {"at": at + dt.timedelta(minutes=i), "u": name, "after": json.dumps({"role": role})})
    engine.dispose()  # the last connection writes the WAL back into the file
    assert not Path(str(path) + "-wal").exists()
    source = tmp_path / "old-0002.rbk"
    source.write_bytes(container.encrypt(backup_contents.pack(path.read_bytes(), {}), PASS,
                                         created=int(dt.datetime(2024, 5, 2, tzinfo=dt.UTC).timestamp())))
    return source, collections


def _old_users_are_back(db: Database, collections: list[tuple[object, ...]]) -> None:
    with closing(sqlite3.connect(str(db.file))) as conn:
        rows = conn.execute("SELECT username, full_name, role, must_change_password, active, title, password_hash "
                            "FROM users ORDER BY id").fetchall()
        assert [r[:6] for r in rows] == [(n, f, r, m, 1, "") for n, f, r, _, m in OLD_USERS]
        assert all(r[6].startswith("$argon2id$") for r in rows)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert conn.execute("SELECT fiscal_year_id, agency_id, line_id, budget_column, month, amount, source, "
                            "document_ref, entered_by FROM collections ORDER BY month").fetchall() == [
            tuple(c[:9]) for c in collections]
        assert [r[0] for r in conn.execute("SELECT code FROM agencies ORDER BY code")] == ["101", "102"]
        assert conn.execute("SELECT approved FROM assignments").fetchall() == [(12000000,)]
    for name, _, role, password, _ in OLD_USERS:  # the password hashes still sign in
        with db.session() as s:
            result = accounts.sign_in(s, name, password)
            assert result.actor.role.value == role
    with db.session() as s:
        assert verify_chain(s)[1] == []
        assert {u for u in s.scalars(select(User.username))} == {u[0] for u in OLD_USERS}
        assert list(s.scalars(text("SELECT entity_id FROM audit_log WHERE action = 'user.create' ORDER BY id"))) == [
            u[0] for u in OLD_USERS]
        assert not office.restore_in_progress(s)


def test_a_schema_0002_backup_restores_its_users_and_data_on_a_new_computer(tmp_path):
    source, collections = _schema_0002_backup(tmp_path)
    fresh = _open(tmp_path / "new")
    try:
        origin = backup.inspect(fresh, SETUP, source, PASS)  # the preview reads the old schema as it is
        assert origin.revision == "0002_issued_reports" and origin.office_id is None
        assert [(u.username, u.role) for u in origin.users] == [(u[0], u[2]) for u in OLD_USERS]
        info = backup.restore_backup(fresh, SETUP, source, PASS, backup_dir=tmp_path / "new" / "backups")
        assert info.upgraded and info.backup_revision == "0002_issued_reports"
        _old_users_are_back(fresh, collections)
    finally:
        fresh.close()


def test_a_schema_0002_backup_restored_by_a_signed_in_administrator_keeps_its_users(b, tmp_path):
    source, collections = _schema_0002_backup(tmp_path)
    actor = signed_in(b, "bahram")
    with pytest.raises(backup.ForeignBackup) as caught:  # it does not say where it comes from
        backup.restore_backup(b, actor, source, PASS, backup_dir=_dir(b) / "backups")
    assert "maryam (مدیر سامانه)" in caught.value.message_fa and "leila (کارشناس گزارش)" in caught.value.message_fa
    info = backup.restore_backup(b, actor, source, PASS, backup_dir=_dir(b) / "backups", accept_foreign=True)
    assert info.upgraded and info.foreign
    _old_users_are_back(b, collections)
