"""The vocabulary of the request register: kinds, channels, statuses and the allowed moves
between them, with their Persian and English names. (Shared by the services, the receipt
and the interface.)"""

from __future__ import annotations

KINDS = {"request": ("درخواست", "Request"), "complaint": ("شکایت", "Complaint"),
         "suggestion": ("انتقاد و پیشنهاد", "Suggestion")}
CHANNELS = {"in_person": ("حضوری", "In person"), "phone": ("تلفنی", "Phone"), "letter": ("نامه", "Letter"),
            "portal": ("فرم درگاه", "Portal form")}
STATUSES = {"registered": ("ثبت شده", "Registered"), "in_review": ("در حال بررسی", "In review"),
            "answered": ("پاسخ داده شده", "Answered"), "closed": ("بسته", "Closed")}
MOVES = {  # allowed status changes
    "registered": {"in_review", "answered", "closed"},
    "in_review": {"answered", "closed"},
    "answered": {"closed", "in_review"},
    "closed": {"in_review"},
}
OPEN = ("registered", "in_review")


def label(table: dict[str, tuple[str, str]], key: str, language: str = "fa") -> str:
    fa, en = table.get(key, (key, key))
    return en if language == "en" else fa
