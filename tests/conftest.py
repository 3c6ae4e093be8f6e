"""Shared fixtures. Qt must never try a real display: set offscreen before any import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging  # noqa: E402
from collections import Counter  # noqa: E402

import pytest  # noqa: E402
from needs import BACKENDS, POSTGRES_URL, drop_postgres, enable_hint, fresh_postgres  # noqa: E402

from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.services.roles import Actor, Role  # noqa: E402


class _Recorded(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _logged_warnings_fail_the_test(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A warning or error logged during a test fails it, as a Qt warning does (qutebrowser's
    habit). A test that expects one takes ``caplog`` and asserts on it."""
    recorded = _Recorded()
    root = logging.getLogger()
    root.addHandler(recorded)
    yield
    root.removeHandler(recorded)
    if recorded.records and "caplog" not in request.fixturenames:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in recorded.records)
        pytest.fail(f"logged during the test (take caplog and assert on it if expected):\n{lines}", pytrace=False)


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("RASAD_REQUIRE_POSTGRES") == "1" and not POSTGRES_URL:
        raise pytest.UsageError("RASAD_REQUIRE_POSTGRES=1 but RASAD_TEST_POSTGRES_URL is not set")


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return reason.removeprefix("Skipped: ")


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """Say which tests did not run on this machine, why, and how to run them (tests/needs.py)."""
    skipped = Counter(_skip_reason(r) for r in terminalreporter.stats.get("skipped", []))
    if not skipped:
        return
    total = sum(skipped.values())
    terminalreporter.write_sep("=", f"Not run here: {total} test{'s' if total != 1 else ''}", yellow=True)
    for reason, count in skipped.most_common():
        terminalreporter.write_line(f"{count:6} not run: {reason}")
        hint = enable_hint(reason)
        if hint:
            terminalreporter.write_line(f"{'':6} to run them: {hint}")
    terminalreporter.write_line("(pytest -rs lists each one)")


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path) -> Database:  # type: ignore[no-untyped-def]
    """A migrated, empty database: SQLite in a temporary folder, and PostgreSQL too when
    RASAD_TEST_POSTGRES_URL is set (CI sets it)."""
    if request.param == "sqlite":
        db = Database.open(f"sqlite:///{(tmp_path / 'rasad.db').as_posix()}", backup_dir=tmp_path / "backups")
        yield db
        db.close()
    else:
        url, name = fresh_postgres()
        db = Database.open(url)
        yield db
        db.close()
        drop_postgres(name)


@pytest.fixture
def session(database: Database):  # type: ignore[no-untyped-def]
    with database.session() as s:
        yield s


@pytest.fixture
def admin() -> Actor:
    return Actor(username="admin-test", role=Role.ADMIN, user_id=None)


@pytest.fixture
def clerk() -> Actor:
    return Actor(username="clerk-test", role=Role.DATA_ENTRY, user_id=None)


@pytest.fixture
def viewer() -> Actor:
    return Actor(username="viewer-test", role=Role.VIEWER, user_id=None)
