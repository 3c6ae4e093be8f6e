"""``rasad-desktop backup`` and ``restore``, run in-process through ``rasad_desktop.cli.main``."""

from __future__ import annotations

import getpass
import hashlib
import io
import sqlite3
import sys
from contextlib import closing

import pytest

from rasad_desktop.cli import main

PASS = "cli-passphrase-1404"


class _Stdin(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def dirs(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("RASAD_DATABASE_URL", raising=False)
    return tmp_path / "data", tmp_path / "fresh"


def _run(capsys, monkeypatch, stdin: str, *args: str, tty: bool = False) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", _Stdin(stdin, tty=tty))
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def fingerprint(folder) -> str:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    with closing(sqlite3.connect(str(folder / "rasad.db"))) as conn:
        for table in ("fiscal_years", "agencies", "assignments", "collections", "users", "audit_log"):
            digest.update(table.encode())
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def counts(folder) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(str(folder / "rasad.db"))) as conn:
        return (conn.execute("SELECT count(*) FROM agencies").fetchone()[0],
                conn.execute("SELECT count(*) FROM collections").fetchone()[0])


@pytest.fixture
def backed_up(dirs, capsys, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    data, _ = dirs
    assert _run(capsys, monkeypatch, "", "demo", "--data-dir", str(data), "--year", "1404", "--months", "6")[0] == 0
    out_file = tmp_path / "rasad-1404.rbk"
    code, out, err = _run(capsys, monkeypatch, PASS + "\n", "backup", "--data-dir", str(data),
                          "--out", str(out_file), "--passphrase-stdin")
    assert code == 0, err
    return out_file, out


def test_backup_then_restore_into_a_fresh_data_folder(dirs, capsys, monkeypatch, backed_up):
    data, fresh = dirs
    out_file, out = backed_up
    sha = hashlib.sha256(out_file.read_bytes()).hexdigest()
    assert "نوشته و بازبینی شد" in out and str(out_file) in out and f"SHA-256: {sha}" in out
    assert "اندازه:" in out and "بایت" in out
    assert PASS not in out

    code, out, err = _run(capsys, monkeypatch, PASS + "\n", "restore", "--data-dir", str(fresh), str(out_file))
    assert code == 0, err
    assert "بازگردانده شد" in out and "رونوشت داده‌های پیش از بازگردانی" in out
    assert counts(fresh) == counts(data) and counts(fresh)[1] > 0
    assert list((fresh / "backups").glob("pre-restore-*.db"))
    # the restored folder works: the summary reads the restored figures
    code, out, _ = _run(capsys, monkeypatch, "", "summary", "--data-dir", str(fresh), "--year", "1404",
                        "--through-month", "6")
    assert code == 0 and "جمع کل" in out
    code, out, _ = _run(capsys, monkeypatch, "", "audit", "verify", "--data-dir", str(fresh))
    assert code == 0


def test_attachments_are_backed_up_and_restored_from_the_command_line(dirs, capsys, monkeypatch, tmp_path):
    from rasad_desktop.db.database import Database
    from rasad_desktop.services import attachments
    from rasad_desktop.services import requests as rq
    from rasad_desktop.services.roles import Actor, Role

    data, fresh = dirs
    assert _run(capsys, monkeypatch, "Admin-pass-1405\n", "init", "--data-dir", str(data))[0] == 0
    admin = Actor("admin", Role.ADMIN)
    db = Database.open(f"sqlite:///{(data / 'rasad.db').as_posix()}")
    with db.session() as s:
        code = rq.register(s, admin, rq.NewRequest("request", "portal", "علی رضایی", "0499370899", "09121234567",
                                                   "درخواست", "متن"), workstation=3).tracking_code
    letter = tmp_path / "letter.txt"
    letter.write_text("نامهٔ متقاضی", encoding="utf-8")
    with db.session() as s:
        att = attachments.add_attachment(s, admin, code, letter, data)
    db.close()
    out_file = tmp_path / "files.rbk"
    code_, out, err = _run(capsys, monkeypatch, PASS + "\n", "backup", "--data-dir", str(data),
                           "--out", str(out_file), "--passphrase-stdin")
    assert code_ == 0 and "پیوست‌ها: ۱ فایل" in out, err
    code_, out, err = _run(capsys, monkeypatch, PASS + "\n", "restore", "--data-dir", str(fresh), str(out_file))
    assert code_ == 0 and "۱ فایل پیوست در پوشهٔ داده بازگردانده شد" in out, err
    assert (attachments.folder(fresh) / att.path.name).read_text(encoding="utf-8") == "نامهٔ متقاضی"


def test_a_wrong_passphrase_exits_1_with_a_persian_message_and_the_data_untouched(dirs, capsys, monkeypatch,
                                                                                   backed_up):
    data, _ = dirs
    out_file, _ = backed_up
    before = fingerprint(data)
    code, out, err = _run(capsys, monkeypatch, "wrong-passphrase\n", "restore", "--data-dir", str(data),
                          str(out_file), "--passphrase-stdin")
    assert code == 1 and out == ""
    assert "عبارت عبور نادرست است" in err and "Traceback" not in err
    assert fingerprint(data) == before
    assert not list((data / "backups").glob("pre-restore-*")) if (data / "backups").exists() else True


def test_a_damaged_file_exits_1(dirs, capsys, monkeypatch, backed_up, tmp_path):
    data, _ = dirs
    out_file, _ = backed_up
    raw = out_file.read_bytes()
    bad = tmp_path / "bad.rbk"
    bad.write_bytes(raw[: len(raw) - 50])
    before = fingerprint(data)
    code, _, err = _run(capsys, monkeypatch, PASS + "\n", "restore", "--data-dir", str(data), str(bad))
    assert code == 1 and "آسیب دیده یا ناقص" in err and fingerprint(data) == before
    code, _, err = _run(capsys, monkeypatch, PASS + "\n", "restore", "--data-dir", str(data), str(tmp_path / "none.rbk"))
    assert code == 1 and "پیدا نشد" in err


def test_restore_without_a_file_is_a_usage_error(dirs, capsys, monkeypatch):
    data, _ = dirs
    code, out, err = _run(capsys, monkeypatch, PASS + "\n", "restore", "--data-dir", str(data))
    assert code == 2 and out == "" and err.startswith("usage: rasad-desktop restore ")
    assert "rasad-desktop restore: error: فایل نسخهٔ پشتیبان را بدهید." in err and not data.exists()


def test_passphrase_rules_on_the_command_line(dirs, capsys, monkeypatch, tmp_path):
    data, _ = dirs
    target = tmp_path / "x.rbk"
    code, _, err = _run(capsys, monkeypatch, "short\n", "backup", "--data-dir", str(data), "--out", str(target))
    assert code == 1 and "۸ نویسه" in err and not target.exists()
    code, _, err = _run(capsys, monkeypatch, "\n", "backup", "--data-dir", str(data), "--out", str(target))
    assert code == 1 and "عبارت عبور" in err
    # on a terminal: asked twice, without echo; two different answers write nothing
    answers = iter([PASS, PASS + "?"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    code, _, err = _run(capsys, monkeypatch, "", "backup", "--data-dir", str(data), "--out", str(target), tty=True)
    assert code == 1 and "یکی نیستند" in err and not target.exists()
    answers = iter([PASS, PASS])
    code, out, err = _run(capsys, monkeypatch, "", "backup", "--data-dir", str(data), "--out", str(target), tty=True)
    assert code == 0 and target.exists(), err


def test_restore_on_a_terminal_asks_first(dirs, capsys, monkeypatch, backed_up):
    data, _ = dirs
    out_file, _ = backed_up
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": PASS)
    before = fingerprint(data)
    code, out, err = _run(capsys, monkeypatch, "نه\n", "restore", "--data-dir", str(data), str(out_file), tty=True)
    assert code == 1 and "جایگزین می‌شود" in out and "لغو شد" in err and fingerprint(data) == before
    code, out, err = _run(capsys, monkeypatch, "بله\n", "restore", "--data-dir", str(data), str(out_file), tty=True)
    assert code == 0 and "بازگردانده شد" in out, err


def test_messages_in_english(dirs, capsys, monkeypatch, backed_up):
    data, _ = dirs
    out_file, _ = backed_up
    code, _, err = _run(capsys, monkeypatch, "wrong-passphrase\n", "--lang", "en", "restore", "--data-dir",
                        str(data), str(out_file))
    assert code == 1 and "passphrase is wrong" in err


def _users(folder) -> list[str]:  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(str(folder / "rasad.db"))) as conn:
        return [r[0] for r in conn.execute("SELECT username FROM users ORDER BY username")]


@pytest.fixture
def other_installation(dirs, capsys, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """A backup of data folder A (its administrator «admin»), and data folder B, an installation
    of its own (administrator «bahram»)."""
    data, _ = dirs
    assert _run(capsys, monkeypatch, "Admin-pass-1405\n", "init", "--data-dir", str(data))[0] == 0
    out_file = tmp_path / "a.rbk"
    assert _run(capsys, monkeypatch, PASS + "\n", "backup", "--data-dir", str(data), "--out", str(out_file))[0] == 0
    other = tmp_path / "b"
    assert _run(capsys, monkeypatch, "Bahram-pass-1405\n", "init", "--data-dir", str(other), "--admin", "bahram")[0] == 0
    return out_file, other


def test_a_backup_from_another_installation_needs_accept_foreign_without_a_terminal(capsys, monkeypatch,
                                                                                   other_installation):
    out_file, other = other_installation
    before = fingerprint(other)
    code, out, err = _run(capsys, monkeypatch, PASS + "\n", "restore", "--data-dir", str(other), str(out_file))
    assert code == 1 and fingerprint(other) == before and _users(other) == ["bahram"]
    assert "دفتر: «" in out and "کاربران (۱): admin (مدیر سامانه)" in out  # where it comes from, printed first
    assert "این نسخه از نصب دیگری از برنامه است" in out
    assert "از نصب دیگری از برنامه است" in err and "admin (مدیر سامانه)" in err and "--accept-foreign" in err
    assert "Traceback" not in err
    code, out, err = _run(capsys, monkeypatch, PASS + "\n", "restore", "--data-dir", str(other), str(out_file),
                          "--accept-foreign")
    assert code == 0 and "بازگردانده شد" in out, err
    assert _users(other) == ["admin"]


def test_on_a_terminal_a_foreign_backup_is_shown_and_asked_about(capsys, monkeypatch, other_installation):
    out_file, other = other_installation
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": PASS)
    before = fingerprint(other)
    code, out, err = _run(capsys, monkeypatch, "نه\n", "restore", "--data-dir", str(other), str(out_file), tty=True)
    assert code == 1 and "لغو شد" in err and fingerprint(other) == before
    assert "admin (مدیر سامانه)" in out and "این نسخه از این نصب برنامه نیست" in out
    code, out, err = _run(capsys, monkeypatch, "بله\n", "restore", "--data-dir", str(other), str(out_file), tty=True)
    assert code == 0 and "بازگردانده شد" in out, err
    assert _users(other) == ["admin"]


def test_a_backup_of_this_installation_is_printed_and_restored_without_the_flag(dirs, capsys, monkeypatch,
                                                                             other_installation):
    data, _ = dirs
    out_file, _ = other_installation
    code, out, err = _run(capsys, monkeypatch, PASS + "\n", "--lang", "en", "restore", "--data-dir", str(data),
                          str(out_file))
    assert code == 0, err
    assert "Users (1): admin (Administrator)" in out and "It comes from this installation." in out
