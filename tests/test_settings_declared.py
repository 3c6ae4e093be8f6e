"""Every setting the code reads is declared (as Picard's CI checks its options): an AST scan
of the package finds each ``….settings.get("key")`` / ``.set("key", …)`` (this workstation's
file) and each ``office.get(session, "key")`` / ``office.read_settings(session, (…))``
(the office's, in the database), and the key must be declared in
``core/settings_schema.py`` with that scope. Also: the declarations themselves hold
together, and ``config.Settings`` keeps what it does not own."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from rasad_desktop.config import Settings
from rasad_desktop.core.settings_schema import BY_KEY, GROUP_BY_KEY, GROUPS, RULES, SETTINGS, Kind, Scope

PACKAGE = Path(__file__).resolve().parent.parent / "rasad_desktop"


def _key_pattern(node: ast.expr) -> str | None:
    """A regular expression for the key an argument names (a literal or an f-string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(re.escape(v.value) if isinstance(v, ast.Constant) else "[a-z_]+" for v in node.values)
    return None


def _receiver(node: ast.expr) -> str:
    return ast.unparse(node)


def reads() -> list[tuple[str, int, Scope, str]]:
    """(file, line, the scope read, key pattern) of every setting read or written in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = _receiver(func.value) if isinstance(func, ast.Attribute) else ""
            keys: list[ast.expr] = []
            if name in ("get", "set") and re.search(r"\bsettings$|Settings\(", owner) and node.args:
                scope, keys = Scope.WORKSTATION, [node.args[0]]
            elif name == "get" and (owner.split(".")[-1] == "office" or (rel == "services/office.py" and not owner)) \
                    and len(node.args) == 2:
                scope, keys = Scope.OFFICE, [node.args[1]]
            elif name == "read_settings" and len(node.args) == 2 and isinstance(node.args[1], ast.Tuple):
                scope, keys = Scope.OFFICE, list(node.args[1].elts)
            for key in keys:
                pattern = _key_pattern(key)
                if pattern is not None:
                    found.append((rel, node.lineno, scope, pattern))
    return found


def test_every_setting_read_in_the_code_is_declared_with_its_scope():
    found = reads()
    assert len(found) > 25  # the scan sees the reads (it would pass vacuously otherwise)
    assert {scope for *_, scope, _ in found} == set(Scope)
    problems = []
    for rel, line, scope, pattern in found:
        matching = [s for s in SETTINGS if re.fullmatch(pattern, s.key)]
        if not matching:
            problems.append(f"{rel}:{line}: '{pattern}' is not declared")
        elif any(s.scope is not scope for s in matching):
            problems.append(f"{rel}:{line}: '{pattern}' is read as a {scope.value} setting but declared "
                            f"{matching[0].scope.value}")
    assert problems == []


def test_the_declarations_hold_together():
    assert len(BY_KEY) == len(SETTINGS) and len(GROUP_BY_KEY) == len(GROUPS)
    for s in SETTINGS:
        assert re.fullmatch(r"[a-z][a-z_]*", s.key) and len(s.key) <= 60, s.key  # OfficeSetting.key is 60 long
        assert s.group in GROUP_BY_KEY, s.key
        assert s.label_fa and s.label_en and any("\u0600" <= c <= "\u06ff" for c in s.label_fa), s.key
        assert s.valid(s.default), f"{s.key}: its default is not a valid value"
        if s.kind is Kind.INT:
            assert s.low is not None and s.high is not None and s.low <= s.high, s.key
        if s.kind is Kind.CHOICE:
            assert s.choices and s.default in {c.value for c in s.choices}, s.key
        if s.kind is Kind.IMAGE:
            assert s.scope is Scope.OFFICE and s.high and s.short_fa, s.key
    # a group holds settings of one scope (the page shows this workstation's apart from the office's)
    for g in GROUPS:
        assert len({s.scope for s in SETTINGS if s.group == g.key}) == 1, g.key
    for rule in RULES:
        assert BY_KEY[rule.low].scope is BY_KEY[rule.high].scope
    assert [s.key for s in SETTINGS if s.everyone] == ["language"]
    office = {s.key for s in SETTINGS if s.scope is Scope.OFFICE}
    # what prints on issued reports is the office's, never a workstation's
    assert {"office_fa", "province_fa", "prepared_by_name", "prepared_by_title", "approved_by_name",
            "approved_by_title", "signature_image", "status_good", "status_watch"} <= office


def test_the_workstation_file_keeps_what_it_does_not_own(tmp_path):
    (tmp_path / Settings.FILE_NAME).write_text(json.dumps({
        "language": "en", "workstation": 150, "default_unit": "furlong", "office_fa": "اداره کل قدیم",
        "signature_image": "C:/scan.png", "status_good": "high", "from_a_newer_version": [1, 2]},
        ensure_ascii=False), encoding="utf-8")
    settings = Settings(tmp_path)
    assert settings.get("language") == "en"
    assert settings.get("workstation") == 1 and settings.get("default_unit") == "million"  # refused: defaults
    assert settings.legacy_office_values() == {"office_fa": "اداره کل قدیم", "signature_image": "C:/scan.png"}
    with pytest.raises(KeyError, match="office setting"):  # office settings are read from the database
        settings.get("office_fa")
    with pytest.raises(KeyError, match="office setting"):
        settings.set("office_fa", "نام")
    with pytest.raises(ValueError):
        settings.set("workstation", 100)
    with pytest.raises(KeyError, match="not declared"):
        settings.get("colour")
    settings.save_changes({"workstation": 7})
    on_disk = json.loads((tmp_path / Settings.FILE_NAME).read_text(encoding="utf-8"))
    assert on_disk == {"language": "en", "workstation": 7, "office_fa": "اداره کل قدیم", "signature_image": "C:/scan.png",
                       "status_good": "high", "from_a_newer_version": [1, 2]}
    assert not list(tmp_path.glob("*.part"))  # written through formats.atomic


def test_a_failed_save_leaves_the_settings_as_they_were(tmp_path, monkeypatch):
    import rasad_desktop.config as config

    settings = Settings(tmp_path)

    def full(*_args, **_kw):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(config, "write_text", full)
    with pytest.raises(OSError):
        settings.save_changes({"language": "en"})
    assert settings.get("language") == "fa" and not (tmp_path / Settings.FILE_NAME).exists()
