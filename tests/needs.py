"""What some tests need beyond Python: a PostgreSQL server, the shared Persian-PDF checker,
GNU FriBidi, POSIX signals. A test whose need is missing here is skipped with one of these
reasons, and the end of the run (``pytest_terminal_summary`` in ``conftest.py``) lists them
under "Not run here" with their counts and how to run them — none is left out silently.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Need:
    reason: str  # the skip reason: what this machine lacks
    enable: str  # how to run the tests that need it

    def unless(self, available: bool) -> pytest.MarkDecorator:
        """Skip the marked test (or parameter) with this reason unless ``available``."""
        return pytest.mark.skipif(not available, reason=self.reason)


POSTGRES = Need(
    "PostgreSQL not configured: RASAD_TEST_POSTGRES_URL is unset",
    "set RASAD_TEST_POSTGRES_URL=postgresql+psycopg://USER:PASSWORD@HOST:5432/postgres (a server where USER "
    "may create databases: each test gets a fresh one); RASAD_REQUIRE_POSTGRES=1 makes its absence an error",
)
CHECKER = Need(
    "the Persian PDF checker is absent: RASAD_PDF_CHECKER is unset and ../shared/tools/check-persian-pdf "
    "was not found",
    "set RASAD_PDF_CHECKER=/path/to/check-persian-pdf; RASAD_REQUIRE_CHECKER=1 makes its absence an error",
)
FRIBIDI = Need(
    "GNU FriBidi is absent: no fribidi command on the PATH",
    "install GNU FriBidi's command (Debian/Ubuntu: apt-get install libfribidi-bin)",
)
SIGKILL = Need(
    "needs POSIX signal.SIGKILL to kill the writing process without warning",
    "run them on Linux or macOS",
)
ALL = (POSTGRES, CHECKER, FRIBIDI, SIGKILL)

POSTGRES_URL = os.environ.get("RASAD_TEST_POSTGRES_URL", "")
# the database tests' backends: PostgreSQL is always a parameter, skipped (and said so) without a server
BACKENDS = [pytest.param("sqlite"), pytest.param("postgres", marks=POSTGRES.unless(bool(POSTGRES_URL)))]


def enable_hint(reason: str) -> str | None:
    """How to run the tests skipped for ``reason``, when it is one of the needs above."""
    return next((need.enable for need in ALL if need.reason == reason), None)


def fresh_postgres() -> tuple[str, str]:
    """A new, empty PostgreSQL database; returns (its URL, its name)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "rasad_test_" + uuid.uuid4().hex[:12]
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False), name


def drop_postgres(name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def drop_postgres_logins(name: str) -> None:
    """Drop the server logins and groups ``db.server_setup`` made for database ``name``
    (roles are the server's: dropping the database leaves them). Call after dropping it."""
    from sqlalchemy import create_engine, text

    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    pattern = name.replace("_", "\\_") + "\\_%"
    with admin.connect() as conn:
        groups = list(conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": pattern}).scalars())
        members = list(conn.execute(text(
            "SELECT DISTINCT u.rolname FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = ANY(:g)"), {"g": groups}).scalars())
        for role in [*members, *groups]:
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()
