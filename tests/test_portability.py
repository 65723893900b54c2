"""Windows-safe main paths, checked statically (CI runs Linux): every drafter module that the
command line reaches (draft, check, extract, learn, outline, schema, tui; imports inside
functions included) is read, and POSIX-only modules, calls, file modes and device paths must be
guarded by a platform check or a try/except; text files are opened with an explicit encoding
(Windows would otherwise use GBK)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

ENTRY = "drafter.cli"
POSIX_MODULES = {"fcntl", "resource", "termios", "tty", "pty", "pwd", "grp", "posix", "crypt"}
POSIX_MODULES |= {"syslog", "spwd", "nis", "curses", "readline"}
POSIX_CALLS = {
    "os": {"getuid", "geteuid", "getgid", "getegid", "getgroups", "chown", "lchown", "fchown"}
    | {"fchmod", "lchmod", "fork", "setsid", "killpg", "getpgid", "setpgrp", "getpgrp"}
    | {"mkfifo", "statvfs", "sync", "getloadavg", "pathconf", "O_NOFOLLOW", "O_DIRECTORY"},
    "signal": {"alarm", "setitimer", "SIGALRM", "SIGHUP", "SIGKILL", "SIGUSR1", "SIGUSR2"},
}
# os.chmod, Path.chmod and os.umask exist on Windows (only the read-only bit counts there), so
# they are allowed; what is missing there (fchmod, lchmod, chown, ...) is not.
POSIX_METHODS = {"lchmod", "chown"}  # Path methods
DEVICE_PREFIXES = ("/dev/", "/proc/", "/tmp/", "/etc/")
GUARD_WORDS = ("sys.platform", "os.name", "platform.system", "hasattr(", "getattr(")
GUARD_EXCEPTIONS = {"ImportError", "ModuleNotFoundError", "AttributeError", "OSError"}
GUARD_EXCEPTIONS |= {"NotImplementedError", "Exception", "BaseException"}


def module_path(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported(tree: ast.AST, package: str) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            names.add(base)
            names |= {f"{base}.{a.name}" for a in node.names}
    return names


def main_path_modules() -> dict[str, ast.Module]:
    seen: dict[str, ast.Module] = {}
    todo = [ENTRY]
    while todo:
        name = todo.pop()
        path = module_path(name)
        if name in seen or path is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        seen[name] = tree
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        parents = [".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)]
        todo += [m for m in imported(tree, package) if m.startswith("drafter")] + parents
    return seen


MODULES = main_path_modules()


def guarded(chain: list[ast.AST], node: ast.AST) -> bool:
    for parent, child in zip(chain, [*chain[1:], node], strict=True):
        if isinstance(parent, ast.If | ast.IfExp) and any(
            w in ast.unparse(parent.test) for w in GUARD_WORDS
        ):
            return True
        if isinstance(parent, ast.Try) and child in parent.body:
            types = [h.type for h in parent.handlers if h.type is not None]
            caught = {n.id for t in types for n in ast.walk(t) if isinstance(n, ast.Name)}
            if caught & GUARD_EXCEPTIONS or any(h.type is None for h in parent.handlers):
                return True
    return False


def problems(tree: ast.Module) -> list[str]:
    found = []

    def visit(node: ast.AST, chain: list[ast.AST]) -> None:
        problem = posix_use(node) or encoding_missing(node)
        if problem and not (problem.startswith("POSIX") and guarded(chain, node)):
            found.append(f"line {node.lineno}: {problem}: {ast.unparse(node)[:80]}")
        for child in ast.iter_child_nodes(node):
            visit(child, [*chain, node])

    visit(tree, [])
    return found


def posix_use(node: ast.AST) -> str | None:
    if isinstance(node, ast.Import | ast.ImportFrom):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
        if any((n or "").split(".")[0] in POSIX_MODULES for n in names):
            return "POSIX-only module"
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.attr in POSIX_CALLS.get(node.value.id, ()):
            return "POSIX-only call"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in POSIX_METHODS:
            return "POSIX-only file mode or owner"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value.startswith(DEVICE_PREFIXES):
            return "POSIX-only path"
    return None


def encoding_missing(node: ast.AST) -> str | None:
    """Text I/O without `encoding=`: on Windows Python would read and write GBK."""
    if not isinstance(node, ast.Call):
        return None
    keywords = {k.arg for k in node.keywords}
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    method = isinstance(func, ast.Attribute)
    if method and name in ("read_text", "write_text") and "encoding" not in keywords:
        return "text file without encoding"
    if name == "open" and isinstance(func, ast.Name) and "encoding" not in keywords:
        mode = node.args[1] if len(node.args) > 1 else None
        mode = next((k.value for k in node.keywords if k.arg == "mode"), mode)
        if not (isinstance(mode, ast.Constant) and "b" in str(mode.value)):
            return "text file without encoding"
    if (
        name in ("run", "Popen", "check_output")
        and "text" in keywords
        and "encoding" not in keywords
    ):
        return "subprocess text without encoding"
    return None


def test_the_main_paths_are_found():
    for verb in ("draft", "check.engine", "extract", "learn.learner", "reading.outline", "tui.app"):
        assert f"drafter.{verb}" in MODULES
    assert "drafter.skeleton" in MODULES and len(MODULES) > 40


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_windows_safe(name):
    assert problems(MODULES[name]) == []


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("import fcntl", True),
        ("try:\n    import fcntl\nexcept ImportError:\n    fcntl = None", False),
        ("import resource", True),
        ("import os\nos.getuid()", True),
        ("import os\nif os.name == 'posix':\n    os.getuid()", False),
        ("import os\nos.fchmod(fd, 0o600)", True),
        ("import os\nos.chmod(p, 0o600)", False),
        ("import os\nos.open(p, os.O_WRONLY | os.O_NOFOLLOW)", True),
        ("import os\nif hasattr(os, 'fchmod'):\n    os.fchmod(fd, 0o600)", False),
        ("import signal\nsignal.alarm(5)", True),
        ("import sys, signal\nif sys.platform != 'win32':\n    signal.alarm(5)", False),
        ("p.lchmod(0o644)", True),
        ("import os\nif hasattr(os, 'chown'):\n    os.chown(p, 0, 0)", False),
        ("x = '/dev/null'", True),
        ("open(p)", True),
        ("open(p, 'rb')", False),
        ("open(p, encoding='utf-8')", False),
        ("p.read_text()", True),
        ("p.read_text(encoding='utf-8')", False),
        ("subprocess.run(c, text=True)", True),
    ],
)
def test_the_rules_catch_what_they_name(source, flagged):
    assert bool(problems(ast.parse(source))) is flagged
