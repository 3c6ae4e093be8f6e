"""``python dev.py test`` says which tests did not run on this machine, why, and how to run
them (tests/needs.py, ``pytest_terminal_summary`` in tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ONE_DATABASE_TEST = "tests/services/test_audit_chain.py::test_an_empty_trail_is_intact"
FRIBIDI_TEST = "tests/reports/test_bidi.py::test_agrees_with_fribidi_on_random_mixed_lines"


def _pytest(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("RASAD_TEST_POSTGRES_URL", "RASAD_REQUIRE_POSTGRES", "RASAD_REQUIRE_CHECKER")}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env={**clean, **env})


def test_what_did_not_run_is_said_with_the_reason_and_the_way_to_run_it():
    # no PostgreSQL URL, and a PATH on which there is no fribidi command
    run = _pytest(ONE_DATABASE_TEST, FRIBIDI_TEST, PATH=str(Path(sys.executable).parent))
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout
    assert "Not run here: 2 tests" in out and "1 passed, 2 skipped" in out
    lines = out[out.index("Not run here"):].splitlines()
    assert "1 not run: PostgreSQL not configured: RASAD_TEST_POSTGRES_URL is unset" in lines[1]
    assert "to run them: set RASAD_TEST_POSTGRES_URL=postgresql+psycopg://" in lines[2]
    assert "1 not run: GNU FriBidi is absent" in lines[3] and "apt-get install libfribidi-bin" in lines[4]


def test_nothing_is_said_when_everything_ran():
    run = _pytest(ONE_DATABASE_TEST, "-k", "sqlite")
    assert run.returncode == 0 and "1 passed" in run.stdout and "Not run here" not in run.stdout


def test_ci_can_require_postgresql():
    run = _pytest(ONE_DATABASE_TEST, RASAD_REQUIRE_POSTGRES="1")
    assert run.returncode == 4 and "RASAD_REQUIRE_POSTGRES=1 but RASAD_TEST_POSTGRES_URL is not set" in run.stderr
