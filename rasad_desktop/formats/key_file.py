"""The office's personal-data key on this computer, kept outside the database.

On Windows the key is wrapped with DPAPI (``CryptProtectData``, the signed-in Windows user's
scope): the file is useless on another computer or to another Windows account, so a copy
of the data folder — database and key file together — does not open the requesters' IDs.
Elsewhere (development, CI) the key is kept in a file only its owner may read (0600).
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

from rasad_desktop.formats.atomic import write_bytes

FILE_NAME = "personal-data.key"


class KeyFileError(OSError):
    """The key file exists but cannot be opened here (another Windows user, damaged)."""


def path_for(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def load(path: Path) -> bytes | None:
    """The key, or None when there is no key file."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise KeyFileError(f"the key file {path} cannot be read: {exc}") from exc
    try:
        blob = base64.b64decode(doc["blob"])
        key = _unprotect(blob) if doc.get("scheme") == "dpapi" else blob
    except (KeyError, TypeError, ValueError, OSError) as exc:
        raise KeyFileError(f"the key file {path} cannot be opened here: {exc}") from exc
    if len(key) != 32:
        raise KeyFileError(f"the key file {path} is damaged")
    return key


def save(path: Path, key: bytes) -> None:
    scheme = "dpapi" if sys.platform == "win32" else "file"
    blob = _protect(key) if scheme == "dpapi" else key
    doc = {"scheme": scheme, "blob": base64.b64encode(blob).decode("ascii")}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, json.dumps(doc).encode("utf-8"))
    if scheme == "file":
        os.chmod(path, 0o600)


# ---------------------------------------------------------------- Windows DPAPI (ctypes)
def _protect(data: bytes) -> bytes:
    return _dpapi(data, protect=True)


def _unprotect(data: bytes) -> bytes:
    if sys.platform != "win32":
        raise KeyFileError("this key is protected by Windows for another computer")
    return _dpapi(data, protect=False)


def _dpapi(data: bytes, *, protect: bool) -> bytes:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    buffer = ctypes.create_string_buffer(data, len(data))
    source = Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    out = Blob()
    crypt32 = ctypes.windll.crypt32  # type: ignore[attr-defined]  # Windows only: mypy checks on Linux
    ui_forbidden = 0x1
    if protect:
        ok = crypt32.CryptProtectData(ctypes.byref(source), "Rasad personal data", None, None, None,
                                      ui_forbidden, ctypes.byref(out))
    else:
        ok = crypt32.CryptUnprotectData(ctypes.byref(source), None, None, None, None, ui_forbidden,
                                        ctypes.byref(out))
    if not ok:
        raise KeyFileError(f"Windows could not {'protect' if protect else 'open'} the key "
                           f"(error {ctypes.GetLastError()})")  # type: ignore[attr-defined]  # Windows only
    try:
        return ctypes.string_at(out.pbData, out.cbData)
    finally:
        ctypes.windll.kernel32.LocalFree(out.pbData)  # type: ignore[attr-defined]  # Windows only
