"""The extension points are declared once: each report kind and each exchange dataset is
one declaration, and the services, the command line and the interface all read it."""

from __future__ import annotations

from pathlib import Path

from rasad_desktop.cli.parser import build_parser
from rasad_desktop.exchange.datasets import DATASETS
from rasad_desktop.services import report_kinds
from rasad_desktop.services.report_kinds import REGISTERED, Month

ROOT = Path(__file__).resolve().parent.parent
KINDS_DIR = ROOT / "rasad_desktop" / "services" / "report_kinds"


def _choices(*command: str) -> tuple[str, ...]:
    parser = build_parser()
    action = next(a for a in parser._subparsers._group_actions)  # type: ignore[union-attr]
    sub = action.choices[command[0]]
    return tuple(next(a for a in sub._actions if a.dest == command[1]).choices)


def test_every_report_kind_module_is_registered_and_declares_itself():
    modules = sorted(p.stem for p in KINDS_DIR.glob("*.py") if p.stem != "__init__")
    assert sorted(REGISTERED) == modules  # a module without its registration would be offered nowhere
    for key in REGISTERED:
        declared = report_kinds.kind(key)
        assert declared.key == key and declared.title_fa and declared.title_en
        assert callable(declared.gather) and callable(declared.render)


def test_the_command_line_offers_exactly_the_registered_kinds_and_datasets():
    assert _choices("report", "kind") == (*REGISTERED, "text")
    assert _choices("export", "what") == tuple(DATASETS) == _choices("import", "what")


def test_what_a_kind_needs_is_checked_from_its_declaration():
    import pytest

    from rasad_desktop.services.errors import ValidationError

    for k in report_kinds.kinds():
        request = report_kinds.ReportRequest(k.key, 1405)
        if k.month is Month.REQUIRED or k.needs_agency:
            with pytest.raises(ValidationError) as err:
                request.check()
            assert err.value.code in ("month_required", "agency_required")
        else:
            assert request.check() is k
    with pytest.raises(ValidationError) as unknown:
        report_kinds.kind("weather")
    assert unknown.value.code == "kind" and "weather" in unknown.value.message_fa


def test_every_dataset_has_its_functions_and_names_a_kind_of_change():
    from rasad_desktop.gui.context import Changes

    for dataset in DATASETS.values():
        assert callable(dataset._function("export")) and callable(dataset._function("import"))
        assert dataset.changes.upper() in Changes.__members__, dataset.changes  # what the interface refreshes


def test_the_frozen_build_bundles_the_modules_the_registries_load_by_name():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("rasad_desktop.services.report_kinds")' in spec
    assert 'collect_submodules("rasad_desktop.exchange")' in spec
    assert all(d.module.startswith("rasad_desktop.exchange.") for d in DATASETS.values())
