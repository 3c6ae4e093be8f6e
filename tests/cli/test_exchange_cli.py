"""``rasad-desktop export collections`` and ``import collections`` from the command line."""

from __future__ import annotations

from openpyxl import load_workbook

from rasad_desktop.core.amounts import format_amount


def test_export_edit_check_and_import(demo_dir, tmp_path, run):
    book_path = tmp_path / "1405.xlsx"
    code, text = run("export", "collections", "--data-dir", str(demo_dir), "--year", "1405",
                     "--through-month", "2", "--out", str(book_path))
    assert code == 0 and "رقم وصولی" in text
    book = load_workbook(book_path)
    rows = list(book.worksheets[0].iter_rows(min_row=2))
    assert rows and {r[5].value for r in rows} == {1, 2}
    rows[0][6].value = rows[0][6].value + 1_000
    book.save(book_path)
    args = ("import", "collections", str(book_path), "--data-dir", str(demo_dir), "--year", "1405")
    code, text = run(*args, "--dry-run")
    assert code == 0 and "۱ رقم تغییر می‌کند" in text and "چیزی نوشته نشد" in text
    old = rows[0][6].value - 1_000
    assert f"{format_amount(old)} ← {format_amount(old + 1_000)}" in text  # the old and new value, listed
    assert "برگهٔ خوانده‌شده: «وصولی 1405»" in text
    code, text = run(*args)
    assert code == 0 and "۱ رقم تغییر کرد و ثبت شد" in text
    code, text = run(*args, "--lang", "en")
    assert code == 0 and "nothing changed" in text


def test_a_bad_file_is_reported_by_row_and_exits_1(demo_dir, tmp_path, run):
    bad = tmp_path / "bad.csv"
    bad.write_text("کد دستگاه,کد ردیف,ماه,مبلغ (ریال)\n101,110104,1,12\n101,110104,ماه سیزدهم,5\n", encoding="utf-8")
    code, text = run("import", "collections", str(bad), "--data-dir", str(demo_dir), "--year", "1405")
    assert code == 1 and "سطر ۳" in text and "چیزی وارد نشد" in text and "Traceback" not in text
    code, text = run("import", "collections", str(tmp_path / "none.xlsx"), "--data-dir", str(demo_dir),
                      "--year", "1405")
    assert code == 1 and "پیدا نشد" in text


def test_a_million_rial_sheet_says_its_unit_and_a_heading_line_is_refused(demo_dir, tmp_path, run):
    sheet = tmp_path / "m.csv"
    sheet.write_text("ارقام: میلیون ریال\nکد دستگاه؛کد ردیف؛ماه؛مبلغ\n101؛110104؛1؛12\n", encoding="utf-8")
    code, text = run("import", "collections", str(sheet), "--data-dir", str(demo_dir), "--year", "1405",
                     "--dry-run", "--lang", "en")
    assert code == 0 and "million rials" in text and "× 1,000,000" in text and "1 figures for 1 agencies" in text
    heading = tmp_path / "h.csv"
    heading.write_text("کد دستگاه,کد ردیف,ماه,مبلغ\n101,100000,1,12\n", encoding="utf-8")
    code, text = run("import", "collections", str(heading), "--data-dir", str(demo_dir), "--year", "1405")
    assert code == 1 and "سطر ۲" in text and "سطح چهارم" in text


def test_unusual_figures_are_listed_and_imported_only_with_a_reason(demo_dir, tmp_path, run):
    sheet = tmp_path / "slip.csv"
    sheet.write_text("کد دستگاه,کد ردیف,ماه,مبلغ\n101,110104,9,-5\n", encoding="utf-8")
    args = ("import", "collections", str(sheet), "--data-dir", str(demo_dir), "--year", "1405")
    code, text = run(*args, "--dry-run")
    assert code == 0 and "۱ رقم نامعمول است" in text and "سطر ۲: رقم منفی است" in text
    code, text = run(*args)
    assert code == 1 and "--reason" in text and "چیزی وارد نشد" in text
    code, text = run(*args, "--reason", "برگشتی سند ۴۵")
    assert code == 0 and "با دلیل «برگشتی سند ۴۵» تأیید شد" in text and "ثبت شد" in text
