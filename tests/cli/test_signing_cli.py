"""Signing from the command line: ``report --issue --passphrase-stdin``, ``certificate``,
``verify`` exit statuses, and ``audit verify --reports`` against rewritten history."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from sqlalchemy import select

from rasad_desktop.core.audit_hash import FIELDS, row_hash
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import AuditHead, AuditLog


def _issue(run, data: Path, out: Path, *extra: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return run("report", "monitoring", "--data-dir", str(data), "--year", "1405", "--through-month", "6",
               "--out", str(out), "--issue", "--passphrase-stdin", "--lang", "en", *extra)


def test_the_passphrase_is_read_from_standard_input_and_a_wrong_one_issues_nothing(demo_dir, tmp_path, run,
                                                                                     monkeypatch):
    first = tmp_path / "first.pdf"
    code, out = _issue(run, demo_dir, first)
    assert code == 0 and "first report issued" in out and "Certificate fingerprint" in out, out
    monkeypatch.setattr(sys, "stdin", io.StringIO("a different passphrase\n"))
    second = tmp_path / "second.pdf"
    code, out = _issue(run, demo_dir, second)
    assert code == 1 and "passphrase is wrong" in out and not second.exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out = _issue(run, demo_dir, second)
    assert code == 1 and "No passphrase" in out


def test_verify_exits_zero_only_for_valid(demo_dir, tmp_path, run):
    issued = tmp_path / "issued.pdf"
    assert _issue(run, demo_dir, issued)[0] == 0
    code, out = run("verify", str(issued), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 0 and out.startswith("VALID") and "Signer:" in out
    data = issued.read_bytes()
    appended = tmp_path / "appended.pdf"  # an incremental update: a new revision after the signed one
    revision = data[data.rindex(b"startxref"):].split(b"\n")[1].strip()
    appended.write_bytes(data + b"\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 0\ntrailer\n<< /Prev "
                         + revision + b" >>\nstartxref\n0\n%%EOF\n")
    code, out = run("verify", str(appended), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 1, out
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(changed))
    code, out = run("verify", str(broken), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 1 and out.startswith("NOT VALID")


def test_a_recipient_imports_the_exported_certificate_and_verifies_without_the_office(demo_dir, tmp_path, run):
    issued = tmp_path / "issued.pdf"
    assert _issue(run, demo_dir, issued)[0] == 0
    pem = tmp_path / "office.pem"
    code, out = run("certificate", "export", str(pem), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 0 and pem.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    fingerprint = next(line for line in out.splitlines() if line.startswith("SHA-256: ")).split(": ")[1]
    ministry = tmp_path / "ministry"
    code, out = run("verify", str(issued), "--data-dir", str(ministry), "--lang", "en")
    assert code == 1 and out.startswith("UNKNOWN SIGNER")
    code, out = run("certificate", "import", str(pem), "--data-dir", str(ministry), "--lang", "en")
    assert code == 0 and fingerprint in out
    code, out = run("verify", str(issued), "--data-dir", str(ministry), "--lang", "en")
    assert code == 0 and out.startswith("VALID") and fingerprint in out and "no record" in out
    code, out = run("certificate", "show", "--data-dir", str(ministry), "--lang", "en")
    assert code == 0 and fingerprint in out and "imported" in out


def _rewrite_history(data: Path, row_id: int) -> None:
    """What someone with write access to the database file can do: change an old audit row
    and recompute every hash after it, and the head, so the chain checks out again."""
    db = Database.open(f"sqlite:///{(data / 'rasad.db').as_posix()}")
    try:
        with db.session() as s:
            rows = list(s.scalars(select(AuditLog).order_by(AuditLog.id)))
            prev = ""
            for row in rows:
                if row.id == row_id:
                    row.username = "someone-else"
                row.prev_hash = prev
                row.hash = row_hash(prev, {f: getattr(row, f) for f in FIELDS})
                prev = row.hash
            head = s.get(AuditHead, 1)
            head.last_id, head.last_hash = rows[-1].id, prev
            s.commit()
    finally:
        db.close()


def test_rewriting_history_before_an_issued_report_is_caught_by_the_reports(demo_dir, tmp_path, run):
    reports = tmp_path / "sent"
    reports.mkdir()
    assert _issue(run, demo_dir, reports / "1.pdf")[0] == 0
    (reports / "notes.pdf").write_bytes(b"%PDF-1.4 not a report")
    code, out = run("audit", "verify", "--reports", str(reports), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 0 and "1 issued reports with an audit anchor" in out and "1 without one" in out, out
    _rewrite_history(demo_dir, row_id=1)  # the demo load, before the report
    code, out = run("audit", "verify", "--data-dir", str(demo_dir), "--lang", "en")
    # recomputed without the office's key (kept outside the file), the local chain tells by itself
    assert code == 1 and "not sealed with this office's key" in out, out
    code, out = run("audit", "verify", "--reports", str(reports), "--data-dir", str(demo_dir), "--lang", "en")
    assert code == 1 and "TAMPERED" in out and "anchor" in out, out
