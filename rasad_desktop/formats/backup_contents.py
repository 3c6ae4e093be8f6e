"""What a backup holds inside its encryption: the database and the files attached to requests.

Format 2 (integers big-endian)::

    8 bytes   length D of the database file
    D bytes   the database file
    then, for each attachment:
      2 bytes   length N of its stored name (ASCII)
      N bytes   the stored name (as in ``request_attachments.stored_name``)
      8 bytes   length S of the file
      S bytes   the file

Format 1 held the database file alone. Only attachments listed in the copied database, with
the SHA-256 recorded there, are taken into a backup or written back by a restore.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from rasad_desktop.formats import atomic
from rasad_desktop.formats.backup_container import damaged

_LEN = struct.Struct(">Q")
_NAME_LEN = struct.Struct(">H")
# uuid4 hex and the lower-case extension: never a path, whatever a backup file says
STORED_NAME = re.compile(r"[0-9a-f]{32}(\.[a-z0-9]{1,8})?")


class _Malformed(ValueError):
    """The decrypted contents are not laid out as the format says."""


KEY_ENTRY = "personal-data.key"  # the office's personal-data key, beside the attachments


@dataclass(frozen=True)
class Contents:
    database: bytes
    files: dict[str, bytes]  # stored name → bytes
    key: bytes | None = None  # the key the database's requesters' IDs are sealed with


def pack(database: bytes, files: dict[str, bytes], key: bytes | None = None) -> bytes:
    parts = [_LEN.pack(len(database)), database]
    for name, data in (*files.items(), *(((KEY_ENTRY, key),) if key is not None else ())):
        raw = name.encode("ascii")
        parts += [_NAME_LEN.pack(len(raw)), raw, _LEN.pack(len(data)), data]
    return b"".join(parts)


def unpack(plain: bytes, version: int) -> Contents:
    """The contents of a decrypted backup of format ``version``; BackupError if malformed."""
    if version == 1:
        return Contents(plain, {})
    try:
        return _unpack(plain)
    except _Malformed:
        raise damaged("چینش محتوای آن نامعتبر است", "its contents are not laid out as expected") from None


def _unpack(plain: bytes) -> Contents:
    view = memoryview(plain)
    pos = 0

    def take(n: int) -> bytes:
        nonlocal pos
        if n > len(view) - pos:
            raise _Malformed("cut short")
        pos += n
        return bytes(view[pos - n:pos])

    database = take(_LEN.unpack(take(_LEN.size))[0])
    files: dict[str, bytes] = {}
    key: bytes | None = None
    while pos < len(view):
        try:
            name = take(_NAME_LEN.unpack(take(_NAME_LEN.size))[0]).decode("ascii")
        except UnicodeDecodeError:
            raise _Malformed("a file name is not ASCII") from None
        if name == KEY_ENTRY and key is None:
            key = take(_LEN.unpack(take(_LEN.size))[0])
            if len(key) != 32:
                raise _Malformed("a key of the wrong size")
            continue
        if not STORED_NAME.fullmatch(name) or name in files:
            raise _Malformed(f"unexpected file name {name!r}")
        files[name] = take(_LEN.unpack(take(_LEN.size))[0])
    return Contents(database, files, key)


def listed(database: Path) -> dict[str, str]:
    """Stored name → SHA-256 of every attachment the database lists."""
    with closing(sqlite3.connect(str(database))) as conn:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'request_attachments'")
        if exists.fetchone() is None:
            return {}
        return dict(conn.execute("SELECT stored_name, sha256 FROM request_attachments").fetchall())


def collect(database: Path, folder: Path | None) -> tuple[dict[str, bytes], list[str]]:
    """The attachment files listed in ``database`` that are present and unchanged in ``folder``,
    and the stored names of those missing or changed (the backup goes ahead without them)."""
    files: dict[str, bytes] = {}
    lost: list[str] = []
    for name, digest in sorted(listed(database).items()):
        try:
            data = (folder / name).read_bytes() if folder is not None and STORED_NAME.fullmatch(name) else None
        except OSError:
            data = None
        if data is not None and hashlib.sha256(data).hexdigest() == digest:
            files[name] = data
        else:
            lost.append(name)
    return files, lost


def mismatched(database: Path, files: dict[str, bytes]) -> list[str]:
    """Files that the database does not list, or lists with another SHA-256."""
    digests = listed(database)
    return [n for n, data in files.items() if digests.get(n) != hashlib.sha256(data).hexdigest()]


def write_files(folder: Path, files: dict[str, bytes]) -> int:
    """Put the files into ``folder`` (each written atomically); those already there with
    the same content are left alone. Returns how many were written. Extra files are harmless:
    their names are random and no database lists them."""
    written = 0
    for name, data in files.items():
        target = folder / name
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        atomic.write_bytes(target, data)
        written += 1
    return written
