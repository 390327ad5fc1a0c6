"""The replicas row's load generator: the same request bytes as the driver's, over kept connections."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import urlencode

import pytest

from bench.load import KeptAlive, quote_plus
from bot.sandbox.cast import SIGNING_SECRET
from bot.sandbox.wire import sign


def test_a_form_is_encoded_exactly_as_urlencode_encodes_it() -> None:
    payload = {"text": "Ünïcode — “quotes” & spaces+plus/slash?=%", "emoji": "🙂", "n": [1, None, True]}
    text = json.dumps(payload, ensure_ascii=False) + "".join(chr(c) for c in range(256))
    assert "payload=" + quote_plus(text) == urlencode({"payload": text})


class _Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: ClassVar[list[tuple[int, bytes, bool]]] = []  # (client port, body, signature valid)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        stamp = self.headers["X-Slack-Request-Timestamp"]
        valid = self.headers["X-Slack-Signature"] == sign(SIGNING_SECRET, stamp, body)
        self.seen.append((self.client_address[1], body, valid))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.close_connection = body == b"close"  # the server ends this kept connection without a word
        self.wfile.write(b"{}")

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Recorder.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/slack/events"
    httpd.shutdown()
    httpd.server_close()


def test_requests_are_signed_and_share_one_connection_and_a_closed_one_is_replaced(server: str) -> None:
    sender = KeptAlive()
    answers = [sender.post(server, body, "text/plain") for body in (b"a", b"b", b"close", b"c", b"d")]
    sender.close()
    assert [a.status for a in answers] == [200] * 5 and answers[0].json == {}
    ports = [port for port, _, _ in _Recorder.seen]
    assert [body for _, body, _ in _Recorder.seen] == [b"a", b"b", b"close", b"c", b"d"]
    assert all(valid for _, _, valid in _Recorder.seen)
    assert len(set(ports[:3])) == 1 and len(set(ports[3:])) == 1 and ports[0] != ports[3]
