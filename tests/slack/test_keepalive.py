"""The Slack client keeps its connection open between calls, and slack_sdk's retries and errors hold as before."""

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError

from bot.sandbox import cast
from bot.sandbox.standin import SlackStandIn
from bot.slack.client import make_client

TOKEN = "xoxb-test"
Answer = Callable[
    [int], tuple[int, dict[str, str]] | None
]  # request number -> (status, headers), or None: hang up


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, answer: Answer, protocol: str) -> None:
        handler = type(
            "Handler", (_Handler,), {"protocol_version": protocol, "disable_nagle_algorithm": True}
        )
        super().__init__(("127.0.0.1", 0), handler)
        self.answer, self.connections, self.requests = answer, 0, 0
        self.lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.lock:
            self.connections += 1
        super().process_request(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.requests += 1
            number = self.server.requests
        answer = self.server.answer(number)
        if answer is None:
            self.close_connection = True  # no status line: the connection just ends
            return
        status, headers = answer
        body = json.dumps({"ok": status == 200, "url": "https://example.slack.com/"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(answer: Answer = lambda _: (200, {}), protocol: str = "HTTP/1.1") -> Iterator[_Server]:
    server = _Server(answer, protocol)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/api/"


def test_calls_share_one_kept_connection() -> None:
    with serving() as server:
        client = make_client(TOKEN, _url(server))
        answers = [client.auth_test()["ok"] for _ in range(5)]
    assert answers == [True] * 5
    assert (server.requests, server.connections) == (5, 1)


def test_a_server_that_closes_each_connection_is_still_answered() -> None:
    with serving(protocol="HTTP/1.0") as server:
        client = make_client(TOKEN, _url(server))
        answers = [client.auth_test()["ok"] for _ in range(3)]
    assert answers == [True] * 3
    assert (server.requests, server.connections) == (3, 3)


def test_a_429_is_waited_out_by_slack_sdks_handler() -> None:
    with serving(lambda n: (429, {"Retry-After": "0"}) if n == 1 else (200, {})) as server:
        assert make_client(TOKEN, _url(server)).auth_test()["ok"]
    assert server.requests == 2


def test_the_senders_client_sees_the_429_and_its_retry_after() -> None:
    with serving(lambda _: (429, {"Retry-After": "7"})) as server, pytest.raises(SlackApiError) as raised:
        make_client(TOKEN, _url(server), wait_out_rate_limits=False).auth_test()
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"
    assert server.requests == 1


def test_a_server_error_is_retried_then_raised_with_its_body() -> None:
    with serving(lambda _: (500, {})) as server, pytest.raises(SlackApiError) as raised:
        make_client(TOKEN, _url(server)).auth_test()
    assert raised.value.response.status_code == 500
    assert raised.value.response["ok"] is False
    assert server.requests == 4  # the call and slack_sdk's three retries


def test_a_dropped_connection_is_retried_on_a_new_one() -> None:
    with serving(lambda n: None if n == 2 else (200, {})) as server:
        client = make_client(TOKEN, _url(server))
        assert client.auth_test()["ok"]
        assert client.auth_test()["ok"]  # its kept connection is hung up on; slack_sdk retries
    assert (server.requests, server.connections) == (3, 2)


def test_the_stand_in_serves_nothing_on_a_kept_connection_after_it_stops() -> None:
    standin = SlackStandIn().start()
    client = make_client(cast.BOT_TOKEN, standin.base + "/api/")
    assert client.auth_test()["ok"]
    standin.stop()
    client.retry_handlers.clear()
    with pytest.raises(OSError):  # the kept connection was ended; a new one is refused
        client.auth_test()
