"""A failed file read or write told in words an office user understands, in Persian and
English, instead of the operating system's English ``strerror``."""

from __future__ import annotations

import errno
from pathlib import Path

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError


def file_problem(path: str | Path, err: OSError, *, writing: bool,
                 cls: type[RasadError] = RasadError, code: str = "file") -> RasadError:
    what_fa, what_en = ("نوشتن", "write") if writing else ("خواندن", "read")
    if isinstance(err, FileNotFoundError) and not writing:
        return cls(f"فایل «{path}» پیدا نشد.", f"The file '{path}' was not found.", code=code)
    if isinstance(err, FileNotFoundError):
        folder = Path(path).parent
        return cls(f"پوشهٔ «{folder}» برای نوشتن «{path}» پیدا نشد.",
                   f"The folder '{folder}' to write '{path}' in was not found.", code=code)
    if isinstance(err, IsADirectoryError):
        return cls(f"«{path}» یک پوشه است، نه فایل.", f"'{path}' is a folder, not a file.", code=code)
    if isinstance(err, PermissionError) or err.errno == errno.EBUSY:
        return cls(f"اجازهٔ {what_fa} «{path}» نیست یا فایل در برنامهٔ دیگری باز است؛ آن را ببندید و دوباره تلاش کنید.",
                   f"Not allowed to {what_en} '{path}', or it is open in another program; close it and try again.",
                   code=code)
    if err.errno == errno.ENOSPC:
        return cls(f"فضای دیسک برای {what_fa} «{path}» کافی نیست؛ پس از آزاد کردن فضا دوباره تلاش کنید.",
                   f"Not enough disk space to {what_en} '{path}'; free some space and try again.", code="disk_full")
    if err.errno == errno.EROFS:
        return cls(f"«{path}» روی دیسکی فقط‌خواندنی است.", f"'{path}' is on a read-only disk.", code=code)
    return cls(f"{what_fa} «{path}» ممکن نشد (خطای سیستم {localize_digits(str(err.errno or '?'))}).",
               f"Could not {what_en} '{path}': {err}", code=code)
