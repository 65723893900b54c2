"""Which fonts this computer has, to say so when a style names fonts that are not installed
(Word and WPS would then show the report in some other face). Linux and macOS ask fontconfig
(`fc-list`, started at once and read at the end, so drafting does not wait for it); Windows
reads the font registry, which lists the Fonts folder. Unknown (no fc-list, any error) means
nothing is said."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from drafter.models.style import Style

# (?<!\s): a run of spaces is tried once from its start, not from each space (linear)
_REGISTRY_SUFFIX = re.compile(r"(?<!\s)\s*\((TrueType|OpenType|All res)\)\s*$", re.I)


def families_from_fc_list(output: str) -> set[str]:
    """`fc-list : family` lines 「AR PL UKai CN,文鼎PL中楷」 → every name, localized ones too."""
    return {
        name.strip() for line in output.splitlines() for name in line.split(",") if name.strip()
    }


def families_from_registry(names: list[str]) -> set[str]:
    """Registry value names 「仿宋_GB2312 (TrueType)」, 「SimSun & NSimSun (TrueType)」 → names."""
    found = set()
    for name in names:
        for part in _REGISTRY_SUFFIX.sub("", name).split("&"):
            if part.strip():
                found.add(part.strip())
    return found


def _windows_families() -> set[str] | None:
    import winreg  # only on Windows

    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    names: list[str] = []
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):  # all users, this user
        try:
            with winreg.OpenKey(root, key_path) as key:
                count = winreg.QueryInfoKey(key)[1]
                names += [winreg.EnumValue(key, i)[0] for i in range(count)]
        except OSError:
            continue
    return families_from_registry(names) if names else None


class FontProbe:
    """Start it early, ask `missing(style)` late."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._families: set[str] | None = None
        try:
            if sys.platform == "win32":
                self._families = _windows_families()
            elif fc_list := shutil.which("fc-list"):
                self._process = subprocess.Popen(
                    [fc_list, ":", "family"],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                    encoding="utf-8",
                    errors="replace",
                )
        except OSError:
            self._process = None

    def families(self) -> set[str] | None:
        if self._process is not None:
            try:
                out, _ = self._process.communicate(timeout=10)
                if self._process.returncode == 0:
                    self._families = families_from_fc_list(out)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
            self._process = None
        return self._families

    def missing(self, style: Style) -> list[str]:
        installed = self.families()
        if installed is None:
            return []
        folded = {name.casefold() for name in installed}
        return [name for name in style.east_asia_fonts if name.casefold() not in folded]

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None


def font_warning(style: Style, missing: list[str], fallback: Style | None) -> str:
    text = f"本机没有版式 {style.name} 所用的字体 {'、'.join(missing)}，没有这些字体的电脑会用别的字体显示报告"
    if fallback is not None:
        text += f"。如收文单位的电脑也没有，请用通用字体的版式：--style {fallback.name}"
    return text + "。"
