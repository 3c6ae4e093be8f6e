"""The error type every layer raises for a problem the user can fix."""

from __future__ import annotations


class RasadError(Exception):
    """An error with a message for the user, in Persian first and English second.

    ``str(error)`` is the Persian message, so a caller that just shows the error
    shows Persian.
    """

    def __init__(self, message_fa: str, message_en: str = "", *, code: str = "") -> None:
        super().__init__(message_fa)
        self.message_fa = message_fa
        self.message_en = message_en or message_fa
        self.code = code

    def message(self, language: str = "fa") -> str:
        return self.message_en if language == "en" else self.message_fa
