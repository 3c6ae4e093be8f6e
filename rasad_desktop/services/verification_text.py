"""What ``reporting.verify`` found, in words for the person holding the file: one home
for the command line and the reports page."""

from __future__ import annotations

from collections.abc import Callable

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.jalali import format_jalali
from rasad_desktop.reports.signature import grouped
from rasad_desktop.services.reporting import Verification


def _claim_fa(claimed: str | None) -> str:
    number, _, version = (claimed or "").partition(" v")
    return f"{localize_digits(number)} (نسخهٔ {localize_digits(version)})"


def verification_lines(lang: str, v: Verification) -> list[str]:
    """What ``verify`` found, as lines to read (``rasad-desktop verify`` prints them; the
    reports page shows them)."""
    def t(fa: str, en: str) -> str:
        return en if lang == "en" else fa

    claimed_fa, claimed = _claim_fa(v.claimed), v.claimed or ""
    signer_fa = f" با گواهی «{v.signer.subject}»" if v.signer else ""
    signer_en = f" with the certificate '{v.signer.subject}'" if v.signer else ""
    head = {
        "valid": t(f"معتبر: این فایل گزارش {claimed_fa} است، همان‌گونه که صادر و{' امضا' if v.signer else ''} شده؛"
                   " هیچ تغییری نکرده است.",
                   f"VALID: this file is report {claimed} exactly as it was issued{' and signed' if v.signer else ''};"
                   " nothing in it was changed."),
        "changed_after_signing": t(
            f"تغییر پس از امضا: محتوای امضاشدهٔ گزارش {claimed_fa} سالم است، اما پس از امضا چیزی به فایل افزوده شده"
            " (مثلاً یادداشتی در نمایشگر PDF، یا صفحه‌ای که روی آن کشیده شده). آنچه نمایشگر نشان می‌دهد ممکن است با"
            " نسخهٔ امضاشده یکی نباشد؛ نسخهٔ صادرشده را از دفتر بخواهید.",
            f"CHANGED AFTER SIGNING: the signed content of report {claimed} is intact, but something was added to "
            "the file after it was signed (a comment in a PDF viewer, or something drawn over a page). What a viewer "
            "shows may differ from what was signed; ask the office for the issued file."),
        "altered": t(
            f"نامعتبر: این فایل خود را گزارش {claimed_fa} معرفی می‌کند، اما با فایل صادرشده یکی نیست"
            f"{' یا امضای آن شکسته است' if v.signer else ''}؛ پس از صدور تغییر کرده است.",
            f"NOT VALID: this file claims to be report {claimed}, but it is not the file that was issued"
            f"{' or its signature is broken' if v.signer else ''}; it was altered after issuing."),
        "untrusted": t(
            f"امضاکنندهٔ ناشناس: محتوای فایل پس از امضا تغییر نکرده، اما{signer_fa} امضا شده که این‌جا مورد اعتماد"
            " نیست. اگر از دفتری دیگر است، گواهی آن دفتر را با «certificate import» وارد کنید.",
            f"UNKNOWN SIGNER: the content is unchanged since it was signed, but it was signed{signer_en}, which is "
            "not trusted here. If it is from another office, import that office's certificate (certificate import)."),
        "unknown": _unknown(t, v.file) or t(
            "ناشناخته در این‌جا: این فایل نه در فهرست گزارش‌های صادرشدهٔ این پایگاه داده است و نه با گواهی مورد "
            "اعتمادی امضا شده (شاید از دفتر دیگری است، یا فهرست گزارش‌های دفتر هنوز به این ایستگاه نرسیده است).",
            "NOT KNOWN HERE: this file is neither in this database's registry of issued reports nor signed with a "
            "trusted certificate (it may be from another office, or the office's registry has not reached this "
            "workstation yet)."),
    }[v.status]
    lines = [head]
    r = v.report
    if r is not None and v.status != "altered":
        lines.append(t(f"صادرشده در {format_jalali(r.issued_at)} توسط «{r.issued_by}»؛ کد تصدیق: {r.verification_code}",
                       f"Issued on {format_jalali(r.issued_at, 'latin')} by '{r.issued_by}'; verification code: "
                       f"{r.verification_code}"))
    if v.signer is not None and v.status in ("valid", "changed_after_signing", "untrusted"):
        lines.append(t(f"امضاکننده: {v.signer.subject}", f"Signer: {v.signer.subject}"))
        lines.append(t("اثر انگشت گواهی", "Certificate fingerprint") + f" (SHA-256): {grouped(v.signer.fingerprint)}")
        if r is None and v.status == "valid":
            lines.append(t("این پایگاه داده سابقه‌ای از این گزارش ندارد؛ اعتبار آن از امضای گواهی مورد اعتماد است.",
                           "This database has no record of this report; it is valid by the trusted certificate's "
                           "signature."))
    if v.latest_version and r is not None and v.latest_version > r.version:
        lines.append(t(f"توجه: نسخهٔ جدیدتری ({localize_digits(str(v.latest_version))}) از این گزارش صادر شده است.",
                       f"Note: a newer version ({v.latest_version}) of this report has been issued."))
    if v.registry_edited:
        lines.append(t("هشدار: ردیف این گزارش در فهرست گزارش‌های صادرشده با گزارش رویدادها نمی‌خواند؛ کسی پایگاه داده را "
                       "مستقیم ویرایش کرده است. «audit verify» را اجرا کنید.",
                       "Warning: this report's row in the registry of issued reports disagrees with the audit trail; "
                       "someone edited the database directly. Run 'audit verify'."))
    return lines


def _unknown(t: Callable[[str, str], str], file: str) -> str:
    """"Not known here" for a file that cannot be a report at all: said as what it is."""
    return {
        "not_pdf": t("ناشناخته: این فایل PDF نیست و گزارشی در آن نیست که تصدیق شود.",
                     "NOT KNOWN: this file is not a PDF; there is no report in it to verify."),
        "damaged": t("ناشناخته: این فایل PDF ناقص یا آسیب‌دیده است (مثلاً نیمه‌کاره دریافت یا ذخیره شده)؛ نسخهٔ "
                     "کامل آن را دوباره بگیرید.",
                     "NOT KNOWN: this PDF is incomplete or damaged (received or saved only in part, for "
                     "example); get the whole file again."),
        "draft": t("ناشناخته: این فایل پیش‌نویس است. پیش‌نویس شماره و امضا ندارد و تصدیق‌شدنی نیست؛ فقط گزارش "
                   "صادرشده اعتبار دارد.",
                   "NOT KNOWN: this file is a draft. A draft has no number and no signature and cannot be "
                   "verified; only an issued report counts."),
    }.get(file, "")
