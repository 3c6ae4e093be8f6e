"""Shared by the command-line tests: a data folder with the demo province, and a runner."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from rasad_desktop.cli import main

SIGNING_PASSPHRASE = "cli signing passphrase"


class _Passphrases:
    """Standard input that answers every passphrase question (``--issue`` reads one line)."""

    def readline(self) -> str:
        return SIGNING_PASSPHRASE + "\n"

    def isatty(self) -> bool:
        return False


@pytest.fixture(autouse=True)
def _signing_passphrase(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", _Passphrases())


@pytest.fixture
def demo_dir(tmp_path, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("RASAD_DATABASE_URL", raising=False)
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data), "--year", "1405", "--months", "8"]) == 0
    capsys.readouterr()
    return data


@pytest.fixture
def run(capsys) -> Callable[..., tuple[int, str]]:  # type: ignore[no-untyped-def]
    """``run(*args)`` → (exit status, standard output and error together)."""
    def run_main(*args: str) -> tuple[int, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out + out.err
    return run_main
