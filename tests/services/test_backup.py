"""Encrypted backups: round trip, a fresh data folder, wrong passphrases and damaged files
(the current database untouched, proven by a fingerprint of every table), a backup while
another connection writes, the restore flag, failures after the safety copy, roles, and
PostgreSQL refused."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
import sample_files
from db_files import copy_database
from sqlalchemy import create_engine, select, text

from rasad_desktop.db.database import Database
from rasad_desktop.db.engine import make_session_factory
from rasad_desktop.db.migrate import HEAD, alembic_config
from rasad_desktop.db.models import Agency, ClassificationNode, Collection, FiscalYear
from rasad_desktop.formats import backup_container as container
from rasad_desktop.formats import backup_contents
from rasad_desktop.formats.backup_container import BackupError
from rasad_desktop.services import backup, office
from rasad_desktop.services.audit import verify_chain
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.errors import PermissionDenied, ValidationError
from rasad_desktop.services.maintenance import MaintenanceMode
from rasad_desktop.services.roles import Actor, Permission, Role
from rasad_desktop.services.uow import writing

PASS = "گذرواژهٔ پشتیبان 1404"
ADMIN = Actor("admin-test", Role.ADMIN)


# ------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("backup-demo")
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    with db.session() as s:
        load_demo(s, Actor("setup", Role.ADMIN), 1404, 8)
    db.close()  # the last connection checkpoints the WAL into the file
    return folder / "rasad.db"


def _open(folder: Path) -> Database:
    return Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}", backup_dir=folder / "backups")


@pytest.fixture
def live(demo_file: Path, tmp_path: Path) -> Database:
    folder = tmp_path / "data"
    folder.mkdir()
    copy_database(demo_file, folder / "rasad.db")
    db = _open(folder)
    yield db
    db.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Database:
    db = _open(tmp_path / "fresh")
    yield db
    db.close()


@pytest.fixture
def made(live: Database, tmp_path: Path) -> Path:
    """A backup of the demo database."""
    target = tmp_path / "out" / "rasad.rbk"
    backup.make_backup(live, ADMIN, target, PASS)
    return target


def _sealed(database: bytes) -> bytes:
    """A backup file holding ``database`` and no attachments."""
    return container.encrypt(backup_contents.pack(database, {}), PASS)


def _dir(db: Database) -> Path:
    return db.file.parent  # type: ignore[union-attr]


def fingerprint(db: Database) -> dict[str, object]:
    """Every table's row count and a checksum of every row (read with a separate connection)."""
    with closing(sqlite3.connect(str(db.file))) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out: dict[str, object] = {}
        for t in tables:
            digest = hashlib.sha256()
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1'):
                digest.update(repr(row).encode())
            out[t] = (conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0], digest.hexdigest())
        return out


def a_cell(db: Database) -> tuple[int, str, str, int]:
    """(year, agency code, line code, amount) of one saved month-1 cell of 1404."""
    with db.session() as s:
        row = s.execute(
            select(FiscalYear.year, Agency.code, ClassificationNode.code, Collection.amount)
            .join(FiscalYear, FiscalYear.id == Collection.fiscal_year_id)
            .join(Agency, Agency.id == Collection.agency_id)
            .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
            .where(FiscalYear.year == 1404, Collection.month == 1, Collection.budget_column == "provincial")
            .order_by(Collection.id).limit(1)).one()
    return row[0], row[1], row[2], row[3]


def change_data(db: Database) -> None:
    year, agency, line, amount = a_cell(db)
    with db.session() as s:
        assert save_month(s, ADMIN, year, 1, agency, [Entry(line, amount + 7_000_000)]) == 1


def flag(db: Database) -> bool:
    with db.session() as s:
        return office.restore_in_progress(s)


def actions(db: Database, n: int = 3) -> list[str]:
    with db.session() as s:
        return list(s.scalars(text(f"SELECT action FROM audit_log ORDER BY id DESC LIMIT {n}")))


def data_tables(fp: dict[str, object]) -> dict[str, object]:
    """The fingerprint without the audit trail and office settings (where a failed restore
    leaves its own audit records and the cleared flag)."""
    return {t: v for t, v in fp.items() if t not in ("audit_log", "audit_head", "office_settings")}


# ------------------------------------------------------------------------------ round trip
def test_round_trip_restores_the_data_as_it_was_at_backup_time(live, tmp_path):
    before = fingerprint(live)
    target = tmp_path / "out" / "rasad.rbk"
    info = backup.make_backup(live, ADMIN, target, PASS)
    assert info.path == target and info.size == target.stat().st_size
    assert info.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert info.revision == HEAD and info.counts["collections"] == before["collections"][0]  # type: ignore[index]
    assert not list(target.parent.glob("*.part")) and not list(_dir(live).glob(".rasad-backup-*"))
    assert actions(live, 1) == ["backup.create"]

    change_data(live)
    changed = fingerprint(live)
    assert data_tables(changed) != data_tables(before)

    result = backup.restore_backup(live, ADMIN, target, PASS, backup_dir=_dir(live) / "backups")
    after = fingerprint(live)
    assert data_tables(after) == data_tables(before)
    assert not result.upgraded and result.backup_revision == HEAD and result.sha256 == info.sha256
    # the data as it was just before the restore is kept, plain, in the backups folder
    assert result.safety_copy.parent == _dir(live) / "backups" and result.safety_copy.name.startswith("pre-restore-")
    with closing(sqlite3.connect(str(result.safety_copy))) as conn:
        kept = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'collection.set'").fetchone()[0]
    assert kept == 1  # the change made after the backup is in the safety copy
    assert not flag(live) and actions(live, 1) == ["backup.restore"]
    with live.session() as s:
        checked, problems = verify_chain(s)
    assert checked > 0 and problems == []
    assert not list(_dir(live).glob(".rasad-backup-*"))  # no decrypted copy left behind


def test_a_backup_restores_on_a_fresh_data_folder(live, fresh, made):
    expected = data_tables(fingerprint(live))
    assert data_tables(fingerprint(fresh)) != expected  # an empty database
    backup.restore_backup(fresh, ADMIN, made, PASS, backup_dir=_dir(fresh) / "backups")
    assert data_tables(fingerprint(fresh)) == expected
    with fresh.session() as s:
        assert s.scalar(select(Agency).where(Agency.code.is_not(None)).limit(1)) is not None
    assert not flag(fresh)
    # and the restored database opens again as the program would open it
    fresh.close()
    again = _open(_dir(fresh))
    assert data_tables(fingerprint(again)) == expected
    again.close()


def test_only_the_newest_safety_copies_are_kept(live, made):
    folder = _dir(live) / "backups"
    folder.mkdir(exist_ok=True)
    old = []
    for n in range(4):  # copies left by earlier restores, oldest first
        path = folder / f"pre-restore-2026010{n + 1}-120000.db"
        path.write_bytes(b"old copy")
        os.utime(path, (1_700_000_000 + n, 1_700_000_000 + n))
        old.append(path)
    keep_me = folder / "manual.rbk"
    shutil.copy(made, keep_me)
    os.utime(keep_me, (1_600_000_000, 1_600_000_000))  # older than them all: still never deleted
    info = backup.restore_backup(live, ADMIN, made, PASS, backup_dir=folder)
    remaining = sorted(p.name for p in folder.glob("pre-restore-*"))
    assert len(remaining) == backup.SAFETY_COPIES_KEPT == 3
    assert info.safety_copy.name in remaining  # the copy this restore made is kept
    assert [p.name for p in old[-2:]] == [n for n in remaining if n != info.safety_copy.name]
    assert keep_me.exists() and made.exists()


def test_the_file_format(made):
    """What a backup holds; the container itself is tested in ``tests/formats``."""
    data = made.read_bytes()
    header = container.read_header(data)
    assert header.log2_n == container.SCRYPT_LOG2_N and len(data) == container.HEADER_SIZE + header.cipher_len
    assert b"SQLite format 3" not in data and "اداره کل".encode() not in data  # encrypted
    head, plain = container.decrypt(data, PASS)
    assert head.version == 2 and len(plain) == header.plain_len
    assert backup_contents.unpack(plain, head.version).database.startswith(b"SQLite format 3\x00")


# ------------------------------------------------------------------------------ attachments
def _with_attachment(db: Database, name: str, data: bytes):  # type: ignore[no-untyped-def]
    from rasad_desktop.services import attachments
    from rasad_desktop.services import requests as rq

    with db.session() as s:
        code = rq.register(s, ADMIN, rq.NewRequest("complaint", "letter", "زهرا کریمی", "0499370899",
                                                   "09141234567", "شکایت با پیوست", "متن"), workstation=1).tracking_code
    source = _dir(db) / name
    source.write_bytes(data)
    with db.session() as s:
        return attachments.add_attachment(s, ADMIN, code, source, _dir(db))


def test_attachments_travel_with_the_backup_to_a_fresh_data_folder(live, fresh, tmp_path):
    from rasad_desktop.services import attachments

    scan = sample_files.pdf(3)  # a real PDF: attachments are checked on their whole structure
    att = _with_attachment(live, "نامه.pdf", scan)
    target = tmp_path / "with-files.rbk"
    info = backup.make_backup(live, ADMIN, target, PASS, attachments_dir=attachments.folder(_dir(live)))
    assert info.attachments == 1 and info.missing_attachments == ()
    assert scan[9:200] not in target.read_bytes()  # encrypted like the rest
    result = backup.restore_backup(fresh, ADMIN, target, PASS, backup_dir=_dir(fresh) / "backups",
                                   attachments_dir=attachments.folder(_dir(fresh)))
    assert result.attachments == 1
    with fresh.session() as s:
        assert attachments.open_attachment(s, ADMIN, att.id, _dir(fresh)) == scan
    assert not list(attachments.folder(_dir(fresh)).glob("*.part"))


def test_a_missing_attachment_is_reported_and_the_backup_goes_ahead(live, fresh, tmp_path):
    from rasad_desktop.services import attachments

    kept = _with_attachment(live, "a.txt", "متن نامه".encode())
    lost = _with_attachment(live, "b.txt", "نامهٔ دیگر".encode())
    lost.path.unlink()
    target = tmp_path / "partial.rbk"
    info = backup.make_backup(live, ADMIN, target, PASS, attachments_dir=attachments.folder(_dir(live)))
    assert info.attachments == 1 and info.missing_attachments == (lost.path.name,)
    backup.restore_backup(fresh, ADMIN, target, PASS, backup_dir=_dir(fresh) / "backups",
                          attachments_dir=attachments.folder(_dir(fresh)))
    with fresh.session() as s:
        assert attachments.open_attachment(s, ADMIN, kept.id, _dir(fresh)) == "متن نامه".encode()


def test_a_backup_whose_files_do_not_match_its_database_is_refused(live, fresh, tmp_path):
    att = _with_attachment(live, "c.txt", b"original letter")
    plain_db = tmp_path / "db-copy.db"
    backup.safety_copy(live, tmp_path).rename(plain_db)
    forged = tmp_path / "forged.rbk"
    forged.write_bytes(container.encrypt(backup_contents.pack(plain_db.read_bytes(), {att.path.name: b"forged"}), PASS))
    _refused(fresh, forged, PASS, "backup_damaged")
    escape = tmp_path / "escape.rbk"
    escape.write_bytes(container.encrypt(backup_contents.pack(plain_db.read_bytes(), {"../../evil.txt": b"x"}), PASS))
    _refused(fresh, escape, PASS, "backup_damaged")
    assert not (tmp_path / "evil.txt").exists()


def test_a_format_1_backup_from_an_earlier_version_still_restores(live, fresh, tmp_path):
    import os
    import zlib

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    database = tmp_path / "v1.db"
    backup.safety_copy(live, tmp_path).rename(database)
    plain = database.read_bytes()
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = container.derive(PASS, salt, 14, 8, 1)
    payload = zlib.compress(plain)
    header = container.Header(container.FLAG_ZLIB, 14, 8, 1, salt, nonce, check, int(time.time()), len(plain),
                              len(payload) + 16, version=1).pack()
    old = tmp_path / "v1.rbk"
    old.write_bytes(header + AESGCM(key).encrypt(nonce, payload, header))
    result = backup.restore_backup(fresh, ADMIN, old, PASS, backup_dir=_dir(fresh) / "backups")
    assert result.attachments == 0
    assert data_tables(fingerprint(fresh)) == data_tables(fingerprint(live))


def test_the_passphrase_survives_another_keyboard_layout(live, fresh, tmp_path):
    target = tmp_path / "k.rbk"
    backup.make_backup(live, ADMIN, target, "کلید ویژه ۱۲۳۴")  # Persian ی and ک, Persian digits
    backup.restore_backup(fresh, ADMIN, target, "كليد ويژه 1234", backup_dir=tmp_path / "b")  # Arabic forms, Latin
    assert data_tables(fingerprint(fresh)) == data_tables(fingerprint(live))


# ------------------------------------------------------------------------------ refusals, untouched
def _refused(db: Database, source: Path, passphrase: str, code: str) -> BackupError:
    before = fingerprint(db)
    backups = _dir(db) / "backups"
    with pytest.raises(BackupError) as caught:
        backup.restore_backup(db, ADMIN, source, passphrase, backup_dir=backups)
    assert caught.value.code == code, caught.value.message_en
    assert fingerprint(db) == before  # not even an audit record or the flag
    assert not list(backups.glob("pre-restore-*")) if backups.exists() else True
    assert not list(_dir(db).glob(".rasad-backup-*"))
    return caught.value


def test_a_wrong_passphrase_is_said_clearly_and_nothing_changes(live, made):
    change_data(live)
    err = _refused(live, made, "not the passphrase", "backup_passphrase")
    assert "عبارت عبور نادرست است" in err.message_fa and "دست نخورد" in err.message_fa
    assert "passphrase is wrong" in err.message("en")


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x40]) + data[at + 1:]


@pytest.mark.parametrize("damage, code, words", [
    (lambda d: _flip(d, len(d) - 100), "backup_damaged", "آسیب دیده"),  # ciphertext
    (lambda d: _flip(d, len(d) - 1), "backup_damaged", "آسیب دیده"),  # the tag
    (lambda d: _flip(d, 60), "backup_damaged", "آسیب دیده"),  # the header's date (associated data)
    (lambda d: d[: len(d) // 2], "backup_damaged", "ناقص"),  # truncated
    (lambda d: d[:40], "backup_damaged", "ناقص"),  # cut inside the header
    (lambda d: d + b"\0" * 10, "backup_damaged", "آسیب دیده"),  # something appended
    (lambda d: bytes(range(256)) * 40, "backup_not_a_backup", "نسخهٔ پشتیبان رصد نیست"),  # a random file
    (lambda d: b"", "backup_not_a_backup", "نسخهٔ پشتیبان رصد نیست"),  # empty
    (lambda d: d[:8] + b"\0\x09" + d[10:], "backup_newer", "جدیدتر"),  # a later file format
])
def test_a_damaged_file_is_said_clearly_and_nothing_changes(live, made, tmp_path, damage, code, words):
    bad = tmp_path / "bad.rbk"
    bad.write_bytes(damage(made.read_bytes()))
    err = _refused(live, bad, PASS, code)
    assert words in err.message_fa


def test_a_sqlite_file_that_is_not_a_backup(live, demo_file):
    err = _refused(live, demo_file, PASS, "backup_not_a_backup")
    assert "رصد نیست" in err.message_fa


def test_an_encrypted_file_that_holds_no_rasad_database(live, tmp_path):
    with closing(sqlite3.connect(str(tmp_path / "other.db"))) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    bad = tmp_path / "other.rbk"
    bad.write_bytes(_sealed((tmp_path / "other.db").read_bytes()))
    assert "رصد نیست" in _refused(live, bad, PASS, "backup_damaged").message_fa
    bad.write_bytes(_sealed(b"not a database at all" * 100))
    _refused(live, bad, PASS, "backup_damaged")


def test_a_backup_from_a_newer_program_is_refused(live, made, tmp_path):
    head, plain = container.decrypt(made.read_bytes(), PASS)
    plain = backup_contents.unpack(plain, head.version).database
    db_file = tmp_path / "future.db"
    db_file.write_bytes(plain)
    with closing(sqlite3.connect(str(db_file))) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
        conn.commit()
    newer = tmp_path / "future.rbk"
    newer.write_bytes(_sealed(db_file.read_bytes()))
    err = _refused(live, newer, PASS, "backup_newer")
    assert "برنامه را به‌روز کنید" in err.message_fa


def test_an_older_backup_is_upgraded_on_the_copy(live, tmp_path):
    from alembic import command

    old = Database.open(f"sqlite:///{(tmp_path / 'old.db').as_posix()}", migrate=False)
    with old.engine.connect() as conn, conn.begin():
        command.upgrade(alembic_config(conn), "0002_issued_reports")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO agencies (code, name, search_key, active) VALUES ('77', 'قدیمی', 'قدیمی', 1)"))
    old.close()
    source = tmp_path / "old.rbk"
    source.write_bytes(_sealed((tmp_path / "old.db").read_bytes()))
    # older than the office identity (0004): where it comes from cannot be told, so it is asked about
    assert _refused(live, source, PASS, "backup_foreign").origin.office_id is None  # type: ignore[attr-defined]
    result = backup.restore_backup(live, ADMIN, source, PASS, backup_dir=tmp_path / "b", accept_foreign=True)
    assert result.upgraded and result.backup_revision == "0002_issued_reports" and result.foreign
    with live.session() as s:
        assert list(s.scalars(select(Agency.code))) == ["77"]
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == HEAD
    assert not flag(live)


# ------------------------------------------------------------------------------ concurrency
def test_a_backup_while_another_connection_writes_is_consistent(live, fresh, tmp_path):
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        with closing(sqlite3.connect(str(live.file), timeout=15, isolation_level=None)) as conn:
            i = 0
            while not stop.is_set():
                conn.execute("INSERT INTO agencies (code, name, search_key, active) VALUES (?, ?, ?, 1)",
                             (f"w{i}", f"دستگاه {i}", f"w{i}"))
                i += 1
                written[0] = i
                time.sleep(0.001)

    with live.session() as s:
        start = s.scalar(select(Agency.id).order_by(Agency.id.desc()).limit(1))
        agencies_before = s.scalar(text("SELECT count(*) FROM agencies"))
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while written[0] < 20:
            time.sleep(0.005)
        info = backup.make_backup(live, ADMIN, tmp_path / "busy.rbk", PASS)
        seen_after = written[0]
        while written[0] < seen_after + 20:  # still writing after the backup
            time.sleep(0.005)
    finally:
        stop.set()
        thread.join()
    in_backup = info.counts["agencies"] - agencies_before
    assert 20 <= in_backup < written[0]  # a snapshot taken mid-stream
    backup.restore_backup(fresh, ADMIN, tmp_path / "busy.rbk", PASS, backup_dir=tmp_path / "b")
    with fresh.session() as s:
        codes = list(s.scalars(select(Agency.code).where(Agency.id > start).order_by(Agency.id)))
    assert codes == [f"w{i}" for i in range(in_backup)]  # a prefix of what was written: no gap, no tear
    with closing(sqlite3.connect(str(fresh.file))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ------------------------------------------------------------------------------ the restore flag
def _try_entry(db: Database, cell: tuple[int, str, str, int]) -> BaseException | None:
    year, agency, line, amount = cell
    try:
        with db.session() as s:
            save_month(s, ADMIN, year, 1, agency, [Entry(line, amount + 1)])
    except MaintenanceMode as err:
        return err
    return None


def test_data_entry_is_refused_while_the_flag_is_set(live):
    cell = a_cell(live)
    with live.session() as s, writing(s, ADMIN, Permission.BACKUP) as audit:
        backup._put_flag(s, True)
        audit.record("test.flag", "office_setting", office.RESTORE_FLAG)
    err = _try_entry(live, cell)
    assert err is not None and err.code == "restore_running" and "بازگردانی" in err.message_fa


def test_the_flag_is_set_during_the_restore_and_cleared_after_success(live, made, monkeypatch):
    cell = a_cell(live)
    change_data(live)
    real = backup.copy_database
    seen: list[object] = []

    def watching(source, dest, **kw):  # type: ignore[no-untyped-def]
        seen.append(_try_entry(live, cell))  # before the contents are replaced
        real(source, dest, **kw)
        seen.append(_try_entry(live, cell))  # replaced, not yet finished
    monkeypatch.setattr(backup, "copy_database", watching)
    backup.restore_backup(live, ADMIN, made, PASS, backup_dir=_dir(live) / "backups")
    assert [getattr(e, "code", None) for e in seen] == ["restore_running", "restore_running"]
    assert not flag(live) and _try_entry(live, cell) is None  # open again


@pytest.mark.parametrize("when", ["after replacing", "while checking", "while finishing"])
def test_a_failure_after_the_safety_copy_leaves_the_data_as_before(live, made, monkeypatch, when):
    change_data(live)  # so that the backup differs from the current data
    before = fingerprint(live)
    cell = a_cell(live)
    real = backup.copy_database
    calls: list[Path] = []

    def copy(source, dest, **kw):  # type: ignore[no-untyped-def]
        calls.append(source)
        real(source, dest, **kw)
        if when == "after replacing" and len(calls) == 1:
            raise OSError(28, "No space left on device")  # the data is replaced, then the disk fills up
    monkeypatch.setattr(backup, "copy_database", copy)
    if when == "while checking":
        monkeypatch.setattr(backup, "_verify_live", lambda *a: (_ for _ in ()).throw(
            BackupError("simulated", "simulated", code="simulated")))
    if when == "while finishing":
        def broken(*a, **kw):  # type: ignore[no-untyped-def]
            raise sqlite3.OperationalError("database is locked")
        monkeypatch.setattr(backup, "_finish", broken)

    with pytest.raises(BackupError) as caught:
        backup.restore_backup(live, ADMIN, made, PASS, backup_dir=_dir(live) / "backups")
    assert caught.value.message_fa  # a message for the user, not a traceback
    assert len(calls) == 2 and calls[1].name.startswith("pre-restore-")  # the safety copy went back in
    assert data_tables(fingerprint(live)) == data_tables(before)
    assert actions(live, 2) == ["backup.restore_failed", "backup.restore_start"]
    assert not flag(live) and _try_entry(live, cell) is None
    with live.session() as s:
        assert verify_chain(s)[1] == []


def test_a_failing_safety_copy_changes_nothing_and_clears_the_flag(live, made, tmp_path):
    before = fingerprint(live)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backups folder should be")
    with pytest.raises(BackupError):
        backup.restore_backup(live, ADMIN, made, PASS, backup_dir=blocked)
    assert data_tables(fingerprint(live)) == data_tables(before) and not flag(live)
    assert actions(live, 2) == ["backup.restore_failed", "backup.restore_start"]


# ------------------------------------------------------------------------------ writing the backup
def test_a_backup_that_fails_its_check_is_not_kept(live, tmp_path, monkeypatch):
    target = tmp_path / "keep.rbk"
    target.write_bytes(b"an older backup")
    real = backup._counts
    calls = [0]

    def lying(conn):  # type: ignore[no-untyped-def]
        calls[0] += 1
        counts = real(conn)
        if calls[0] == 2:  # the count taken from the written file
            counts["collections"] -= 1
        return counts
    monkeypatch.setattr(backup, "_counts", lying)
    with pytest.raises(BackupError) as caught:
        backup.make_backup(live, ADMIN, target, PASS)
    assert caught.value.code == "backup_verify" and "collections" in caught.value.message_fa
    assert target.read_bytes() == b"an older backup"  # the file under that name is untouched
    assert not list(tmp_path.glob("*.part")) and actions(live, 1) != ["backup.create"]


def test_backup_refuses_short_passphrases_and_the_database_file_itself(live, tmp_path):
    with pytest.raises(ValidationError) as caught:
        backup.make_backup(live, ADMIN, tmp_path / "x.rbk", "short")
    assert "۸ نویسه" in caught.value.message_fa
    with pytest.raises(BackupError):
        backup.make_backup(live, ADMIN, live.file, PASS)  # type: ignore[arg-type]
    assert not (tmp_path / "x.rbk").exists()


def test_the_audit_record_of_a_backup(live, tmp_path):
    info = backup.make_backup(live, ADMIN, tmp_path / "a.rbk", PASS)
    with live.session() as s:
        row = s.execute(text("SELECT username, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1")).one()
    assert row[0] == "admin-test" and row[1] == "a.rbk"
    assert info.sha256 in row[2] and f'"size": {info.size}' in row[2]


# ------------------------------------------------------------------------------ who and where
@pytest.mark.parametrize("role", [Role.DATA_ENTRY, Role.REPORT_OFFICER, Role.VIEWER])
def test_only_administrators_back_up_and_restore(live, made, tmp_path, role):
    actor = Actor("someone", role)
    before = fingerprint(live)
    with pytest.raises(PermissionDenied):
        backup.make_backup(live, actor, tmp_path / "n.rbk", PASS)
    with pytest.raises(PermissionDenied):
        backup.restore_backup(live, actor, made, PASS, backup_dir=tmp_path / "b")
    assert not (tmp_path / "n.rbk").exists() and fingerprint(live) == before


def test_a_postgresql_database_is_refused_with_advice(tmp_path):
    # built without connecting: no server is needed to see the refusal
    engine = create_engine("postgresql+psycopg://rasad:secret@db.example/rasad")
    db = Database(engine.url.render_as_string(hide_password=False), engine, make_session_factory(engine))
    for call in (lambda: backup.make_backup(db, ADMIN, tmp_path / "p.rbk", PASS),
                 lambda: backup.restore_backup(db, ADMIN, tmp_path / "p.rbk", PASS, backup_dir=tmp_path)):
        with pytest.raises(BackupError) as caught:
            call()
        assert caught.value.code == "backup_sqlite_only"
        assert "pg_dump" in caught.value.message_fa and "secret" not in caught.value.message_fa
    engine.dispose()


def test_listing_the_backups_folder(live, tmp_path):
    folder = _dir(live) / "backups"
    backup.make_backup(live, ADMIN, folder / backup.suggested_name(), PASS)
    backup.safety_copy(live, folder)
    (folder / "notes.txt").write_text("x")
    kinds = sorted(f.kind for f in backup.list_backups(folder))
    assert kinds == ["backup", "other", "pre-restore"]
    assert backup.suggested_name().startswith("rasad-14") and backup.suggested_name().endswith(".rbk")
    assert backup.human_size(1536) == "۱٫۵ کیلوبایت" and backup.human_size(3 * 1024 * 1024, "en") == "3.0 MB"
