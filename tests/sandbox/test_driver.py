"""The driver plays Slack towards an app: correctly signed, and shaped like Slack's own requests."""

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from bot.sandbox import SlackDriver, SlackStandIn

SECRET = "driver-test-secret"
AMY, BEN = "U0AMY00001", "U0BEN00001"
COMPLAINTS = "C0COMPLAIN"
MODAL = {
    "type": "modal",
    "callback_id": "new_case",
    "private_metadata": "meta",
    "title": {"type": "plain_text", "text": "Log a complaint"},
    "submit": {"type": "plain_text", "text": "Log"},
    "blocks": [
        {
            "type": "input",
            "block_id": "summary",
            "label": {"type": "plain_text", "text": "Summary"},
            "element": {"type": "plain_text_input", "action_id": "summary"},
        },
        {
            "type": "actions",
            "block_id": "tools",
            "elements": [
                {"type": "button", "action_id": "more", "text": {"type": "plain_text", "text": "More"}}
            ],
        },
    ],
}
CARD = [
    {"type": "section", "text": {"type": "mrkdwn", "text": "*REC-1*"}},
    {
        "type": "actions",
        "block_id": "card",
        "elements": [
            {
                "type": "button",
                "action_id": "approve",
                "value": "REC-1",
                "text": {"type": "plain_text", "text": "Approve"},
            },
            {
                "type": "static_select",
                "action_id": "severity",
                "options": [{"text": {"type": "plain_text", "text": "Major"}, "value": "major"}],
            },
        ],
    },
]
SUMMARY = {"summary": {"summary": {"type": "plain_text_input", "value": "Cold soup"}}}


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    valid: bool

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode(), keep_blank_values=True))

    def payload(self) -> dict[str, Any]:
        return json.loads(self.form()["payload"])

    def json(self) -> dict[str, Any]:
        return json.loads(self.body)


class Receiver:
    """A tiny app on loopback: checks Slack's signature with slack_sdk, records, answers `reply`."""

    def __init__(self) -> None:
        verifier = SignatureVerifier(SECRET)
        self.received: list[Received] = []
        self.reply: dict[str, Any] | None = None
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = dict(self.headers.items())
                valid = verifier.is_valid_request(body, headers)
                receiver.received.append(Received(headers, body, valid))
                answer = json.dumps(receiver.reply).encode() if receiver.reply is not None else b""
                self.send_response(200 if valid else 401)
                self.send_header("Content-Length", str(len(answer) if valid else 0))
                self.end_headers()
                if valid:
                    self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/slack/events"

    @property
    def last(self) -> Received:
        return self.received[-1]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn() as standin:
        standin.add_user(AMY, "amy", real_name="Amy Lee")
        standin.add_user(BEN, "ben")
        standin.add_channel(COMPLAINTS, "complaints")
        yield standin


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    yield receiver
    receiver.stop()


@pytest.fixture
def driver(standin: SlackStandIn, receiver: Receiver) -> SlackDriver:
    return SlackDriver(receiver.url, SECRET, standin)


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-sandbox", base_url=standin.url)


def test_command_is_a_signed_slack_form(
    standin: SlackStandIn, receiver: Receiver, driver: SlackDriver
) -> None:
    delivery = driver.command(AMY, "new cold soup", channel_id=COMPLAINTS)
    assert delivery.ok and delivery.elapsed_s > 0 and receiver.last.valid
    assert receiver.last.headers["X-Slack-Signature"].startswith("v0=")
    assert receiver.last.headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = receiver.last.form()
    assert set(form) == {
        "token", "team_id", "team_domain", "channel_id", "channel_name", "user_id", "user_name", "command",
        "text", "api_app_id", "is_enterprise_install", "response_url", "trigger_id",
    }  # fmt: skip
    assert (form["command"], form["text"], form["user_name"], form["channel_name"]) == (
        "/recover", "new cold soup", "amy", "complaints"
    )  # fmt: skip
    assert (form["response_url"], form["trigger_id"]) == (delivery.response_url, delivery.trigger_id)
    assert form["response_url"].startswith(standin.base + "/response/")
    in_dm = driver.command(AMY, "help")
    assert (
        receiver.last.form()["channel_id"] == standin.dm_channel(AMY)
        and in_dm.trigger_id != delivery.trigger_id
    )
    assert receiver.last.form()["channel_name"] == "directmessage"


def test_stale_and_forged_requests_are_refused(receiver: Receiver, driver: SlackDriver) -> None:
    stale = driver.command(AMY, "list", timestamp=int(time.time()) - 600)
    forged = driver.post_message(AMY, COMPLAINTS, "hello", signature="v0=" + "0" * 64)[1]
    assert (stale.status, forged.status) == (401, 401) and not stale.ok
    assert [r.valid for r in receiver.received] == [False, False]
    assert driver.command(AMY, "list", timestamp=int(time.time()) - 60).ok  # within Slack's five minutes


def test_messages_are_recorded_then_delivered_as_events(
    standin: SlackStandIn, receiver: Receiver, driver: SlackDriver
) -> None:
    ts, delivery = driver.post_message(AMY, COMPLAINTS, "The soup was cold")
    envelope = receiver.last.json()
    assert receiver.last.valid and receiver.last.headers["Content-Type"] == "application/json"
    assert envelope["type"] == "event_callback" and envelope["event_id"] == delivery.event_id
    assert delivery.event_id.startswith("Ev") and isinstance(envelope["event_time"], int)
    assert (envelope["team_id"], envelope["api_app_id"]) == ("T0SANDBOX", "A0BOUNCEBACK")
    assert envelope["authorizations"][0]["user_id"] == "UBOUNCEBACK"
    event = envelope["event"]
    assert (event["type"], event["channel_type"], event["user"], event["text"]) == (
        "message", "channel", AMY, "The soup was cold"
    )  # fmt: skip
    assert event["ts"] == event["event_ts"] == ts and event["client_msg_id"]
    assert standin.message(COMPLAINTS, ts)["text"] == "The soup was cold"
    reply_ts, _ = driver.post_message(BEN, COMPLAINTS, "On it", thread_ts=ts)
    assert (
        receiver.last.json()["event"]["thread_ts"] == ts
        and receiver.last.json()["event_id"] != delivery.event_id
    )
    again = driver.deliver_event(envelope["event"], event_id=delivery.event_id, retry_num=1)
    assert again.ok and receiver.last.json()["event_id"] == delivery.event_id
    assert (receiver.last.headers["X-Slack-Retry-Num"], receiver.last.headers["X-Slack-Retry-Reason"]) == (
        "1", "http_timeout"
    )  # fmt: skip
    assert "X-Slack-Retry-Num" not in receiver.received[0].headers and reply_ts > ts


def test_bot_edit_delete_home_and_url_verification_events(
    standin: SlackStandIn, receiver: Receiver, driver: SlackDriver, client: WebClient
) -> None:
    driver.bot_message(COMPLAINTS, "Printer offline")
    assert (
        receiver.last.json()["event"]["subtype"] == "bot_message" and receiver.last.json()["event"]["bot_id"]
    )
    ts, _ = driver.post_message(AMY, COMPLAINTS, "typo")
    driver.edit_message(COMPLAINTS, ts, "fixed")
    changed = receiver.last.json()["event"]
    assert (changed["subtype"], changed["message"]["text"], changed["previous_message"]["text"]) == (
        "message_changed", "fixed", "typo"
    )  # fmt: skip
    driver.delete_message(COMPLAINTS, ts)
    deleted = receiver.last.json()["event"]
    assert (deleted["subtype"], deleted["deleted_ts"]) == ("message_deleted", ts)
    assert standin.message(COMPLAINTS, ts) is None
    client.views_publish(user_id=AMY, view={"type": "home", "blocks": [{"type": "divider"}]})
    driver.app_home_opened(AMY)
    home = receiver.last.json()["event"]
    assert (home["type"], home["tab"], home["channel"]) == (
        "app_home_opened",
        "home",
        standin.dm_channel(AMY),
    )
    assert home["view"]["id"] == standin.home(AMY)["id"]
    driver.url_verification("abc123")
    assert receiver.last.json() == {
        "token": "sandboxverificationtoken",
        "challenge": "abc123",
        "type": "url_verification",
    }
    assert all(r.valid for r in receiver.received)


def test_message_shortcut_payload(standin: SlackStandIn, receiver: Receiver, driver: SlackDriver) -> None:
    ts, _ = driver.post_message(AMY, COMPLAINTS, "Customer says the room was dirty")
    delivery = driver.message_shortcut(BEN, COMPLAINTS, ts)
    assert receiver.last.valid and set(receiver.last.form()) == {"payload"}
    payload = receiver.last.payload()
    assert (payload["type"], payload["callback_id"], payload["message_ts"]) == (
        "message_action",
        "log_complaint",
        ts,
    )
    assert (
        payload["message"]["text"] == "Customer says the room was dirty" and payload["message"]["user"] == AMY
    )
    assert payload["channel"] == {"id": COMPLAINTS, "name": "complaints"}
    assert payload["user"] == {"id": BEN, "username": "ben", "name": "ben", "team_id": "T0SANDBOX"}
    assert (payload["team"]["id"], payload["api_app_id"], payload["is_enterprise_install"]) == (
        "T0SANDBOX", "A0BOUNCEBACK", False
    )  # fmt: skip
    assert delivery.trigger_id == payload["trigger_id"] and delivery.response_url == payload["response_url"]
    WebhookClient(payload["response_url"]).send(text="Logged REC-1")
    assert [e["text"] for e in standin.ephemerals(BEN)] == ["Logged REC-1"]


def test_block_actions_on_a_message(
    standin: SlackStandIn, receiver: Receiver, driver: SlackDriver, client: WebClient
) -> None:
    ts = client.chat_postMessage(channel=AMY, text="Apology request", blocks=CARD)["ts"]
    dm = standin.dm_channel(AMY)
    delivery = driver.block_action(AMY, "approve", message=(dm, ts))
    payload = receiver.last.payload()
    assert payload["type"] == "block_actions" and payload["container"] == {
        "type": "message", "message_ts": ts, "channel_id": dm, "is_ephemeral": False
    }  # fmt: skip
    [pressed] = payload["actions"]
    assert (pressed["type"], pressed["action_id"], pressed["block_id"], pressed["value"]) == (
        "button", "approve", "card", "REC-1"
    )  # fmt: skip
    assert pressed["text"]["text"] == "Approve" and payload["message"]["blocks"] == CARD
    option = {"text": {"type": "plain_text", "text": "Major"}, "value": "major"}
    driver.block_action(AMY, "severity", message=(dm, ts), selected_option=option)
    [picked] = receiver.last.payload()["actions"]
    assert (picked["type"], picked["selected_option"]) == ("static_select", option)
    WebhookClient(delivery.response_url).send(text="Approved by Amy", replace_original=True)
    assert standin.message(dm, ts)["text"] == "Approved by Amy"


def test_block_actions_in_a_view_and_submissions(
    standin: SlackStandIn, receiver: Receiver, driver: SlackDriver, client: WebClient
) -> None:
    view = client.views_open(trigger_id=standin.issue_trigger(AMY), view=MODAL)["view"]
    delivery = driver.block_action(AMY, "more", view_id=view["id"])
    payload = receiver.last.payload()
    assert (
        payload["container"] == {"type": "view", "view_id": view["id"]}
        and payload["view"]["id"] == view["id"]
    )
    assert payload["actions"][0]["type"] == "button" and "response_url" not in payload
    client.views_push(trigger_id=delivery.trigger_id, view={**MODAL, "callback_id": "more"})
    assert [v["callback_id"] for v in standin.open_views(AMY)] == ["new_case", "more"]
    receiver.reply = {"response_action": "clear"}
    pushed = standin.open_views(AMY)[-1]["id"]
    driver.view_submission(AMY, pushed, {})
    assert standin.open_views(AMY) == []

    view = client.views_open(trigger_id=standin.issue_trigger(AMY), view=MODAL)["view"]
    receiver.reply = {"response_action": "errors", "errors": {"summary": "Say a little more"}}
    refused = driver.view_submission(AMY, view["id"], SUMMARY)
    submitted = receiver.last.payload()
    assert refused.json == receiver.reply and [v["id"] for v in standin.open_views(AMY)] == [view["id"]]
    assert submitted["type"] == "view_submission" and submitted["view"]["state"]["values"] == SUMMARY
    assert (submitted["view"]["callback_id"], submitted["view"]["private_metadata"]) == ("new_case", "meta")
    assert submitted["view"]["hash"] == view["hash"]
    receiver.reply = {"response_action": "update", "view": {**MODAL, "callback_id": "thanks"}}
    driver.view_submission(AMY, view["id"], SUMMARY)
    assert standin.view(view["id"])["callback_id"] == "thanks"
    receiver.reply = None
    assert driver.view_submission(AMY, view["id"], SUMMARY).body_text == ""
    assert standin.open_views(AMY) == [] and standin.view(view["id"])["state"]["values"] == SUMMARY


def test_view_closed_only_when_the_view_asks(
    receiver: Receiver, driver: SlackDriver, client: WebClient
) -> None:
    standin = driver.standin
    quiet = client.views_open(trigger_id=standin.issue_trigger(AMY), view=MODAL)["view"]
    assert driver.view_closed(AMY, quiet["id"]) is None and standin.open_views(AMY) == []
    loud = client.views_open(trigger_id=standin.issue_trigger(AMY), view={**MODAL, "notify_on_close": True})[
        "view"
    ]
    assert driver.view_closed(AMY, loud["id"]).ok
    assert (
        receiver.last.payload()["type"] == "view_closed"
        and receiver.last.payload()["view"]["id"] == loud["id"]
    )


def serve_bolt(app: App) -> tuple[ThreadingHTTPServer, str]:
    """Bolt behind a minimal HTTP adapter, like the app's own server but smaller."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            headers = {k.lower(): [v] for k, v in self.headers.items()}
            answer = app.dispatch(BoltRequest(body=body, query=urlsplit(self.path).query, headers=headers))
            data = answer.body.encode()
            self.send_response(answer.status)
            for name, values in answer.headers.items():
                for value in values:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/slack/events"


def test_a_bolt_app_accepts_the_driver_and_answers_through_the_standin(standin: SlackStandIn) -> None:
    app = App(signing_secret=SECRET, client=WebClient(token="xoxb-sandbox", base_url=standin.url))

    @app.command("/recover")
    def recover(ack: Callable[..., None], body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=MODAL)

    @app.view("new_case")
    def submitted(ack: Callable[..., None], view: dict[str, Any]) -> None:
        ack(
            response_action="errors",
            errors={"summary": "Say more than " + view["state"]["values"]["summary"]["summary"]["value"]},
        )

    @app.message("cold")
    def heard(message: dict[str, Any], say: Callable[..., None]) -> None:
        say(text="Logged REC-1", thread_ts=message["ts"])

    server, url = serve_bolt(app)
    try:
        driver = SlackDriver(url, SECRET, standin)
        assert driver.command(AMY, "new").ok
        [view] = standin.wait_for(lambda: standin.opened_views(AMY), timeout=5, what="the modal")
        refused = driver.view_submission(AMY, view["id"], SUMMARY)
        assert refused.json == {"response_action": "errors", "errors": {"summary": "Say more than Cold soup"}}
        ts, delivery = driver.post_message(AMY, COMPLAINTS, "The soup was cold")
        assert delivery.ok
        replies = standin.wait_for(
            lambda: [m for m in standin.messages(COMPLAINTS) if m.get("thread_ts") == ts != m["ts"]],
            timeout=5,
            what="the reply",
        )
        assert replies[0]["text"] == "Logged REC-1" and replies[0]["bot_id"] == "BBOUNCEBACK"
        assert driver.command(AMY, "new", signature="v0=forged").status == 401
    finally:
        server.shutdown()
        server.server_close()
