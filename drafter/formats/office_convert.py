""".doc, .wps, .odt and .rtf → .docx bytes through LibreOffice headless, when it is installed.

Each conversion runs in a private temporary folder with its own LibreOffice profile
(-env:UserInstallation), so parallel runs (`check` on a folder uses several processes) and a
LibreOffice the user has open do not clash; a hung conversion is killed with its children."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, Location

TIMEOUT_SECONDS = 120
KINDS = {
    ".doc": "Word 97-2003 格式（.doc）",
    ".wps": "WPS 格式（.wps）",
    ".odt": "OpenDocument 格式（.odt）",
    ".rtf": "RTF 格式（.rtf）",
}
WINDOWS_PATHS = [
    Path(os.environ.get(var, "")) / "LibreOffice" / "program" / "soffice.exe"
    for var in ("ProgramFiles", "ProgramFiles(x86)")
    if os.environ.get(var)
]


def find_soffice() -> str | None:
    """LibreOffice's command, on PATH or where the Windows installer puts it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((str(p) for p in WINDOWS_PATHS if p.is_file()), None)


def soffice_command(kind: str, path: str) -> str:
    found = find_soffice()
    if found:
        return found
    raise DrafterError(
        f"读取{KINDS[kind]}的文件需要 LibreOffice，但没有找到 soffice 命令",
        hint="安装 LibreOffice：Debian/Ubuntu 运行 `sudo apt-get install libreoffice-writer-nogui`，"
        "Windows/macOS 从 LibreOffice 官网下载安装；或在 Word/WPS 中另存为 .docx 后再处理。",
        location=Location(path),
    )


def run_soffice(command: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run to the end or kill the whole process group (soffice starts soffice.bin)."""
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=os.name == "posix",  # its own process group, killed as one
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
            process.communicate()
            raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def convert_to_docx(data: bytes, kind: str, path: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The file's bytes as LibreOffice saves them to .docx. `kind` is the format's suffix."""
    soffice = soffice_command(kind, path)
    with tempfile.TemporaryDirectory(prefix="drafter-office-") as folder:
        work = Path(folder)
        source = work / f"input{kind}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            done = run_soffice(command, timeout)
        except subprocess.TimeoutExpired:
            raise DrafterError(
                f"LibreOffice 转换超时（{timeout:g} 秒）",
                hint="文件可能过大或已损坏；请在 Word/WPS 中另存为 .docx 后再处理。",
                location=Location(path),
            ) from None
        except OSError as exc:
            raise DrafterError(
                f"无法启动 LibreOffice（{soffice}）：{exc.strerror}", location=Location(path)
            ) from None
        result = work / "out" / "input.docx"
        if done.returncode != 0 or not result.is_file():
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise DrafterError(
                f"LibreOffice 无法转换此{KINDS[kind]}文件" + (f"：{reason[-1]}" if reason else ""),
                hint="文件可能已损坏或设有密码（加密）；请在 Word/WPS 中打开后另存为 .docx。",
                location=Location(path),
            )
        return result.read_bytes()
