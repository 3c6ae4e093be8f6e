"""Collections to and from spreadsheets: round trip, forgiving headings and digits, every
bad row reported with nothing written, roles, and amounts Excel cannot hold exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from rasad_desktop.db.models import AuditLog, Collection
from rasad_desktop.exchange.collections_file import ImportProblems, export_collections, import_collections
from rasad_desktop.exchange.sheets import SheetError
from rasad_desktop.services import budget
from rasad_desktop.services.errors import PermissionDenied, ValidationError


def _amounts(session, year: int = 1404) -> dict[tuple[str, str, int], int]:
    from rasad_desktop.db.models import Agency, ClassificationNode, FiscalYear

    q = (select(Agency.code, ClassificationNode.code, Collection.month, Collection.amount)
         .join(Agency, Agency.id == Collection.agency_id)
         .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
         .join(FiscalYear, FiscalYear.id == Collection.fiscal_year_id).where(FiscalYear.year == year))
    return {(a, line, m): amount for a, line, m, amount in session.execute(q)}


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
    result = import_collections(session, clerk, 1404, path)
    assert (result.changed, result.written) == (1, True)
    after = _amounts(session)
    assert after.pop(("1", "110104", 3)) == 123_456
    before.pop(("1", "110104", 3))
    assert after == before  # nothing else moved
    assert session.scalar(select(func.count()).select_from(AuditLog)) == audits + 1
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
    result = import_collections(session, clerk, 1404, path)
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
        import_collections(session, clerk, 1404, path)
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
    import_collections(session, clerk, 1404, path)
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
        result = import_collections(session, clerk, 1404, path)
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
