"""Encrypted, verified backups of a SQLite database, and restoring them.

Backing up copies the live database with SQLite's online backup API in one step
(``pages=-1``: an incremental copy restarts on every write by another connection and may
never finish), inside a read transaction that also counts the rows of every table, so the
counts describe exactly the copied snapshot even while other users keep writing. The copy
and the attachment files it lists are packed (``formats.backup_contents``), compressed and
encrypted (``formats.backup_container``, where the file format is described) and written next
to the target; the written file is read back, decrypted and checked (``PRAGMA
integrity_check``, schema revision, row counts) before it replaces the target, and the backup
is audited.

Restoring decrypts into a temporary file and checks it completely before anything in the
live database changes: a wrong passphrase, a damaged, truncated or foreign file, or a
backup from a newer program is refused with its own message. An older backup is brought up
to date on the copy. Only then is the restore flag set (data entry is refused while it is
set), a plain safety copy of the current database is written (``VACUUM INTO``), and the
copy replaces the live contents through the backup API — not a file copy, so the engine's
connections and the WAL stay consistent. Any failure after the safety copy puts the
previous data back; the flag is cleared in every case.

Decrypted data only ever sits in a private scratch folder next to the database
(``formats.scratch``: mode 0700, locked by its process while the work runs), removed
afterwards; ``remove_leftovers``, called at every start, deletes those a killed process left
(and a safety copy cut short), never one a running backup or restore is using.

Before a restore replaces anything it reads where the backup comes from (``inspect``: the
office, its identity, its users, its rows). A backup from another installation of the
program — or one that does not say, while this database belongs to an installation — is
refused (``ForeignBackup``, naming the office and the users) unless the caller passes
``accept_foreign=True`` after showing that to the person restoring.

SQLite only: a PostgreSQL server is backed up on the server with ``pg_dump``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits, to_persian_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.file_errors import file_problem
from rasad_desktop.core.jalali import format_jalali
from rasad_desktop.core.settings_schema import BY_KEY as DECLARED
from rasad_desktop.db.database import Database
from rasad_desktop.db.engine import BUSY_TIMEOUT_MS, is_sqlite, sqlite_driver, sqlite_path
from rasad_desktop.db.migrate import HEAD, MIGRATIONS_DIR
from rasad_desktop.db.models import OfficeSetting, utcnow
from rasad_desktop.formats import atomic, key_file, scratch
from rasad_desktop.formats import backup_container as container
from rasad_desktop.formats import backup_contents as contents_format
from rasad_desktop.formats.backup_container import BackupError
from rasad_desktop.services import personal
from rasad_desktop.services.errors import ServiceError, ValidationError
from rasad_desktop.services.office import RESTORE_FLAG, restore_in_progress
from rasad_desktop.services.roles import Actor, Permission, Role, require
from rasad_desktop.services.uow import writing

MIN_PASSPHRASE = 8
BACKUP_SUFFIX = ".rbk"
SAFETY_COPIES_KEPT = 3  # copies of the data made before restores that are kept
# a backup call may wait this long for other users' writes to finish
COPY_DEADLINE_S = 60.0
WORKDIR_PREFIX = ".rasad-backup-"  # the scratch folders, next to the database
SAFETY_PREFIX = "pre-restore-"
USERS_SHOWN = 20  # a preview names this many users, then says how many more


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    sha256: str
    revision: str
    created_at: dt.datetime  # UTC, naive
    counts: dict[str, int] = field(repr=False)
    seconds: float = 0.0
    attachments: int = 0  # attachment files in the backup
    missing_attachments: tuple[str, ...] = ()  # listed but absent or changed in the data folder: left out


@dataclass(frozen=True)
class RestoreInfo:
    source: Path
    sha256: str
    backup_created_at: dt.datetime  # UTC, naive
    backup_revision: str  # the schema the backup was made with
    upgraded: bool  # the backup was older and was brought up to this program's schema
    safety_copy: Path  # the database as it was before the restore
    seconds: float = 0.0
    attachments: int = 0  # attachment files written back to the data folder
    foreign: bool = False  # it came from another installation (or did not say) and was accepted


@dataclass(frozen=True)
class BackupUser:
    username: str
    full_name: str
    role: str  # as stored: admin, data_entry, report_officer, viewer
    active: bool

    def role_label(self, lang: str = "fa") -> str:
        try:
            return Role(self.role).label(lang)
        except ValueError:
            return self.role


@dataclass(frozen=True)
class BackupOrigin:
    """Where a backup comes from, read from its decrypted copy (``inspect``)."""

    source: Path
    sha256: str
    created_at: dt.datetime  # UTC, naive
    revision: str  # the schema it was made with
    office_name: str  # the office name in its settings (the default when it has none)
    office_id: str | None  # its office's identity; None: it does not say (older, or nothing recorded yet)
    station: int | None  # a workstation's number; None: an office's database
    same_installation: bool  # the same office and the same database role as this one
    this_office_id: str | None  # this database's office identity (None: it has recorded nothing yet)
    users: tuple[BackupUser, ...]
    counts: dict[str, int] = field(repr=False)

    @property
    def foreign(self) -> bool:
        """Restoring it needs an explicit yes: this database belongs to an installation, and the
        backup comes from another one or does not say which."""
        return self.this_office_id is not None and not self.same_installation

    def users_text(self, lang: str = "fa") -> str:
        shown = [f"{u.username} ({u.role_label(lang)}{'' if u.active else (', disabled' if lang == 'en' else '، غیرفعال')})"
                 for u in self.users[:USERS_SHOWN]]
        more = len(self.users) - len(shown)
        if lang == "en":
            return ", ".join(shown) + (f" and {more} more" if more > 0 else "") if shown else "none"
        text = "، ".join(shown) + (f" و {localize_digits(str(more))} کاربر دیگر" if more > 0 else "")
        return text if shown else "هیچ"

    def lines(self, lang: str = "fa") -> list[str]:
        """The preview shown before a restore, one line each."""
        en = lang == "en"
        ident = self.office_id or ("none" if en else "ندارد")
        if self.station is not None:
            ident += f", workstation {self.station}" if en else f"، ایستگاه کاری {localize_digits(str(self.station))}"
        made = format_jalali(self.created_at, "latin" if en else "fa")
        c = self.counts
        if en:
            out = [f"Office: «{self.office_name}» (identity: {ident})",
                   f"Made on: {made}; schema: {self.revision}",
                   f"Users ({len(self.users)}): {self.users_text('en')}",
                   f"Rows: {c.get('agencies', 0)} agencies, {c.get('collections', 0)} collected figures, "
                   f"{c.get('service_requests', 0)} requests, {c.get('issued_reports', 0)} issued reports"]
        else:
            n = lambda key: localize_digits(str(c.get(key, 0)))  # noqa: E731
            out = [f"دفتر: «{self.office_name}» (شناسه: {ident})",
                   f"ساخته‌شده در: {made}؛ طرح پایگاه داده: {self.revision}",
                   f"کاربران ({localize_digits(str(len(self.users)))}): {self.users_text('fa')}",
                   f"ردیف‌ها: {n('agencies')} دستگاه، {n('collections')} رقم وصولی، {n('service_requests')} "
                   f"درخواست، {n('issued_reports')} گزارش صادرشده"]
        if not self.users:
            out.append("It holds no user account: after the restore, whoever opens the program next creates the "
                       "first administrator." if en else "هیچ حساب کاربری در آن نیست: پس از بازگردانی، نخستین "
                       "کسی که برنامه را باز کند مدیر سامانه را می‌سازد.")
        if self.same_installation:
            out.append("It comes from this installation." if en else "این نسخه از همین نصب برنامه است.")
        elif self.office_id is None and self.this_office_id is not None:
            out.append("It does not say which installation it comes from (its office identity is missing)." if en
                       else "معلوم نیست این نسخه از کدام نصب برنامه است (شناسهٔ دفتر در آن نیست).")
        elif self.this_office_id is not None:
            out.append("It comes from another installation of the program, not from this one." if en
                       else "این نسخه از نصب دیگری از برنامه است، نه از این یکی.")
        return out


class ForeignBackup(BackupError, ServiceError):
    """A backup from another installation, refused until the person restoring has seen where
    it comes from and said yes (``accept_foreign=True``). Nothing was changed."""

    def __init__(self, origin: BackupOrigin) -> None:
        self.origin = origin
        where_fa = ("معلوم نیست از کدام نصب برنامه است" if origin.office_id is None
                    else "از نصب دیگری از برنامه است، نه از این یکی")
        where_en = ("does not say which installation it comes from" if origin.office_id is None
                    else "comes from another installation of the program, not from this one")
        super().__init__(
            f"این نسخهٔ پشتیبان {where_fa}: دفتر «{origin.office_name}» (شناسه: {origin.office_id or 'ندارد'})، "
            f"ساخته‌شده در {format_jalali(origin.created_at)}، با کاربران: {origin.users_text('fa')}. "
            "بازگرداندن آن همهٔ داده‌ها و حساب‌های کاربری این‌جا را با این‌ها جایگزین می‌کند؛ فقط پس از تأیید "
            "آشکار بازگردانده می‌شود. پایگاه دادهٔ فعلی دست نخورد.",
            f"This backup {where_en}: office «{origin.office_name}» (identity: {origin.office_id or 'none'}), made "
            f"on {format_jalali(origin.created_at, 'latin')}, with the users: {origin.users_text('en')}. Restoring "
            "it replaces all data and user accounts here with these; it is restored only when that is confirmed "
            "explicitly. The current database was not changed.",
            code="backup_foreign",
        )


# ------------------------------------------------------------------------------ messages
def _not_sqlite(db: Database) -> BackupError:
    return BackupError(
        "پشتیبان‌گیری و بازگردانی از درون برنامه فقط برای پایگاه دادهٔ SQLite (پوشهٔ داده) است؛ "
        f"پایگاه دادهٔ فعلی ({db.describe()}) روی سرور است: از آن روی خود سرور با pg_dump نسخهٔ "
        "پشتیبان بگیرید و با pg_restore بازگردانید.",
        f"Backups from the program are for SQLite databases (the data folder) only; this database "
        f"({db.describe()}) is on a server: back it up on the server with pg_dump and restore it with pg_restore.",
        code="backup_sqlite_only",
    )


def _file_problem(path: Path, err: OSError, *, writing_file: bool) -> BackupError:
    problem = file_problem(path, err, writing=writing_file, cls=BackupError, code="backup_file")
    assert isinstance(problem, BackupError)
    return problem


def _sqlite_problem(err: sqlite3.Error) -> BackupError:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return BackupError(
            "پایگاه داده در حال استفادهٔ کاربر دیگری است؛ چند لحظه بعد دوباره تلاش کنید.",
            "The database is busy with another user; try again in a moment.",
            code="db_locked",
        )
    if "full" in text:
        return BackupError("فضای دیسک پر است؛ پس از آزاد کردن فضا دوباره تلاش کنید.",
                           "The disk is full; free some space and try again.", code="disk_full")
    return BackupError(f"خطای پایگاه داده: {err}", f"Database error: {err}", code="backup_sqlite")


def check_passphrase(passphrase: str) -> None:
    if not isinstance(passphrase, str) or len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE:
        raise ValidationError(
            f"عبارت عبور نسخهٔ پشتیبان باید دست‌کم {to_persian_digits(str(MIN_PASSPHRASE))} نویسه باشد.",
            f"A backup passphrase has at least {MIN_PASSPHRASE} characters.",
            code="backup_passphrase_short",
        )


# ------------------------------------------------------------------------------ helpers
def _live_file(db: Database) -> Path:
    if not is_sqlite(db.engine):
        raise _not_sqlite(db)
    path = sqlite_path(db.engine)
    if path is None:
        raise BackupError("پایگاه دادهٔ درون حافظه را نمی‌توان پشتیبان گرفت یا بازگرداند.",
                          "An in-memory database cannot be backed up or restored.", code="backup_memory")
    return path


@contextmanager
def _workdir(near: Path) -> Iterator[Path]:
    """A private scratch folder next to the database (decrypted copies never go to a shared
    temporary folder), locked by this process while the work runs; removed afterwards,
    whatever happens — and at the next start if this process is killed (``remove_leftovers``)."""
    try:
        folder = scratch.Scratch.create(near, WORKDIR_PREFIX)
    except OSError as err:
        raise _file_problem(near, err, writing_file=True) from None
    with folder as path:
        yield path


def remove_leftovers(folder: Path, backup_dir: Path | None = None) -> list[Path]:
    """At start-up: delete what backups and restores killed half-way left behind — their
    scratch folders next to the database in ``folder`` (decrypted copies of the whole
    database) and, in ``backup_dir``, a safety copy cut short — but never the folder of a
    backup or restore still running in another process. Returns what was deleted; never
    raises (what cannot be deleted now is tried again at the next start). The finished
    safety copies (``pre-restore-*.db``) are kept: they are how a restore is undone."""
    removed = scratch.remove_stale(folder, WORKDIR_PREFIX)
    if backup_dir is None:
        return removed
    try:
        running = any(p.name.startswith(WORKDIR_PREFIX) and p.is_dir() for p in folder.iterdir())
        parts = [] if running else [p for p in backup_dir.iterdir() if p.name.startswith(SAFETY_PREFIX)
                                    and atomic.PART_SUFFIX in p.name and p.is_file()]
    except OSError:
        return removed
    for path in parts:  # a safety copy is written only while its restore's scratch folder is locked
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def _revision(conn: sqlite3.Connection) -> str | None:
    if "alembic_version" not in _tables(conn):
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def known_revisions() -> list[str]:
    """This program's schema revisions, oldest first (read from the migration files, without
    importing Alembic; their names start with a sequence number)."""
    return sorted(p.stem for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def _integrity(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("PRAGMA integrity_check")]


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def copy_database(source: Path, dest: Path, *, deadline_s: float = COPY_DEADLINE_S) -> None:
    """Replace the contents of the database ``dest`` with those of ``source`` through SQLite's
    backup API, in one step: one write transaction on ``dest`` (all or nothing), which other
    connections see like any other commit. Gives up with a clear message when other users keep
    the database locked for longer than ``deadline_s``."""
    start = time.monotonic()

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() - start > deadline_s:
            raise sqlite3.OperationalError("database is locked")

    with closing(_connect(source)) as src, closing(_connect(dest)) as dst:
        src.backup(dst, pages=-1, progress=progress)


# ------------------------------------------------------------------------------ backup
def make_backup(db: Database, actor: Actor, target: Path, passphrase: str, *,
                attachments_dir: Path | None = None) -> BackupInfo:
    """Write an encrypted backup of the live database (and of the attachment files it lists, from
    ``attachments_dir``) to ``target``, verify it, audit it."""
    require(actor, Permission.BACKUP)
    live = _live_file(db)
    check_passphrase(passphrase)
    target = Path(target)
    if target.exists() and target.is_dir():
        raise _file_problem(target, IsADirectoryError(), writing_file=True)
    if target.resolve().parent == live.resolve().parent and target.name in {
            live.name + suffix for suffix in ("", "-wal", "-shm", "-journal")}:
        raise BackupError("نسخهٔ پشتیبان را نمی‌توان روی خود فایل پایگاه داده نوشت؛ نام دیگری برگزینید.",
                          "A backup cannot be written over the database file itself; choose another name.",
                          code="backup_file")
    started = time.perf_counter()
    created = utcnow().replace(microsecond=0)
    with _workdir(live.parent) as work:
        snapshot = work / "snapshot.db"
        revision, counts = _snapshot(db, snapshot)
        files, lost = contents_format.collect(snapshot, attachments_dir)
        with db.session() as session:  # the requesters' IDs open with it: it travels inside, encrypted
            key = personal.key(session)
        blob = container.encrypt(contents_format.pack(snapshot.read_bytes(), files, key), passphrase,
                       created=int(created.replace(tzinfo=dt.UTC).timestamp()))
        snapshot.unlink()
        sha = hashlib.sha256(blob).hexdigest()
        verify = partial(_verify_written, passphrase=passphrase, scratch=work / "verify.db", revision=revision,
                         counts=counts, n_files=len(files))
        try:
            with atomic.replacing(target, check=verify) as f:
                f.write(blob)
                del blob  # the check reads the file back: do not hold two copies
        except OSError as err:
            raise _file_problem(target, err, writing_file=True) from None
    if _sha256_file(target) != sha:  # what is on the disk now is what was verified
        raise BackupError(f"فایل «{target}» پس از نوشتن تغییر کرد؛ دوباره پشتیبان بگیرید.",
                          f"'{target}' changed after it was written; back up again.", code="backup_verify")
    size = target.stat().st_size
    with db.session() as session, writing(session, actor, Permission.BACKUP) as audit:
        audit.record("backup.create", "backup", target.name,
                     after={"file": str(target), "size": size, "sha256": sha, "revision": revision,
                            "rows": sum(counts.values()), "attachments": len(files),
                            "missing_attachments": lost})
    return BackupInfo(target, size, sha, revision, created, counts, time.perf_counter() - started, len(files),
                      tuple(lost))


def _snapshot(db: Database, dest: Path) -> tuple[str, dict[str, int]]:
    """Copy the live database to ``dest``; returns the revision and the row counts of the copied
    snapshot (read in the same transaction as the copy)."""
    try:
        with db.engine.connect() as conn:
            raw = sqlite_driver(conn)
            raw.execute("BEGIN")  # one read snapshot for the counts and the copy
            try:
                revision = _revision(raw)
                counts = _counts(raw)
                with closing(sqlite3.connect(str(dest))) as out:
                    raw.backup(out, pages=-1)
            finally:
                raw.execute("ROLLBACK")
    except sqlite3.Error as err:
        raise _sqlite_problem(err) from None
    if revision is None:
        raise BackupError("پایگاه داده هنوز آماده نشده است (نسخهٔ طرح آن معلوم نیست).",
                          "The database is not set up yet (its schema revision is unknown).", code="backup_schema")
    return revision, counts


def _verify_written(path: Path, passphrase: str, scratch: Path, revision: str, counts: dict[str, int],
                    n_files: int) -> None:
    """Read the written file back, decrypt it, and check it against the snapshot."""
    try:
        header, plain = container.decrypt(path.read_bytes(), passphrase)
        inside = contents_format.unpack(plain, header.version)
    except BackupError as err:
        raise BackupError(
            f"بازبینی نسخهٔ پشتیبان پس از نوشتن ناموفق بود و فایل نگه داشته نشد: {err.message_fa}",
            f"The backup failed its check after writing and was not kept: {err.message_en}",
            code="backup_verify",
        ) from None
    scratch.write_bytes(inside.database)
    with closing(_connect(scratch)) as conn:
        problems = _integrity(conn)
        got_revision, got_counts = _revision(conn), _counts(conn)
    if contents_format.mismatched(scratch, inside.files) or len(inside.files) != n_files:
        problems = ["attachments"]
    if problems != ["ok"] or got_revision != revision or got_counts != counts:
        differ = sorted(t for t in set(counts) | set(got_counts) if counts.get(t) != got_counts.get(t))
        raise BackupError(
            "بازبینی نسخهٔ پشتیبان پس از نوشتن ناموفق بود و فایل نگه داشته نشد "
            f"(درستی: {problems[0]}، جدول‌های ناهمخوان: {', '.join(differ) or '—'}).",
            f"The backup failed its check after writing and was not kept (integrity: {problems[0]}, "
            f"tables that differ: {', '.join(differ) or '-'}).",
            code="backup_verify",
        )


# ------------------------------------------------------------------------------ restore
def _read_source(source: Path, passphrase: str) -> tuple[bytes, str]:
    if not passphrase:
        raise ValidationError("عبارت عبور نسخهٔ پشتیبان را وارد کنید.", "Enter the backup's passphrase.",
                              code="backup_passphrase_short")
    try:
        data = source.read_bytes()
    except OSError as err:
        raise _file_problem(source, err, writing_file=False) from None
    return data, hashlib.sha256(data).hexdigest()


def _open_copy(data: bytes, passphrase: str, copy: Path) -> tuple[container.Header, contents_format.Contents, str]:
    """Decrypt the backup into ``copy`` (in a scratch folder) and check it: the header, the
    contents (the database written to ``copy``, the attachments kept in memory), the revision."""
    header, plain = container.decrypt(data, passphrase)
    del data
    inside = contents_format.unpack(plain, header.version)
    del plain
    try:
        copy.write_bytes(inside.database)
    except OSError as err:
        raise _file_problem(copy, err, writing_file=True) from None
    revision = _check_copy(copy)
    if contents_format.mismatched(copy, inside.files):
        raise container.damaged("پیوست‌های درون آن با پایگاه داده نمی‌خواند", "its attachments do not match its database")
    return header, inside, revision


def inspect(db: Database, actor: Actor, source: Path, passphrase: str) -> BackupOrigin:
    """Where the backup in ``source`` comes from — its office and identity, whether that is
    this installation, when it was made, its schema, its users and roles, its rows — read
    from a decrypted copy in a private scratch folder (removed afterwards). Nothing changes.
    Raises the same errors as a restore for a wrong passphrase or a damaged file."""
    require(actor, Permission.BACKUP)
    live = _live_file(db)
    source = Path(source)
    data, sha = _read_source(source, passphrase)
    with _workdir(live.parent) as work:
        copy = work / "inspect.db"
        header, _inside, revision = _open_copy(data, passphrase, copy)
        del data, _inside
        return _origin(copy, live, source, sha, header, revision)


def _clean_text(value: object, limit: int = 100) -> str:
    """A name from a backup, safe to show: no control or direction-changing characters
    (ZWNJ kept), at most ``limit`` characters."""
    text = str(value) if value is not None else ""
    kept = "".join(ch for ch in text if ch == "\u200c" or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))
    return kept.strip()[:limit]


def _identity(conn: sqlite3.Connection, tables: list[str]) -> tuple[str, str, int | None] | None:
    """(office id, role, station) of a database's node row; None when it has none."""
    if "sync_node" not in tables:
        return None
    row = conn.execute("SELECT office_id, role, station FROM sync_node WHERE id = 1").fetchone()
    if row is None or not row[0]:
        return None
    return _clean_text(row[0], 64), _clean_text(row[1], 20), None if row[2] is None else int(row[2])


def _origin(copy: Path, live: Path, source: Path, sha: str, header: container.Header, revision: str) -> BackupOrigin:
    default_name = str(DECLARED["office_fa"].default)
    try:
        with closing(_connect(copy)) as conn:
            tables = _tables(conn)
            ident = _identity(conn, tables)
            name = default_name
            if "office_settings" in tables:
                row = conn.execute("SELECT value FROM office_settings WHERE key = 'office_fa'").fetchone()
                try:
                    value = json.loads(row[0]) if row is not None else None
                except (TypeError, ValueError):
                    value = None
                name = _clean_text(value) if isinstance(value, str) and _clean_text(value) else default_name
            users = tuple(BackupUser(_clean_text(r[0], 64), _clean_text(r[1], 200), _clean_text(r[2], 20), bool(r[3]))
                          for r in conn.execute("SELECT username, full_name, role, active FROM users ORDER BY id"))
            counts = _counts(conn)
    except (sqlite3.Error, ValueError, TypeError):
        raise container.damaged("جدول‌های پایگاه دادهٔ درون آن نامعتبر است", "the tables of its database are not "
                                "valid") from None
    try:
        with closing(_connect(live)) as conn:
            here = _identity(conn, _tables(conn))
    except sqlite3.Error as err:
        raise _sqlite_problem(err) from None
    return BackupOrigin(source, sha, header.created_at, revision, name, ident[0] if ident else None,
                        ident[2] if ident else None, ident is not None and ident == here,
                        here[0] if here else None, users, counts)


def restore_backup(db: Database, actor: Actor, source: Path, passphrase: str, *, backup_dir: Path,
                   attachments_dir: Path | None = None, progress: Callable[[str], None] | None = None,
                   accept_foreign: bool = False) -> RestoreInfo:
    """Replace the live database's contents with the backup in ``source``, and put the
    attachment files it holds into ``attachments_dir`` (before the database changes: their
    names are random, so a file no database lists yet harms nothing).

    Everything about the backup is checked on a decrypted temporary copy first; the live
    database changes only after that, with the restore flag set and a safety copy of the
    current data in ``backup_dir``. A backup from another installation (``inspect``) is
    refused with ``ForeignBackup`` unless ``accept_foreign`` — pass it only after the person
    restoring has seen where it comes from and said yes. ``progress`` (optional) hears each
    step's name."""
    require(actor, Permission.BACKUP)
    live = _live_file(db)
    step = progress or (lambda _name: None)
    started = time.perf_counter()
    source = Path(source)
    data, sha = _read_source(source, passphrase)
    with _workdir(live.parent) as work:
        step("decrypt")
        copy = work / "restore.db"
        header, inside, backup_revision = _open_copy(data, passphrase, copy)
        del data
        step("check")
        origin = _origin(copy, live, source, sha, header, backup_revision)
        if origin.foreign and not accept_foreign:
            raise ForeignBackup(origin)
        upgraded = backup_revision != HEAD
        if upgraded:
            step("upgrade")
            _upgrade_copy(copy)
        expected = _prepare_copy(copy, live)
        written = 0
        if attachments_dir is not None and inside.files:
            step("attachments")
            try:
                written = contents_format.write_files(attachments_dir, inside.files)
            except OSError as err:
                raise _file_problem(attachments_dir, err, writing_file=True) from None
        carried_key = inside.key
        del inside

        step("flag")
        _set_flag(db, actor, source, sha)
        replaced = False
        previous_key: bytes | None | object = _KEPT
        safety: Path | None = None
        try:
            step("safety copy")
            safety = safety_copy(db, backup_dir)
            step("replace")
            db.engine.dispose()  # no pooled connection keeps a stale view or a lock
            replaced = True  # from here on, a failure puts the safety copy back
            copy_database(copy, live)
            _verify_live(live, expected)
            previous_key = _install_key(db, live, carried_key)
            step("finish")
            _finish(db, actor, source, sha, header, backup_revision, upgraded, safety, origin)
        except BaseException as exc:
            _put_back_key(db, live, previous_key)
            _undo(db, actor, live, source, safety if replaced else None, exc)
            converted = _as_service_error(exc, live)
            if converted is exc:
                raise
            raise converted from exc
    prune_safety_copies(backup_dir, keep=SAFETY_COPIES_KEPT)
    return RestoreInfo(source, sha, header.created_at, backup_revision, upgraded, safety,
                       time.perf_counter() - started, written, origin.foreign)


_KEPT = object()  # the key file was not touched


def _install_key(db: Database, live: Path, new: bytes | None) -> bytes | None | object:
    """Put the backup's key beside the restored database (its data is sealed with it) and
    return the key that was there (None: none), to go back if the restore is undone. A
    backup without a key (an older version's: its IDs in clear) leaves the key file alone."""
    if new is None:
        return _KEPT
    path = key_file.path_for(live.parent)
    try:
        before = key_file.load(path)
    except key_file.KeyFileError:
        before = None
    key_file.save(path, new)
    personal.forget(db.engine)
    return before


def _put_back_key(db: Database, live: Path, before: bytes | None | object) -> None:
    if before is _KEPT:
        return
    path = key_file.path_for(live.parent)
    if isinstance(before, bytes):
        key_file.save(path, before)
    else:
        path.unlink(missing_ok=True)
    personal.forget(db.engine)


def _check_copy(copy: Path) -> str:
    """The decrypted copy is an intact Rasad database no newer than this program: its revision."""
    try:
        with closing(_connect(copy)) as conn:
            problems = _integrity(conn)
            if problems != ["ok"]:
                raise container.damaged("پایگاه دادهٔ درون آن سالم نیست", "the database inside fails its integrity check")
            revision = _revision(conn)
    except sqlite3.DatabaseError:
        raise container.damaged("درون آن پایگاه دادهٔ SQLite نیست", "it does not hold a SQLite database") from None
    if revision is None:
        raise container.damaged("درون آن پایگاه دادهٔ رصد نیست", "it does not hold a Rasad database")
    known = known_revisions()
    if revision not in known:
        # revision names start with a sequence number: a later one is a newer program's
        raise container.newer_program() if revision > known[-1] else container.damaged(
            "نسخهٔ طرح پایگاه داده ناشناخته است", "its schema revision is unknown")
    return revision


def _upgrade_copy(copy: Path) -> None:
    """Bring an older backup up to this program's schema, on the copy (the live data is untouched
    if that fails)."""
    try:
        Database.open("sqlite:///" + copy.as_posix()).close()
        with closing(_connect(copy)) as conn:
            if _integrity(conn) != ["ok"]:
                raise container.damaged("ارتقای آن به طرح فعلی ناسازگاری پدید آورد", "upgrading it left it inconsistent")
    except (ServiceError, BackupError):
        raise
    except Exception as err:  # noqa: BLE001 - any failure of the upgrade refuses the backup
        raise BackupError(
            f"ارتقای نسخهٔ پشتیبان به نسخهٔ فعلی برنامه ممکن نشد؛ پایگاه دادهٔ فعلی دست نخورد. ({err})",
            f"The backup could not be upgraded to this version of the program; the current database was "
            f"not changed. ({err})",
            code="backup_upgrade",
        ) from err


def _prepare_copy(copy: Path, live: Path) -> dict[str, int]:
    """Mark the copy as being restored (the flag stays set in the live database from the moment
    it replaces the contents until the restore finishes), match the live page size (the backup
    API cannot change the page size of a WAL database), and count its rows."""
    try:
        with closing(_connect(copy)) as conn, closing(_connect(live)) as cur:
            conn.execute("INSERT OR REPLACE INTO office_settings (key, value) VALUES (?, 'true')", (RESTORE_FLAG,))
            page = cur.execute("PRAGMA page_size").fetchone()[0]
            if conn.execute("PRAGMA page_size").fetchone()[0] != page:
                conn.execute("PRAGMA journal_mode=DELETE")
                conn.execute(f"PRAGMA page_size={int(page)}")
                conn.execute("VACUUM")
            return _counts(conn)
    except sqlite3.Error as err:
        raise _sqlite_problem(err) from None


def _set_flag(db: Database, actor: Actor, source: Path, sha: str) -> None:
    with db.session() as session, writing(session, actor, Permission.BACKUP) as audit:
        _put_flag(session, True)
        audit.record("backup.restore_start", "backup", source.name, after={"file": str(source), "sha256": sha})


def _put_flag(session: Session, value: bool) -> None:
    row = session.get(OfficeSetting, RESTORE_FLAG)
    text = "true" if value else "false"
    if row is None:
        session.add(OfficeSetting(key=RESTORE_FLAG, value=text))
    else:
        row.value = text


def clear_restore_flag(db: Database, actor: Actor) -> bool:
    """Clear a restore flag left set by a restore that was killed (power cut, ended process), so
    data entry opens again. Only for when no restore is running on any workstation. Returns
    whether the flag was set."""
    with db.session() as session, writing(session, actor, Permission.BACKUP) as audit:
        if not restore_in_progress(session):
            audit.nothing_changed()
            return False
        _put_flag(session, False)
        audit.record("backup.restore_flag_cleared", "office_setting", RESTORE_FLAG, before=True, after=False)
    return True


def prune_safety_copies(backup_dir: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest copies made before restores (each is a whole,
    unencrypted database: they should not pile up). Encrypted backups are never touched.
    Returns what was deleted; a copy that cannot be deleted is left for next time."""
    copies = [f.path for f in list_backups(backup_dir) if f.kind == "pre-restore"]
    deleted = []
    for path in copies[keep:]:
        try:
            path.unlink()
            deleted.append(path)
        except OSError:
            pass
    return deleted


def safety_copy(db: Database, backup_dir: Path) -> Path:
    """A plain copy of the current database, kept in ``backup_dir``: made with ``VACUUM
    INTO`` in a scratch folder, then written to ``backup_dir`` through ``formats.atomic``, so a
    copy cut short by a killed process never sits there under a finished copy's name (the
    part file it may leave goes at the next start, ``remove_leftovers``)."""
    live = _live_file(db)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        target = backup_dir / f"{SAFETY_PREFIX}{stamp}.db"
        n = 1
        while target.exists():
            n += 1
            target = backup_dir / f"{SAFETY_PREFIX}{stamp}-{n}.db"
    except OSError as err:
        raise _file_problem(backup_dir, err, writing_file=True) from None
    with _workdir(live.parent) as work:
        plain = work / "safety.db"
        try:
            with db.engine.connect() as conn:
                sqlite_driver(conn).execute("VACUUM INTO ?", (str(plain),))
        except sqlite3.Error as err:
            raise _sqlite_problem(err) from None
        try:
            with plain.open("rb") as src, atomic.replacing(target) as out:
                shutil.copyfileobj(src, out, 1 << 20)
        except OSError as err:
            raise _file_problem(target, err, writing_file=True) from None
    return target


def _verify_live(live: Path, expected: dict[str, int]) -> None:
    with closing(_connect(live)) as conn:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        if not ok or _revision(conn) != HEAD or _counts(conn) != expected:
            raise BackupError("پس از جایگزینی، پایگاه داده با نسخهٔ پشتیبان یکی نبود.",
                              "After the replacement the database did not match the backup.",
                              code="backup_restore_check")


def _finish(db: Database, actor: Actor, source: Path, sha: str, header: container.Header, revision: str, upgraded: bool,
            safety: Path, origin: BackupOrigin) -> None:
    """Clear the flag and record the restore, in one transaction of the restored database.
    The person who restored is recorded by name only: their account (if any) belongs to the
    data that was replaced, and the restored accounts may not hold it, or hold another person
    under its number — the session ends after a restore anyway."""
    recorder = replace(actor, user_id=None)
    with db.session() as session, writing(session, recorder, Permission.BACKUP) as audit:
        _put_flag(session, False)
        audit.record("backup.restore", "backup", source.name, after={
            "file": str(source), "sha256": sha, "backup_created_at": header.created_at.isoformat(),
            "backup_revision": revision, "upgraded": upgraded, "safety_copy": str(safety),
            "office_id": origin.office_id, "foreign": origin.foreign})


def _undo(db: Database, actor: Actor, live: Path, source: Path, safety: Path | None, exc: BaseException) -> None:
    """After a failure: put the previous data back (when it may have been replaced) and clear the
    flag. Raises a clear error when the previous data cannot be put back."""
    if safety is not None:
        try:
            db.engine.dispose()
            copy_database(safety, live)
        except BaseException as err:  # noqa: BLE001
            raise BackupError(
                "بازگردانی ناموفق بود و دادهٔ پیشین خودکار بازگردانده نشد؛ رونوشت دادهٔ پیش از بازگردانی در "
                f"«{safety}» است. برنامه را ببندید و با پشتیبانی تماس بگیرید.",
                f"The restore failed and the previous data could not be put back automatically; the copy "
                f"made before the restore is '{safety}'. Close the program and contact support.",
                code="backup_restore_undo",
            ) from err
    try:
        with db.session() as session, writing(session, actor, Permission.BACKUP) as audit:
            _put_flag(session, False)
            audit.record("backup.restore_failed", "backup", source.name,
                         after={"file": str(source), "error": type(exc).__name__})
    except Exception:  # noqa: BLE001 - the flag must be cleared even without its audit record
        with closing(_connect(live)) as conn:
            conn.execute("UPDATE office_settings SET value = 'false' WHERE key = ?", (RESTORE_FLAG,))


def _as_service_error(exc: BaseException, live: Path) -> BaseException:
    if isinstance(exc, RasadError):
        return exc
    if isinstance(exc, sqlite3.Error):
        return _sqlite_problem(exc)
    if isinstance(exc, OSError):
        return _file_problem(Path(exc.filename) if exc.filename else live, exc, writing_file=True)
    return exc


# ------------------------------------------------------------------------------ listing
@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # "backup" (encrypted), "pre-restore" or "pre-upgrade" (plain safety copies), "other"
    size: int
    modified: dt.datetime  # local time


def list_backups(folder: Path) -> list[BackupFile]:
    """The files in a backups folder, newest first (no database needed)."""
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        if not path.is_file() or path.name.endswith(atomic.PART_SUFFIX) or path.name.startswith("."):
            continue
        if path.name.startswith("pre-restore-"):
            kind = "pre-restore"
        elif path.name.startswith("pre-upgrade-"):
            kind = "pre-upgrade"
        else:
            kind = "backup" if container.is_backup_file(path) else "other"
        st = path.stat()
        out.append(BackupFile(path, kind, st.st_size, dt.datetime.fromtimestamp(st.st_mtime)))
    out.sort(key=lambda f: (f.modified, f.path.name), reverse=True)
    return out


def human_size(size: int, lang: str = "fa") -> str:
    """1 234 567 bytes → «۱٫۲ مگابایت» / "1.2 MB"."""
    if size < 1024:
        text, unit = str(size), ("بایت", "bytes")
    elif size < 1024 * 1024:
        text, unit = f"{size / 1024:.1f}", ("کیلوبایت", "KB")
    else:
        text, unit = f"{size / (1024 * 1024):.1f}", ("مگابایت", "MB")
    if lang == "en":
        return f"{text} {unit[1]}"
    return f"{to_persian_digits(text).replace('.', '٫')} {unit[0]}"


def suggested_name(now: dt.datetime | None = None) -> str:
    """rasad-1404-09-04-1530.rbk (Jalali date, Latin digits: safe in any file system)."""
    from rasad_desktop.core.jalali import to_jalali

    now = now or dt.datetime.now()
    j = to_jalali(now)
    return f"rasad-{j.year:04d}-{j.month:02d}-{j.day:02d}-{now:%H%M}{BACKUP_SUFFIX}"

