"""`-o report.pdf`: the drafted .docx converted by LibreOffice (headless, a fresh profile in a
temporary folder, killed with its children if it hangs: formats/office_convert.py)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.formats.office_convert import find_soffice, run_soffice

TIMEOUT_SECONDS = 300


def soffice() -> str:
    """LibreOffice's converter, or a Chinese message saying how to do without."""
    found = find_soffice()
    if not found:
        raise DrafterError(
            "生成 PDF 需要 LibreOffice，本机没有找到（soffice）",
            hint="安装 LibreOffice 后重试；或先生成 .docx（-o 报告.docx），再用 Word 或 WPS 另存为 PDF。",
        )
    return found


def docx_to_pdf(data: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = run_soffice(command, timeout)
        except subprocess.TimeoutExpired:
            raise DrafterError(f"LibreOffice 转换 PDF 超时（{timeout:g} 秒）") from None
        except OSError as exc:
            raise DrafterError(f"无法启动 LibreOffice（{program}）：{exc.strerror}") from None
        pdf = work / "report.pdf"
        if done.returncode != 0 or not pdf.is_file():
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise DrafterError(
                "LibreOffice 未能生成 PDF" + (f"：{reason[-1]}" if reason else ""),
                hint="先生成 .docx（-o 报告.docx），用 Word 或 WPS 打开后另存为 PDF。",
            )
        return pdf.read_bytes()
