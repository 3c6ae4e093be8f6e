"""What a backup holds inside its encryption: the database and the attachment files, laid out
and read back; a malformed layout or a name that is not a stored name is refused."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from contextlib import closing

import pytest

from rasad_desktop.formats import atomic, backup_contents
from rasad_desktop.formats.backup_container import BackupError

DATABASE = b"SQLite format 3\x00" + bytes(48)
NAME = "0123456789abcdef0123456789abcdef.pdf"


def test_pack_and_unpack():
    files = {NAME: b"%PDF-1.4 letter", "f" * 32: b"no extension"}
    plain = backup_contents.pack(DATABASE, files)
    assert plain[:8] == struct.pack(">Q", len(DATABASE)) and plain[8:8 + len(DATABASE)] == DATABASE
    inside = backup_contents.unpack(plain, 2)
    assert inside.database == DATABASE and inside.files == files
    assert backup_contents.unpack(DATABASE, 1) == backup_contents.Contents(DATABASE, {})  # format 1


def _entry(name: str, data: bytes) -> bytes:
    return struct.pack(">H", len(name)) + name.encode() + struct.pack(">Q", len(data)) + data


@pytest.mark.parametrize("plain", [
    backup_contents.pack(DATABASE, {NAME: b"x"})[:-1],  # cut short
    b"\x00" * 3,  # not even the database's length
    backup_contents.pack(DATABASE, {"../../evil.txt": b"x"}),  # a path, not a stored name
    backup_contents.pack(DATABASE, {NAME: b"x"}) + _entry(NAME, b"y"),  # the same name twice
    backup_contents.pack(DATABASE, {}) + b"\x00\x02\xff\xfe" + struct.pack(">Q", 0),  # not ASCII
])
def test_a_malformed_layout_is_a_damaged_backup(plain):
    with pytest.raises(BackupError) as caught:
        backup_contents.unpack(plain, 2)
    assert caught.value.code == "backup_damaged" and "چینش محتوا" in caught.value.message_fa


def _database(tmp_path, rows):  # type: ignore[no-untyped-def]
    path = tmp_path / "copy.db"
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("CREATE TABLE request_attachments (stored_name TEXT, sha256 TEXT)")
        conn.executemany("INSERT INTO request_attachments VALUES (?, ?)", rows)
        conn.commit()
    return path


def test_only_listed_unchanged_files_are_collected_and_accepted(tmp_path):
    folder = tmp_path / "attachments"
    folder.mkdir()
    (folder / NAME).write_bytes(b"kept")
    (folder / ("a" * 32)).write_bytes(b"changed since")
    database = _database(tmp_path, [(NAME, hashlib.sha256(b"kept").hexdigest()),
                                    ("a" * 32, hashlib.sha256(b"original").hexdigest()),
                                    ("b" * 32, hashlib.sha256(b"gone").hexdigest())])
    files, lost = backup_contents.collect(database, folder)
    assert files == {NAME: b"kept"} and lost == ["a" * 32, "b" * 32]
    assert backup_contents.mismatched(database, files) == []
    assert backup_contents.mismatched(database, {NAME: b"forged", "c" * 32: b"x"}) == [NAME, "c" * 32]


def test_files_are_written_back_whole(tmp_path):
    folder = tmp_path / "new" / "attachments"
    assert backup_contents.write_files(folder, {NAME: b"one", "a" * 32: b"two"}) == 2
    assert (folder / NAME).read_bytes() == b"one"
    assert backup_contents.write_files(folder, {NAME: b"one", "a" * 32: b"three"}) == 1  # same content kept
    assert (folder / ("a" * 32)).read_bytes() == b"three"
    assert not list(folder.glob("*" + atomic.PART_SUFFIX))
