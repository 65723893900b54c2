"""Offline bundle for machines without a package index (政务内网): the drafter wheel and every
dependency's wheel for Linux x86-64 and Windows x86-64, CPython 3.10-3.12, in one folder and a
.zip, with a two-line install instruction.

    python tools/bundle.py                  # `make bundle`: build/drafter-offline-<version>/ + .zip
    python tools/bundle.py --host-only --wheel dist/drafter-....whl --out DIR   # tests

Needs the network (or a pip cache) once, when building; the bundle installs with none."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ["3.10", "3.11", "3.12"]
# manylinux_2_17 (glibc 2.17+) also takes the older manylinux tags: widest Linux reach.
PLATFORMS = {"Linux x86-64": "manylinux_2_17_x86_64", "Windows x86-64": "win_amd64"}
WHEELS = "wheels"
INSTRUCTIONS = "安装说明.txt"
INSTRUCTION_LINES = [
    "离线安装（在本文件夹中打开命令行，需要 Python 3.10–3.12；Windows 可把 python 换成 py）：",
    f"python -m pip install --no-index --find-links {WHEELS} drafter",
]


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], check=True
    )
    return max(out.glob("drafter-*.whl"), key=lambda p: p.stat().st_mtime)


def download(wheel: Path, wheels: Path, host_only: bool) -> None:
    common = ["download", "--only-binary=:all:", "--dest", str(wheels), str(wheel)]
    if host_only:
        pip(*common)
        return
    for platform in PLATFORMS.values():
        for version in PYTHONS:
            pip(
                *common,
                "--platform",
                platform,
                "--python-version",
                version,
                "--implementation",
                "cp",
            )


def bundle(out: Path, wheel: Path | None, host_only: bool) -> Path:
    wheels = out / WHEELS
    shutil.rmtree(out, ignore_errors=True)
    wheels.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = wheel or build_wheel(Path(tmp))
        shutil.copy2(wheel, wheels / wheel.name)
    download(wheels / wheel.name, wheels, host_only)
    # UTF-8 with BOM and CRLF: opens correctly in Windows Notepad and WPS.
    text = "\r\n".join(INSTRUCTION_LINES) + "\r\n"
    (out / INSTRUCTIONS).write_text(text, encoding="utf-8-sig", newline="")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, help="bundle folder (default build/drafter-offline-VERSION)"
    )
    parser.add_argument("--wheel", type=Path, help="an already built drafter wheel")
    parser.add_argument("--host-only", action="store_true", help="only this interpreter's platform")
    parser.add_argument("--no-zip", action="store_true", help="do not write the .zip beside it")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from drafter import __version__

    out = args.out or ROOT / "build" / f"drafter-offline-{__version__}"
    bundle(out.resolve(), args.wheel, args.host_only)
    count = len(list((out / WHEELS).glob("*.whl")))
    print(f"{out}: {count} wheels")
    if not args.no_zip:
        archive = shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
        print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
