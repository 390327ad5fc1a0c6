"""The HTTP face of Bounceback: Slack's requests on /slack/events, and /healthz for load balancers."""

import json
import logging
from collections.abc import Callable, Iterable
from types import UnionType
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request.internals import build_context

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
JSON = "application/json"

# What Slack always sends and Bolt or our listeners read without checking: each key's JSON types.
_SHAPES: dict[str, type | UnionType] = {
    "user": str | dict | None,
    "team": str | dict | None,
    "channel": str | dict | None,
    "enterprise": str | dict | None,
    "authorizations": list | None,
    "event": dict,
    "view": dict,
    "state": dict,
    "actions": list,
    "private_metadata": str,
    "response_url": str,
    "response_urls": list,
}
_INSIDE = ("event", "message", "previous_message", "item", "assistant_thread", "view")  # read like the body
_LISTS_OF_OBJECTS = ("actions", "authorizations", "response_urls")


class Unreadable(ValueError):
    """A body that is not a Slack request: no JSON object, or one without the shape Slack gives it."""


def read_body(raw: str, content_type: str | None) -> dict[str, Any]:
    """The request as Slack meant it: a JSON body, an interaction form's `payload`, or a command's form.

    Bolt takes any form body containing the text "payload" for an interaction (so it reads
    `/recover show payload` as an empty request), and answers 500 to a body it cannot decode.
    """
    if not raw:
        return {}
    if content_type == JSON or raw.startswith("{"):  # as Bolt decides
        return _json_object(raw, interaction=False)
    fields = dict(parse_qsl(raw, keep_blank_values=True))
    return _json_object(fields["payload"], interaction=True) if "payload" in fields else fields


def _json_object(text: str, *, interaction: bool) -> dict[str, Any]:
    try:
        body = json.loads(text)
    except (ValueError, RecursionError):
        raise Unreadable("the body is not valid JSON") from None
    problem = shape_problem(body)
    if problem is None and interaction and not _has_actor(body):
        problem = "an interaction needs its type and the user who acted"
    if problem:
        raise Unreadable(problem)
    return body


def _has_actor(interaction: dict[str, Any]) -> bool:
    user = interaction.get("user")
    return (
        isinstance(interaction.get("type"), str)
        and isinstance(user, dict)
        and isinstance(user.get("id"), str)
    )


def shape_problem(body: Any, where: str = "payload") -> str | None:
    """What in `body` does not have the shape Slack sends (and Bolt relies on), or None."""
    if not isinstance(body, dict):
        return f"{where} is not a JSON object"
    for key, shape in _SHAPES.items():
        if key in body and not isinstance(body[key], shape):
            return f"{where}.{key} is not what Slack sends"
    for key in _LISTS_OF_OBJECTS:
        if not all(isinstance(item, dict) for item in body.get(key) or []):
            return f"{where}.{key} should hold objects"
    if not _state_ok(body.get("state", {})):
        return f"{where}.state should hold blocks of elements"
    for key in _INSIDE:
        if isinstance(body.get(key), dict) and (problem := shape_problem(body[key], f"{where}.{key}")):
            return problem
    kind, view, actions = body.get("type"), body.get("view", {}), body.get("actions", [{"action_id": ""}])
    if kind == "block_actions" and not (actions and all(_action_ok(action) for action in actions)):
        return "block_actions needs actions, each with an action_id (and a text value, if any)"
    if kind in ("view_submission", "view_closed") and not all(
        isinstance(view.get(key), str) for key in ("id", "type", "callback_id")
    ):
        return f"{kind} needs a view with its id, type and callback_id"
    if (kind == "workflow_step_edit" or view.get("type") == "workflow_step") and "workflow_step" not in body:
        return "a workflow step payload needs its workflow_step"
    return None


def _state_ok(state: dict[str, Any]) -> bool:
    values = state.get("values", {})
    return isinstance(values, dict) and all(
        isinstance(block, dict) and all(isinstance(element, dict) for element in block.values())
        for block in values.values()
    )


def _action_ok(action: dict[str, Any]) -> bool:
    return isinstance(action.get("action_id"), str) and isinstance(action.get("value", ""), str)


class FormSafeRequest(BoltRequest):
    """A BoltRequest whose body is read by `read_body`: `problem` says why it could not be, body is then {}."""

    problem: str | None

    def __init__(self, *, body: str, query: str, headers: dict[str, Any]) -> None:
        super().__init__(body="", query=query, headers=headers)
        self.raw_body, self.problem = body, None  # Bolt verifies the signature over raw_body
        try:
            self.body = read_body(body, self.content_type)
        except Unreadable as problem:
            self.problem = str(problem)
        self.context = build_context(BoltContext({}), self.body)


class EventsHandler(SlackRequestHandler):
    """Bolt's WSGI adapter, reading bodies with `read_body`; what Slack would never send gets a 400."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        """Hand one request to Bolt (Bolt checks the signature), or refuse a body it cannot read."""
        try:
            raw = request.get_body()
        except UnicodeDecodeError:
            return BoltResponse(status=400, body="Bad request: the body is not UTF-8.")
        bolt_request = FormSafeRequest(body=raw, query=request.query_string, headers=request.get_headers())
        answer = self.app.dispatch(bolt_request)  # an unreadable body is dispatched as {}: nothing runs
        if bolt_request.problem is None or answer.status == 401:
            return answer
        log.warning("refused a request Slack would not send: %s", bolt_request.problem)
        return BoltResponse(status=400, body=f"Bad request: {bolt_request.problem}.")


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
