"""The --smoke-test switch, run from source (CI also runs it on the frozen bundle)."""

from __future__ import annotations

import json

from rasad_desktop.cli import main


def test_the_smoke_test_passes_and_reports(tmp_path, capsys):
    assert main(["--smoke-test", "--smoke-out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "smoke-result.json").read_text(encoding="utf-8"))
    assert result["ok"] and [s["step"] for s in result["steps"]] == [
        "database", "demo province", "monitoring report", "signed report", "collections workbook", "main window"]
    assert len(result["signer"]) == 64  # the fingerprint of the certificate the report was signed with
    assert result["workbook_rows"] > 100
    assert (tmp_path / "smoke-monitoring.pdf").read_bytes().startswith(b"%PDF")
    assert "passed" in capsys.readouterr().out


def test_a_failing_smoke_test_exits_non_zero_with_a_message(tmp_path, capsys, monkeypatch):
    from rasad_desktop.services import reporting

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("fonts missing")

    monkeypatch.setattr(reporting, "draft", broken)
    assert main(["--smoke-test", "--smoke-out", str(tmp_path)]) == 1
    result = json.loads((tmp_path / "smoke-result.json").read_text(encoding="utf-8"))
    assert not result["ok"] and "fonts missing" in result["error"]
    assert "FAILED" in capsys.readouterr().err
