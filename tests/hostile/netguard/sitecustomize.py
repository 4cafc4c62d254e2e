"""Loaded by every Python process started with this folder on PYTHONPATH (the build, and
its worker processes): any network use - an Internet socket connecting, sending or
resolving a name - prints where it came from and ends the process with status 97."""

from __future__ import annotations

import os
import socket
import sys
import traceback
from typing import Any

NETWORK_USED = 97
_LOCAL = (getattr(socket, "AF_UNIX", None),)


def _refuse(what: str) -> None:
    sys.stderr.write(f"NETWORK USE REFUSED: {what}\n{''.join(traceback.format_stack())}")
    sys.stderr.flush()
    os._exit(NETWORK_USED)


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto


def _guard(original: Any, name: str) -> Any:
    def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if self.family not in _LOCAL:
            _refuse(f"socket.{name}{args!r}")
        return original(self, *args, **kwargs)

    return guarded


socket.socket.connect = _guard(_connect, "connect")  # type: ignore[method-assign]
socket.socket.connect_ex = _guard(_connect_ex, "connect_ex")  # type: ignore[method-assign]
socket.socket.sendto = _guard(_sendto, "sendto")  # type: ignore[method-assign]


def _no_lookup(*args: Any, **kwargs: Any) -> Any:
    _refuse(f"getaddrinfo{args!r}")


socket.getaddrinfo = _no_lookup
