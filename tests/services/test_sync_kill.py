"""``sync import`` killed with SIGKILL part-way leaves the office's database exactly as it was
before the import (or, killed after the commit, exactly as a whole import leaves it):
never half a package. A child process takes a package of about 2,900 changes; the parent
kills it at several moments after it began, checks the database after each kill, and finally
takes the package whole."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from needs import SIGKILL
from sync_world import AGENCIES, CELL_LINES, build_office, enrol

from rasad_desktop.db.database import Database
from rasad_desktop.services import collections
from rasad_desktop.services.audit import verify_chain
from rasad_desktop.services.collections import Entry

pytestmark = SIGKILL.unless(hasattr(signal, "SIGKILL") and os.name == "posix")

ROOT = Path(__file__).resolve().parents[2]
CHILD = r"""
import sys
from pathlib import Path
from rasad_desktop.db.database import Database
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.sync import packages

url, package, data_dir = sys.argv[1], Path(sys.argv[2]).read_bytes(), Path(sys.argv[3])
db = Database.open(url)
with db.session() as session:
    print("importing", flush=True)
    packages.import_package(session, Actor("kill-test", Role.ADMIN), package, data_dir)
print("done", flush=True)
"""
TABLES = ("collections", "sync_changes", "sync_peers", "audit_log", "audit_head", "sync_workstations")


def fingerprint(db_file: Path) -> dict[str, str]:
    """A hash of every row of the tables an import writes."""
    con = sqlite3.connect(db_file)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        out = {}
        for table in TABLES:
            rows = con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()  # noqa: S608 (fixed names)
            out[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return out
    finally:
        con.close()


def kill_after(url: str, package: Path, data_dir: Path, delay: float) -> bool:
    """Run the child; SIGKILL ``delay`` s after it starts importing. True if it died first."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, url, str(package), str(data_dir)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "importing", proc.stderr.read() if proc.stderr else ""
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return proc.returncode == -signal.SIGKILL and "done" not in proc.stdout.read()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def test_a_killed_import_leaves_the_office_as_before(tmp_path: Path) -> None:
    office_db = tmp_path / "office" / "rasad.db"
    office_db.parent.mkdir()
    url = f"sqlite:///{office_db.as_posix()}"
    office = build_office(Database.open(url), tmp_path / "office")
    ws = enrol(office, tmp_path / "ws", "ws")
    with ws.db.session() as s:
        for round_ in range(40):
            collections.save_months(s, ws.who, 1405, {(m, a): [Entry(line, 1_000 * (round_ + 1) + m)
                                                               for line in CELL_LINES]
                                                      for m in range(1, 13) for a, _ in AGENCIES})
    package = tmp_path / "ws.rsp"
    package.write_bytes(ws.export())
    office.db.close()
    before = fingerprint(office_db)
    killed_early, completed = 0, False
    for delay in (0.02, 0.1, 0.25, 0.5, 1.0):
        if kill_after(url, package, office.data_dir, delay):
            if fingerprint(office_db) != before:  # killed after the commit, before it could say so
                completed = True  # then the import must be whole: checked below
                break
            killed_early += 1
        else:
            completed = True  # the import had committed: nothing more to interrupt
            break
    assert killed_early >= 2, "the import finished before it could be interrupted: make the package bigger"
    db = Database.open(url)
    try:
        with db.session() as s:
            from rasad_desktop.services.roles import Actor, Role
            from rasad_desktop.services.sync import packages

            outcome = packages.import_package(s, Actor("after", Role.ADMIN), package.read_bytes(), office.data_dir)
            # whole, once: by the child that was not stopped in time, or now
            assert (outcome.repeated if completed else outcome.applied) == 72 * 40
            assert outcome.applied + outcome.repeated == 72 * 40
            assert verify_chain(s)[1] == []
    finally:
        db.close()
    office.db = Database.open(url)
    assert office.cells() == ws.cells()
    office.db.close()
    ws.db.close()


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasad_desktop.formats import sync_package

    monkeypatch.setattr(sync_package, "SCRYPT_N", 2 ** 10)
