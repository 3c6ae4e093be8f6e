"""Collections to and from spreadsheets: round trip, forgiving headings and digits, every
bad row reported with nothing written, roles, and amounts Excel cannot hold exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from tests_exchange_helpers import amounts as _amounts

from rasad_desktop.db.models import AuditLog, Collection
from rasad_desktop.exchange.collections_file import ImportProblems, export_collections, import_collections
from rasad_desktop.exchange.sheets import SheetError
from rasad_desktop.services import budget
from rasad_desktop.services.errors import PermissionDenied, ValidationError

CONFIRMED = "رقم آزمایشی"  # the reason unusual figures are confirmed with (warnings: test_plausibility)


def _sheet(path, rows) -> None:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_export_then_import_round_trips_and_an_edit_is_saved_and_audited(session, tiny, admin, clerk, tmp_path):
    before = _amounts(session)
    path = tmp_path / "1404.xlsx"
    assert export_collections(session, clerk, 1404, path) == len(before) == 11
    sheet = load_workbook(path).worksheets[0]
    assert sheet.sheet_view.rightToLeft and sheet.cell(1, 1).value == "کد دستگاه"
    checked = import_collections(session, clerk, 1404, path, dry_run=True)
    assert (checked.cells, checked.changed, checked.written) == (11, 0, False)

    book = load_workbook(path)
    rows = list(book.worksheets[0].iter_rows(min_row=2))
    target = next(r for r in rows if r[0].value == "1" and r[5].value == 3 and r[2].value == "110104")
    target[6].value = 123_456
    book.save(path)
    audits = session.scalar(select(func.count()).select_from(AuditLog))
    result = import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert (result.changed, result.written) == (1, True)
    after = _amounts(session)
    assert after.pop(("1", "110104", 3)) == 123_456
    before.pop(("1", "110104", 3))
    assert after == before  # nothing else moved
    assert session.scalar(select(func.count()).select_from(AuditLog)) == audits + 2  # the change and its seal
    import json

    record = session.scalar(select(AuditLog).where(AuditLog.action != "state.seal").order_by(AuditLog.id.desc()).limit(1))
    assert (record.action, record.entity_id) == ("collection.import", "1404/3/1")  # one record per agency-month
    assert json.loads(record.after) == {"110104/provincial": {"amount": 123_456, "document_ref": ""}}
    assert json.loads(record.before)["110104/provincial"]["amount"] == 100_000
    cell = session.scalar(select(Collection).where(Collection.amount == 123_456))
    assert cell.source == "import" and cell.entered_by == clerk.username


def test_headings_in_any_order_persian_digits_month_names_and_a_windows_csv(session, tiny, clerk, tmp_path):
    path = tmp_path / "hand.xlsx"
    _sheet(path, [
        ["وصولی دستگاه‌ها — سال ۱۴۰۴"],  # a title above the headings
        [],
        ["Month", "Amount (rials)", "Line code", "Agency code", "comment"],
        ["تیر", "۱٬۲۵۰٬۰۰۰", "۱۱۰۱۰۴", "۲", "hand-made"],
        [8.0, 2_500_000.0, 110104, 3, None],
        ["Mehr", "(۵۰۰)", "110104", "١", None],  # accounting brackets: a refund
        [9, None, "110104", "1", None],  # no amount: skipped
    ])
    result = import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    assert (result.rows, result.skipped, result.cells) == (4, 1, 3)
    amounts = _amounts(session)
    assert amounts[("2", "110104", 4)] == 1_250_000
    assert amounts[("3", "110104", 8)] == 2_500_000
    assert amounts[("1", "110104", 7)] == -500
    csv_path = tmp_path / "excel.csv"
    # Excel's CSV on a Persian Windows: code page 1256, which writes Persian ی and ک as Arabic ي and ك
    text = "کد دستگاه;کد ردیف;ماه;مبلغ (ریال)\r\n1;110104;اسفند;77\r\n".translate(str.maketrans("یک", "يك"))
    csv_path.write_bytes(text.encode("cp1256"))
    assert import_collections(session, clerk, 1404, csv_path).changed == 1
    assert _amounts(session)[("1", "110104", 12)] == 77


def test_every_bad_row_is_listed_and_nothing_is_written(session, tiny, admin, clerk, tmp_path):
    budget.set_period_lock(session, admin, 1404, 2, True)
    path = tmp_path / "bad.xlsx"
    _sheet(path, [
        ["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"],
        ["1", "110104", 9, 5],  # fine on its own
        ["9", "110104", 9, 5],  # no such agency
        ["1", "999999", 9, 5],  # no such line
        ["1", "11010", 9, 5],  # not a code
        ["1", "110104", 13, 5],  # no such month
        ["1", "110104", 2, 5],  # locked month
        ["1", "110104", 10, 1.5],  # a fraction of a rial
        ["1", "110104", 9, 6],  # the same cell as row 2
        ["", "110104", 11, 5],  # no agency code
    ])
    before = _amounts(session)
    with pytest.raises(ImportProblems) as caught:
        import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    rows = [p.split(":")[0] for p in caught.value.problems_en]
    assert rows == [f"Row {n}" for n in (3, 4, 5, 6, 7, 8, 9, 10)]
    assert "سطر ۷" in caught.value.message_fa and "بسته شده" in caught.value.message_fa
    assert "سطر ۲" in caught.value.message_fa  # the duplicate names the row it repeats
    assert _amounts(session) == before


def test_roles_missing_headings_and_files_that_are_not_sheets(session, tiny, clerk, viewer, tmp_path):
    path = tmp_path / "out.xlsx"
    assert export_collections(session, viewer, 1404, path, through_month=3) == 5
    with pytest.raises(PermissionDenied):
        import_collections(session, viewer, 1404, path)
    wrong = tmp_path / "wrong.xlsx"
    _sheet(wrong, [["کد دستگاه", "ماه"], ["1", 1]])
    with pytest.raises(ValidationError, match="کد ردیف") as caught:
        import_collections(session, clerk, 1404, wrong)
    assert "مبلغ (ریال)" in caught.value.message_fa
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip file")
    with pytest.raises(SheetError, match="سالم"):
        import_collections(session, clerk, 1404, fake)
    with pytest.raises(SheetError, match="xlsx"):
        import_collections(session, clerk, 1404, tmp_path / "figures.pdf")


def test_amounts_beyond_excel_precision_are_written_as_text_and_come_back_exact(session, tiny, clerk, tmp_path):
    huge = 98_765_432_109_876_543  # more digits than a spreadsheet number keeps
    path = tmp_path / "huge.xlsx"
    _sheet(path, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], ["1", "110104", 11, str(huge)]])
    import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    export_collections(session, clerk, 1404, path)
    row = next(r for r in load_workbook(path).worksheets[0].iter_rows(min_row=2, values_only=True) if r[5] == 11)
    assert row[6] == str(huge)
    assert import_collections(session, clerk, 1404, path, dry_run=True).changed == 0


cells = st.one_of(st.none(), st.integers(min_value=-10**19, max_value=10**19),
                  st.floats(allow_nan=True, allow_infinity=True),
                  st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),  # what a cell can hold
                  st.sampled_from(["۱۱۰۱۰۴", "110104", "1", "۲", "تیر", "Mehr", "۱٬۲۵۰", "(۵۰۰)", " ", "-0"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(cells, cells, cells, cells), min_size=1, max_size=4))
def test_any_cells_are_imported_exactly_or_refused_in_persian(session, tiny, clerk, tmp_path, rows):
    path = tmp_path / "random.xlsx"
    _sheet(path, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], *[list(r) for r in rows]])
    before = _amounts(session)
    try:
        result = import_collections(session, clerk, 1404, path, reason=CONFIRMED)
    except ValidationError as err:  # ImportProblems is one
        assert err.message_fa and err.message_fa != err.message_en
        assert _amounts(session) == before
        return
    after = _amounts(session)
    for agency, line, month, amount in rows:
        if isinstance(amount, int) and not isinstance(amount, bool):
            m = month if isinstance(month, int) else None
            if m is not None and str(agency).strip() in ("1", "2", "3") and str(line) == "110104":
                assert after[(str(agency).strip(), "110104", m)] == amount
    assert result.cells <= len(rows)


# ------------------------------------------------------------------------------ approved amounts
def _approved(session, year: int = 1404) -> dict[tuple[str, str], tuple[int, int | None]]:
    from rasad_desktop.db.models import Agency, Assignment, ClassificationNode, FiscalYear

    q = (select(Agency.code, ClassificationNode.code, Assignment.approved, Assignment.revised)
         .join(Agency, Agency.id == Assignment.agency_id)
         .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
         .join(FiscalYear, FiscalYear.id == Assignment.fiscal_year_id).where(FiscalYear.year == year))
    return {(a, line): (ap, rv) for a, line, ap, rv in session.execute(q)}


def test_the_budget_law_round_trips_and_a_new_year_is_loaded_from_a_workbook(session, tiny, admin, tmp_path):
    from rasad_desktop.exchange.approved_file import export_approved, import_approved

    path = tmp_path / "law-1404.xlsx"
    before = _approved(session)
    assert export_approved(session, admin, 1404, path) == len(before) == 3
    assert import_approved(session, admin, 1404, path, dry_run=True).changed == 0
    from rasad_desktop.services import budget_admin

    budget_admin.new_year(session, admin, 1405, copy_lines_from=1404)
    result = import_approved(session, admin, 1405, path)  # last year's law as this year's start
    assert (result.cells, result.changed, result.written) == (3, 3, True)
    assert _approved(session, 1405) == before
    assert before[("1", "210101")] == (1_000_000, 1_200_000)  # the amendment came along

    law = tmp_path / "law-1405.xlsx"
    _sheet(law, [["Agency code", "Line code", "Approved (rials)", "Revised (rials)"],
                 ["۱", "۱۱۰۱۰۴", "۱٬۵۰۰٬۰۰۰", None], [2, 140101, 700_000, 650_000]])
    assert import_approved(session, admin, 1405, law).changed == 2
    after = _approved(session, 1405)
    assert after[("1", "110104")] == (1_500_000, None) and after[("2", "140101")] == (700_000, 650_000)


def test_bad_budget_rows_are_listed_and_nothing_is_saved(session, tiny, admin, clerk, tmp_path):
    from rasad_desktop.exchange.approved_file import import_approved

    path = tmp_path / "bad-law.xlsx"
    _sheet(path, [["کد دستگاه", "کد ردیف", "مصوب (ریال)", "اصلاحیه (ریال)"],
                  ["1", "110104", 2_000_000, None],  # fine on its own
                  ["1", "110100", 5, None],  # a band, not a line
                  ["1", "140101", -5, None],  # negative
                  ["2", "140101", 900_000, None],  # its monthly schedule adds up to 600,000
                  ["1", "110104", 3, None],  # repeats row 2
                  ["7", "110104", 3, None]])  # no such agency
    before = _approved(session)
    with pytest.raises(ImportProblems) as caught:
        import_approved(session, admin, 1404, path)
    assert [p.split(":")[0] for p in caught.value.problems_en] == [f"Row {n}" for n in (3, 4, 5, 6, 7)]
    assert "برنامهٔ ماهانه" in caught.value.message_fa and "۶۰۰۰۰۰" in caught.value.message_fa
    assert _approved(session) == before
    with pytest.raises(PermissionDenied):  # the budget is the administrator's
        import_approved(session, clerk, 1404, path, dry_run=True)


# ------------------------------------------------------------------------------ what a review found
def test_document_references_survive_a_file_without_their_column_and_count_as_changes(session, tiny, clerk,
                                                                                       tmp_path):
    from rasad_desktop.services.collections import Entry, save_month

    save_month(session, clerk, 1404, 9, "1", [Entry("110104", 500, document_ref="=12/3")])
    short = tmp_path / "short.xlsx"
    _sheet(short, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], ["1", "110104", 9, 500]])
    assert import_collections(session, clerk, 1404, short).changed == 0
    exported = tmp_path / "all.xlsx"
    export_collections(session, clerk, 1404, exported)
    row = next(r for r in load_workbook(exported).worksheets[0].iter_rows(min_row=2) if r[5].value == 9)
    assert row[7].value == "=12/3" and row[7].data_type == "s"  # text, never a formula
    assert import_collections(session, clerk, 1404, exported, dry_run=True).changed == 0
    book = load_workbook(exported)
    cell = next(r for r in book.worksheets[0].iter_rows(min_row=2) if r[5].value == 9)[7]
    cell.value = "سند ۷"
    book.save(exported)
    assert import_collections(session, clerk, 1404, exported, dry_run=True).changed == 1  # the check agrees …
    assert import_collections(session, clerk, 1404, exported).changed == 1  # … with the import
    csv_path = tmp_path / "all.csv"
    export_collections(session, clerk, 1404, csv_path)
    assert import_collections(session, clerk, 1404, csv_path, dry_run=True).changed == 0


def test_damaged_and_odd_files_are_refused_with_a_message(session, tiny, clerk, tmp_path):
    import zipfile

    good = tmp_path / "good.xlsx"
    _sheet(good, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], *[["1", "110104", 9, n] for n in range(30)]])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename.endswith("sheet1.xml") else data)
    with pytest.raises(SheetError, match="سالم"):
        import_collections(session, clerk, 1404, broken)
    quote = tmp_path / "quote.csv"
    quote.write_text("کد دستگاه,کد ردیف,ماه,مبلغ (ریال)\n1,110104,\"9" + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(SheetError):
        import_collections(session, clerk, 1404, quote)
    months = tmp_path / "months.xlsx"
    _sheet(months, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], ["1", "110104", "²", 5], ["1", "110104", "9" * 5000, 5]])
    with pytest.raises(ImportProblems) as caught:
        import_collections(session, clerk, 1404, months)
    assert len(caught.value.problems_fa) == 2
    unicode_text = tmp_path / "excel-unicode.txt"  # Excel's "Unicode Text": UTF-16, tab-separated
    unicode_text.write_bytes("کد دستگاه\tکد ردیف\tماه\tمبلغ (ریال)\r\n1\t110104\t9\t44\r\n".encode("utf-16"))
    assert import_collections(session, clerk, 1404, unicode_text).changed == 1
    big = tmp_path / "rounded.xlsx"
    _sheet(big, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], ["1", "110104", 9, 1.2345678901234567e16]])
    with pytest.raises(ImportProblems, match="متن"):
        import_collections(session, clerk, 1404, big)


def test_a_wrong_stored_sheet_size_does_not_hide_rows(session, tiny, clerk, tmp_path):
    import re
    import zipfile

    good = tmp_path / "good.xlsx"
    _sheet(good, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], ["1", "110104", 9, 5], ["1", "110104", 10, 6],
                  ["9", "110104", 11, 7]])  # the bad row is the last
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(lying, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("sheet1.xml"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:D2"', data)
            dst.writestr(item, data)
    with pytest.raises(ImportProblems, match="سطر ۴"):
        import_collections(session, clerk, 1404, lying, dry_run=True)


def test_a_check_during_maintenance_says_so(session, tiny, admin, clerk, tmp_path):
    import datetime as dt

    from rasad_desktop.services import notices
    from rasad_desktop.services.maintenance import MaintenanceMode

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    notices.post_notice(session, admin, "به‌روزرسانی سرور", "", now - dt.timedelta(hours=1),
                        now + dt.timedelta(hours=1), kind="maintenance")
    path = tmp_path / "m.xlsx"
    _sheet(path, [["کد دستگاه", "کد ردیف", "ماه", "مبلغ (ریال)"], ["1", "110104", 9, 5]])
    with pytest.raises(MaintenanceMode, match="به‌روزرسانی سرور"):
        import_collections(session, clerk, 1404, path, dry_run=True)
