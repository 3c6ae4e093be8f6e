"""Plausibility warnings through the service: a warned figure is saved once a person gives
a reason, which is kept with the figure and in the audit record; an import lists its
unusual figures and takes a reason; the office's thresholds apply; on the demo's history
the defaults warn rarely and catch every unit slip."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from tests_exchange_helpers import amounts

from rasad_desktop.core.plausibility import Limits
from rasad_desktop.db.models import AuditLog, ClassificationNode, Collection, FiscalYear
from rasad_desktop.exchange.collections_file import Unconfirmed, import_collections
from rasad_desktop.services import office
from rasad_desktop.services.collections import Entry, save_month
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.entry import entry_sheet
from rasad_desktop.services.plausibility import Checker, rates
from rasad_desktop.services.plausibility import Unconfirmed as Unconfirmed_


def _note(session, agency: str, line: str, month: int) -> str:
    from rasad_desktop.db.models import Agency

    return session.scalar(select(Collection.note).join(Agency, Agency.id == Collection.agency_id)
                          .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
                          .where(Agency.code == agency, ClassificationNode.code == line, Collection.month == month))


def test_a_warned_figure_needs_a_reason_which_is_kept_and_audited(session, tiny, clerk):
    before = amounts(session)
    with pytest.raises(Unconfirmed_) as err:  # agency 3 has no approved amount on 110104
        save_month(session, clerk, 1404, 9, "3", [Entry("110104", 40_000)], confirm=True)
    assert "مبلغ مصوب (در اجرا) ندارد" in err.value.message_fa and amounts(session) == before
    save_month(session, clerk, 1404, 9, "3", [Entry("110104", 40_000, reason="  وصول معوقه   سال قبل ")],
               confirm=True)
    assert amounts(session)[("3", "110104", 9)] == 40_000
    assert _note(session, "3", "110104", 9) == "وصول معوقه سال قبل"
    record = session.scalars(select(AuditLog).where(AuditLog.action == "collection.set")
                             .order_by(AuditLog.id.desc())).first()
    after = json.loads(record.after)
    assert after["warnings"] == ["no_approved"] and after["reason"] == "وصول معوقه سال قبل"
    sheet = entry_sheet(session, 1404, 9, tiny.agency_ids["3"])
    assert next(r for r in sheet.rows if r.line_code == "110104").note == "وصول معوقه سال قبل"  # shown with it


def test_a_later_ordinary_figure_drops_the_old_reason(session, tiny, clerk, admin):
    save_month(session, clerk, 1404, 9, "1", [Entry("110104", -5, reason="برگشتی")], confirm=True)
    assert _note(session, "1", "110104", 9) == "برگشتی"
    save_month(session, clerk, 1404, 9, "1", [Entry("110104", 100_000)], confirm=True)
    assert _note(session, "1", "110104", 9) == ""


def test_an_unchanged_figure_is_not_asked_about_again(session, tiny, clerk):
    save_month(session, clerk, 1404, 4, "3", [Entry("110104", 30_000, document_ref="س-۱۲")], confirm=True)


def test_the_office_thresholds_apply(session, tiny, clerk, admin):
    fy = session.scalar(select(FiscalYear).where(FiscalYear.year == 1404))
    assert Checker(session, fy, [tiny.agency_ids["1"]]).limits == Limits(times=5, floor=10_000_000)
    office.save_office_settings(session, admin, {"warn_far_times": 3, "warn_floor_million": 0})
    checker = Checker(session, fy, [tiny.agency_ids["1"]])
    assert checker.limits == Limits(times=3, floor=0)
    # 400,000 in Shahrivar: four times the usual month (100,000), over five times 1403's (75,000)
    assert [w.code for w in checker.warnings((tiny.agency_ids["1"], "110104", "provincial"), 6, 400_000)] == \
        ["far_usual", "far_last_year"]


def test_an_import_lists_its_unusual_figures_and_saves_them_with_a_reason(session, tiny, clerk, tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("کد دستگاه,کد ردیف,ماه,مبلغ\n1,110104,9,100000\n3,110104,9,7000\n1,110104,10,-40\n",
                    encoding="utf-8")
    checked = import_collections(session, clerk, 1404, path, dry_run=True)
    assert [n for n, _, _ in checked.warnings] == [3, 4]
    assert "مبلغ مصوب (در اجرا) ندارد" in checked.warnings[0][1] and "منفی" in checked.warnings[1][1]
    before = amounts(session)
    with pytest.raises(Unconfirmed) as err:
        import_collections(session, clerk, 1404, path)
    assert err.value.code == "warnings_unconfirmed" and "--reason" in err.value.message_fa
    assert err.value.problems_fa[0].startswith("سطر ۳:") and amounts(session) == before
    result = import_collections(session, clerk, 1404, path, reason="نامهٔ ۱۲۳ خزانه")
    assert result.written and amounts(session)[("3", "110104", 9)] == 7000
    assert _note(session, "3", "110104", 9) == "نامهٔ ۱۲۳ خزانه" and _note(session, "1", "110104", 9) == ""


@pytest.fixture(scope="module")
def demo_rates(tmp_path_factory):
    from rasad_desktop.db.database import Database
    from rasad_desktop.services.roles import Actor

    db = Database.open(f"sqlite:///{(tmp_path_factory.mktemp('demo') / 'r.db').as_posix()}")
    with db.session() as s:
        load_demo(s, Actor.console(), 1405, 12)
        found = rates(s)
    db.close()
    return found


def test_on_the_demo_history_the_defaults_rarely_warn_and_catch_every_unit_slip(demo_rates):
    r = demo_rates
    assert r.figures > 1_000 and r.slips > 3_000
    assert r.warned / r.figures <= 0.01  # the false-warning rate (benchmarks/plausibility_rates.py prints it)
    assert r.caught == r.slips  # every slip draws a warning


def test_rates_count_a_false_warning_and_a_missed_slip(session, tiny, clerk):
    before = rates(session, Limits(floor=0))
    save_month(session, clerk, 1404, 8, "1", [Entry("110104", 900_000, reason="یک‌باره")], confirm=True)
    after = rates(session, Limits(floor=0))
    assert after.figures == before.figures + 1 and after.warned == before.warned + 1
