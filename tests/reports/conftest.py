"""Fixtures for the report tests: a demo database and the shared Persian-PDF checker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from needs import CHECKER
from pdftools import checker_path

from rasad_desktop.db.database import Database
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.roles import Actor, Role


@pytest.fixture(scope="session")
def checker() -> Path:
    path = checker_path()
    if path is None:
        if os.environ.get("RASAD_REQUIRE_CHECKER") == "1":
            pytest.fail("RASAD_REQUIRE_CHECKER=1 but check-persian-pdf was not found")
        pytest.skip(CHECKER.reason)
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Database:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("demo")
    db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
    with db.session() as s:
        load_demo(s, Actor("setup", Role.ADMIN), 1405, 8)
    yield db
    db.close()
