"""The one way Rasad writes a file it must not leave half-written: write beside the
target, flush it to the disk, then rename it over the target (atomic on Windows and
POSIX), and on POSIX flush the folder so the rename survives a power cut."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.file_errors import file_problem

PART_SUFFIX = ".part"


def part_path(target: Path) -> Path:
    """Where a file is written before it replaces ``target``."""
    return target.with_name(target.name + PART_SUFFIX)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def replacing(target: str | Path, *, check: Callable[[Path], None] | None = None) -> Iterator[BinaryIO]:
    """Write ``target`` through the file this yields; it replaces ``target`` only when the
    block ends without an error (and ``check(part)``, if given, accepts what was written).
    On any failure the target is untouched and the part file is removed."""
    target = Path(target)
    part = part_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with part.open("wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if check is not None:
            check(part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    fsync_dir(target.parent)


def write_bytes(target: str | Path, data: bytes) -> None:
    """``target`` holds ``data`` afterwards, or is as it was before (never half a file)."""
    with replacing(target) as f:
        f.write(data)


def write_text(target: str | Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(target, text.encode(encoding))


def write_user_file(target: str | Path, data: bytes, *, cls: type[RasadError] = RasadError) -> None:
    """``write_bytes`` for a file the user named (a PDF to save, …): a failure is raised as
    ``cls``, told in Persian and English (``core.file_errors``), not as the system's OSError."""
    try:
        write_bytes(target, data)
    except OSError as err:
        raise file_problem(target, err, writing=True, cls=cls) from None
