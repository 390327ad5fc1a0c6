"""The stand-in's HTTP side: the Web API under /api/, upload URLs and response URLs."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from bot.sandbox import api_chat, api_files, api_views
from bot.sandbox.api import ApiError, Args, Method, Throttled, parse_request
from bot.sandbox.api_files import UPLOAD_PATH, receive_upload
from bot.sandbox.faults import Fault
from bot.sandbox.objects import Call, Json
from bot.sandbox.responses import RESPONSE_PATH, respond
from bot.sandbox.socket_mode import APP_LEVEL_METHODS
from bot.sandbox.workspace import Workspace

log = logging.getLogger(__name__)

API_PATH = "/api/"
METHODS: dict[str, Method] = {**api_chat.METHODS, **api_views.METHODS, **api_files.METHODS}
_FAULT_BODIES: dict[str, Json] = {
    "429": {"ok": False, "error": "ratelimited"},
    "500": {"ok": False, "error": "internal_error"},
    "503": {"ok": False, "error": "service_unavailable"},
}


class _Reply:
    """What to send back: a status, a body and extra headers, or nothing at all (a dropped connection)."""

    def __init__(self, status: int, body: Json | str | None, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.data: bytes | None = None  # the body encoded, once `encode()` ran

    def encode(self) -> bytes:
        """The body as sent: JSON for a dict, else text; encoded once."""
        if self.data is None:
            body = self.body
            self.data = json.dumps(body).encode() if isinstance(body, dict) else str(body or "").encode()
        return self.data

    @classmethod
    def for_fault(cls, fault: Fault) -> _Reply:
        """The reply that injects `fault`."""
        if fault.kind == "drop":
            return cls(0, None)
        headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
        return cls(int(fault.kind), _FAULT_BODIES[fault.kind], headers)


def _token(headers: dict[str, str], args: Args) -> str | None:
    supplied = args.pop("token", None)
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip() or None
    return str(supplied) if supplied else None


def call_method(ws: Workspace, method: str, token: str | None, args: Args) -> _Reply:
    """Answer one Web API call; the caller holds the workspace lock."""
    handler = METHODS.get(method) or APP_LEVEL_METHODS.get(method)
    if handler is None:
        return _Reply(200, {"ok": False, "error": "unknown_method", "req_method": method})
    if not token:
        return _Reply(200, {"ok": False, "error": "not_authed"})
    needed = "xapp-" if method in APP_LEVEL_METHODS else "xoxb-"
    if not token.startswith(needed):
        error = "not_allowed_token_type" if token.startswith(("xoxb-", "xapp-")) else "invalid_auth"
        return _Reply(200, {"ok": False, "error": error})
    try:
        return _Reply(200, {"ok": True, **handler(ws, args)})
    except ApiError as error:
        return _Reply(200, error.body())
    except Throttled as throttled:
        return _Reply(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(throttled.retry_after)})


class StandInServer(ThreadingHTTPServer):
    """A threading HTTP server that serves one workspace."""

    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections when many threads call at once

    def __init__(self, address: tuple[str, int], workspace: Workspace) -> None:
        super().__init__(address, _Handler)
        self.workspace = workspace
        self._open: set[socket.socket] = set()  # connections kept alive, ended by server_close()
        self._open_lock = threading.Lock()

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        """Serve a connection on its own thread, remembering it until it ends."""
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        """A connection ended."""
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def server_close(self) -> None:
        """Stop listening and end the connections clients kept open: nothing is served after stop()."""
        super().server_close()
        with self._open_lock:
            still_open = list(self._open)
        for connection in still_open:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up mid-answer is no stand-in failure: note it quietly."""
        log.debug("stand-in: connection from %s failed", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: StandInServer
    protocol_version = "HTTP/1.1"  # as Slack's API: connections kept alive unless the client asks to close
    disable_nagle_algorithm = True  # headers and body leave together, not after the client's delayed ACK
    timeout = 30  # a kept-alive connection left idle this long ends, and its thread with it

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: object) -> None:
        log.debug("stand-in: " + format, *args)

    def _serve(self) -> None:
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        content_type = self.headers.get("Content-Type", "")
        try:
            if url.path.startswith(API_PATH):
                reply = self._web_api(url.path[len(API_PATH) :], content_type, body, url.query)
            elif url.path.startswith(UPLOAD_PATH) and self.command == "POST":
                file_id = url.path[len(UPLOAD_PATH) :]
                reply = self._guarded(
                    "upload", lambda ws: _Reply(*receive_upload(ws, file_id, content_type, body))
                )
            elif url.path.startswith(RESPONSE_PATH) and self.command == "POST":
                reply = self._response_url(url.path[len(RESPONSE_PATH) :], content_type, body)
            else:
                reply = _Reply(404, {"ok": False, "error": "not_found"})
        except Exception:
            log.exception("stand-in failed on %s %s", self.command, self.path)
            reply = _Reply(500, {"ok": False, "error": "fatal_error"})
        self._send(reply)

    def _web_api(self, method: str, content_type: str, body: bytes, query: str) -> _Reply:
        ws = self.server.workspace
        parse_error: ApiError | None = None
        try:
            args, _ = parse_request(content_type, body, query)
        except ApiError as error:
            args, parse_error = {}, error
        token = _token({k.lower(): v for k, v in self.headers.items()}, args)
        with ws.changing():
            fault = ws.faults.take(method)
            if fault is not None:
                reply = _Reply.for_fault(fault)
            elif parse_error is not None:
                reply = _Reply(200, parse_error.body())
            else:
                reply = call_method(ws, method, token, args)
            # encoded while the workspace cannot change: the answer sent and the call recorded are as of now
            response = reply.encode() if isinstance(reply.body, dict) else None
            ws.calls.append(Call(method, json.dumps(args), response, reply.status, time.time()))
        return reply

    def _guarded(self, name: str, action: Callable[[Workspace], _Reply]) -> _Reply:
        """Run `action` unless a fault is planned for `name` (`upload` or `response_url`)."""
        ws = self.server.workspace
        with ws.changing():
            fault = ws.faults.take(name)
            return _Reply.for_fault(fault) if fault is not None else action(ws)

    def _response_url(self, token: str, content_type: str, body: bytes) -> _Reply:
        try:
            args, _ = parse_request(content_type, body, "")
            if isinstance(args.get("payload"), str):
                args = json.loads(args["payload"])
        except (ApiError, ValueError):
            return _Reply(400, {"ok": False, "error": "invalid_payload"})
        if not isinstance(args, dict):
            return _Reply(400, {"ok": False, "error": "invalid_payload"})
        return self._guarded("response_url", lambda ws: _Reply(*respond(ws, token, args)))

    def _send(self, reply: _Reply) -> None:
        if reply.status == 0:
            self.close_connection = True  # a dropped connection: no status line, no body
            return
        data = reply.encode()
        content_type = (
            "application/json; charset=utf-8" if isinstance(reply.body, dict) else "text/plain; charset=utf-8"
        )
        self.send_response(reply.status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
