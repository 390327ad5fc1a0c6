"""A running Bounceback: database, sender, clock, Slack app and the HTTP server, started and stopped together."""

import logging
import threading
import time
from typing import Any

import waitress

from bot.mail.pages import with_pages
from bot.mail.sender import wait_idle
from bot.policy.model import Policy
from bot.recovery.triage import prepare as prepare_triage
from bot.runtime import build_runtime, learn_people, plan_digest
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.context import Runtime
from bot.slack.executor import ListenerPools
from bot.slack.http import EVENTS_PATH, wsgi_app
from bot.slack.socket_mode import SocketModeHandler
from handlers import register_all
from schedules.clock import Clock

log = logging.getLogger(__name__)


class Service:
    """Bounceback as one process: `start()`, serve, `stop()` finishes what is in flight."""

    def __init__(
        self, settings: Settings, policy: Policy, *, host: str = "0.0.0.0", socket_mode: bool = False
    ) -> None:
        self.settings, self.policy, self.host = settings, policy, host
        self.socket_mode = socket_mode
        self.runtime: Runtime | None = None
        self.clock: Clock | None = None
        self._listeners = ListenerPools()
        self._server: Any = None
        self._server_thread: threading.Thread | None = None
        self._socket: SocketModeHandler | None = None
        self._stopping = False

    def start(self, port: int | None = None) -> "Service":
        """Migrate, start the sender and the clock, then listen (HTTP, or Socket Mode plus /healthz)."""
        prepare_triage()  # the sentence model loads here, not inside the first complaint's transaction
        self.runtime = build_runtime(self.settings, self.policy)
        learn_people(self.runtime)
        plan_digest(self.runtime)
        self.runtime.sender.start()
        if self.runtime.mail is not None:
            self.runtime.mail.start()
        self.clock = Clock(self.runtime)
        self.clock.start()
        app = create_app(
            self.runtime,
            register=register_all,
            signing_secret=self.settings.signing_secret,
            listener_executor=self._listeners,
        )
        self._server = waitress.create_server(
            with_pages(wsgi_app(None if self.socket_mode else app, self.healthy), self.runtime),
            host=self.host,
            port=self.settings.port if port is None else port,
            threads=8,
        )
        self._server_thread = threading.Thread(target=self._serve, name="bounceback-http", daemon=True)
        self._server_thread.start()
        if self.socket_mode:
            # Bolt's websocket-client adapter, mended (see slack/socket_mode.py), not its default client.
            self._socket = SocketModeHandler(app, self.settings.app_token)
            self._socket.connect()
        log.info("Bounceback is up on port %s (%s)", self.port, "Socket Mode" if self.socket_mode else "HTTP")
        return self

    def _serve(self) -> None:
        """Run waitress until stopped; closing its sockets from stop() may end the poll with EBADF."""
        try:
            self._server.run()
        except OSError:
            if not self._stopping:
                raise

    @property
    def port(self) -> int:
        """The port actually bound (useful with port 0)."""
        return int(self._server.effective_port)

    @property
    def url(self) -> str:
        """Where Slack should send requests."""
        return f"http://127.0.0.1:{self.port}{EVENTS_PATH}"

    def healthy(self) -> bool:
        """True when the database answers and the clock is running."""
        return bool(self.runtime and self.clock and self.clock.running and self.runtime.db.ping())

    def settle(self, timeout: float = 10.0) -> None:
        """Wait until no listener is running and nothing due is owed to Slack (for tests and the demo)."""
        deadline = time.monotonic() + timeout
        if not self._listeners.wait_idle(timeout):
            raise TimeoutError(f"listeners still busy after {timeout}s")
        sender, mail = self.runtime.sender, self.runtime.mail
        while True:  # the clock may fire a nudge at any moment: settled is one look that finds nothing owed
            if mail is not None:  # an e-mail delivered owes its note in the thread
                wait_idle(mail, deadline)
            if not sender.owed_now():
                return
            if time.monotonic() >= deadline:
                alive = "running" if sender.running else "STOPPED"
                owed = "; ".join(sender.owed_keys())
                raise TimeoutError(f"messages still owed to Slack after {timeout}s (sender {alive}): {owed}")
            sender.wait_delivered(deadline - time.monotonic())

    def stop(self) -> None:
        """Stop taking requests, finish those in flight, flush the outbox, then stop the clock."""
        if self._socket is not None:
            self._socket.close()
        self._stopping = True
        if self._server is not None:
            self._server.close()  # no new connections
            self._server.task_dispatcher.shutdown(cancel_pending=False, timeout=10)
            for channel in list(self._server._map.values()):
                channel.close()
            self._server_thread.join(5)
        self._listeners.shutdown(wait=True)
        if self.clock is not None:
            self.clock.stop()
        if self.runtime is not None:
            if self.runtime.mail is not None:
                self.runtime.mail.stop()
            self.runtime.sender.stop()
            self.runtime.db.dispose()
