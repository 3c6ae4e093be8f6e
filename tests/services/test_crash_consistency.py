"""A process killed with SIGKILL in the middle of registering requests leaves a sound
database: it passes ``PRAGMA integrity_check``, holds only whole requests (each with its
'registered' history event and its audit record, nothing else half-written), every
tracking code is unique and valid, the serials of each day and workstation run without a
gap, and the audit hash chain verifies.

A child Python process registers 200 requests through ``services.requests.register``,
each in its own transaction, and prints the count after each commit; the parent kills it
at three points (after it has printed 50, after it has printed 137, and 0.15 s after it
started writing), each time on the same database, which is checked after every kill.
Run with ``pytest -s`` to see the counts.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from needs import SIGKILL
from sqlalchemy import func, select

from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import AuditLog, RequestEvent, ServiceRequest
from rasad_desktop.services import requests
from rasad_desktop.services.audit import verify_chain
from rasad_desktop.services.roles import Actor, Role

pytestmark = SIGKILL.unless(hasattr(signal, "SIGKILL") and os.name == "posix")

ROOT = Path(__file__).resolve().parents[2]
STATION = 7
PER_RUN = 200
CHILD = r"""
import sys
from rasad_desktop.db.database import Database
from rasad_desktop.services import requests
from rasad_desktop.services.roles import Actor, Role

url, station, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = Database.open(url)
actor = Actor("crash-test", Role.DATA_ENTRY)
print("ready", flush=True)
with db.session() as session:
    for i in range(1, total + 1):
        new = requests.NewRequest("request", "phone", "زهرا کریمی", "0499370899", "09141234567",
                                  f"درخواست شمارهٔ {i}", "متن درخواست " * 20)
        requests.register(session, actor, new, workstation=station)
        print(i, flush=True)  # only after the commit
"""


@dataclass(frozen=True)
class Run:
    printed: int  # requests the child reported committed before it died
    killed: bool  # it died of SIGKILL (False: it finished all of them first)


def run_child(url: str, *, after_lines: int | None = None, after_seconds: float | None = None) -> Run:
    """Start the child and kill it with SIGKILL after it printed ``after_lines`` counts, or
    ``after_seconds`` after it began writing. Returns what it had printed by then."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, url, str(STATION), str(PER_RUN)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdout is not None
    kill = lambda: os.kill(proc.pid, signal.SIGKILL)  # noqa: E731
    timer = None
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        if after_seconds is not None:
            timer = threading.Timer(after_seconds, kill)
            timer.start()
        printed = 0
        for line in proc.stdout:  # after the kill, whatever it printed before dying is still read
            printed = int(line)
            if after_lines is not None and printed == after_lines:
                kill()
        proc.wait(timeout=60)
    finally:
        if timer is not None:
            timer.cancel()
        if proc.poll() is None:
            kill()
            proc.wait()
        err = proc.stderr.read() if proc.stderr else ""
        proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode in (0, -signal.SIGKILL), err
    return Run(printed, proc.returncode == -signal.SIGKILL)


def check_database(path: Path, url: str) -> int:
    """Everything the kill must not have broken; returns the number of requests found."""
    with sqlite3.connect(path) as raw:  # opening it recovers the write-ahead log
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    db = Database.open(url)
    try:
        with db.session() as s:
            found = s.scalar(select(func.count()).select_from(ServiceRequest))
            codes = s.scalars(select(ServiceRequest.tracking_code)).all()
            assert len(set(codes)) == len(codes) == found, "tracking codes are not unique"
            assert all(TrackingCode.parse(c).digits == c for c in codes)
            # whole requests only: each has its 'registered' event and its audit record, and
            # no event or audit record exists without its request
            events = s.execute(select(RequestEvent.request_id, func.count()).where(RequestEvent.action == "registered")
                               .group_by(RequestEvent.request_id)).all()
            assert dict(events) == {rid: 1 for rid in s.scalars(select(ServiceRequest.id))}
            assert s.scalar(select(func.count()).select_from(RequestEvent)) == found
            audited = s.scalars(select(AuditLog.entity_id).where(AuditLog.action == "request.register")).all()
            assert sorted(audited) == sorted(codes)
            # the serials of each day and workstation run 1, 2, 3, … without a gap
            serials: dict[tuple[str, int], list[int]] = {}
            for day, station, serial in s.execute(select(ServiceRequest.jalali_day, ServiceRequest.workstation,
                                                         ServiceRequest.serial)):
                serials.setdefault((day, station), []).append(serial)
            for key, got in serials.items():
                assert sorted(got) == list(range(1, len(got) + 1)), f"serials of {key} have a gap"
            checked, problems = verify_chain(s)
            assert problems == [] and checked == s.scalar(select(func.count()).select_from(AuditLog))
    finally:
        db.close()
    return found


def test_sigkill_while_registering_leaves_only_whole_requests(tmp_path: Path) -> None:
    path = tmp_path / "rasad.db"
    url = f"sqlite:///{path.as_posix()}"
    Database.open(url).close()  # migrated before the first child starts
    kills = [{"after_lines": 50}, {"after_lines": 137}, {"after_seconds": 0.15}]
    total = 0
    report = []
    for number, how in enumerate(kills, 1):
        started = time.perf_counter()
        run = run_child(url, **how)
        found = check_database(path, url)
        new = found - total
        # what it printed was committed; at most the one in flight when it died may also be
        assert run.printed <= new <= run.printed + 1, (run, new)
        total = found
        point = f"after line {how['after_lines']}" if "after_lines" in how else f"after {how['after_seconds']} s"
        report.append(f"run {number} (killed {point}): {run.printed} committed and reported before the kill, "
                      f"{new} found after it ({'SIGKILL' if run.killed else 'finished first'}, "
                      f"{time.perf_counter() - started:.1f} s)")
        assert run.killed or run.printed == PER_RUN
    assert sum(1 for line in report if "SIGKILL" in line) >= 2, report
    # the database goes on working: one more request takes the next serial (no gap, checked below)
    db = Database.open(url)
    try:
        with db.session() as s:
            view = requests.register(s, Actor("after", Role.DATA_ENTRY), requests.NewRequest(
                "complaint", "in_person", "علی رضایی", "0013542419", "09121234567", "پس از خرابی", "متن"),
                workstation=STATION)
            assert TrackingCode.parse(view.tracking_code).station == STATION
    finally:
        db.close()
    assert check_database(path, url) == total + 1
    print("\nSIGKILL while registering requests:")
    for line in report:
        print("  " + line)
    print(f"  in all: {total} whole requests, codes unique, serials without gaps, audit chain intact")
