"""No plaintext left behind: a backup or restore killed with SIGKILL leaves its private
scratch folder (a decrypted copy of the whole database) beside the database; the next start
(``Context.open_db``, which the GUI and every command go through) deletes it, after which no
decrypted database is left anywhere in the data folder but the database itself. A scratch
folder whose owner still runs — in another process or in this one — is never deleted, and a
safety copy cut short is removed while a finished one is kept.

The child process pauses where the decrypted data sits in its scratch folder (a backup's
snapshot, a backup's read-back check, a restore's checked copy), says so, and is killed
there; further restores are killed at fixed delays, wherever they happen to be."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from db_files import copy_database
from needs import SIGKILL

from rasad_desktop.cli.context import Context
from rasad_desktop.db.database import Database
from rasad_desktop.formats import atomic, scratch
from rasad_desktop.services import backup
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.roles import Actor, Role

PASS = "گذرواژهٔ پشتیبان 1404"
ADMIN = Actor("admin-test", Role.ADMIN)
ROOT = Path(__file__).resolve().parents[2]
SQLITE_MAGIC = b"SQLite format 3\x00"
CHILD = r"""
import sys, time
from pathlib import Path
from rasad_desktop.db.database import Database
from rasad_desktop.services import backup
from rasad_desktop.services.roles import Actor, Role

mode, folder, file, pause_at, passphrase = sys.argv[1:6]
db = Database.open("sqlite:///" + (Path(folder) / "rasad.db").as_posix())
actor = Actor("kill-test", Role.ADMIN)

def pause(name):
    print("step " + name, flush=True)
    if name == pause_at:
        print("paused", flush=True)
        time.sleep(120)

if mode == "backup":  # no progress hook: wrap the steps that run while the plaintext is in the folder
    encrypt, mismatched = backup.container.encrypt, backup.contents_format.mismatched
    def paused_encrypt(*a, **k):
        pause("snapshot")
        return encrypt(*a, **k)
    def paused_mismatched(*a, **k):
        pause("verify")
        return mismatched(*a, **k)
    backup.container.encrypt, backup.contents_format.mismatched = paused_encrypt, paused_mismatched
    print("ready", flush=True)
    backup.make_backup(db, actor, Path(file), passphrase)
else:
    print("ready", flush=True)
    backup.restore_backup(db, actor, Path(file), passphrase, backup_dir=Path(folder) / "backups",
                          progress=pause, accept_foreign=True)
print("done", flush=True)
"""

killing = SIGKILL.unless(hasattr(signal, "SIGKILL") and os.name == "posix")


# ------------------------------------------------------------------------------ helpers
@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("leftovers-demo")
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    with db.session() as s:
        load_demo(s, Actor("setup", Role.ADMIN), 1404, 8)
    db.close()
    return folder / "rasad.db"


@pytest.fixture
def data(demo_file: Path, tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("RASAD_DATABASE_URL", raising=False)
    folder = tmp_path / "data"
    folder.mkdir()
    copy_database(demo_file, folder / "rasad.db")
    return folder


@pytest.fixture
def made(data: Path, tmp_path: Path) -> Path:
    db = Database.open(f"sqlite:///{(data / 'rasad.db').as_posix()}")
    try:
        return backup.make_backup(db, ADMIN, tmp_path / "out" / "made.rbk", PASS).path
    finally:
        db.close()


def start(folder: Path) -> None:
    """What every start does (the GUI's and each command's): open the data folder's database."""
    Context(argparse.Namespace(data_dir=str(folder), lang=None, database_url=None, no_dialogs=True)).open_db().close()


def scratch_folders(folder: Path) -> list[Path]:
    return sorted(folder.glob(backup.WORKDIR_PREFIX + "*"))


def plaintext_databases(folder: Path) -> list[Path]:
    """Every file in the data folder tree that is a SQLite database (decrypted data)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with path.open("rb") as f:
                if f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                    found.append(path)
    return found


def spawn(mode: str, folder: Path, file: Path, pause_at: str = "never") -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, mode, str(folder), str(file), pause_at, PASS], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "ready", proc.stderr.read() if proc.stderr else line
    return proc


def wait_paused(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    while line.startswith("step "):
        line = proc.stdout.readline().strip()
    if line != "paused":
        proc.kill()
        raise AssertionError(f"the child did not pause: {line!r} {proc.stderr.read() if proc.stderr else ''}")


def kill(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def sound(folder: Path) -> None:
    with closing(sqlite3.connect(str(folder / "rasad.db"))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


# ------------------------------------------------------------------------------ killed, then started
@killing
@pytest.mark.parametrize("mode, pause_at, inside", [
    ("backup", "snapshot", "snapshot.db"),  # the live data copied out, not yet encrypted
    ("backup", "verify", "verify.db"),  # the written backup decrypted again to check it
    ("restore", "check", "restore.db"),  # the backup decrypted and checked, nothing replaced yet
])
def test_a_killed_backup_or_restore_leaves_nothing_after_the_next_start(data, made, tmp_path, mode, pause_at,
                                                                        inside):
    file = made if mode == "restore" else tmp_path / "out" / "killed.rbk"
    proc = spawn(mode, data, file, pause_at)
    try:
        wait_paused(proc)
        work = scratch_folders(data)
        assert len(work) == 1 and (work[0] / inside).exists()
        if os.name == "posix":
            assert work[0].stat().st_mode & 0o777 == 0o700  # private to the user
        assert work[0] / inside in plaintext_databases(data)
        # while its owner runs, starting elsewhere leaves its folder alone
        start(data)
        assert scratch_folders(data) == work and (work[0] / inside).exists()
    finally:
        kill(proc)
    assert proc.returncode == -signal.SIGKILL
    assert scratch_folders(data) == work  # the kill left the decrypted copy behind ...

    start(data)  # ... which the next start deletes
    assert scratch_folders(data) == []
    assert plaintext_databases(data) == [data / "rasad.db"]
    assert not file.exists() or mode == "restore"  # a killed backup never becomes a backup file
    sound(data)


@killing
def test_restores_killed_anywhere_leave_only_the_database_and_finished_safety_copies(data, made):
    whole = spawn("restore", data, made)  # one left alone: how long a restore takes here
    began = time.monotonic()
    assert whole.stdout is not None and whole.stdout.read().split()[-1] == "done"
    kill(whole)
    took = time.monotonic() - began
    reached: list[str] = []  # the last step each child began before it died
    for fraction in (0.0, 0.15, 0.3, 0.45, 0.6, 0.75):
        delay = took * fraction
        proc = spawn("restore", data, made)
        assert proc.stdout is not None
        timer = threading.Timer(delay, lambda p=proc: os.kill(p.pid, signal.SIGKILL))  # type: ignore[misc]
        timer.start()
        try:
            lines = proc.stdout.read().split()
            proc.wait(timeout=60)
        finally:
            timer.cancel()
            kill(proc)
        reached.append(lines[-1] if lines else "-")
        start(data)
        # killed in the instant between making its folder and locking it, a child leaves a folder
        # with no data (at most an empty lock file), kept for a minute: it could be one being made
        assert all(f.name == scratch.LOCK_NAME and f.stat().st_size == 0
                   for p in scratch_folders(data) for f in p.iterdir()), scratch_folders(data)
        backups = data / "backups"
        assert not list(backups.glob("*" + atomic.PART_SUFFIX + "*")) if backups.exists() else True
        left = plaintext_databases(data)
        assert data / "rasad.db" in left
        # a restore killed after its safety copy keeps that copy: it is how the restore is undone
        assert all(p.parent == backups and p.name.startswith("pre-restore-") and p.suffix == ".db"
                   for p in left if p != data / "rasad.db"), left
        sound(data)
    print(f"a restore took {took:.2f} s; the last step each killed one began:", reached)
    assert sum(step != "done" for step in reached) >= 3, reached  # most were killed part-way


# ------------------------------------------------------------------------------ what is kept
def test_a_scratch_folder_in_use_in_this_process_is_kept(data):
    with scratch.Scratch.create(data, backup.WORKDIR_PREFIX) as work:
        (work / "restore.db").write_bytes(SQLITE_MAGIC + b"\0" * 100)
        assert os.name != "posix" or work.stat().st_mode & 0o777 == 0o700  # private to the user
        note = json.loads((work / scratch.LOCK_NAME).read_text(encoding="utf-8"))
        assert note["pid"] == os.getpid()  # who owns it, for whoever looks
        assert scratch.in_use(work)
        assert backup.remove_leftovers(data, data / "backups") == []
        assert (work / "restore.db").exists()
    assert not work.exists()  # removed by its owner when done


@pytest.mark.parametrize("lock_file", [False, True])
def test_a_folder_being_made_is_kept_while_young_and_removed_once_old(data, lock_file):
    """Made, not yet locked (no lock file, or an empty one): its owner may be locking it now."""
    young = data / f"{backup.WORKDIR_PREFIX}young"
    young.mkdir()
    if lock_file:
        (young / scratch.LOCK_NAME).write_bytes(b"")
    assert backup.remove_leftovers(data) == [] and young.exists()
    old_time = time.time() - scratch.YOUNG_S - 5
    os.utime(young, (old_time, old_time))
    assert backup.remove_leftovers(data) == [young] and not young.exists()


def test_a_young_folder_whose_owner_died_after_locking_is_removed(data):
    dead = data / f"{backup.WORKDIR_PREFIX}dead"
    dead.mkdir()
    (dead / scratch.LOCK_NAME).write_text('{"pid": 1, "host": "x", "started": 0}')  # noted, nobody holds it
    (dead / "restore.db").write_bytes(SQLITE_MAGIC + b"\0" * 100)
    assert backup.remove_leftovers(data) == [dead] and not dead.exists()


def test_other_names_and_links_are_never_touched(data, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("not ours")
    other = data / "rasad-backup-not-hidden"
    other.mkdir()
    plain_file = data / f"{backup.WORKDIR_PREFIX}file"
    plain_file.write_text("a file, not a scratch folder")
    link = data / f"{backup.WORKDIR_PREFIX}link"
    if os.name == "posix":  # Windows lets only privileged accounts make symbolic links
        link.symlink_to(outside, target_is_directory=True)
    old_time = time.time() - 3600
    for p in (outside, other, plain_file):
        os.utime(p, (old_time, old_time))
    assert backup.remove_leftovers(data) == []
    assert (outside / "keep.txt").exists() and other.exists() and plain_file.exists()
    assert link.is_symlink() or os.name != "posix"


def test_a_safety_copy_cut_short_is_removed_and_a_finished_one_kept(data):
    backups = data / "backups"
    backups.mkdir()
    cut = atomic.part_path(backups / "pre-restore-20250101-010101.db")
    cut.write_bytes(SQLITE_MAGIC + b"\0" * 100)
    finished = backups / "pre-restore-20250101-000000.db"
    finished.write_bytes(SQLITE_MAGIC + b"\0" * 100)
    # while a restore runs beside the database, its safety copy may be the one being written
    with scratch.Scratch.create(data, backup.WORKDIR_PREFIX):
        assert backup.remove_leftovers(data, backups) == [] and cut.exists()
    assert backup.remove_leftovers(data, backups) == [cut]
    assert not cut.exists() and finished.exists()


def test_a_safety_copy_cut_short_never_sits_under_a_finished_copys_name(data, tmp_path, monkeypatch):
    db = Database.open(f"sqlite:///{(data / 'rasad.db').as_posix()}")
    real = shutil.copyfileobj

    def disk_full(src, dst, length=0):  # type: ignore[no-untyped-def]
        dst.write(src.read(4096))
        raise OSError(28, "No space left on device")
    try:
        monkeypatch.setattr(backup.shutil, "copyfileobj", disk_full)
        with pytest.raises(backup.BackupError):
            backup.safety_copy(db, tmp_path / "safe")
        assert list((tmp_path / "safe").iterdir()) == [] and scratch_folders(data) == []
        monkeypatch.setattr(backup.shutil, "copyfileobj", real)
        copy = backup.safety_copy(db, tmp_path / "safe")
    finally:
        db.close()
    assert [p.name for p in (tmp_path / "safe").iterdir()] == [copy.name] and scratch_folders(data) == []
    with closing(sqlite3.connect(str(copy))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM collections").fetchone()[0] > 0
