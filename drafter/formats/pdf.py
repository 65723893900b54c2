"""`-o report.pdf`: the drafted .docx converted by LibreOffice (headless, a fresh profile in a
temporary folder, so a running LibreOffice of the user's is not disturbed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from drafter.errors import DrafterError

WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program",
    r"C:\Program Files (x86)\LibreOffice\program",
)


def soffice() -> str:
    """LibreOffice's converter, or a Chinese message saying how to do without."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found and sys.platform == "win32":
        found = next(
            (str(p) for d in WINDOWS_PLACES if (p := Path(d) / "soffice.exe").exists()), None
        )
    if not found:
        raise DrafterError(
            "生成 PDF 需要 LibreOffice，本机没有找到（soffice）",
            hint="安装 LibreOffice 后重试；或先生成 .docx（-o 报告.docx），再用 Word 或 WPS 另存为 PDF。",
        )
    return found


def docx_to_pdf(data: bytes, timeout: int = 300) -> bytes:
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as folder:
        source = Path(folder) / "report.docx"
        source.write_bytes(data)
        profile = (Path(folder) / "profile").as_uri()
        try:
            done = subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                env={**os.environ, "HOME": folder} if sys.platform != "win32" else None,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DrafterError(f"LibreOffice 转换 PDF 失败：{exc}") from None
        pdf = Path(folder) / "report.pdf"
        if done.returncode != 0 or not pdf.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["没有输出"]
            raise DrafterError("LibreOffice 未能生成 PDF", hint=f"LibreOffice 的输出：{detail[0]}")
        return pdf.read_bytes()
