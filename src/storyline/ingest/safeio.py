"""Opening and reading input files so that no file can hang, flood or crash a run.

    data = read_capped(path, shown, config)        # bytes, or a Skip saying why not
    with open_stream(path, shown, config) as f:    # a bounded binary stream (gzip too)
        line = read_line(f, config.max_bytes)

- Only regular files are read: a FIFO, a socket, a device (`/dev/zero`) or a directory
  given as a file is a Skip ("special") found with `stat`, before any `open` that could
  block; the file is opened non-blocking and checked again with `fstat`, so a file swapped
  for a FIFO in between cannot block either.
- Every read is capped: a whole file at `ingest.max_bytes` (whatever `st_size` says, so a
  file growing while read is capped too), a line at `ingest.max_bytes`, and a compressed
  file's decompressed bytes at `ingest.max_file_bytes` and at `ingest.max_gzip_ratio`
  times its compressed bytes (a gzip bomb stops after a few MB, not at 5 GB).
- A path is shown to the user with `display_path`: a file name that is not valid UTF-8
  keeps its bytes as backslash escapes (`caf\\xe9.txt`), and control characters
  (a newline in a name) are escaped, so a name never breaks a message or an output.
"""

from __future__ import annotations

import io
import os
import stat
import zlib
from pathlib import Path
from typing import BinaryIO

from storyline.config import IngestConfig
from storyline.model import Skip

_CHUNK = 1 << 16
# C0 and C1 controls and DEL: escaped when a path is shown
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


def display_path(path: str | Path) -> str:
    """`path` as text that is always valid UTF-8 and one line: undecodable bytes of a file
    name become `\\xNN`, controls (newline, tab, ESC) become `\\xNN` too."""
    raw = os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace")
    return text.translate(_CONTROL)


class Capped(Exception):
    """A read went past a limit; `detail` says which (a Skip's detail)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def is_file(path: Path) -> bool:
    """`path.is_file()` that is False, never raises, when a parent cannot be searched."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def kind_of(mode: int) -> str | None:
    """The kind of a non-regular file ("a FIFO (named pipe)", ...), None for a regular one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _special(shown: str, kind: str) -> Skip:
    return Skip(
        shown,
        "special",
        f"{kind}, not a regular file: storyline reads only regular files (it would block "
        f"or never end reading this)",
    )


def open_regular(path: Path, shown: str) -> BinaryIO | Skip:
    """`path` opened for binary reading if it is a regular file, else a Skip."""
    try:
        kind = kind_of(os.stat(path).st_mode)
        if kind is not None:
            return _special(shown, kind)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        return Skip(shown, "unreadable", f"cannot read the file: {e.strerror or e}")
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            os.close(fd)
            return _special(shown, kind)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except OSError as e:
        os.close(fd)
        return Skip(shown, "unreadable", f"cannot read the file: {e.strerror or e}")


def _too_large(size: int, limit: int, what: str = "the file") -> str:
    return (
        f"{what} is over ingest.max_bytes={limit} ({size} bytes or more); raise it with "
        f"--set ingest.max_bytes=N"
    )


def read_capped(path: Path, shown: str, config: IngestConfig) -> bytes | Skip:
    """The whole (regular) file, or a Skip when it is over `ingest.max_bytes`, is not a
    regular file or cannot be read. Never reads more than max_bytes + 1 bytes."""
    limit = config.max_bytes
    try:
        size = os.stat(path).st_size
    except OSError as e:
        return Skip(shown, "unreadable", f"cannot read the file: {e.strerror or e}")
    if size > limit and stat.S_ISREG(os.stat(path).st_mode):
        return Skip(shown, "too-large", _too_large(size, limit))
    handle = open_regular(path, shown)
    if isinstance(handle, Skip):
        return handle
    try:
        with handle:
            data = handle.read(limit + 1)
    except OSError as e:
        return Skip(shown, "unreadable", f"cannot read the file: {e.strerror or e}")
    if len(data) > limit:
        return Skip(shown, "too-large", _too_large(len(data), limit))
    return data


class _BombGuard(io.RawIOBase):
    """A gzip stream's decompressed bytes (all members), counted against the caps of
    `IngestConfig`. Decompresses with zlib directly so that a truncated file gives every
    byte before the break first and only then raises EOFError (gzip.GzipFile may raise at
    once, losing the records before the break)."""

    def __init__(self, raw: BinaryIO, config: IngestConfig) -> None:
        self._raw = raw
        self._config = config
        self._z = zlib.decompressobj(31)  # 31: a gzip header and trailer
        self._pending = b""  # compressed bytes not yet given to the decompressor
        self._started = False
        self.out = 0
        self.read_in = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        want = len(buffer)
        while True:
            if self._z.eof:  # the end of one member: another may follow
                rest = self._z.unused_data + self._pending
                self._pending = b""
                if not rest:
                    rest = self._raw.read(_CHUNK)
                    self.read_in += len(rest)
                if not rest:
                    return 0
                self._z = zlib.decompressobj(31)
                self._pending = rest
            data = self._pending or self._z.unconsumed_tail
            self._pending = b""
            if not data:
                data = self._raw.read(_CHUNK)
                self.read_in += len(data)
                if not data:
                    if self._z.eof or not self._started:
                        return 0
                    raise EOFError("the compressed file is truncated")
            self._started = True
            out = self._z.decompress(data, want)
            if out:
                n = len(out)
                buffer[:n] = out
                self._count(n)
                return n

    def _count(self, n: int) -> None:
        self.out += n
        cfg = self._config
        if self.out > cfg.max_file_bytes:
            raise Capped(
                f"decompressed past ingest.max_file_bytes={cfg.max_file_bytes}: a gzip bomb "
                f"or a file too large to read"
            )
        if self.out > cfg.max_bytes and self.out > cfg.max_gzip_ratio * max(1, self.read_in):
            raise Capped(
                f"{self.read_in} compressed bytes inflate to over {self.out} (more than "
                f"ingest.max_gzip_ratio={cfg.max_gzip_ratio} times): a gzip bomb"
            )

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def open_stream(path: Path, shown: str, config: IngestConfig) -> BinaryIO | Skip:
    """A buffered binary stream of the file's content (decompressed when its name ends in
    .gz, with the bomb caps), or a Skip. Read errors of a damaged .gz surface as
    OSError, EOFError or zlib.error while reading."""
    handle = open_regular(path, shown)
    if isinstance(handle, Skip) or not path.name.lower().endswith(".gz"):
        return handle
    return io.BufferedReader(_BombGuard(handle, config), _CHUNK)


def read_line(stream: BinaryIO, limit: int) -> tuple[bytes, int]:
    """The next line (b"" at the end) and its full length in bytes. A line longer than
    `limit` is read past in chunks, never held whole: it comes back empty with its length
    (> limit), so the caller can report it."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while True:
        part = stream.readline(_CHUNK)
        size += len(part)
        if not part or part.endswith(b"\n"):
            return b"", size


def read_stream_capped(stream: BinaryIO, limit: int) -> bytes | None:
    """At most `limit` bytes of the stream, or None when there are more."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


READ_ERRORS = (OSError, EOFError, zlib.error, Capped)
