"""The HTTP face of Bounceback: Slack's requests on /slack/events, and /healthz for load balancers."""

import json
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request.internals import build_context

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
FORM = "application/x-www-form-urlencoded"


class FormSafeRequest(BoltRequest):
    """A BoltRequest that reads slash commands mentioning the word "payload" correctly.

    Bolt takes any form body containing the text "payload" for an interactivity payload and
    parses `/recover show payload` into an empty request; here a form without a `payload`
    field is read as the plain form it is.
    """

    def __init__(self, *, body: str, query: str, headers: dict[str, Any]) -> None:
        super().__init__(body=body, query=query, headers=headers)
        if self.content_type == FORM and not body.startswith("{"):
            fields = dict(parse_qsl(body, keep_blank_values=True))
            if "payload" not in fields:
                self.body = fields
                self.context = build_context(BoltContext({}), self.body)


class EventsHandler(SlackRequestHandler):
    """Bolt's WSGI adapter, with the form fix above."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        """Hand one verified-or-not request to Bolt (Bolt checks the signature)."""
        bolt_request = FormSafeRequest(
            body=request.get_body(), query=request.query_string, headers=request.get_headers()
        )
        return self.app.dispatch(bolt_request)


def wsgi_app(app: App | None, healthy: Callable[[], bool]) -> Callable[..., Iterable[bytes]]:
    """The WSGI application: /slack/events (absent in Socket Mode), /healthz, else 404."""
    events = EventsHandler(app, path=EVENTS_PATH) if app is not None else None

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            ok = healthy()
            state = "up" if ok else "down"
            body = json.dumps({"ok": ok, "database": state, "scheduler": state}).encode()
            status = "200 OK" if ok else "503 Service Unavailable"
            start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if events is not None and path == EVENTS_PATH:
            return events(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Not Found"]

    return application
