"""The command line, run in-process and, once, as a real console command."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys

import pytest

from rasad_desktop.cli import main
from rasad_desktop.core.text import display_width
from rasad_desktop.db.database import Database
from rasad_desktop.services import accounts


class _Stdin(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


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


def test_init_reads_the_password_from_a_pipe(data_dir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin("piped-secret-1\n", tty=False))
    code, out, _ = _run(capsys, "init", "--data-dir", str(data_dir), "--admin", "boss")
    assert code == 0 and "boss" in out and "piped-secret-1" not in out
    db = _db(data_dir)
    with db.session() as s:
        signed = accounts.sign_in(s, "boss", "piped-secret-1")
        assert signed.actor.role.value == "admin" and not signed.must_change_password
    db.close()
    code, out, _ = _run(capsys, "init", "--data-dir", str(data_dir))
    assert code == 0 and "از پیش" in out  # users exist: no second administrator


def test_init_on_a_terminal_generates_and_shows_the_password_once(data_dir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin("", tty=True))
    code, out, _ = _run(capsys, "init", "--data-dir", str(data_dir))
    assert code == 0
    password = out.strip().splitlines()[-1].split(": ")[-1]
    db = _db(data_dir)
    with db.session() as s:
        assert accounts.sign_in(s, "admin", password).must_change_password
    db.close()


def test_empty_piped_password_is_refused(data_dir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin("\n", tty=False))
    code, _, err = _run(capsys, "init", "--data-dir", str(data_dir))
    assert code == 1 and "گذرواژه" in err


def test_demo_then_summary_prints_an_aligned_persian_table(data_dir, capsys):
    code, out, _ = _run(capsys, "demo", "--data-dir", str(data_dir), "--year", "1404")
    assert code == 0 and "۱۴۰۳" in out and "۱۴۰۴" in out
    code, out, _ = _run(capsys, "summary", "--data-dir", str(data_dir), "--year", "1404", "--through-month", "6")
    assert code == 0
    lines = out.splitlines()
    assert "از ابتدای فروردین تا پایان شهریور ۱۴۰۴" in lines
    assert "ارقام: میلیون ریال" in lines
    table = lines[lines.index("") + 1:]
    assert table[0].startswith("رتبه") and "دستگاه اجرایی" in table[0]
    assert len(table) == 2 + 40 + 1  # header, rule, 40 agencies, total
    assert "اداره کل امور مالیاتی استان" in out and "جمع کل" in table[-1]
    assert not any(c in "0123456789" for c in "".join(table[2:]))  # Persian digits only
    # every column separator sits at the same display column on every line
    def columns(line: str) -> list[int]:
        return [display_width(line[:i]) for i, ch in enumerate(line) if ch in "│┼"]
    assert all(columns(line) == columns(table[0]) for line in table)


def test_summary_in_english_with_latin_digits(data_dir, capsys):
    _run(capsys, "demo", "--data-dir", str(data_dir), "--year", "1404", "--months", "6")
    code, out, _ = _run(capsys, "--lang", "en", "summary", "--data-dir", str(data_dir),
                        "--year", "1404", "--through-month", "3", "--unit", "billion")
    assert code == 0 and "Amounts in billion rials" in out and "Rank" in out
    assert "Total" in out.splitlines()[-1] and "۱" not in out.replace("ی", "")  # Latin digits


@pytest.mark.parametrize("args, message", [
    (["--year", "1390", "--through-month", "6"], "سال مالی ۱۳۹۰"),
    (["--year", "1404", "--through-month", "13"], "ماه «۱۳»"),
    (["--year", "1404", "--through-month", "6", "--unit", "toman"], "واحد"),
])
def test_summary_errors_are_persian_messages(data_dir, capsys, args, message):
    _run(capsys, "demo", "--data-dir", str(data_dir), "--year", "1404", "--months", "6")
    code, _, err = _run(capsys, "summary", "--data-dir", str(data_dir), *args)
    assert code == 1 and message in err and "Traceback" not in err


def test_demo_twice_is_refused_without_touching_the_data(data_dir, capsys):
    assert _run(capsys, "demo", "--data-dir", str(data_dir), "--year", "1404")[0] == 0
    code, _, err = _run(capsys, "demo", "--data-dir", str(data_dir), "--year", "1404")
    assert code == 1 and "از پیش" in err


def test_the_console_entry_point(tmp_path):
    env = dict(os.environ, RASAD_DATA_DIR=str(tmp_path / "d"), PYTHONIOENCODING="utf-8")
    env.pop("RASAD_DATABASE_URL", None)
    run = subprocess.run([sys.executable, "-m", "rasad_desktop", "demo", "--year", "1404"],
                         capture_output=True, text=True, env=env, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-m", "rasad_desktop", "summary", "--year", "1404",
                          "--through-month", "12"], capture_output=True, text=True, env=env, encoding="utf-8")
    assert run.returncode == 0 and "پایان اسفند ۱۴۰۴" in run.stdout
    assert (tmp_path / "d" / "rasad.db").exists()


def test_a_command_given_to_the_windowed_program_points_to_the_console_twin(tmp_path, monkeypatch, caplog):
    """Rasad.exe (windowed) has no stdout on Windows: a command there would run unseen."""
    monkeypatch.setattr(sys, "stdout", None)
    data = tmp_path / "d"
    code = main(["--no-dialogs", "--data-dir", str(data), "demo", "--year", "1404"])
    assert code == 2 and not (data / "rasad.db").exists()
    assert "without a console" in caplog.text


def test_the_installed_entry_point_is_the_package_main():
    from importlib.metadata import entry_points

    import rasad_desktop.cli

    (script,) = entry_points(group="console_scripts", name="rasad-desktop")
    assert script.value == "rasad_desktop.cli:main" and script.load() is rasad_desktop.cli.main


def _summary_process(data_dir) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    env = dict(os.environ)
    env.pop("RASAD_DATABASE_URL", None)
    return subprocess.Popen([sys.executable, "-m", "rasad_desktop", "--data-dir", str(data_dir), "summary",
                             "--year", "1405", "--through-month", "6"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def test_a_reader_that_is_gone_ends_the_command_quietly(demo_dir):
    """``rasad-desktop summary … | head -0``: the pipe is closed before anything is written."""
    proc = _summary_process(demo_dir)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait() == 141 and err == ""  # as a program ended by SIGPIPE; no traceback


def test_a_reader_that_stops_after_one_line(demo_dir):
    """``… | head -1`` through a real pipe: the first line arrives, nothing is said on stderr."""
    proc = _summary_process(demo_dir)
    first = proc.stdout.readline().decode("utf-8")
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert first == "گزارش رصد منابع — عملکرد دستگاه‌های اجرایی\n"
    assert proc.wait() in (0, 141) and err == ""  # 0 when everything fitted in the pipe before it closed


@pytest.mark.parametrize("args, missing", [
    (["summary", "--year", "1405"], "--through-month"),
    (["summary", "--through-month", "6"], "--year"),
    (["report", "circular", "--year", "1405"], "--out"),
    (["backup"], "--out"),
    (["export", "collections", "--out", "x.xlsx"], "--year"),
    (["import", "collections", "x.xlsx"], "--year"),
    (["verify"], "FILE.pdf"),
])
def test_a_missing_required_option_exits_2_with_the_usage(data_dir, capsys, args, missing):
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.startswith(f"usage: rasad-desktop {args[0]} ")
    assert "the following arguments are required" in err and missing in err and not data_dir.exists()


def test_opening_the_data_folder_adopts_what_an_old_settings_json_held(tmp_path):
    """Once, when the GUI or any command opens the database: what the administrator had set on
    this workstation before the office settings moved to the database is not lost."""
    import json

    from sqlalchemy import select

    from rasad_desktop.cli.context import Context
    from rasad_desktop.config import Settings
    from rasad_desktop.db.models import AuditLog
    from rasad_desktop.services import office

    scan = tmp_path / "scan.png"
    scan.write_bytes(_tiny_png())
    (tmp_path / Settings.FILE_NAME).write_text(json.dumps({
        "language": "fa", "office_fa": "اداره کل امور اقتصادی و دارایی استان اردبیل", "approved_by_name": "علی رضایی",
        "status_watch": 70, "signature_image": str(scan)}, ensure_ascii=False), encoding="utf-8")

    def opened():  # type: ignore[no-untyped-def]
        return Context(argparse.Namespace(data_dir=str(tmp_path), lang=None, database_url=None)).open_db()

    db = opened()
    with db.session() as s:
        values = office.read_settings(s)
        adopted = s.scalars(select(AuditLog).where(AuditLog.action == "office.adopt")).all()
    assert values["office_fa"] == "اداره کل امور اقتصادی و دارایی استان اردبیل"
    assert values["approved_by_name"] == "علی رضایی" and values["status_watch"] == 70
    assert values["signature_image"] == scan.read_bytes()
    assert sorted(a.entity_id for a in adopted) == ["approved_by_name", "office_fa", "signature_image",
                                                    "status_watch"]
    db.close()
    db = opened()  # the next start: nothing again
    with db.session() as s:
        assert len(s.scalars(select(AuditLog).where(AuditLog.action == "office.adopt")).all()) == 4
    db.close()


def _tiny_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(out, "PNG")
    return out.getvalue()
