#!/usr/bin/env python3
"""Bootstrap for a fresh clone: needs only Python 3.11+.

    python dev.py run  [rasad-desktop arguments]   start Rasad (the GUI by default)
    python dev.py test [pytest arguments]          run the test suite

The first call creates ``.venv`` beside this file and installs Rasad with its test
tools into it; later calls reinstall only when ``pyproject.toml`` changed. CI also checks
the types, with zero errors allowed: ``.venv/bin/python -m mypy`` (on Windows
``.venv\\Scripts\\python -m mypy``), configured in ``pyproject.toml``.

Some tests need more than Python; where it is missing they are skipped, and the run ends
with a "Not run here" list of them, each with its count, reason and how to run it:

    the database tests on PostgreSQL too   RASAD_TEST_POSTGRES_URL=postgresql+psycopg://USER:PW@HOST/postgres
    the Persian PDF checks                 RASAD_PDF_CHECKER=/path/to/check-persian-pdf (else ../shared/tools)
    the comparison with GNU FriBidi        a fribidi command on the PATH (Debian/Ubuntu: libfribidi-bin)
    the crash-consistency tests            POSIX signals (Linux, macOS)

RASAD_REQUIRE_POSTGRES=1 and RASAD_REQUIRE_CHECKER=1 turn a missing server or checker into
an error instead (CI sets them).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".rasad-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_environment() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by any Python
        sys.exit(f"Rasad needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text(encoding="utf-8").strip() != wanted:
        print("Installing Rasad and its test tools into .venv (first run only) …", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted, encoding="utf-8")
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    python = ensure_environment()
    command, rest = argv[0], argv[1:]
    env = dict(os.environ)
    if command == "run":
        return subprocess.call([str(python), "-m", "rasad_desktop", *rest], env=env)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(python), "-m", "pytest", *rest], env=env, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
