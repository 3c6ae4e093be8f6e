"""Private scratch folders for work on decrypted data (a backup being made, a restore being
checked), and removing the ones a killed process left behind.

A scratch folder is made with ``tempfile.mkdtemp`` inside the folder given (mode 0700 on
POSIX; on Windows it inherits the data folder's per-user permissions). Its first file,
``owner.lock``, is held open and locked for as long as the work runs — ``fcntl.flock`` on
POSIX, ``msvcrt.locking`` on Windows (where an open file cannot be deleted either) — and
names the owner (process id, computer, start time) for whoever looks. The operating system
releases the lock when the process ends in any way, SIGKILL and power cuts included, so
``remove_stale`` can tell a folder whose owner is gone (deleted) from one a running backup in
another process is using (kept). A folder without its lock file yet is being made: it is
kept while younger than ``YOUNG_S``. Where the file system has no locks (some network
shares on POSIX), the process id decides: a folder of this computer whose process is gone
is stale, any other is kept.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

LOCK_NAME = "owner.lock"
YOUNG_S = 60.0  # a folder this young without its lock file is still being made
_LOCK_AT = 1 << 30  # Windows locks a byte range: one far past the owner's note, which stays readable


class Scratch:
    """One private scratch folder, locked by this process until ``remove``."""

    def __init__(self, path: Path, lock: BinaryIO) -> None:
        self.path = path
        self._lock: BinaryIO | None = lock

    @classmethod
    def create(cls, near: Path, prefix: str) -> Scratch:
        """Make and lock a new folder in ``near`` (OSError when that is impossible)."""
        near.mkdir(parents=True, exist_ok=True)
        path = Path(tempfile.mkdtemp(prefix=prefix, dir=near))
        try:
            lock = (path / LOCK_NAME).open("w+b")
        except OSError:
            shutil.rmtree(path, ignore_errors=True)
            raise
        if _try_lock(lock) is False:  # a new file no one else knows: cannot happen
            lock.close()
            shutil.rmtree(path, ignore_errors=True)
            raise OSError(f"could not lock {path / LOCK_NAME}")
        note = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
        lock.write(json.dumps(note).encode("utf-8"))
        lock.flush()
        return cls(path, lock)

    def remove(self) -> None:
        """Unlock and delete the folder (what cannot be deleted now goes at the next start)."""
        if self._lock is not None:
            self._lock.close()  # closing releases the lock (and lets Windows delete the file)
            self._lock = None
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.remove()


def _try_lock(f: BinaryIO) -> bool | None:
    """Lock ``f`` without waiting: True (locked now, by this handle), False (someone holds it),
    None (this file system has no locks)."""
    if sys.platform == "win32":
        import msvcrt

        f.seek(_LOCK_AT)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            f.seek(0)
        return True
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _owner_alive(f: BinaryIO) -> bool:
    """Without locks: whether the process the note names may still be running."""
    try:
        note = json.loads(f.read().decode("utf-8"))
        pid, host = int(note["pid"]), str(note["host"])
    except (OSError, ValueError, KeyError, TypeError):
        return True  # cannot tell: keep it
    if host != socket.gethostname():
        return True
    try:
        os.kill(pid, 0)  # POSIX only: Windows always has locks
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _young(folder: Path) -> bool:
    try:
        return time.time() - folder.stat().st_mtime < YOUNG_S
    except OSError:
        return False


def in_use(folder: Path) -> bool:
    """Whether a running process (this one included) works in the scratch ``folder``."""
    try:
        f = (folder / LOCK_NAME).open("r+b")
    except FileNotFoundError:
        return _young(folder)  # being made (nothing is written before the lock), or long dead
    except OSError:
        return True  # e.g. Windows: the file is open in a way that shuts others out
    with f:  # closing releases a lock taken here
        locked = _try_lock(f)
        if locked is None:
            return _owner_alive(f)
        if not locked:
            return True
        try:  # got the lock: its owner is gone — unless it is locking it this instant (no note yet)
            noted = bool(f.read(1))
        except OSError:
            noted = True
        return not noted and _young(folder)


def remove_stale(folder: Path, prefix: str) -> list[Path]:
    """Delete the scratch folders named ``prefix…`` in ``folder`` that no running process
    uses; returns those deleted. Never raises: what cannot be deleted now is tried again at
    the next start."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    removed = []
    for entry in entries:
        if not entry.name.startswith(prefix) or entry.is_symlink() or not entry.is_dir():
            continue
        if in_use(entry):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        if not entry.exists():
            removed.append(entry)
    return removed
