"""``workstations``, ``workstation`` and ``sync`` from the command line: an office (the demo
province) and two workstations in data folders of their own, converging through package
files; refusals with exit status 1 and nothing written; ``verify`` across databases."""

from __future__ import annotations

import io
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from rasad_desktop.db.database import Database
from rasad_desktop.formats import sync_package
from rasad_desktop.services import collections
from rasad_desktop.services.collections import Entry
from rasad_desktop.services.roles import Actor, Role

Run = Callable[..., tuple[int, str]]
CODE = re.compile(r"[0-9]{5}-[0-9]{5}-[0-9]{5}-[0-9]{5}")


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_package, "SCRYPT_N", 2 ** 10)


def _join(run: Run, monkeypatch: pytest.MonkeyPatch, office: Path, folder: Path, name: str) -> tuple[int, Path]:
    rse = folder.parent / f"{name}.rse"
    code, out = run("workstations", "add", name, "--out", str(rse), "--data-dir", str(office), "--lang", "en")
    assert code == 0, out
    number = int(re.search(r"number (\d+)", out).group(1))  # type: ignore[union-attr]
    monkeypatch.setattr(sys, "stdin", io.StringIO(CODE.search(out).group(0) + "\n"))  # type: ignore[union-attr]
    code, out = run("workstation", "join", str(rse), "--data-dir", str(folder))
    assert code == 0, out
    assert "ایستگاه کاری" in out
    return number, folder


def _cell(folder: Path) -> tuple[int, str] | None:
    con = sqlite3.connect(folder / "rasad.db")
    try:
        return con.execute(
            "SELECT c.amount, c.entered_by FROM collections c JOIN agencies a ON a.id = c.agency_id "
            "JOIN classification_nodes n ON n.id = c.line_id JOIN fiscal_years f ON f.id = c.fiscal_year_id "
            "WHERE a.code = '101' AND n.code = '110100' AND c.month = 8 AND f.year = 1405").fetchone()
    finally:
        con.close()


def _enter(folder: Path, amount: int, who: str) -> None:
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    try:
        with db.session() as s:
            collections.save_month(s, Actor(who, Role.DATA_ENTRY), 1405, 8, "101", [Entry("110100", amount)])
    finally:
        db.close()


def test_an_office_and_two_workstations_converge_through_package_files(
        demo_dir: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    a, a_dir = _join(run, monkeypatch, demo_dir, tmp_path / "ws-a", "counter-a")
    b, b_dir = _join(run, monkeypatch, demo_dir, tmp_path / "ws-b", "counter-b")
    assert a != b and 1 not in (a, b)
    code, out = run("workstations", "list", "--data-dir", str(demo_dir))
    assert code == 0 and "counter-a" in out and "counter-b" in out
    _enter(a_dir, 111, "clerk-a")
    _enter(b_dir, 222, "clerk-b")
    pa, pb = tmp_path / "a.rsp", tmp_path / "b.rsp"
    assert run("sync", "export", "--out", str(pa), "--data-dir", str(a_dir))[0] == 0
    assert run("sync", "export", "--out", str(pb), "--data-dir", str(b_dir))[0] == 0
    code, out = run("sync", "import", str(pa), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 0 and "1 applied" in out and "0 in conflict" in out
    code, out = run("sync", "import", str(pb), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 0 and "1 in conflict" in out
    code, out = run("sync", "conflicts", "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 0 and "222" in out and "111" in out and "clerk-a" in out and "clerk-b" in out
    conflict_id = re.search(r"^\s*(\d+) │", out, re.M).group(1)  # type: ignore[union-attr]
    early = tmp_path / "to-a-early.rsp"  # before the decision, a's figure is kept back from b: said so
    assert run("sync", "export", "--to", str(a), "--out", str(early), "--data-dir", str(demo_dir))[0] == 0
    code, out = run("sync", "import", str(early), "--data-dir", str(a_dir), "--lang", "en")
    assert code == 0 and "1 changes are kept back by the office" in out, out
    code, out = run("sync", "resolve", conflict_id, "--keep", "workstation", "--data-dir", str(demo_dir))
    assert code == 0, out
    for number, folder in ((a, a_dir), (b, b_dir)):
        package = tmp_path / f"to-{number}.rsp"
        assert run("sync", "export", "--to", str(number), "--out", str(package), "--data-dir", str(demo_dir))[0] == 0
        assert run("sync", "import", str(package), "--data-dir", str(folder))[0] == 0
    assert _cell(demo_dir) == _cell(a_dir) == _cell(b_dir) == (222, "clerk-b")
    code, out = run("sync", "conflicts", "--data-dir", str(demo_dir), "--lang", "en")
    assert "No conflicts" in out
    code, out = run("audit", "verify", "--data-dir", str(a_dir))
    assert code == 0


def test_a_changed_package_is_refused_with_nothing_written(
        demo_dir: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _a, a_dir = _join(run, monkeypatch, demo_dir, tmp_path / "ws-a", "counter-a")
    _enter(a_dir, 333, "clerk-a")
    package = tmp_path / "a.rsp"
    run("sync", "export", "--out", str(package), "--data-dir", str(a_dir))
    data = bytearray(package.read_bytes())
    before = _cell(demo_dir)
    for where in (20, len(data) // 2, len(data) - 70, len(data) - 1):
        changed = bytearray(data)
        changed[where] ^= 0x01
        bad = tmp_path / f"bad-{where}.rsp"
        bad.write_bytes(bytes(changed))
        code, out = run("sync", "import", str(bad), "--data-dir", str(demo_dir))
        assert code == 1 and "چیزی" in out, out
    for junk in (b"", b"RASADSY1", data[: len(data) // 2], b"PK\x03\x04 not a package"):
        bad = tmp_path / "junk.rsp"
        bad.write_bytes(bytes(junk))
        code, out = run("sync", "import", str(bad), "--data-dir", str(demo_dir), "--lang", "en")
        assert code == 1, out
    assert _cell(demo_dir) == before


def test_a_package_from_another_office_is_refused(
        demo_dir: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    other = tmp_path / "other-office"
    assert run("demo", "--data-dir", str(other), "--year", "1405", "--months", "2")[0] == 0
    _a, a_dir = _join(run, monkeypatch, other, tmp_path / "ws-x", "counter-x")
    _enter(a_dir, 444, "clerk-x")
    package = tmp_path / "x.rsp"
    run("sync", "export", "--out", str(package), "--data-dir", str(a_dir))
    code, out = run("sync", "import", str(package), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 1 and "another office" in out


def test_the_wrong_enrolment_code_and_a_used_database_are_refused(
        demo_dir: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rse = tmp_path / "ws.rse"
    code, out = run("workstations", "add", "counter", "--out", str(rse), "--data-dir", str(demo_dir), "--lang", "en")
    right = CODE.search(out).group(0)  # type: ignore[union-attr]
    wrong = right[:-1] + str((int(right[-1]) + 1) % 10)
    monkeypatch.setattr(sys, "stdin", io.StringIO(wrong + "\n"))
    code, out = run("workstation", "join", str(rse), "--data-dir", str(tmp_path / "ws"), "--lang", "en")
    assert code == 1 and "does not match" in out
    monkeypatch.setattr(sys, "stdin", io.StringIO(right + "\n"))
    code, out = run("workstation", "join", str(rse), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 1 and "not empty" in out
    # Persian digits, spaces instead of dashes: the same code
    persian = right.translate(str.maketrans("0123456789-", "۰۱۲۳۴۵۶۷۸۹ "))
    monkeypatch.setattr(sys, "stdin", io.StringIO(persian + "\n"))
    code, out = run("workstation", "join", str(rse), "--data-dir", str(tmp_path / "ws"))
    assert code == 0, out


def test_usage_errors(demo_dir: Path, run: Run) -> None:
    assert run("sync", "export", "--data-dir", str(demo_dir))[0] == 2
    assert run("sync", "resolve", "5", "--data-dir", str(demo_dir))[0] == 2
    code, out = run("sync", "resolve", "abc", "--keep", "office", "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 2 and "conflict's ID" in out
    assert run("workstations", "add", "x", "--data-dir", str(demo_dir))[0] == 2
    assert run("workstations", "assign", "3", "--data-dir", str(demo_dir))[0] == 2
    code, out = run("sync", "export", "--out", "x.rsp", "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 1 and "--to" in out


def test_a_copied_workstation_database_gives_no_tracking_codes(
        demo_dir: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from rasad_desktop.services import requests

    _a, a_dir = _join(run, monkeypatch, demo_dir, tmp_path / "ws-a", "counter-a")
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "rasad.db").write_bytes((a_dir / "rasad.db").read_bytes())
    code, out = run("workstation", "status", "--data-dir", str(copy), "--lang", "en")
    assert code == 0 and "copy" in out
    code, out = run("sync", "export", "--out", str(tmp_path / "c.rsp"), "--data-dir", str(copy), "--lang", "en")
    assert code == 1 and "copy" in out
    db = Database.open(f"sqlite:///{(copy / 'rasad.db').as_posix()}")
    try:
        with db.session() as s, pytest.raises(Exception) as err:
            requests.register(s, Actor("clerk", Role.DATA_ENTRY), requests.NewRequest(
                "complaint", "in_person", "نام", "0499370899", "09141234567", "موضوع", "متن"), workstation=1)
        assert getattr(err.value, "code", "") == "workstation_copy"
    finally:
        db.close()
    code, out = run("workstation", "status", "--data-dir", str(a_dir), "--lang", "en")
    assert "copy" not in out  # the original, in its own folder, goes on


def test_reports_are_issued_at_the_office_and_verified_on_every_workstation(
        demo_dir: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    a, a_dir = _join(run, monkeypatch, demo_dir, tmp_path / "ws-a", "counter-a")
    monkeypatch.setattr(sys, "stdin", io.StringIO("cli signing passphrase\n" * 5))  # the signing passphrase
    refused = tmp_path / "ws-report.pdf"
    code, out = run("report", "comparison", "--year", "1405", "--out", str(refused), "--issue",
                    "--data-dir", str(a_dir), "--lang", "en")
    assert code == 1 and "office" in out
    issued = tmp_path / "office-report.pdf"
    assert run("report", "comparison", "--year", "1405", "--out", str(issued), "--issue",
               "--data-dir", str(demo_dir))[0] == 0
    code, out = run("verify", str(issued), "--data-dir", str(a_dir), "--lang", "en")
    assert code == 1 and "UNKNOWN SIGNER" in out  # neither the registry nor the certificate has arrived yet
    package = tmp_path / "to-a.rsp"
    run("sync", "export", "--to", str(a), "--out", str(package), "--data-dir", str(demo_dir))
    assert run("sync", "import", str(package), "--data-dir", str(a_dir))[0] == 0
    code, out = run("verify", str(issued), "--data-dir", str(a_dir), "--lang", "en")
    assert code == 0 and "VALID" in out
    # another office's report with the same number is not "altered" here
    other = tmp_path / "other-office"
    assert run("demo", "--data-dir", str(other), "--year", "1405", "--months", "2")[0] == 0
    theirs = tmp_path / "their-report.pdf"
    assert run("report", "comparison", "--year", "1405", "--out", str(theirs), "--issue",
               "--data-dir", str(other))[0] == 0
    for folder in (demo_dir, a_dir):
        code, out = run("verify", str(theirs), "--data-dir", str(folder), "--lang", "en")
        assert code == 1 and "UNKNOWN SIGNER" in out and "altered" not in out
    # our own report, changed: altered
    changed = bytearray(issued.read_bytes())
    i = changed.index(b"/Producer")
    changed[i + 12] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(changed))
    code, out = run("verify", str(altered), "--data-dir", str(a_dir), "--lang", "en")
    assert code == 1 and "altered" in out
