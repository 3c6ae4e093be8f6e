"""``rasad-desktop users``: the accounts from the command line, including the way back in
when the only administrator forgot the password."""

from __future__ import annotations

import io
import re
import sys

import pytest
from sqlalchemy import select

from rasad_desktop.db.database import Database
from rasad_desktop.db.models import AuditLog
from rasad_desktop.services import accounts
from rasad_desktop.services.accounts import SignInError

ADMIN_PASSWORD = "Str0ng-Pass-Phrase-9"


@pytest.fixture
def data(tmp_path, monkeypatch, run):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("RASAD_DATABASE_URL", raising=False)
    folder = tmp_path / "data"
    monkeypatch.setattr(sys, "stdin", io.StringIO(ADMIN_PASSWORD + "\n"))  # not a terminal: read the password
    code, _ = run("init", "--data-dir", str(folder))
    assert code == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no password given: one is generated
    return folder


def _db(folder) -> Database:  # type: ignore[no-untyped-def]
    return Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")


def _temporary(text: str) -> str:
    return re.search(r": (\S+)$", text.strip()).group(1)  # type: ignore[union-attr]


def test_a_forgotten_administrator_password_is_reset_from_the_command_line(data, run):
    code, text = run("users", "reset", "admin", "--data-dir", str(data))
    assert code == 0 and "گذرواژهٔ موقت" in text
    db = _db(data)
    with db.session() as s:
        with pytest.raises(SignInError):
            accounts.sign_in(s, "admin", ADMIN_PASSWORD)  # the old one no longer works
        assert accounts.sign_in(s, "admin", _temporary(text)).must_change_password
        assert "user.reset_password" in s.scalars(select(AuditLog.action)).all()
    db.close()


def test_add_lock_unlock_and_list(data, run):
    code, text = run("users", "add", "maryam", "--role", "data_entry", "--full-name", "مریم احمدی",
                     "--data-dir", str(data))
    assert code == 0 and "کارشناس ورود اطلاعات" in text
    temporary = _temporary(text.splitlines()[-1])
    assert run("users", "lock", "maryam", "--data-dir", str(data))[0] == 0
    db = _db(data)
    with db.session() as s, pytest.raises(SignInError):
        accounts.sign_in(s, "maryam", temporary)
    code, text = run("users", "list", "--data-dir", str(data))
    assert code == 0 and "مریم احمدی" in text and "قفل‌شده به دست مدیر" in text
    code, text = run("users", "reset", "maryam", "--data-dir", str(data))
    assert code == 0 and "users unlock maryam" in text  # a new password alone would not let her in
    temporary = _temporary(text.splitlines()[0])
    assert run("users", "unlock", "maryam", "--data-dir", str(data))[0] == 0
    with db.session() as s:
        assert accounts.sign_in(s, "maryam", temporary).must_change_password
    db.close()
    code, text = run("users", "list", "--data-dir", str(data), "--lang", "en")
    assert "Data entry" in text and "active" in text
    code, text = run("users", "role", "maryam", "--role", "viewer", "--data-dir", str(data))
    assert code == 0 and "بیننده" in text
    code, text = run("users", "list", "--data-dir", str(data), "--lang", "en")
    assert "Viewer" in text and "Data entry" not in text


def test_mistakes_are_explained(data, run):
    code, text = run("users", "reset", "nobody", "--data-dir", str(data))
    assert code == 1 and "«nobody» پیدا نشد" in text
    code, text = run("users", "reset", "--data-dir", str(data))
    assert code == 2 and text.startswith("usage: rasad-desktop users ")
    assert "rasad-desktop users: error: نام کاربری را بنویسید، مانند: users reset admin" in text
    code, text = run("users", "add", "ali", "--data-dir", str(data))
    assert code == 2 and text.startswith("usage: rasad-desktop users ")
    assert "rasad-desktop users: error: نقش کاربر را با --role بدهید." in text
