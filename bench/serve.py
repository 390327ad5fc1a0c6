"""The app under test in a process of its own: Bounceback (bot.server.Service) or the bare baseline.

The measuring process only sends requests and reads the database; the server's CPU time and
resident memory are its own, read from /proc by pid.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

from bench.bare import BareServer
from bot.policy.reader import load_policy
from bot.sandbox import cast
from bot.server import Service
from bot.settings import Settings

Kind = Literal["bounceback", "bare"]
POLICY = Path(__file__).resolve().parent / "policy.toml"
START_TIMEOUT = 60.0
_TICKS = os.sysconf("SC_CLK_TCK")


def settings_for(api_url: str, database_url: str) -> Settings:
    """Bounceback's settings for a benchmark: the stand-in's API, a database, the bench policy."""
    return Settings(
        bot_token=cast.BOT_TOKEN,
        signing_secret=cast.SIGNING_SECRET,
        app_token=None,
        api_url=api_url,
        database_url=database_url,
        policy_path=str(POLICY),
        port=0,
        log_level="WARNING",
    )


def _serve(kind: Kind, settings: Settings, conn: Connection) -> None:
    """The child: start, report the URL, then obey `settle` and `stop` until stopped."""
    logging.basicConfig(level=logging.ERROR, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if kind == "bounceback":
        service = Service(settings, load_policy(settings.policy_path), host="127.0.0.1").start(port=0)
        url, settle, stop = service.url, service.settle, service.stop
    else:
        bare = BareServer(str(settings.signing_secret), settings.api_url)
        threading.Thread(target=bare.serve, name="bare-http", daemon=True).start()
        url, stop = bare.url, bare.stop

        def settle(timeout: float) -> None:
            """The bare app does nothing after the acknowledgement."""

    conn.send(("ready", url))
    while True:
        command, argument = conn.recv()
        if command == "settle":
            try:
                settle(float(argument))
                conn.send(("ok", None))
            except TimeoutError as error:
                conn.send(("timeout", str(error)))
        elif command == "stop":
            stop()
            conn.send(("ok", None))
            return


class Served:
    """A handle on the server process: its URL, pid, CPU time and memory; `settle()`, `stop()`."""

    def __init__(self, kind: Kind, settings: Settings) -> None:
        self.kind = kind
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process: Any = context.Process(
            target=_serve, args=(kind, settings, child), name=f"bench-{kind}", daemon=True
        )
        self._process.start()
        if not self._conn.poll(START_TIMEOUT):
            self._process.terminate()
            raise TimeoutError(f"{kind} did not start within {START_TIMEOUT}s")
        _, self.url = self._conn.recv()

    @property
    def pid(self) -> int:
        """The server's process id."""
        return int(self._process.pid)

    def rss_mib(self) -> float:
        """Resident memory now, in MiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS in /proc")

    def cpu_seconds(self) -> float:
        """User plus system CPU time used so far, all threads."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS

    def settle(self, timeout: float = 120.0) -> bool:
        """Wait until the server has finished its work after the acknowledgements; False on timeout."""
        self._conn.send(("settle", timeout))
        if not self._conn.poll(timeout + 10):
            return False
        answer, _ = self._conn.recv()
        return answer == "ok"

    def stop(self) -> None:
        """Stop the server gracefully; terminate this one process if it does not stop in time."""
        if not self._process.is_alive():
            return
        self._conn.send(("stop", None))
        if self._conn.poll(30):
            self._conn.recv()
        self._process.join(10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
