"""Socket Mode: Bolt's websocket-client adapter, with the way it replaces a connection mended.

Bolt's default Socket Mode client (slack_sdk's built-in one) acknowledges late after every refresh
(closing the old connection waits out a 3 s read timeout) and spins a core for about a minute after
a connection drops without a close frame. slack_sdk's websocket-client one avoids both, but runs
every session on one runner thread, which starts the next session only after the old one's reader
has finished, and `is_connected()` says no for a session made but not yet started:

1. so the monitor (which runs as soon as it starts) or the old session's on_close opens a second
   URL and replaces the session before it ever ran;
2. and about one refresh in ten the old socket, closed from another thread, never wakes its
   reader, which waits out its selector's 10 s timeout: no connection, nothing acked, for 10 s.

Here each session runs on its own thread from the moment it is made, the new one opens before the
old one is closed (Slack asks apps to move over quickly), the old one's close handshake happens
off the way, and a session made but not yet started counts as connecting.

A connection that goes silent without a FIN (a NAT forgetting it) is noticed by ping and pong: a
ping every PING_INTERVAL_S, and no pong within PING_TIMEOUT_S ends the session at once (without
waiting for a close handshake that cannot come) and opens a new one: within
PING_INTERVAL_S + 2 × PING_TIMEOUT_S, 8 s, of the silence.
"""

import threading
import time

from slack_bolt import App
from slack_bolt.adapter.socket_mode.base_handler import BaseSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.websocket_client import SocketModeClient
from websocket import WebSocketApp, WebSocketTimeoutException

PING_INTERVAL_S = 4.0
PING_TIMEOUT_S = 2.0  # websocket-client checks every PING_TIMEOUT_S, so it must be under half the interval


class _Client(SocketModeClient):
    """slack_sdk's websocket-client Socket Mode client, each session on a thread of its own."""

    _started: WebSocketApp | None = None

    def is_connected(self) -> bool:
        """Connected, or about to be: the current session is live or has not been started yet."""
        session = self.current_session
        return session is not None and (session.sock is not None or session is not self._started)

    def _run_current_session(self) -> None:
        """Nothing: the library's runner thread would start a session only once the last one ended."""

    def connect(self) -> None:
        """Open the next session at once, then close the current one on the side."""
        old, self.current_session = self.current_session, None
        try:
            super().connect()  # makes the new session; sees no old one, so closes none
        except BaseException:
            self.current_session = old
            raise
        session = self._started = self.current_session
        threading.Thread(target=self._run, args=(session,), name="socket-mode-session", daemon=True).start()
        if old is not None:
            threading.Thread(target=old.close, name="socket-mode-goodbye", daemon=True).start()

    def _run(self, session: WebSocketApp) -> None:
        try:
            session.run_forever(ping_interval=self.ping_interval, ping_timeout=PING_TIMEOUT_S)
        except Exception:
            self.logger.exception("the Socket Mode session failed")
            session.close()  # the monitor notices and opens a new one


def _cut_when_silent(session: WebSocketApp, error: Exception) -> None:
    """No pong came: shut the socket so the session ends now, not after a 3 s close handshake."""
    if isinstance(error, WebSocketTimeoutException) and session.sock is not None:
        session.sock.abort()


class SocketModeHandler(BaseSocketModeHandler):
    """Bolt's Socket Mode handler over the client above: `connect()`, then `close()` on stop."""

    def __init__(self, app: App, app_token: str) -> None:
        self.app, self.app_token = app, app_token
        self.client = _Client(
            app_token=app_token,
            logger=app.logger,
            web_client=app.client,
            ping_interval=PING_INTERVAL_S,
            on_error_listeners=[_cut_when_silent],
        )
        self.client.socket_mode_request_listeners.append(self.handle)

    def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:
        """Run the app on one envelope and acknowledge it (with the app's answer, if any)."""
        started = time.time()
        send_response(client, req, run_bolt_app(self.app, req), started)
