"""Every setting of Rasad, declared once (as Picard declares its options): its key, where
it lives, its type, default, range or choices, its Persian and English label and the
group of the Settings page it is shown in. The page is built from these declarations,
``config.Settings`` stores the workstation ones and ``services.office`` the office ones;
a test checks that no code reads a key that is not declared here.

Two scopes:

- ``WORKSTATION``: this computer's own choices, in ``settings.json`` of its data folder
  (language, where the database and the attachments are, the unit shown by default, the
  workstation number of its tracking codes).
- ``OFFICE``: everything that prints on issued reports or that every workstation must
  apply alike (office and province names, the signature block, the status thresholds,
  working days, response targets, lockout, idle lock, attachment limit). Kept in the
  database, changed only by the administrator, each change audited (``office.set``) and
  all of one Save in one transaction. Two workstations on a shared server therefore
  never issue reports with different names, signatories or colour bands.

The approver's scanned signature is an office setting too, kept *in the database* as the
image bytes (not as a path to a file on one computer): a path would print the scan on
the workstation that has the file and silently leave it out on every other one, and a
file changed on disk would change issued reports without a trace. The bytes are
checked to be a PNG or JPEG by their content (not by a file name) and limited in size;
the audit trail records their SHA-256 and size, not the bytes.

Pure data and pure checks: no I/O, no Qt, no database.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError


class Scope(enum.Enum):
    WORKSTATION = "workstation"  # settings.json in this computer's data folder
    OFFICE = "office"  # the database: every workstation, audited


class Kind(enum.Enum):
    BOOL = "bool"
    INT = "int"
    TEXT = "text"
    CHOICE = "choice"
    IMAGE = "image"  # PNG or JPEG bytes


def in_language(fa: str, en: str, language: str) -> str:
    """The Persian or the English of a declaration's text."""
    return en if language == "en" else fa


@dataclass(frozen=True)
class Group:
    """A box of the Settings page."""

    key: str
    label_fa: str
    label_en: str
    note_fa: str = ""
    note_en: str = ""

    def label(self, language: str = "fa") -> str:
        return in_language(self.label_fa, self.label_en, language)

    def note(self, language: str = "fa") -> str:
        return in_language(self.note_fa, self.note_en, language)


@dataclass(frozen=True)
class Choice:
    value: str
    label_fa: str
    label_en: str

    def label(self, language: str = "fa") -> str:
        return in_language(self.label_fa, self.label_en, language)


class Problem(RasadError):
    """Why a value of setting ``key`` was refused, in Persian and English."""

    def __init__(self, key: str, message_fa: str, message_en: str) -> None:
        super().__init__(message_fa, message_en, code="setting_value")
        self.key = key


@dataclass(frozen=True)
class Setting:
    key: str
    scope: Scope
    kind: Kind
    default: Any
    group: str
    label_fa: str
    label_en: str
    low: int | None = None  # INT: the smallest value
    high: int | None = None  # INT: the largest value; TEXT: the longest text; IMAGE: the most bytes
    choices: tuple[Choice, ...] = ()
    required: bool = False  # TEXT: may not be empty
    empty_fa: str = ""  # the message when a required text is empty
    empty_en: str = ""
    suffix_fa: str = ""  # shown after a number (e.g. « ٪»)
    suffix_en: str = ""
    help_fa: str = ""
    help_en: str = ""
    short_fa: str = ""  # how messages name it (default: the label in quotes)
    short_en: str = ""
    on_page: bool = True  # False: set by IT in settings.json or the environment, not on the page
    everyone: bool = False  # True: any signed-in user may change it (else the administrator only)

    def label(self, language: str = "fa") -> str:
        return in_language(self.label_fa, self.label_en, language)

    def help(self, language: str = "fa") -> str:
        return in_language(self.help_fa, self.help_en, language)

    def suffix(self, language: str = "fa") -> str:
        return in_language(self.suffix_fa, self.suffix_en, language)

    def valid(self, value: Any) -> bool:
        return self.problem(value) is None

    def problem(self, value: Any) -> Problem | None:
        """Why ``value`` cannot be this setting's value, or None."""
        fa, en = self.short_fa or f"«{self.label_fa}»", self.short_en or f"'{self.label_en}'"
        if self.kind is Kind.BOOL:
            if not isinstance(value, bool):
                return Problem(self.key, f"مقدار {fa} باید «بله» یا «خیر» باشد.", f"{en} must be yes or no.")
            return None
        if self.kind is Kind.INT:
            low = self.low if self.low is not None else -(2**63)
            high = self.high if self.high is not None else 2**63 - 1
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                return Problem(self.key, localize_digits(f"مقدار {fa} باید عددی از {low} تا {high} باشد."),
                               f"{en} must be a whole number from {low} to {high}.")
            return None
        if self.kind is Kind.CHOICE:
            if value not in {c.value for c in self.choices}:
                names = "، ".join(c.label_fa for c in self.choices)
                return Problem(self.key, f"مقدار {fa} باید یکی از این‌ها باشد: {names}.",
                               f"{en} must be one of: {', '.join(c.value for c in self.choices)}.")
            return None
        if self.kind is Kind.TEXT:
            if not isinstance(value, str):
                return Problem(self.key, f"مقدار {fa} باید متن باشد.", f"{en} must be text.")
            if self.required and not value.strip():
                return Problem(self.key, self.empty_fa or f"{fa} را وارد کنید.", self.empty_en or f"Enter {en}.")
            if self.high is not None and len(value) > self.high:
                return Problem(self.key, localize_digits(f"{fa} بیش از {self.high} نویسه است."),
                               f"{en} is longer than {self.high} characters.")
            return None
        # IMAGE: None (no image) or the bytes of a PNG or JPEG
        if value is None:
            return None
        if not isinstance(value, bytes | bytearray) or image_type(bytes(value)) is None:
            return Problem(self.key, f"{fa} باید فایل PNG یا JPEG باشد.", f"{en} must be a PNG or JPEG file.")
        if self.high is not None and len(value) > self.high:
            return Problem(self.key, localize_digits(
                f"{fa} بزرگ‌تر از {self.high // 1024} کیلوبایت است؛ تصویر کوچک‌تری انتخاب کنید."),
                f"{en} is larger than {self.high // 1024} KB; choose a smaller image.")
        return None


def image_type(data: bytes) -> str | None:
    """``"png"`` or ``"jpeg"`` from the file's first bytes (its signature), else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def image_digest(data: bytes | None) -> dict[str, Any] | None:
    """What the audit trail records of an image: its SHA-256 and size, never the bytes."""
    if data is None:
        return None
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


# --------------------------------------------------------------------------- the groups
GROUPS: tuple[Group, ...] = (
    # this workstation
    Group("interface", "رابط کاربری", "Interface",
          "زبان تازه از اجرای بعدی رصد منابع اعمال می‌شود.",
          "A new language takes effect the next time Rasad starts."),
    Group("workstation", "نمایش و کدهای رهگیری", "Display and tracking codes",
          "این تنظیمات فقط برای همین رایانه است و در پروندهٔ settings.json پوشهٔ داده نگهداری می‌شود.",
          "These settings are for this computer only and are kept in settings.json in its data folder."),
    # the office
    Group("office", "اداره", "Office",
          "تنظیمات اداره در پایگاه داده نگهداری می‌شوند، در همهٔ ایستگاه‌های کاری یکسان‌اند و هر تغییرشان در "
          "گزارش رویدادها ثبت می‌شود.",
          "The office settings are kept in the database, the same on every workstation, and every change is "
          "recorded in the audit trail."),
    Group("status", "وضعیت دستگاه‌ها در گزارش‌ها", "Status bands of reports",
          "دستگاهی که کمتر از آستانهٔ «نیازمند پیگیری» باشد «عقب‌مانده» است.",
          "Below the “needs follow-up” threshold, an agency is “lagging”."),
    Group("signature", "بخش امضای گزارش‌ها", "Signature block of reports"),
    Group("plausibility", "هشدار ارقام نامعمول", "Warnings on unusual figures",
          "رقمی که با همین ماه پارسال یا ماه معمول دستگاه بیش از این اندازه فرق کند، هنگام ورود و ورود از Excel "
          "هشدار می‌گیرد؛ هشدار مانع ثبت نیست و با نوشتن دلیل تأیید می‌شود.",
          "A figure further than this from the same month last year or from the agency's usual month is "
          "flagged on entry and on import; a warning does not block saving and is confirmed with a reason."),
    Group("workdays", "روزهای کاری و مهلت پاسخ", "Working days and response targets",
          "سررسید پاسخ با روزهای کاری شمرده می‌شود: شنبه تا چهارشنبه، پنجشنبه اگر تعطیل نباشد، و هرگز جمعه یا "
          "روزهای تعطیل جدول تعطیلات. هر تغییر برای درخواست‌هایی اعمال می‌شود که پس از آن ثبت شوند.",
          "Due dates count working days: Saturday to Wednesday, Thursday unless it is a day off, never Friday "
          "or a holiday in the holiday table. A change applies to requests registered afterwards."),
    Group("security", "ورود و قفل صفحه", "Sign-in and screen lock"),
    Group("attachments", "پیوست‌ها", "Attachments"),
)

OFFICE_FA_DEFAULT = "اداره کل امور اقتصادی و دارایی استان آذربایجان شرقی"
MAX_TEXT = 200
MAX_IMAGE_BYTES = 1024 * 1024
W, OF = Scope.WORKSTATION, Scope.OFFICE


def _number(key: str, default: int, low: int, high: int, group: str, fa: str, en: str, **more: Any) -> Setting:
    return Setting(key, OF, Kind.INT, default, group, fa, en, low=low, high=high, **more)


def _text(key: str, default: str, group: str, fa: str, en: str, **more: Any) -> Setting:
    return Setting(key, OF, Kind.TEXT, default, group, fa, en, high=MAX_TEXT, **more)


_PERCENT = {"suffix_fa": " ٪", "suffix_en": " %"}

# ------------------------------------------------------------------------ the settings
SETTINGS: tuple[Setting, ...] = (
    # ------------------------------------------------------------- this workstation
    Setting("language", W, Kind.CHOICE, "fa", "interface", "زبان", "Language",
            choices=(Choice("fa", "فارسی", "فارسی"), Choice("en", "English", "English")),  # each under its own name
            everyone=True),
    Setting("default_unit", W, Kind.CHOICE, Unit.MILLION.key, "workstation",
            "واحد پیش‌فرض گزارش‌ها و جدول‌ها", "Default unit of reports and tables",
            choices=tuple(Choice(u.key, u.label("fa"), u.label("en")) for u in Unit),
            help_fa="واحدی که صفحه‌ها و گزارش‌ها با آن باز می‌شوند؛ در هر صفحه می‌توان آن را عوض کرد.",
            help_en="The unit pages and reports open with; each page can change it."),
    Setting("workstation", W, Kind.INT, 1, "workstation",
            "شمارهٔ ایستگاه کاری (برای کدهای رهگیری)", "Workstation number (for tracking codes)", low=1, high=99,
            help_fa="هر ایستگاه کاری شمارهٔ یکتای خود را داشته باشد تا کدهای رهگیری با هم یکی نشوند.",
            help_en="Give each workstation its own number so that tracking codes never collide."),
    Setting("database_url", W, Kind.TEXT, "", "workstation", "نشانی پایگاه داده", "Database URL", high=2000,
            on_page=False,
            help_fa="خالی یعنی پروندهٔ SQLite در پوشهٔ داده. فناوری اطلاعات آن را در settings.json یا با "
                    "RASAD_DATABASE_URL تعیین می‌کند (ممکن است گذرواژه داشته باشد؛ در صفحه نشان داده نمی‌شود).",
            help_en="Empty means the SQLite file in the data folder. Set by IT in settings.json or "
                    "RASAD_DATABASE_URL (it may hold a password, so the page does not show it)."),
    Setting("attachments_dir", W, Kind.TEXT, "", "workstation", "پوشهٔ پیوست‌ها", "Attachments folder", high=2000,
            on_page=False,
            help_fa="خالی یعنی پوشهٔ attachments در پوشهٔ داده. ایستگاه‌هایی که یک سرور PostgreSQL مشترک دارند آن "
                    "را به یک پوشهٔ اشتراکی شبکه می‌دهند (فناوری اطلاعات، در settings.json).",
            help_en="Empty means attachments/ in the data folder. Workstations sharing one PostgreSQL server "
                    "point it at one shared network folder (IT, in settings.json)."),
    # ------------------------------------------------------------------- the office
    _text("office_fa", OFFICE_FA_DEFAULT, "office", "نام اداره", "Office name", required=True,
          empty_fa="نام اداره را وارد کنید؛ این نام بر همهٔ گزارش‌ها چاپ می‌شود.",
          empty_en="Enter the office name; it is printed on every report."),
    _text("province_fa", "آذربایجان شرقی", "office", "استان", "Province", required=True,
          empty_fa="نام استان را وارد کنید.", empty_en="Enter the province name."),
    _number("status_good", 100, 0, 999, "status", "«مطلوب» از (درصد سهم دوره)",
            "“Good” at or above (% of the period share)", short_fa="آستانهٔ «مطلوب»",
            short_en="The “good” threshold", **_PERCENT),
    _number("status_watch", 80, 0, 999, "status", "«نیازمند پیگیری» از (درصد سهم دوره)",
            "“Needs follow-up” at or above (% of the period share)",
            short_fa="آستانهٔ «نیازمند پیگیری»", short_en="The “needs follow-up” threshold", **_PERCENT),
    _text("prepared_by_name", "", "signature", "تهیه‌کننده (نام)", "Prepared by (name)",
          help_fa="خالی یعنی گزارش‌ها بدون بخش «تهیه‌کننده» چاپ می‌شوند.",
          help_en="Empty: reports are printed without a “prepared by” box."),
    _text("prepared_by_title", "کارشناس رصد منابع", "signature", "تهیه‌کننده (سمت)", "Prepared by (title)"),
    _text("approved_by_name", "", "signature", "تأییدکننده (نام)", "Approved by (name)",
          help_fa="خالی یعنی بخش «تأییدکننده» با سمت و یک خط نقطه‌چین برای امضا چاپ می‌شود.",
          help_en="Empty: the “approved by” box is printed with the title and a dotted line to sign on."),
    _text("approved_by_title", "مدیرکل امور اقتصادی و دارایی استان", "signature", "تأییدکننده (سمت)",
          "Approved by (title)"),
    Setting("signature_image", OF, Kind.IMAGE, None, "signature", "تصویر امضای تأییدکننده (PNG یا JPEG)",
            "Scanned signature of the approver (PNG or JPEG)", high=MAX_IMAGE_BYTES,
            short_fa="تصویر امضا", short_en="The signature image",
            help_fa="در پایگاه داده نگهداری و در بخش «تأییدکننده» همهٔ گزارش‌ها چاپ می‌شود.",
            help_en="Kept in the database and printed in the “approved by” box of every report."),
    Setting("thursday_off", OF, Kind.BOOL, True, "workdays", "پنجشنبه‌ها تعطیل است", "Thursdays are days off"),
    _number("response_days_request", 10, 1, 365, "workdays", "مهلت پاسخ به درخواست (روز کاری)",
            "Response target for a request (working days)"),
    _number("response_days_complaint", 7, 1, 365, "workdays", "مهلت پاسخ به شکایت (روز کاری)",
            "Response target for a complaint (working days)"),
    _number("response_days_suggestion", 15, 1, 365, "workdays", "مهلت پاسخ به انتقاد و پیشنهاد (روز کاری)",
            "Response target for a suggestion (working days)"),
    _number("lockout_attempts", 5, 1, 100, "security", "تعداد گذرواژهٔ نادرست تا قفل موقت",
            "Wrong passwords before a temporary lock"),
    _number("lockout_minutes", 15, 1, 24 * 60, "security", "مدت قفل موقت (دقیقه)", "Temporary lock (minutes)"),
    _number("idle_lock_minutes", 10, 1, 24 * 60, "security", "قفل صفحه پس از این چند دقیقه بی‌کاری",
            "Lock the screen after this many idle minutes"),
    _number("warn_far_times", 5, 2, 1000, "plausibility", "هشدار وقتی رقم بیش از این چند برابر (یا کمتر از این کسر) باشد",
            "Warn when a figure is more than this many times (or less than this fraction of)",
            suffix_fa=" برابر", suffix_en=" ×"),
    _number("warn_floor_million", 10, 0, 1_000_000, "plausibility", "مقایسه فقط با ارقام دست‌کم (میلیون ریال)",
            "Compare only with figures of at least (million rials)",
            help_fa="ماه‌های کوچک‌تر از این مقایسه نمی‌شوند: نوسان رقم‌های کوچک زیاد است.",
            help_en="Smaller months are not compared: small figures vary too much."),
    _number("attachment_max_mb", 5, 1, 100, "attachments", "بیشینهٔ حجم پیوست (مگابایت)",
            "Largest attachment (MB)"),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
GROUP_BY_KEY: dict[str, Group] = {g.key: g for g in GROUPS}
WORKSTATION_KEYS = tuple(s.key for s in SETTINGS if s.scope is W)
OFFICE_KEYS = tuple(s.key for s in SETTINGS if s.scope is OF)


@dataclass(frozen=True)
class AtMost:
    """A rule between two settings: ``low`` may not be above ``high``."""

    low: str
    high: str
    message_fa: str
    message_en: str

    def problem(self, values: Mapping[str, Any]) -> Problem | None:
        if values[self.low] > values[self.high]:
            return Problem(self.low, self.message_fa, self.message_en)
        return None


RULES: tuple[AtMost, ...] = (
    AtMost("status_watch", "status_good",
           "آستانهٔ «نیازمند پیگیری» نمی‌تواند از آستانهٔ «مطلوب» بالاتر باشد.",
           "The “needs follow-up” threshold cannot be above the “good” threshold."),
)


def declared(key: str) -> Setting:
    """The declaration of ``key``; KeyError names an undeclared one."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"setting {key!r} is not declared in core/settings_schema.py") from None


def in_scope(scope: Scope) -> tuple[Setting, ...]:
    return tuple(s for s in SETTINGS if s.scope is scope)


def defaults(scope: Scope) -> dict[str, Any]:
    return {s.key: s.default for s in in_scope(scope)}


def first_problem(values: Mapping[str, Any]) -> Problem | None:
    """The first value (in declaration order) that its declaration refuses, then the first
    rule between two of them that does not hold (checked when both are in ``values``)."""
    for s in SETTINGS:
        if s.key in values:
            problem = s.problem(values[s.key])
            if problem is not None:
                return problem
    for rule in RULES:
        if rule.low in values and rule.high in values:
            problem = rule.problem(values)
            if problem is not None:
                return problem
    return None
