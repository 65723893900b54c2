"""Writing the user's files — the one place that does. A write is atomic (a temporary file in the
target folder, renamed or linked into place: a crash never leaves half a file); a new file
follows the umask like any other tool's; a replaced file (only with `force`) keeps its mode and,
where the system allows, its owner; a symlink, device or folder is never written through; an
input of the run is never written over; and without `force` a file that appears between the
check and the write is not replaced (the temporary file is hard-linked to the name, which fails
if the name is taken)."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from drafter.errors import DrafterError, Location

EXISTS_HINT = "换一个文件名，或加 --force 覆盖。"


def write_atomic(path: Path, data: bytes, force: bool = False, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path`. Raises `DrafterError` (and changes nothing) when the target is an
    input, is not a regular file, or exists without `force`."""
    refuse_target(path, force, inputs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _write_temporary(path, data)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        existing = _lstat(path)
        if existing is None:
            _link_new(tmp, path)
        else:
            refuse_target(path, force, ())  # it may have changed since the first look
            _keep_mode_and_owner(tmp, existing)
            os.replace(tmp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        tmp.unlink(missing_ok=True)


def refuse_target(path: Path, force: bool = False, inputs: Iterable[Path] = ()) -> None:
    """The checks `write_atomic` makes, for commands that want to fail before doing any work."""
    for source in inputs:
        if _same_file(path, source):
            raise DrafterError(
                f"输出文件不能是输入文件本身：{path}",
                hint="用 -o 指定另一个文件名，原文件不会被改动。",
            )
    info = _lstat(path)
    if info is None:
        return
    if stat.S_ISLNK(info.st_mode):
        raise DrafterError(
            f"输出位置是一个符号链接，不会经由它写入：{path}", hint="给出一个普通文件的路径。"
        )
    if stat.S_ISDIR(info.st_mode):
        raise DrafterError(f"输出位置是一个文件夹：{path}", hint="给出文件名，如 -o 报告.docx。")
    if not stat.S_ISREG(info.st_mode):
        raise DrafterError(
            f"输出位置不是普通文件（设备、管道等）：{path}", hint="给出一个普通文件的路径。"
        )
    if not force:
        raise DrafterError(f"输出文件已存在：{path}", hint=EXISTS_HINT)


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)  # hard links, bind mounts
    except (OSError, RuntimeError):
        return False


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _write_temporary(path: Path, data: bytes) -> Path:
    """A new file beside the target, created with mode 0666 minus the umask (mkstemp would make
    it 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, flags, 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _link_new(tmp: Path, path: Path) -> None:
    """Put a new file in place only if the name is still free."""
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise DrafterError(f"输出文件已存在：{path}", hint=EXISTS_HINT) from None
    except (OSError, NotImplementedError) as exc:  # no hard links here (FAT, some shares)
        if isinstance(exc, OSError) and exc.errno not in _NO_LINKS:
            raise
    try:  # reserve the name, then rename over the reservation
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise DrafterError(f"输出文件已存在：{path}", hint=EXISTS_HINT) from None
    os.replace(tmp, path)


_NO_LINKS = {
    getattr(errno, name)
    for name in ("EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV", "EMLINK", "ENOSYS", "EACCES")
    if hasattr(errno, name)
}


def _keep_mode_and_owner(tmp: Path, existing: os.stat_result) -> None:
    os.chmod(tmp, stat.S_IMODE(existing.st_mode))
    if hasattr(os, "chown"):  # POSIX only; keeping the owner needs the right to give files away
        try:
            os.chown(tmp, existing.st_uid, existing.st_gid)
        except OSError:
            pass


def _cannot_write(path: Path, exc: OSError) -> DrafterError:
    return DrafterError(f"无法写入输出文件：{exc.strerror or exc}", location=Location(str(path)))


def read_input(path: Path, max_bytes: int, what: str = "文件") -> bytes:
    """An input file's bytes. Only regular files are read: a FIFO would block for ever and
    /dev/zero never ends; a file past `max_bytes` is refused without being read."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DrafterError(f"找不到{what}：{path}", hint="检查路径是否正确。") from None
    except OSError as exc:
        raise DrafterError(
            f"无法读取{what}：{exc.strerror}", location=Location(str(path))
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise DrafterError(f"这是一个文件夹：{path}", hint="给出文件，或使用支持文件夹的命令。")
    if not stat.S_ISREG(info.st_mode):
        raise DrafterError(
            f"不是普通文件（设备、管道或套接字），不予读取：{path}", hint="给出一个普通文件。"
        )
    if info.st_size > max_bytes:
        raise DrafterError(
            f"{what}过大（{info.st_size} 字节，最多 {max_bytes} 字节）",
            location=Location(str(path)),
        )
    # The size stat gave and one byte more: asking for max_bytes + 1 at once would allocate that
    # much (200 MB for a report) on every read. Only a file that grew since is read on.
    wanted = info.st_size + 1
    try:
        with open(path, "rb") as handle:
            data = handle.read(wanted)
            if len(data) == wanted:
                data += handle.read(max_bytes + 1 - wanted)
    except OSError as exc:
        raise DrafterError(
            f"无法读取{what}：{exc.strerror}", location=Location(str(path))
        ) from None
    if len(data) > max_bytes:
        raise DrafterError(f"{what}过大", location=Location(str(path)))
    return data


def decode_utf8(data: bytes, path: Path, what: str) -> str:
    """A file that must be UTF-8 (facts, templates): its text, or a message naming the byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DrafterError(
            f"{what}不是 UTF-8 编码（第 {exc.start} 字节处）",
            hint=f"请用 UTF-8 保存该{what}。",
            location=Location(str(path)),
        ) from None
