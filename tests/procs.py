"""`bounceback run` as a real process against the stand-in: for kill -9, restarts and replicas."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.sandbox.cast import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET
from bot.sandbox.driver import SlackDriver
from bot.sandbox.standin import SlackStandIn


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BotProcess:
    """One Bounceback process; `kill()` is SIGKILL, `stop()` is SIGTERM (graceful).

    With `socket_mode=True` it runs `bounceback run` with SLACK_APP_TOKEN set, so it connects to
    the stand-in's Socket Mode server (and serves only /healthz over HTTP).
    """

    def __init__(
        self,
        standin: SlackStandIn,
        *,
        database_url: str,
        policy_path: str | Path,
        log: Path,
        socket_mode: bool = False,
    ) -> None:
        self.standin, self.log, self.socket_mode = standin, log, socket_mode
        self.port = free_port()
        self.env = {
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("SLACK_", "BOUNCEBACK_", "DATABASE_"))
            },
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": standin.url,
            "DATABASE_URL": database_url,
            "BOUNCEBACK_POLICY": str(policy_path),
            "PORT": str(self.port),
            "LOG_LEVEL": "INFO",
            **({"SLACK_APP_TOKEN": APP_TOKEN} if socket_mode else {}),
        }
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """Where to send Slack's requests."""
        return f"http://127.0.0.1:{self.port}/slack/events"

    def driver(self) -> SlackDriver:
        """A driver that talks to this process."""
        return SlackDriver(self.url, SIGNING_SECRET, self.standin)

    def start(self, timeout: float = 30.0) -> "BotProcess":
        """Start `bounceback run` (`--http` unless in Socket Mode) and wait until /healthz says it is up."""
        out = self.log.open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run", *([] if self.socket_mode else ["--http"])],
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=self.log.parent,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"bounceback exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}"
                )
            if self.healthy():
                return self
            time.sleep(0.05)
        raise TimeoutError(
            f"bounceback did not become healthy in {timeout}s:\n{self.log.read_text()[-3000:]}"
        )

    def healthy(self) -> bool:
        """True when /healthz answers 200 with ok."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as response:
                return response.status == 200 and json.load(response)["ok"] is True
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def cpu_seconds(self) -> float:
        """The CPU time (user + system) the process has used so far, from /proc."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill(self) -> None:
        """SIGKILL: no cleanup at all, as when a machine dies."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM and wait for a graceful exit; returns the exit status."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)
