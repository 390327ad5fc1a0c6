"""The stand-in's Socket Mode server, seen through a plain WebSocket client (websocket-client)."""

import json

import pytest
import websocket
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.sandbox import SlackStandIn
from bot.sandbox.cast import APP_TOKEN, BOT_TOKEN


@pytest.fixture
def standin():
    with SlackStandIn() as running:
        yield running


def connect(standin: SlackStandIn) -> websocket.WebSocket:
    url = WebClient(base_url=standin.url).apps_connections_open(app_token=APP_TOKEN)["url"]
    return websocket.create_connection(url, timeout=5)


def test_apps_connections_open_takes_only_an_app_level_token(standin):
    assert connect(standin) is not None
    with pytest.raises(SlackApiError) as refused:
        WebClient(base_url=standin.url).apps_connections_open(app_token=BOT_TOKEN)
    assert refused.value.response["error"] == "not_allowed_token_type"
    with pytest.raises(SlackApiError) as refused:
        WebClient(token=APP_TOKEN, base_url=standin.url).auth_test()
    assert refused.value.response["error"] == "not_allowed_token_type"


def test_a_connection_gets_hello_then_envelopes_and_its_acks_are_recorded(standin):
    link = connect(standin)
    hello = json.loads(link.recv())
    assert hello["type"] == "hello" and hello["num_connections"] == 1
    server = standin.socket_mode
    command = server.deliver("slash_commands", {"command": "/recover", "text": "help"})
    sent = json.loads(link.recv())
    assert sent == {
        "envelope_id": command.envelope_id,
        "payload": {"command": "/recover", "text": "help"},
        "type": "slash_commands",
        "accepts_response_payload": True,
    }
    link.send(json.dumps({"envelope_id": command.envelope_id, "payload": {"text": "Here is help."}}))
    ack = server.wait_ack(command.envelope_id)
    assert (ack.link, ack.payload) == (1, {"text": "Here is help."}) and ack.elapsed_s < 1
    event = server.deliver("events_api", {"type": "event_callback", "event_id": "Ev1"})
    assert json.loads(link.recv())["retry_attempt"] == 0
    server.disconnect("refresh_requested")
    assert json.loads(link.recv()) == {
        "type": "disconnect",
        "reason": "refresh_requested",
        "debug_info": {"host": "applink-sandbox"},
    }
    link.close()
    second = connect(standin)
    assert json.loads(second.recv())["type"] == "hello"
    again = json.loads(second.recv())  # the event never acked on the first link comes again
    assert again["payload"]["event_id"] == "Ev1" and again["envelope_id"] != event.envelope_id
    assert (again["retry_attempt"], again["retry_reason"]) == (1, "timeout")
    assert [link.ended for link in server.links] == ["closed", None]


def test_a_used_or_made_up_ticket_is_refused(standin):
    url = WebClient(base_url=standin.url).apps_connections_open(app_token=APP_TOKEN)["url"]
    websocket.create_connection(url, timeout=5).close()
    reused = websocket.create_connection(url, timeout=5)
    opcode, frame = reused.recv_data_frame()
    assert opcode == websocket.ABNF.OPCODE_CLOSE and b"invalid or used ticket" in frame.data
    assert len(standin.socket_mode.links) == 1
