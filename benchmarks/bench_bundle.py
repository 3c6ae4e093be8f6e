"""Packaging benchmark: the PyInstaller bundle's size on disk, and the cold start of the
frozen program to the sign-in window (offscreen) beside the same from source. Prints
figures; asserts nothing.

    python benchmarks/bench_bundle.py [--dist DIR]   (without --dist: builds with build.spec)

Targets on Linux: bundle ≤ 180 MB; frozen cold start ≤ 1.5 s.

Windows estimate: the Linux bundle minus what only Linux ships (ICU — Qt on Windows uses
the system's ICU —, the system libraries PyInstaller copies from /lib: glib, gnutls, krb5,
systemd, libstdc++ …, and Qt's X11/D-Bus parts), measured here from the files themselves,
plus what only Windows ships (python311.dll, the MSVC runtime, qwindows, d3dcompiler and
opengl32sw from PySide6's Windows wheel), at their usual sizes.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# what only a Linux bundle carries: system libraries PyInstaller copies from /lib into
# _internal/, ICU, and Qt's X11/D-Bus pieces (Windows has qwindows.dll instead)
SYSTEM_KEEP = re.compile(r"^lib(python|sqlite|crypto|ssl|ffi|z\.|bz2|lzma|zstd|expat|mpdec)")
QT_LINUX_ONLY = re.compile(r"(libicu|libQt6XcbQpa|libQt6DBus|platforms/libqxcb|libX|libxcb)")
# what only a Windows bundle carries, in MB: python311.dll, the MSVC runtime, Qt's
# windows platform plugin and style, d3dcompiler_47.dll and opengl32sw.dll (software OpenGL,
# shipped in PySide6's Windows wheel)
WINDOWS_EXTRA_MB = {"python311.dll": 5.6, "MSVC runtime": 0.7, "qwindows + style": 1.2,
                    "d3dcompiler_47.dll": 4.0, "opengl32sw.dll": 20.0}


def size_mb(path: Path) -> float:
    """Bytes on disk, counting each file once (PyInstaller links some libraries twice)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1024 / 1024


def linux_only_mb(internal: Path) -> float:
    total = 0
    for p in internal.rglob("*"):
        if not p.is_file() or p.is_symlink():
            continue
        rel = p.relative_to(internal).as_posix()
        system_lib = "/" not in rel and rel.startswith("lib") and ".so" in rel and not SYSTEM_KEEP.match(rel)
        if system_lib or QT_LINUX_ONLY.search(rel):
            total += p.lstat().st_size
    return total / 1024 / 1024


def cold_start(command: list[str], data_dir: Path, runs: int = 5) -> list[float]:
    times = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        probe = data_dir / "probe.txt"
        probe.unlink(missing_ok=True)
        env["RASAD_STARTUP_PROBE"] = str(probe)
        start = time.time()
        subprocess.run([*command, "--data-dir", str(data_dir)], env=env, capture_output=True, timeout=60)
        shown, dialog = probe.read_text(encoding="utf-8").split()
        assert dialog == "SignInDialog", dialog
        times.append(float(shown) - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", help="an existing dist folder holding Rasad/ (skips the build)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rasad-bundle-"))
    dist = Path(args.dist) if args.dist else work / "dist"
    build_s = None
    if not args.dist:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
                        "--distpath", str(dist), "--workpath", str(work / "build")], check=True,
                       capture_output=True)
        build_s = time.perf_counter() - t
    bundle = dist / "Rasad"
    exe = bundle / ("Rasad.exe" if sys.platform == "win32" else "Rasad")
    data = work / "data"
    subprocess.run([sys.executable, "-m", "rasad_desktop", "--data-dir", str(data), "init"],
                   input="bench-password-1\n", text=True, check=True, capture_output=True)
    frozen = cold_start([str(exe)], data)
    source = cold_start([sys.executable, "-m", "rasad_desktop"], data)
    total = size_mb(bundle)
    linux_only = linux_only_mb(bundle / "_internal")
    if build_s is not None:
        print(f"build (pyinstaller build.spec)   {build_s:.0f} s")
    print(f"bundle on disk                   {total:.0f} MB   (target ≤ 180 MB)")
    print(f"  of which PySide6               {size_mb(bundle / '_internal' / 'PySide6'):.0f} MB")
    print(f"  of which Linux-only libraries  {linux_only:.0f} MB (ICU and system libraries)")
    extra = sum(WINDOWS_EXTRA_MB.values())
    print(f"Windows bundle, estimated        {total - linux_only + extra:.0f} MB "
          f"(this bundle − Linux-only + {extra:.1f} MB of Windows-only files: {', '.join(WINDOWS_EXTRA_MB)})")
    print(f"cold start to sign-in, frozen    median {statistics.median(frozen):.2f} s "
          f"(runs {', '.join(f'{x:.2f}' for x in frozen)})   (target ≤ 1.5 s)")
    print(f"cold start to sign-in, source    median {statistics.median(source):.2f} s "
          f"(runs {', '.join(f'{x:.2f}' for x in source)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
