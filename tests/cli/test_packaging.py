"""The package metadata the ``rasad-desktop`` command is installed from."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_licence_is_an_spdx_expression_with_its_files():
    """setuptools deprecates the ``license = { text = … }`` table (no builds after 2027-02-18)."""
    project = PYPROJECT["project"]
    licence = project["license"]
    assert isinstance(licence, str)
    assert canonicalize_license_expression(licence) == licence  # valid SPDX, written canonically
    assert "OFL-1.1" in licence  # the bundled Vazirmatn fonts
    assert project["license-files"] and all((ROOT / f).is_file() for f in project["license-files"])
    assert not any(c.startswith("License ::") for c in project.get("classifiers", []))  # not both


def test_the_build_backend_understands_licence_expressions():
    (setuptools,) = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]
                     if Requirement(r).name == "setuptools"]
    assert not setuptools.specifier.contains("76.9") and setuptools.specifier.contains("77.0")  # PEP 639: 77
