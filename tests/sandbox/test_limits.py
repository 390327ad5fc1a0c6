"""Each Block Kit and method limit: at the limit the stand-in takes it, one past it refuses as Slack does.

The numbers are Slack's (cited in bot/sandbox/limits.py); each case below builds the payload at the
limit and one past it, sends both through slack_sdk's WebClient, and expects Slack's error with a
`[json-pointer:…]` naming the field.
"""

import json
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.sandbox import SlackStandIn
from tests.sandbox.test_standin import AMY, COMPLAINTS, MODAL, error_of, new_standin

Blocks = list[dict[str, Any]]


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def option(text: str = "A", value: str = "a", description: str | None = None) -> dict[str, Any]:
    return {"text": plain(text), "value": value} | (
        {"description": plain(description)} if description else {}
    )


def button(text: str = "Go", **fields: Any) -> dict[str, Any]:
    return {"type": "button", "text": plain(text), "action_id": fields.pop("action_id", "go"), **fields}


def actions(*elements: dict[str, Any]) -> Blocks:
    return [{"type": "actions", "elements": list(elements)}]


def select(options: list[dict[str, Any]], **fields: Any) -> Blocks:
    return actions({"type": "static_select", "action_id": "pick", "options": options, **fields})


def text_input(**fields: Any) -> Blocks:
    element = {"type": "plain_text_input", "action_id": "say", **fields}
    return [{"type": "input", "block_id": "say", "label": plain("Say"), "element": element}]


def section(text: str) -> Blocks:
    return [{"type": "section", "text": mrkdwn(text)}]


# name: (surface, blocks at the limit given n = the limit, Slack's number, the pointer one past it names)
BLOCK_LIMITS: dict[str, tuple[str, Callable[[int], Blocks], int, str]] = {
    "blocks in a message": ("message", lambda n: [{"type": "divider"}] * n, 50, "/blocks]"),
    "blocks in a modal": ("modal", lambda n: [{"type": "divider"}] * n, 100, "/view/blocks]"),
    "blocks in a Home tab": ("home", lambda n: [{"type": "divider"}] * n, 100, "/view/blocks]"),
    "section text": ("message", lambda n: section("x" * n), 3000, "/blocks/0/text/text]"),
    "section fields": (
        "message",
        lambda n: [{"type": "section", "fields": [mrkdwn("f")] * n}],
        10,
        "/fields]",
    ),
    "section field text": (
        "message",
        lambda n: [{"type": "section", "fields": [mrkdwn("x" * n)]}],
        2000,
        "/fields/0/text]",
    ),
    "header text": ("message", lambda n: [{"type": "header", "text": plain("x" * n)}], 150, "/0/text/text]"),
    "context elements": (
        "message",
        lambda n: [{"type": "context", "elements": [mrkdwn("c")] * n}],
        10,
        "/elements]",
    ),
    "context text": (
        "message",
        lambda n: [{"type": "context", "elements": [mrkdwn("x" * n)]}],
        3000,
        "/text]",
    ),
    "actions elements": (
        "message",
        lambda n: actions(*(button(action_id=f"b{i}") for i in range(n))),
        25,
        "/0/elements]",
    ),
    "block_id": ("message", lambda n: [{"type": "divider", "block_id": "x" * n}], 255, "/block_id]"),
    "action_id": ("message", lambda n: actions(button(action_id="x" * n)), 255, "/action_id]"),
    "button text": ("message", lambda n: actions(button("x" * n)), 75, "/elements/0/text/text]"),
    "button value": ("message", lambda n: actions(button(value="x" * n)), 2000, "/value]"),
    "button url": (
        "message",
        lambda n: actions(button(url="https://e.com/" + "x" * (n - 14))),
        3000,
        "/url]",
    ),
    "static_select options": (
        "message",
        lambda n: select([option(value=f"v{i}") for i in range(n)]),
        100,
        "/options]",
    ),
    "option text": ("message", lambda n: select([option("x" * n)]), 75, "/options/0/text/text]"),
    "option value": ("message", lambda n: select([option(value="x" * n)]), 150, "/options/0/value]"),
    "option description": (
        "message",
        lambda n: select([option(description="x" * n)]),
        75,
        "/description/text]",
    ),
    "select placeholder": (
        "message",
        lambda n: select([option()], placeholder=plain("x" * n)),
        150,
        "/placeholder/text]",
    ),
    "checkboxes options": (
        "modal",
        lambda n: [
            {
                "type": "input",
                "label": plain("Pick"),
                "element": {
                    "type": "checkboxes",
                    "action_id": "c",
                    "options": [option(value=f"{i}") for i in range(n)],
                },
            }
        ],
        10,
        "/element/options]",
    ),
    "overflow options": (
        "message",
        lambda n: actions(
            {"type": "overflow", "action_id": "o", "options": [option(value=f"{i}") for i in range(n)]}
        ),
        5,
        "/options]",
    ),
    "confirm title": (
        "message",
        lambda n: actions(
            button(
                confirm={
                    "title": plain("x" * n),
                    "text": plain("Sure?"),
                    "confirm": plain("Yes"),
                    "deny": plain("No"),
                }
            )
        ),
        100,
        "/confirm/title/text]",
    ),
    "input label": (
        "modal",
        lambda n: [{**text_input()[0], "label": plain("x" * n)}],
        2000,
        "/label/text]",
    ),
    "input hint": ("modal", lambda n: [{**text_input()[0], "hint": plain("x" * n)}], 2000, "/hint/text]"),
    "plain_text_input initial_value": (
        "modal",
        lambda n: text_input(initial_value="x" * n),
        3000,
        "/initial_value]",
    ),
    "initial_value past max_length": (
        "modal",
        lambda n: text_input(max_length=200, initial_value="x" * n),
        200,
        "/initial_value]",
    ),
    "plain_text_input max_length": ("modal", lambda n: text_input(max_length=n), 3000, "/max_length]"),
}


def submit(standin: SlackStandIn, client: WebClient, surface: str, blocks: Blocks) -> dict[str, Any]:
    """Send `blocks` on `surface`; answers the response data (ok or not)."""
    try:
        if surface == "message":
            return client.chat_postMessage(channel=COMPLAINTS, text="x", blocks=blocks).data
        if surface == "home":
            return client.views_publish(user_id=AMY, view={"type": "home", "blocks": blocks}).data
        return client.views_open(trigger_id=standin.issue_trigger(AMY), view={**MODAL, "blocks": blocks}).data
    except Exception as error:  # SlackApiError: its response is what Slack answered
        return error.response.data  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def standin() -> Iterator[SlackStandIn]:
    standin = new_standin()
    yield standin
    standin.stop()


@pytest.fixture(scope="module")
def client(standin: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-sandbox", base_url=standin.url, retry_handlers=[])


@pytest.mark.parametrize("name", BLOCK_LIMITS)
def test_a_payload_at_the_limit_is_taken_and_one_past_it_refused_as_slack_would(standin, client, name):
    surface, build, limit, pointer = BLOCK_LIMITS[name]
    assert submit(standin, client, surface, build(limit))["ok"], f"{name}: {limit} must be taken"
    refused = submit(standin, client, surface, build(limit + 1))
    assert refused["error"] == ("invalid_blocks" if surface == "message" else "invalid_arguments")
    messages = refused["response_metadata"]["messages"]
    assert any(m.startswith("[ERROR] ") and m.endswith(pointer) for m in messages), messages


def test_an_over_long_section_is_answered_in_slacks_own_words(standin, client):
    refused = submit(standin, client, "message", section("x" * 3001))
    assert refused["response_metadata"]["messages"] == [
        "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]"
    ]


def test_block_ids_are_unique_in_a_message_and_action_ids_in_a_block(standin, client):
    twice = [{"type": "divider", "block_id": "same"}, {"type": "divider", "block_id": "same"}]
    assert submit(standin, client, "message", twice)["error"] == "invalid_blocks"
    assert submit(standin, client, "modal", twice)["error"] == "invalid_arguments"
    same_button = actions(button(action_id="same"), button(action_id="same"))
    refused = submit(standin, client, "message", same_button)
    assert refused["response_metadata"]["messages"] == [
        "[ERROR] duplicate action_id [json-pointer:/blocks/0/elements/1/action_id]"
    ]
    in_two_blocks = actions(button(action_id="same")) + actions(button(action_id="same"))
    assert submit(standin, client, "message", in_two_blocks)["ok"]


def test_an_empty_text_is_refused(standin, client):
    refused = submit(standin, client, "message", section(""))
    assert refused["response_metadata"]["messages"] == [
        "[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]"
    ]


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", 24), ("submit", 24), ("close", 24), ("private_metadata", 3000), ("callback_id", 255)],
)
def test_modal_fields_past_their_limits_are_refused(standin, client, field, limit):
    def modal(n: int) -> dict[str, Any]:
        return {**MODAL, field: plain("x" * n) if field in ("title", "submit", "close") else "x" * n}

    assert client.views_open(trigger_id=standin.issue_trigger(AMY), view=modal(limit))["ok"]
    refused = error_of(client.views_open, trigger_id=standin.issue_trigger(AMY), view=modal(limit + 1))
    assert refused["error"] == "invalid_arguments"
    assert refused["response_metadata"]["messages"][0].endswith(
        f"/view/{field}" + ("/text]" if field in ("title", "submit", "close") else "]")
    )


def test_every_method_that_takes_blocks_refuses_them_past_the_limits(standin, client):
    too_long = section("x" * 3001)
    posted = client.chat_postMessage(channel=COMPLAINTS, text="x")
    for call, kwargs in [
        (client.chat_update, {"channel": COMPLAINTS, "ts": posted["ts"], "text": "x", "blocks": too_long}),
        (client.chat_postEphemeral, {"channel": COMPLAINTS, "user": AMY, "text": "x", "blocks": too_long}),
    ]:
        assert error_of(call, **kwargs)["error"] == "invalid_blocks"
    opened = client.views_open(trigger_id=standin.issue_trigger(AMY), view=MODAL)["view"]
    for call, kwargs in [
        (client.views_update, {"view_id": opened["id"], "view": {**MODAL, "blocks": too_long}}),
        (
            client.views_push,
            {"trigger_id": standin.issue_trigger(AMY), "view": {**MODAL, "blocks": too_long}},
        ),
        (client.views_publish, {"user_id": AMY, "view": {"type": "home", "blocks": too_long}}),
    ]:
        assert error_of(call, **kwargs)["error"] == "invalid_arguments"
    assert standin.message(COMPLAINTS, posted["ts"])["text"] == "x"


def test_message_text_past_40000_characters_or_missing_is_refused(standin, client):
    assert client.chat_postMessage(channel=COMPLAINTS, text="x" * 40_000)["ok"]
    assert error_of(client.chat_postMessage, channel=COMPLAINTS, text="x" * 40_001)["error"] == "msg_too_long"
    assert error_of(client.chat_postMessage, channel=COMPLAINTS)["error"] == "no_text"


def test_a_response_url_refuses_blocks_past_the_limits_with_slacks_messages(standin):
    url = standin.new_response_url(user_id=AMY, channel_id=COMPLAINTS)
    body = json.dumps({"text": "x", "blocks": section("x" * 3001)}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    answer = json.loads(refused.value.read())
    assert refused.value.code == 400 and answer["error"] == "invalid_blocks"
    assert answer["response_metadata"]["messages"][0].endswith("[json-pointer:/blocks/0/text/text]")
    assert any(r["to"] == "response_url" for r in standin.refused)


def test_errors_for_a_block_that_is_not_an_input_are_a_modal_slack_cannot_show(standin, client):
    view = client.views_open(trigger_id=standin.issue_trigger(AMY), view=MODAL)["view"]
    standin.submit_view(view["id"], {})
    with pytest.raises(ValueError, match="'nowhere' is not the block_id of an input block"):
        standin.finish_submission(view["id"], {"response_action": "errors", "errors": {"nowhere": "Fix it"}})
    standin.finish_submission(view["id"], {"response_action": "errors", "errors": {"summary": "Say more"}})
    assert [v["id"] for v in standin.open_views(AMY)] == [view["id"]]  # errors keep the modal open
