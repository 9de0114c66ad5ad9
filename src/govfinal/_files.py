"""Writing a file all or nothing: the one way govfinal writes files.

:func:`write_text` encodes the whole text first, writes it to a temporary
file beside the target, flushes it to disk (``fsync``) and only then puts it
in the target's place with :func:`os.replace`. So whatever goes wrong (a
character UTF-8 cannot encode, a full disk, an interrupt), the target is
either the complete new file or exactly what it was before, and the temporary
file is removed. It also refuses to write over an input file (the same file
by any name: a symbolic or hard link counts).

A special file (a terminal, a pipe, ``/dev/null``) holds nothing that could
be lost and cannot be replaced, so it is written directly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from govfinal.errors import WriteError

__all__ = ["check_not_input", "write_bytes", "write_text"]

StrPath = str | os.PathLike[str]

_TEMP_ATTEMPTS = 100


def write_text(path: StrPath, text: str, *, inputs: Iterable[StrPath] = ()) -> None:
    """Write ``text`` as UTF-8 to ``path``, all or nothing.

    Raises:
        WriteError: ``text`` holds a character UTF-8 cannot encode (a lone
            surrogate), ``path`` is one of ``inputs``, or the file cannot be
            written; ``path`` is left as it was.

    """
    write_bytes(path, _encoded(path, text), inputs=inputs)


def write_bytes(path: StrPath, data: bytes, *, inputs: Iterable[StrPath] = ()) -> None:
    """Write ``data`` to ``path``, all or nothing (see the module's description).

    A symbolic link at ``path`` is kept: the file it points to is replaced.

    Raises:
        WriteError: ``path`` is one of ``inputs``, or the file cannot be
            written; ``path`` is left as it was.

    """
    check_not_input(path, inputs)
    target = os.path.realpath(path)
    try:
        _refuse_read_only(target)
        if _is_special(target):
            _write_directly(target, data)
        else:
            _replace(target, data)
    except OSError as exc:
        raise WriteError(str(path), exc.strerror or str(exc)) from exc


def check_not_input(path: StrPath, inputs: Iterable[StrPath]) -> None:
    """Refuse ``path`` when it is one of ``inputs`` (same file by any name, links too).

    Raises:
        WriteError: ``path`` names an input file.

    """
    for source in inputs:
        if _same_file(path, source):
            reason = f"it is the input file {os.fspath(source)}; choose another output file"
            raise WriteError(str(path), reason)


def _same_file(first: StrPath, second: StrPath) -> bool:
    """Whether two names are the same file: by device and inode, else by resolved path."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet)
        return Path(first).resolve() == Path(second).resolve()


def _encoded(path: StrPath, text: str) -> bytes:
    """``text`` in UTF-8, or a :class:`WriteError` saying which line cannot be encoded."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        bad = ascii(text[exc.start])
        reason = f"line {line} holds {bad}, which UTF-8 cannot encode ({exc.reason})"
        raise WriteError(str(path), reason) from None


def _is_special(target: str) -> bool:
    """Whether ``target`` exists and is neither a regular file nor a directory."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _refuse_read_only(target: str) -> None:
    """Refuse an existing ``target`` that its owner may not write, as ``open`` would.

    Replacing needs only the directory's permission, so without this a
    read-only file would be silently replaced.
    """
    if os.path.exists(target) and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", target)


def _write_directly(target: str, data: bytes) -> None:
    with open(target, "wb") as handle:
        handle.write(data)


def _replace(target: str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, fsync, then move it into place."""
    directory, name = os.path.split(target)
    temp, descriptor = _create_temp(directory or os.curdir, name)
    try:
        with open(descriptor, "wb", closefd=True) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_directory(directory or os.curdir)


def _create_temp(directory: str, name: str) -> tuple[str, int]:
    """A new, empty, hidden file in ``directory``: its path and an open descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMP_ATTEMPTS):
        temp = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return temp, os.open(temp, flags, 0o666)  # the umask applies, as to any new file
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name beside {name}")


def _copy_mode(target: str, temp: str) -> None:
    """Give ``temp`` the permission bits of an existing ``target``."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    os.chmod(temp, stat.S_IMODE(mode))


def _sync_directory(directory: str) -> None:
    """Flush the directory entry of the replaced file to disk, where the system allows."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open a directory
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
