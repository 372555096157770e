"""`detente serve` from the command line: it serves a run's folder on 127.0.0.1, and a
missing folder or database is one sentence with exit status 2."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from detente.cli import cli


def test_without_a_folder_or_database_it_says_what_to_name(tmp_path):
    nothing = CliRunner().invoke(cli, ["serve"])
    assert nothing.exit_code == 2 and "Name an output folder" in nothing.output
    empty = CliRunner().invoke(cli, ["serve", str(tmp_path)])
    assert empty.exit_code == 2 and "has no detente.db" in empty.output and "Traceback" not in empty.output


def listening_on(port: int) -> set[str]:
    """The local addresses (hex, as the kernel lists them) with a socket listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.add(address)
    return found


def test_it_serves_a_store_on_this_machine_only(store_url):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", store_url, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, reply = time.monotonic() + 60, None
        while reply is None and time.monotonic() < deadline and server.poll() is None:
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/api/documents", params={"limit": 1})
            except httpx.TransportError:
                time.sleep(0.2)
        assert reply is not None and reply.status_code == 200 and reply.json()["total"] == 6
        assert listening_on(port) == {"0100007F"}  # 127.0.0.1, as /proc/net/tcp writes it
    finally:
        server.terminate()
        server.wait(10)
