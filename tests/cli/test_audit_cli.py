"""``rasad-desktop audit verify`` and ``audit list``: Persian output, exit status 1 when the
trail was tampered with."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, text

from rasad_desktop.cli import main
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.text import display_width
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import AuditLog
from rasad_desktop.services import accounts
from rasad_desktop.services.roles import Actor, Role


@pytest.fixture
def data_dir(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("RASAD_DATABASE_URL", raising=False)
    return tmp_path / "data"


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _db(data_dir) -> Database:  # type: ignore[no-untyped-def]
    return Database.open(f"sqlite:///{(data_dir / 'rasad.db').as_posix()}")


@pytest.fixture
def demo(data_dir, capsys):  # type: ignore[no-untyped-def]
    """The demo province plus a user with a few sign-ins: ten audit rows (three of them the
    seals of the writes that changed vouched-for data: the demo, the account, the reset)."""
    assert _run(capsys, "demo", "--data-dir", str(data_dir), "--year", "1404", "--months", "3")[0] == 0
    db = _db(data_dir)
    with db.session() as s:
        accounts.create_user(s, Actor("setup", Role.ADMIN), "sara", Role.DATA_ENTRY, "secret-pass-1",
                             full_name="سارا رضایی")
        for password in ("wrong-1", "secret-pass-1", "wrong-2", "secret-pass-1"):
            try:
                accounts.sign_in(s, "sara", password)
            except accounts.SignInError:
                pass
        accounts.reset_password(s, Actor("setup", Role.ADMIN), "sara")
        ids = list(s.scalars(select(AuditLog.id).order_by(AuditLog.id)))
    db.close()
    assert len(ids) == 10
    return ids


def _tamper(data_dir, sql: str, **params: object) -> None:  # type: ignore[no-untyped-def]
    db = _db(data_dir)
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)
    db.close()


def test_verify_a_fresh_demo_is_intact(data_dir, capsys, demo):
    code, out, err = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    assert code == 0 and err == ""
    assert "۱۰ ردیف گزارش رویدادها بررسی شد." in out
    assert "با آخرین مقدار ثبت‌شده در گزارش رویدادها مقایسه شد" in out
    assert "سالم" in out and "دستکاری" not in out


def test_verify_prints_an_anchor_and_checks_anchors_given_back(data_dir, capsys, demo):
    import re

    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    anchor = re.search(r"(\d+:[0-9a-f]{16})", out).group(1)  # type: ignore[union-attr]
    assert code == 0 and anchor.startswith(f"{demo[-1]}:")
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir), "--anchor", anchor)
    assert code == 0 and "۱ لنگر یادداشت‌شده با زنجیره یکی است" in out
    wrong = anchor[:-4] + "0000"
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir), "--anchor", wrong)
    assert code == 1 and "لنگری که پیش‌تر یادداشت شده" in out
    code, _, err = _run(capsys, "audit", "verify", "--data-dir", str(data_dir), "--anchor", "nonsense")
    assert code == 1 and "لنگر «nonsense» معتبر نیست" in err


def test_verify_an_empty_trail(data_dir, capsys):
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    assert code == 0 and "۰ ردیف" in out and "سالم" in out


def test_an_edited_row_fails_the_check_naming_the_row(data_dir, capsys, demo):
    target = demo[3]
    _tamper(data_dir, "UPDATE audit_log SET username = 'boss' WHERE id = :id", id=target)
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    assert code == 1
    assert "دستکاری‌شده" in out and "سالم" not in out
    assert f"ردیف {localize_digits(str(target))} گزارش رویدادها پس از ثبت تغییر کرده است." in out


def test_a_deleted_row_and_a_deleted_newest_row_are_both_reported(data_dir, capsys, demo):
    _tamper(data_dir, "DELETE FROM audit_log WHERE id IN (:a, :b)", a=demo[2], b=demo[-1])
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    assert code == 1
    assert "۸ ردیف گزارش رویدادها بررسی شد." in out
    assert f"ردیف‌هایی پیش از ردیف {localize_digits(str(demo[3]))} " in out
    assert f"(پس از ردیف {localize_digits(str(demo[-2]))})" in out
    # the newest row was the password reset's seal: the account no longer matches the trail
    assert "کاربر «sara»: بیرون از سامانه تغییر کرده است" in out
    assert "۳ مشکل" in out


def test_data_changed_by_sql_fails_the_check_naming_it_and_a_baseline_vouches_anew(data_dir, capsys, demo):
    _tamper(data_dir, "UPDATE users SET role = 'admin' WHERE username = 'sara'")
    _tamper(data_dir, "UPDATE collections SET amount = amount + 1000 WHERE id = (SELECT min(id) FROM collections)")
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    assert code == 1 and "سالم" not in out and "۲ مشکل" in out
    assert "کاربر «sara»: بیرون از سامانه تغییر کرده است" in out
    assert re.search(r"وصولی‌های دستگاه «.+» \([۰-۹]+\) در سال ۱۴۰[۳۴]: بیرون از سامانه تغییر کرده است "
                     r"\(جمع مبلغ‌ها ۱٬۰۰۰ ریال بیشتر", out)
    code, out, _ = _run(capsys, "audit", "baseline", "--data-dir", str(data_dir))
    assert code == 0 and "مهر شد" in out
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    assert code == 0 and "سالم" in out and "مهر پایهٔ ۱۴" in out  # vouched for from the baseline, said so
    _tamper(data_dir, "DELETE FROM audit_log")
    _tamper(data_dir, "DELETE FROM audit_head")
    code, out, _ = _run(capsys, "audit", "verify", "--data-dir", str(data_dir))
    assert code == 1 and "۰ ردیف" in out and "سالم" not in out  # an emptied trail on data is never intact
    assert "رصد هرگز آن را ثبت نکرده است" in out


def test_verify_in_english(data_dir, capsys, demo):
    _tamper(data_dir, "UPDATE audit_log SET after = '{}' WHERE id = :id", id=demo[0])
    code, out, _ = _run(capsys, "--lang", "en", "audit", "verify", "--data-dir", str(data_dir))
    assert code == 1 and "10 audit rows checked." in out and "TAMPERED" in out
    assert f"Audit row {demo[0]} was changed after it was written." in out


def test_list_prints_the_newest_entries_aligned(data_dir, capsys, demo):
    code, out, _ = _run(capsys, "audit", "list", "--data-dir", str(data_dir), "--limit", "5")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "آخرین ۵ رویداد (تازه‌ترین نخست):"
    table = lines[lines.index("") + 1:]
    assert table[0].startswith("ردیف") and "پیش از ← پس از" in table[0]
    assert len(table) == 2 + 5
    body = table[2:]
    numbers = [int(localize_digits(line.split("│")[0].strip(), "latin")) for line in body]
    assert numbers == sorted(demo[-5:], reverse=True)  # newest first
    assert "state.seal" in body[0] and '"k": "sar' in body[0]  # the reset's seal: the account it vouches for
    assert "user.reset_password" in body[1] and "sara" in body[1]
    assert "user.sign_in_failed" in out and "user.sign_in " in out
    # Jalali date and time with Persian digits
    assert all(re.search(r"۱۴\d\d/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}:[۰-۹]{2}", line) for line in body)
    # before → after: of a long record only the fields that changed
    assert '{"must_change_password": false} → {"must_change_password": true}' in body[1]
    assert "full_name" not in body[1]
    # every column separator sits at the same display column on every line
    def columns(line: str) -> list[int]:
        return [display_width(line[:i]) for i, ch in enumerate(line) if ch in "│┼"]
    assert all(columns(line) == columns(table[0]) for line in table)


def test_list_in_english_with_latin_digits(data_dir, capsys, demo):
    code, out, _ = _run(capsys, "--lang", "en", "audit", "list", "--data-dir", str(data_dir), "--limit", "50")
    assert code == 0 and "The newest 10 entries" in out and "Before → after" in out
    assert "demo.load" in out.splitlines()[-1] and not re.search("[۰-۹]", out)


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_bad_limit_is_a_usage_error_in_persian(data_dir, capsys, demo, limit):
    code, out, err = _run(capsys, "audit", "list", "--data-dir", str(data_dir), "--limit", limit)
    assert code == 2 and err.startswith("usage: rasad-desktop audit ") and out == ""
    assert "rasad-desktop audit: error: تعداد ردیف‌ها (--limit) باید از ۱ تا ۱۰۰۰۰۰ باشد." in err


def test_list_of_an_empty_trail(data_dir, capsys):
    code, out, _ = _run(capsys, "audit", "list", "--data-dir", str(data_dir))
    assert code == 0 and "خالی" in out
