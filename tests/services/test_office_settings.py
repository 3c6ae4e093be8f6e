"""The office settings in the database: read with defaults (a damaged value falls back to its
default), saved by the administrator only, every value checked against its declaration
(Persian messages), one audit record per changed key in one transaction, the signature
image as checked bytes audited by its SHA-256; what an old settings.json held is adopted
once; reports print the office's settings."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace

import pytest
from PIL import Image
from sqlalchemy import func, select

from rasad_desktop.config import Settings
from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.metrics import Thresholds
from rasad_desktop.core.settings_schema import MAX_IMAGE_BYTES, OFFICE_FA_DEFAULT, OFFICE_KEYS, SETTINGS, Scope
from rasad_desktop.db.models import AuditLog, OfficeSetting
from rasad_desktop.services import office, report_kinds, reporting
from rasad_desktop.services.errors import PermissionDenied, ValidationError
from rasad_desktop.services.read_models import agency_detail, dashboard
from rasad_desktop.services.roles import Actor
from rasad_desktop.services.signing import Credentials

SIGN = Credentials("test signing passphrase")  # the office certificate is made at the first issue

OFFICE = {s.key: s.default for s in SETTINGS if s.scope is Scope.OFFICE}


def png(size: tuple[int, int] = (60, 20), fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 40, 160)).save(out, fmt)
    return out.getvalue()


def audits(session, action: str = "office.set") -> list[AuditLog]:  # type: ignore[no-untyped-def]
    session.rollback()
    return list(session.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)))


def stored_rows(session) -> dict[str, str]:  # type: ignore[no-untyped-def]
    session.rollback()
    return {r.key: r.value for r in session.scalars(select(OfficeSetting))}


# ----------------------------------------------------------------------------- reading
def test_an_empty_database_reads_the_declared_defaults(session):
    assert office.read_settings(session) == OFFICE
    assert list(office.read_settings(session)) == list(OFFICE_KEYS)
    assert office.thresholds(session) == Thresholds(100, 80)
    assert office.office_name(session) == OFFICE_FA_DEFAULT
    with pytest.raises(KeyError, match="language"):
        office.get(session, "language")  # a workstation setting is not read from the database


@pytest.mark.parametrize("key, raw", [
    ("idle_lock_minutes", "not json"),
    ("idle_lock_minutes", "0"),  # below its range
    ("idle_lock_minutes", "true"),  # a bool is not a number
    ("thursday_off", "1"),
    ("office_fa", "12"),
    ("office_fa", '""'),  # required
    ("signature_image", '"not base64!"'),
    ("signature_image", json.dumps("R0lGODlh")),  # base64 of a GIF header
])
def test_a_damaged_stored_value_falls_back_to_its_default(session, key, raw):
    session.add(OfficeSetting(key=key, value=raw))
    session.commit()
    assert office.get(session, key) == OFFICE[key]
    assert office.read_settings(session)[key] == OFFICE[key]


def test_stored_thresholds_that_break_their_rule_fall_back_together(session):
    session.add_all([OfficeSetting(key="status_good", value="90"), OfficeSetting(key="status_watch", value="95")])
    session.commit()
    assert office.thresholds(session) == Thresholds(100, 80)
    assert office.get(session, "status_watch") == 80  # also when read alone


# ----------------------------------------------------------------------------- saving
def test_saving_writes_the_changed_values_with_one_audit_record_each_in_one_transaction(session, admin):
    changed = office.save_office_settings(session, admin, {
        "office_fa": "اداره كل امور اقتصادي و دارايي استان اردبيل",  # Arabic ك and ي, as pasted
        "status_good": 110, "status_watch": 90, "lockout_attempts": 5,  # the last one unchanged
        "thursday_off": False})
    assert changed == ["office_fa", "status_good", "status_watch", "thursday_off"]
    values = office.read_settings(session)
    assert values["office_fa"] == "اداره کل امور اقتصادی و دارایی استان اردبیل"  # normalised
    assert office.thresholds(session) == Thresholds(110, 90) and values["thursday_off"] is False
    rows = audits(session)
    assert [(r.entity, r.entity_id, r.before, r.after) for r in rows] == [  # before empty: the default applied
        ("office_setting", "office_fa", None,
         json.dumps("اداره کل امور اقتصادی و دارایی استان اردبیل", ensure_ascii=False)),
        ("office_setting", "status_good", None, "110"), ("office_setting", "status_watch", None, "90"),
        ("office_setting", "thursday_off", None, "false")]
    assert len({r.at for r in rows}) == 1 and rows[0].username == admin.username
    assert office.save_office_settings(session, admin, {"status_good": 110}) == []  # nothing changed
    assert len(audits(session)) == 4
    office.save_office_settings(session, admin, {"status_good": 120, "office_fa": OFFICE_FA_DEFAULT})
    assert [(r.entity_id, r.before, r.after) for r in audits(session)[4:]] == [
        ("office_fa", json.dumps("اداره کل امور اقتصادی و دارایی استان اردبیل", ensure_ascii=False),
         json.dumps(OFFICE_FA_DEFAULT, ensure_ascii=False)), ("status_good", "110", "120")]


@pytest.mark.parametrize("changes, message", [
    ({"status_watch": 120}, "آستانهٔ «نیازمند پیگیری» نمی‌تواند از آستانهٔ «مطلوب» بالاتر باشد."),
    ({"status_good": 70}, "آستانهٔ «نیازمند پیگیری» نمی‌تواند از آستانهٔ «مطلوب» بالاتر باشد."),
    ({"office_fa": "  "}, "نام اداره را وارد کنید؛ این نام بر همهٔ گزارش‌ها چاپ می‌شود."),
    ({"province_fa": ""}, "نام استان را وارد کنید."),
    ({"idle_lock_minutes": 0}, "مقدار «قفل صفحه پس از این چند دقیقه بی‌کاری» باید عددی از ۱ تا ۱۴۴۰ باشد."),
    ({"response_days_request": "10"}, "مقدار «مهلت پاسخ به درخواست (روز کاری)» باید عددی از ۱ تا ۳۶۵ باشد."),
    ({"thursday_off": 1}, "مقدار «پنجشنبه‌ها تعطیل است» باید «بله» یا «خیر» باشد."),
    ({"approved_by_name": "ا" * 201}, "«تأییدکننده (نام)» بیش از ۲۰۰ نویسه است."),
    ({"signature_image": b"GIF89a" + bytes(20)}, "تصویر امضا باید فایل PNG یا JPEG باشد."),
    ({"signature_image": b"\x89PNG\r\n\x1a\n" + bytes(40)}, "تصویر امضا خراب است یا خوانده نمی‌شود؛"),
    ({"signature_image": b"\x89PNG\r\n\x1a\n" + bytes(MAX_IMAGE_BYTES)}, "تصویر امضا بزرگ‌تر از ۱۰۲۴ کیلوبایت"),
    ({"language": "en"}, "این تنظیمِ اداره شناخته نیست."),  # a workstation setting
    ({"no_such_setting": 1}, "این تنظیمِ اداره شناخته نیست."),
])
def test_an_invalid_value_is_refused_in_persian_and_nothing_is_written(session, admin, changes, message):
    with pytest.raises(ValidationError) as refused:
        office.save_office_settings(session, admin, {"province_fa": "اردبیل", **changes})
    assert refused.value.message_fa.startswith(message) and refused.value.message_en
    assert stored_rows(session) == {} and audits(session) == []


def test_only_the_administrator_saves(session, clerk, viewer):
    for actor in (clerk, viewer):
        with pytest.raises(PermissionDenied):
            office.save_office_settings(session, actor, {"province_fa": "اردبیل"})
    assert stored_rows(session) == {}


def test_the_signature_image_is_kept_as_bytes_and_audited_by_its_digest(session, admin):
    scan, jpeg = png(), png(fmt="JPEG")
    office.save_office_settings(session, admin, {"signature_image": scan})
    assert office.get(session, "signature_image") == scan
    office.save_office_settings(session, admin, {"signature_image": jpeg})
    office.save_office_settings(session, admin, {"signature_image": None})
    assert office.get(session, "signature_image") is None
    digest = {"sha256": hashlib.sha256(scan).hexdigest(), "bytes": len(scan)}
    jdigest = {"sha256": hashlib.sha256(jpeg).hexdigest(), "bytes": len(jpeg)}
    assert [(json.loads(r.before or "null"), json.loads(r.after or "null")) for r in audits(session)] == [
        (None, digest), (digest, jdigest), (jdigest, None)]
    assert all(len(r.after or "") < 200 for r in audits(session))  # never the bytes


def test_set_policy_still_sets_one_setting(session, admin):
    office.set_policy(session, admin, "idle_lock_minutes", 3)
    assert office.get(session, "idle_lock_minutes") == 3
    assert [r.entity_id for r in audits(session)] == ["idle_lock_minutes"]


# ------------------------------------------------------------ adopting old settings.json
def old_settings_json(folder, values: dict) -> Settings:  # type: ignore[no-untyped-def]
    (folder / Settings.FILE_NAME).write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    return Settings(folder)


def test_what_an_old_settings_json_held_is_adopted_once(session, admin, tmp_path):
    scan = tmp_path / "scan.png"
    scan.write_bytes(png())
    settings = old_settings_json(tmp_path, {
        "language": "fa", "workstation": 3, "office_fa": "اداره کل امور اقتصادی و دارایی استان اردبیل",
        "province_fa": "اردبیل", "status_good": 110, "status_watch": 85, "prepared_by_name": "مریم احمدی",
        "prepared_by_title": "کارشناس رصد منابع",  # the default: nothing to adopt
        "approved_by_name": "علی رضایی", "signature_image": str(scan)})
    found = settings.legacy_office_values()
    assert "language" not in found and found["signature_image"] == str(scan)
    adopted = office.adopt_workstation_values(session, admin, found)
    assert adopted == ["office_fa", "province_fa", "status_good", "status_watch", "prepared_by_name",
                       "approved_by_name", "signature_image"]
    values = office.read_settings(session)
    assert values["office_fa"] == "اداره کل امور اقتصادی و دارایی استان اردبیل"
    assert office.thresholds(session) == Thresholds(110, 85)
    assert values["signature_image"] == scan.read_bytes()  # the bytes, not the path
    rows = audits(session, "office.adopt")
    assert [r.entity_id for r in rows] == adopted and len({r.at for r in rows}) == 1
    assert json.loads(rows[-1].after) == {"sha256": hashlib.sha256(scan.read_bytes()).hexdigest(),
                                          "bytes": scan.stat().st_size}
    # idempotent: the next start finds everything in the database and writes nothing
    scan.write_bytes(png((80, 30)))
    assert office.adopt_workstation_values(session, admin, found) == []
    assert len(audits(session, "office.adopt")) == len(adopted)
    assert office.get(session, "signature_image") != scan.read_bytes()
    # the file keeps what it held (nothing the user configured is lost) and its own settings
    assert json.loads(settings.path.read_text(encoding="utf-8"))["office_fa"].endswith("اردبیل")
    settings.save_changes({"workstation": 4})
    assert Settings(tmp_path).legacy_office_values() == found and Settings(tmp_path).get("workstation") == 4


def test_adopting_never_overwrites_the_database(session, admin, tmp_path):
    office.save_office_settings(session, admin, {"office_fa": "اداره کل مستقر", "status_good": 120})
    found = old_settings_json(tmp_path, {"office_fa": "نام قدیمی", "status_good": 95, "status_watch": 90,
                                         "approved_by_title": "مدیرکل"}).legacy_office_values()
    assert office.adopt_workstation_values(session, admin, found) == ["status_watch", "approved_by_title"]
    values = office.read_settings(session)
    assert values["office_fa"] == "اداره کل مستقر" and office.thresholds(session) == Thresholds(120, 90)


def test_unusable_old_values_are_left_out(session, admin, tmp_path, caplog):
    gif = tmp_path / "scan.gif"
    gif.write_bytes(b"GIF89a" + bytes(30))
    found = {"signature_image": str(gif), "office_fa": "", "status_good": 100, "status_watch": 120,
             "province_fa": "اردبیل"}
    assert office.adopt_workstation_values(session, admin, found) == ["province_fa"]
    assert office.adopt_workstation_values(session, admin, {"signature_image": str(tmp_path / "moved.png")}) == []
    assert office.get(session, "signature_image") is None and office.thresholds(session) == Thresholds(100, 80)
    said = [r.getMessage() for r in caplog.records if r.name == "rasad.office"]  # each one left out is logged
    assert any("signature_image" in m and "PNG or JPEG" in m for m in said)
    assert any("office_fa" in m for m in said) and any("status_watch" in m for m in said)
    assert any("moved.png" in m and "cannot be read" in m for m in said)


def test_nothing_to_adopt_writes_nothing(session, admin, viewer):
    assert office.adopt_workstation_values(session, admin, {}) == []
    assert audits(session, "office.adopt") == [] and stored_rows(session) == {}
    with pytest.raises(PermissionDenied):
        office.adopt_workstation_values(session, viewer, {"province_fa": "اردبیل"})


# --------------------------------------------------------------------------- consumers
def test_reports_print_the_office_settings(session, tiny, admin, monkeypatch):
    office.save_office_settings(session, admin, {
        "office_fa": "اداره کل آزمایشی", "province_fa": "اردبیل", "prepared_by_name": "مریم احمدی",
        "approved_by_name": "علی رضایی", "approved_by_title": "مدیرکل", "signature_image": png(),
        "status_good": 95, "status_watch": 60})
    opts = reporting.render_options(session, Unit.BILLION)
    assert (opts.office, opts.province, opts.unit, opts.thresholds) == (
        "اداره کل آزمایشی", "اردبیل", Unit.BILLION, Thresholds(95, 60))
    assert [(s.role, s.name, s.title, s.image) for s in opts.signatories] == [
        ("تهیه‌کننده", "مریم احمدی", "کارشناس رصد منابع", None), ("تأییدکننده", "علی رضایی", "مدیرکل", png())]
    # the command line's overrides
    other = reporting.render_options(session, Unit.RIAL, prepared_by=("زهرا کریمی", "کارشناس"),
                                     approved_by=("حسن موسوی", "معاون"), signature_image=png((90, 30)))
    assert [(s.name, s.image) for s in other.signatories] == [("زهرا کریمی", None), ("حسن موسوی", png((90, 30)))]
    with pytest.raises(ValidationError, match="تصویر امضا"):
        reporting.render_options(session, Unit.RIAL, signature_image=b"GIF89a")
    # a draft and an issued report without options print the office's
    seen = []
    real_kind = report_kinds.kind

    def watched(key: str) -> report_kinds.ReportKind:
        declared = real_kind(key)
        return replace(declared, render=lambda snap, info, o: seen.append((info, o)) or declared.render(snap, info, o))

    monkeypatch.setattr(report_kinds, "kind", watched)
    request = reporting.ReportRequest("monitoring", 1404, 6, unit=Unit.RIAL)
    pdf = reporting.draft(session, request)
    issued = reporting.issue(session, admin, request, credentials=SIGN)
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" in pdf and issued.pdf.startswith(b"%PDF")
    assert [(info.office, o.thresholds, len(o.signatories)) for info, o in seen] == [
        ("اداره کل آزمایشی", Thresholds(95, 60), 2)] * 2


def test_the_read_models_rank_with_the_office_thresholds(session, tiny, admin):
    office.save_office_settings(session, admin, {"status_good": 40, "status_watch": 10})
    view = dashboard(session, admin, 1404, 6)
    assert view.thresholds == Thresholds(40, 10)
    assert view.table is not None and view.table.total.metrics.status == Thresholds(40, 10).status(
        view.table.total.metrics.pct_share)
    detail = agency_detail(session, 1404, 6, tiny.agency_ids["1"])
    m = detail.lines.total.metrics
    assert m.status == Thresholds(40, 10).status(m.pct_share)
    assert dashboard(session, admin, 1404, 6, thresholds=Thresholds(200, 150)).thresholds == Thresholds(200, 150)


def test_the_receipt_carries_the_office_name(session, admin, monkeypatch):
    from rasad_desktop.services import receipts

    office.save_office_settings(session, admin, {"office_fa": "اداره کل آزمایشی"})
    seen = []
    monkeypatch.setattr(receipts, "receipt_pdf", lambda view, name, today=None: seen.append(name) or b"%PDF")
    assert receipts.office_receipt_pdf(session, object()) == b"%PDF"  # type: ignore[arg-type]
    assert seen == ["اداره کل آزمایشی"]
    assert session.scalar(select(func.count()).select_from(AuditLog)) == 1


def test_opening_a_database_with_a_data_folder_adopts_its_old_settings_json(database, tmp_path, caplog):
    """What the command line's ``Context.open_db`` calls (the GUI's start-up does the same
    through its operation helper)."""
    settings = old_settings_json(tmp_path, {"language": "fa", "approved_by_name": "علی رضایی"})
    assert office.adopt_settings_file(database, settings) == ["approved_by_name"]
    assert office.adopt_settings_file(database, settings) == []
    with database.session() as s:
        assert office.get(s, "approved_by_name") == "علی رضایی"
        assert [(r.action, r.username) for r in audits(s, "office.adopt")] == [("office.adopt", Actor.console().username)]
    assert office.adopt_settings_file(database, Settings(tmp_path / "empty")) == []

    class Broken:
        def session(self):  # type: ignore[no-untyped-def]
            raise OSError("the server is gone")

    other = old_settings_json(tmp_path, {"province_fa": "اردبیل"})
    assert office.adopt_settings_file(Broken(), other) == []  # type: ignore[arg-type]  # logged, never raised
    assert "not adopted" in caplog.text
