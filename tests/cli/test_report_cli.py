"""``rasad-desktop report`` and ``verify`` from the command line."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("kind, extra", [
    ("monitoring", ["--through-month", "6"]),
    ("agency", ["--through-month", "6", "--agency", "106"]),
    ("letter", ["--through-month", "8", "--unit", "billion"]),
    ("circular", []),
    ("comparison", ["--unit", "rial"]),
])
def test_every_kind_renders_from_the_command_line(demo_dir, tmp_path, run, kind, extra):
    out = tmp_path / f"{kind}.pdf"
    code, text = run("report", kind, "--data-dir", str(demo_dir), "--year", "1405", *extra,
                     "--out", str(out))
    assert code == 0, text
    assert out.read_bytes().startswith(b"%PDF") and "پیش‌نویس" in text
    assert not list(tmp_path.glob("*.part"))


def test_issue_verify_tamper_and_correct(demo_dir, tmp_path, run):
    issued = tmp_path / "issued.pdf"
    code, text = run("report", "monitoring", "--data-dir", str(demo_dir), "--year", "1405",
                     "--through-month", "6", "--out", str(issued), "--issue",
                     "--prepared-by", "مریم احمدی|کارشناس", "--approved-by", "علی رضایی|مدیرکل")
    assert code == 0 and "۰۰۰۱" in text and "کد تصدیق" in text
    code, text = run("verify", "--data-dir", str(demo_dir), str(issued))
    assert code == 0 and text.startswith("معتبر")
    data = bytearray(issued.read_bytes())
    data[-200] ^= 0x20
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    code, text = run("verify", "--data-dir", str(demo_dir), str(tampered))
    assert code == 1 and text.startswith("نامعتبر") and "تغییر کرده" in text
    corrected = tmp_path / "v2.pdf"
    number = text.split("گزارش ")[1].split(" ")[0]
    code, text = run("report", "monitoring", "--data-dir", str(demo_dir), "--year", "1405",
                     "--through-month", "7", "--out", str(corrected), "--issue", "--correct", number)
    assert code == 0 and "نسخهٔ ۲" in text
    code, text = run("verify", "--data-dir", str(demo_dir), str(issued))
    assert code == 0 and "نسخهٔ جدیدتری" in text


def test_text_report(tmp_path, run):
    src = tmp_path / "in.txt"
    src.write_text("سلام دنیا\nگزارش PDF سال ۱۴۰۳\n", encoding="utf-8")
    out = tmp_path / "text.pdf"
    code, _ = run("report", "text", "--data-dir", str(tmp_path / "d"), "--in", str(src), "--out", str(out))
    assert code == 0 and out.read_bytes().startswith(b"%PDF")


MONTH_NEEDED = "برای این گزارش ماه پایان دوره (--through-month) لازم است."


@pytest.mark.parametrize("args, message", [
    (["report", "text", "--out", "x.pdf"], "برای گزارش متن، فایل ورودی (--in) لازم است."),
    (["report", "monitoring", "--out", "x.pdf"], "سال مالی (--year) لازم است."),
    (["report", "responses", "--out", "x.pdf"], "سال مالی (--year) لازم است."),
    (["report", "monitoring", "--year", "1405", "--out", "x.pdf"], MONTH_NEEDED),
    (["report", "letter", "--year", "1390", "--out", "x.pdf"], MONTH_NEEDED),  # the usage before the values
    (["report", "agency", "--year", "1405", "--through-month", "6", "--out", "x.pdf"],
     "برای گزارش دستگاه، کد دستگاه (--agency) لازم است."),
    (["report", "monitoring", "--year", "1405", "--through-month", "6", "--out", "x.pdf", "--correct", "1"],
     "--correct فقط همراه با --issue به کار می‌رود."),
])
def test_a_missing_option_is_a_usage_error(tmp_path, run, monkeypatch, args, message):
    """Options one kind of report needs, which argparse cannot require: exit 2 under the usage
    line, before anything is opened or written."""
    monkeypatch.chdir(tmp_path)
    code, text = run(*args, "--data-dir", str(tmp_path / "data"))
    assert code == 2 and text.startswith("usage: rasad-desktop report ")
    assert f"rasad-desktop report: error: {message}" in text and "Traceback" not in text
    assert list(tmp_path.iterdir()) == []


def test_a_usage_error_in_english(tmp_path, run):
    code, text = run("--lang", "en", "report", "agency", "--year", "1405", "--through-month", "6", "--out", "x.pdf",
                     "--data-dir", str(tmp_path / "data"))
    assert code == 2 and "rasad-desktop report: error: The agency report needs an agency code (--agency)." in text


@pytest.mark.parametrize("args, message", [
    (["report", "agency", "--year", "1405", "--through-month", "6", "--agency", "999", "--out", "x.pdf"],
     "دستگاهی با کد"),
    (["report", "monitoring", "--year", "1390", "--through-month", "6", "--out", "x.pdf"], "سال مالی ۱۳۹۰"),
    (["verify", "missing.pdf"], "فایل «missing.pdf» پیدا نشد."),
    (["report", "text", "--in", "missing.txt", "--out", "x.pdf"], "فایل «missing.txt» پیدا نشد."),
    (["report", "text", "--in", ".", "--out", "x.pdf"], "یک پوشه است، نه فایل"),
])
def test_mistakes_get_persian_messages_and_no_file(demo_dir, tmp_path, run, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, text = run(*args, "--data-dir", str(demo_dir))
    assert code == 1 and message in text and "Traceback" not in text
    assert "No such file" not in text  # the operating system's English is not shown
    assert not (tmp_path / "x.pdf").exists()


def test_a_file_that_is_not_utf8_is_refused(tmp_path, run):
    src = tmp_path / "bad.txt"
    src.write_bytes("سلام".encode("cp1256"))
    code, text = run("report", "text", "--data-dir", str(tmp_path / "d"), "--in", str(src),
                     "--out", str(tmp_path / "o.pdf"))
    assert code == 1 and "UTF-8" in text
