"""Refuse outbound network connections for the whole benchmark (loopback and Unix sockets pass).

The benchmark must not reach the network: Chroma telemetry is off, model loading is local,
and this guard makes any remaining attempt fail loudly instead of leaving the machine.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

BLOCKED: list[str] = []
_installed = False

OFFLINE_ENV = {
    "ANONYMIZED_TELEMETRY": "False",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
}


def _is_local(address: Any) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX path
        return True
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def install() -> None:
    """Set the offline environment and patch socket connects to refuse non-local peers."""
    global _installed
    for key, value in OFFLINE_ENV.items():
        os.environ[key] = value
    if _installed:
        return
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> Any:
        if not _is_local(address):
            BLOCKED.append(repr(address))
            raise OSError(f"bench: network access blocked ({address!r})")
        return original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if not _is_local(address):
            BLOCKED.append(repr(address))
            return 111  # ECONNREFUSED
        return original_connect_ex(self, address)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    _installed = True
