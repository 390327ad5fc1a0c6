"""The Slack stand-in, seen through the real slack_sdk WebClient."""

import contextlib
import io
import re
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

from bot.sandbox import SlackStandIn

AMY, BEN = "U0AMY00001", "U0BEN00001"
COMPLAINTS, RANDOM = "C0COMPLAIN", "C0RANDOM01"
SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "*REC-1* cold soup"}}
MODAL = {
    "type": "modal",
    "callback_id": "new_case",
    "private_metadata": "C0COMPLAIN",
    "title": {"type": "plain_text", "text": "Log a complaint"},
    "submit": {"type": "plain_text", "text": "Log"},
    "blocks": [
        {
            "type": "input",
            "block_id": "summary",
            "label": {"type": "plain_text", "text": "Summary"},
            "element": {"type": "plain_text_input", "action_id": "summary"},
        }
    ],
}
HOME = {"type": "home", "blocks": [SECTION]}
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def new_standin(**options: Any) -> SlackStandIn:
    standin = SlackStandIn(**options).start()
    standin.add_user(AMY, "amy", real_name="Amy Lee", title="Team lead", tz="Europe/London")
    standin.add_user(BEN, "ben", real_name="Ben Ode")
    standin.add_channel(COMPLAINTS, "complaints")
    standin.add_channel(RANDOM, "random")
    return standin


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    standin = new_standin()
    yield standin
    standin.stop()


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return WebClient(token="xoxb-sandbox", base_url=standin.url, retry_handlers=[])


def error_of(call: Any, **kwargs: Any) -> dict[str, Any]:
    with pytest.raises(SlackApiError) as raised:
        call(**kwargs)
    return raised.value.response.data


def test_addresses_and_auth(standin: SlackStandIn, client: WebClient) -> None:
    assert standin.url == standin.base + "/api/" and standin.base.startswith("http://127.0.0.1:")
    identity = client.auth_test()
    assert (identity["team_id"], identity["user_id"], identity["bot_id"]) == (
        "T0SANDBOX",
        "UBOUNCEBACK",
        "BBOUNCEBACK",
    )
    assert error_of(WebClient(token="xoxp-person", base_url=standin.url).auth_test)["error"] == "invalid_auth"
    assert error_of(WebClient(base_url=standin.url).auth_test)["error"] == "not_authed"
    assert error_of(client.api_call, api_method="pins.rainbow")["error"] == "unknown_method"
    assert WebClient(base_url=standin.url).api_call("auth.test", params={"token": "xoxb-in-form"})["ok"]


def test_post_message_in_channels_threads_and_dms(standin: SlackStandIn, client: WebClient) -> None:
    metadata = {"event_type": "case_card", "event_payload": {"case": "REC-1"}}
    posted = client.chat_postMessage(channel=COMPLAINTS, text="REC-1", blocks=[SECTION], metadata=metadata)
    assert re.fullmatch(r"\d{10}\.\d{6}", posted["ts"]) and posted["message"]["bot_id"] == "BBOUNCEBACK"
    reply = client.chat_postMessage(channel=COMPLAINTS, text="in thread", thread_ts=posted["ts"])
    dm = client.chat_postMessage(channel=AMY, text="Please apologize")
    assert dm["channel"] == standin.dm_channel(AMY) == client.conversations_open(users=AMY)["channel"]["id"]
    [card, threaded] = standin.messages(COMPLAINTS)
    assert (card["text"], card["blocks"], card["metadata"], card["user"]) == (
        "REC-1",
        [SECTION],
        metadata,
        "UBOUNCEBACK",
    )
    assert threaded["thread_ts"] == posted["ts"] == reply["message"]["thread_ts"] and card["reply_count"] == 1
    assert [m["text"] for m in standin.dm(AMY)] == ["Please apologize"]
    # slack_sdk sends form bodies for api_call(params=...): blocks arrive as a JSON string
    form = client.api_call("chat.postMessage", params={"channel": RANDOM, "blocks": '[{"type": "divider"}]'})
    assert standin.message(RANDOM, form["ts"])["blocks"] == [{"type": "divider"}]


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_post_message_errors(standin: SlackStandIn, client: WebClient) -> None:
    post = client.chat_postMessage
    assert error_of(post, channel="C0NOWHERE", text="x")["error"] == "channel_not_found"
    assert error_of(post, channel=COMPLAINTS)["error"] == "no_text"
    assert error_of(post, channel=COMPLAINTS, text="x" * 40_001)["error"] == "msg_too_long"
    too_many = error_of(post, channel=COMPLAINTS, text="x", blocks=[{"type": "divider"}] * 51)
    untyped = error_of(post, channel=COMPLAINTS, text="x", blocks=[{"text": "no type"}])
    assert too_many["error"] == untyped["error"] == "invalid_blocks"
    assert "/blocks/0" in untyped["response_metadata"]["messages"][0]
    assert standin.messages() == []


def test_ts_values_are_unique_and_increasing_under_concurrency(standin: SlackStandIn) -> None:
    def post_many(channel: str) -> None:
        client = WebClient(token="xoxb-sandbox", base_url=standin.url)
        for n in range(15):
            client.chat_postMessage(channel=channel, text=str(n))

    threads = [threading.Thread(target=post_many, args=(c,)) for c in (COMPLAINTS, RANDOM, AMY, BEN) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stamps = [m["ts"] for m in standin.messages()]
    assert len(stamps) == len(set(stamps)) == 120 and stamps == sorted(stamps)
    assert len(standin.calls_to("chat.postMessage")) == 120


def test_update_ephemeral_delete_and_permalink(standin: SlackStandIn, client: WebClient) -> None:
    ts = client.chat_postMessage(channel=COMPLAINTS, text="old", blocks=[SECTION])["ts"]
    updated = client.chat_update(channel=COMPLAINTS, ts=ts, text="new")
    assert updated["text"] == "new" and standin.message(COMPLAINTS, ts)["blocks"] == [SECTION]  # blocks kept
    client.chat_update(channel=COMPLAINTS, ts=ts, text="new", blocks=[])
    assert "blocks" not in standin.message(COMPLAINTS, ts)
    assert (
        error_of(client.chat_update, channel=COMPLAINTS, ts="1.000001", text="x")["error"]
        == "message_not_found"
    )
    person = standin.post_as_user(AMY, COMPLAINTS, "the soup was cold")
    assert (
        error_of(client.chat_update, channel=COMPLAINTS, ts=person["ts"], text="x")["error"]
        == "cant_update_message"
    )
    link = client.chat_getPermalink(channel=COMPLAINTS, message_ts=ts)["permalink"]
    assert link == f"https://sandbox.slack.com/archives/{COMPLAINTS}/p{ts.replace('.', '')}"
    secret = client.chat_postEphemeral(channel=COMPLAINTS, user=BEN, text="only you")
    assert [(e["text"], e["ts"], e["channel"]) for e in standin.ephemerals(BEN)] == [
        ("only you", secret["message_ts"], COMPLAINTS)
    ]
    assert standin.ephemerals(AMY) == []
    assert (
        error_of(client.chat_postEphemeral, channel=COMPLAINTS, user="U0NOBODY", text="x")["error"]
        == "user_not_found"
    )
    client.chat_delete(channel=COMPLAINTS, ts=ts)
    assert standin.message(COMPLAINTS, ts) is None
    assert error_of(client.chat_delete, channel=COMPLAINTS, ts=ts)["error"] == "message_not_found"


def test_conversations(standin: SlackStandIn, client: WebClient) -> None:
    first = standin.post_as_user(AMY, COMPLAINTS, "first")
    second = client.chat_postMessage(channel=COMPLAINTS, text="second")
    client.chat_postMessage(channel=COMPLAINTS, text="a reply", thread_ts=first["ts"])
    history = client.conversations_history(channel=COMPLAINTS)
    assert [m["text"] for m in history["messages"]] == ["second", "first"]  # newest first, no replies
    page = client.conversations_history(channel=COMPLAINTS, limit=1)
    assert page["has_more"] and page["messages"][0]["ts"] == second["ts"]
    rest = client.conversations_history(channel=COMPLAINTS, cursor=page["response_metadata"]["next_cursor"])
    assert [m["text"] for m in rest["messages"]] == ["first"]
    thread = client.conversations_replies(channel=COMPLAINTS, ts=first["ts"])
    assert [m["text"] for m in thread["messages"]] == ["first", "a reply"]
    assert (
        error_of(client.conversations_replies, channel=COMPLAINTS, ts="1.000001")["error"]
        == "thread_not_found"
    )
    assert client.conversations_info(channel=COMPLAINTS)["channel"]["name"] == "complaints"
    dm = client.conversations_open(users=[BEN])["channel"]["id"]
    assert dm == client.conversations_open(users=BEN)["channel"]["id"] and dm.startswith("D")
    assert client.conversations_info(channel=dm)["channel"]["is_im"]
    assert error_of(client.conversations_open, users="U0NOBODY")["error"] == "user_not_found"
    assert error_of(client.conversations_info, channel="C0NOWHERE")["error"] == "channel_not_found"


def test_users_info_by_post_and_by_get(standin: SlackStandIn, client: WebClient) -> None:
    user = client.users_info(user=AMY)["user"]
    assert (user["tz"], user["real_name"], user["profile"]["title"]) == (
        "Europe/London",
        "Amy Lee",
        "Team lead",
    )
    assert user["tz_offset"] in (0, 3600) and user["tz_label"] and user["profile"]["display_name"] == "amy"
    assert user["profile"]["real_name"] == "Amy Lee"
    with urllib.request.urlopen(f"{standin.url}users.info?user={BEN}&token=xoxb-get") as answer:
        assert b'"real_name": "Ben Ode"' in answer.read()
    assert error_of(client.users_info, user="U0NOBODY")["error"] == "user_not_found"


def test_views_open_needs_a_fresh_single_use_trigger(standin: SlackStandIn, client: WebClient) -> None:
    trigger = standin.issue_trigger(AMY)
    view = client.views_open(trigger_id=trigger, view=MODAL)["view"]
    assert view["id"].startswith("V") and view["hash"] and view["state"] == {"values": {}}
    assert (view["callback_id"], view["private_metadata"]) == ("new_case", "C0COMPLAIN")
    assert [v["id"] for v in standin.opened_views(AMY)] == [view["id"]] and standin.opened_views(BEN) == []
    assert error_of(client.views_open, trigger_id=trigger, view=MODAL)["error"] == "exchanged_trigger_id"
    assert error_of(client.views_open, trigger_id="123.456.abc", view=MODAL)["error"] == "invalid_trigger_id"
    with SlackStandIn(trigger_lifetime=0) as instant:
        instant.add_user(AMY, "amy")
        expired = WebClient(token="xoxb-sandbox", base_url=instant.url).views_open
        assert (
            error_of(expired, trigger_id=instant.issue_trigger(AMY), view=MODAL)["error"]
            == "expired_trigger_id"
        )


def test_views_are_validated(standin: SlackStandIn, client: WebClient) -> None:
    long_title = {**MODAL, "title": {"type": "plain_text", "text": "A title far too long to fit"}}
    refused = error_of(client.views_open, trigger_id=standin.issue_trigger(AMY), view=long_title)
    assert refused["error"] == "invalid_arguments"
    assert "/view/title/text" in refused["response_metadata"]["messages"][0]
    crowded = {**MODAL, "blocks": [{"type": "divider"}] * 101}
    assert (
        error_of(client.views_open, trigger_id=standin.issue_trigger(AMY), view=crowded)["error"]
        == "invalid_arguments"
    )
    no_submit = {k: v for k, v in MODAL.items() if k != "submit"}
    assert (
        error_of(client.views_open, trigger_id=standin.issue_trigger(AMY), view=no_submit)["error"]
        == "invalid_arguments"
    )
    assert standin.opened_views() == []


def test_views_push_update_and_publish(standin: SlackStandIn, client: WebClient) -> None:
    root = client.views_open(trigger_id=standin.issue_trigger(AMY), view={**MODAL, "external_id": "case-1"})[
        "view"
    ]
    pushed = client.views_push(trigger_id=standin.issue_trigger(AMY), view=MODAL)["view"]
    assert (pushed["root_view_id"], pushed["previous_view_id"]) == (root["id"], root["id"])
    assert [v["id"] for v in standin.open_views(AMY)] == [root["id"], pushed["id"]]
    changed = {**MODAL, "callback_id": "edit_case"}
    assert (
        error_of(client.views_update, view_id=root["id"], hash="stale", view=changed)["error"]
        == "hash_conflict"
    )
    updated = client.views_update(external_id="case-1", hash=root["hash"], view=changed)["view"]
    assert updated["id"] == root["id"] and updated["hash"] != root["hash"]
    assert standin.view(root["id"])["callback_id"] == "edit_case"
    assert error_of(client.views_update, view_id="V0MISSING", view=changed)["error"] == "not_found"
    client.views_push(trigger_id=standin.issue_trigger(AMY), view=MODAL)
    assert (
        error_of(client.views_push, trigger_id=standin.issue_trigger(AMY), view=MODAL)["error"]
        == "push_limit_reached"
    )
    home = client.views_publish(user_id=BEN, view=HOME)["view"]
    assert standin.home(BEN)["id"] == home["id"] and standin.home(AMY) is None
    again = client.views_publish(user_id=BEN, view=HOME, hash=home["hash"])["view"]
    assert again["id"] == home["id"]
    assert error_of(client.views_publish, user_id="U0NOBODY", view=HOME)["error"] == "user_not_found"
    assert error_of(client.views_publish, user_id=BEN, view=MODAL)["error"] == "invalid_arguments"


def test_files_upload_v2_round_trip(standin: SlackStandIn, client: WebClient) -> None:
    parent = client.chat_postMessage(channel=COMPLAINTS, text="digest")["ts"]
    uploaded = client.files_upload_v2(
        channel=COMPLAINTS,
        file=io.BytesIO(PNG),
        filename="week.png",
        title="This week",
        initial_comment="Chart",
        thread_ts=parent,
    )
    [stored] = standin.files
    assert stored.content == PNG and (stored.name, stored.title, stored.mimetype) == (
        "week.png",
        "This week",
        "image/png",
    )
    assert uploaded["file"]["id"] == stored.id and stored.channels == [COMPLAINTS]
    share = standin.messages(COMPLAINTS)[-1]
    assert (share["text"], share["thread_ts"], share["files"][0]["id"]) == ("Chart", parent, stored.id)
    unknown = error_of(
        client.files_completeUploadExternal, files=[{"id": "F0NOTHING"}], channel_id=COMPLAINTS
    )
    assert unknown["error"] == "file_not_found"


def test_429_carries_retry_after_and_is_honoured(standin: SlackStandIn, client: WebClient) -> None:
    standin.fail("chat.postMessage", kind="429", retry_after=1)
    refused = error_of(client.chat_postMessage, channel=COMPLAINTS, text="x")
    assert refused == {"ok": False, "error": "ratelimited"}
    assert standin.calls[-1].status == 429 and standin.messages() == []
    standin.fail("chat.postMessage", kind="429", retry_after=1)
    patient = WebClient(
        token="xoxb-sandbox", base_url=standin.url, retry_handlers=[RateLimitErrorRetryHandler()]
    )
    started = time.monotonic()
    patient.chat_postMessage(channel=COMPLAINTS, text="after the wait")
    assert time.monotonic() - started >= 1.0
    assert [m["text"] for m in standin.messages()] == ["after the wait"]
    assert [(f.method, f.kind, f.retry_after) for f in standin.faults] == [("chat.postMessage", "429", 1)] * 2


def test_server_errors_and_dropped_connections_are_retried(standin: SlackStandIn, client: WebClient) -> None:
    standin.fail("chat.postMessage", kind="500")
    assert error_of(client.chat_postMessage, channel=COMPLAINTS, text="x")["error"] == "internal_error"
    standin.fail("chat.postMessage", kind="503")
    retrying = WebClient(
        token="xoxb-sandbox", base_url=standin.url, retry_handlers=[ServerErrorRetryHandler()]
    )
    retrying.chat_postMessage(channel=COMPLAINTS, text="after a 503")
    standin.fail("*", kind="drop")
    with pytest.raises(OSError):
        client.auth_test()
    standin.fail("chat.postMessage", kind="drop")
    reconnecting = WebClient(
        token="xoxb-sandbox", base_url=standin.url, retry_handlers=[ConnectionErrorRetryHandler()]
    )
    reconnecting.chat_postMessage(channel=COMPLAINTS, text="after a drop")
    assert [m["text"] for m in standin.messages()] == ["after a 503", "after a drop"]
    assert [f.kind for f in standin.faults] == ["500", "503", "drop", "drop"]


def test_random_faults_are_seeded_and_cleared() -> None:
    outcomes = []
    for _ in range(2):
        with new_standin() as standin:
            standin.fail_rate(["chat.postMessage"], 0.5, kinds=("500", "503"), seed=7)
            client = WebClient(token="xoxb-sandbox", base_url=standin.url, retry_handlers=[])
            for n in range(12):
                with contextlib.suppress(SlackApiError):
                    client.chat_postMessage(channel=COMPLAINTS, text=str(n))
            assert client.auth_test()["ok"]  # other methods are untouched
            standin.clear_faults()
            client.chat_postMessage(channel=COMPLAINTS, text="calm again")
            outcomes.append(([m["text"] for m in standin.messages()], [f.kind for f in standin.faults]))
    assert outcomes[0] == outcomes[1] and 0 < len(outcomes[0][1]) < 12
    assert outcomes[0][0][-1] == "calm again" and len(outcomes[0][0]) == 13 - len(outcomes[0][1])


def test_pacing_per_channel() -> None:
    with new_standin(pace_per_channel=0.2) as standin:
        client = WebClient(token="xoxb-sandbox", base_url=standin.url, retry_handlers=[])
        client.chat_postMessage(channel=COMPLAINTS, text="one")
        with pytest.raises(SlackApiError) as raised:
            client.chat_postMessage(channel=COMPLAINTS, text="too soon")
        assert (
            raised.value.response.status_code == 429
            and int(raised.value.response.headers["Retry-After"]) >= 1
        )
        client.chat_postMessage(channel=RANDOM, text="another channel")
        assert [m["text"] for m in standin.messages()] == ["one", "another channel"]
        assert standin.faults[0].reason == "paced"


def test_response_urls(standin: SlackStandIn, client: WebClient) -> None:
    card = client.chat_postMessage(channel=COMPLAINTS, text="card", blocks=[SECTION])["ts"]
    on_card = standin.new_response_url(user_id=AMY, channel_id=COMPLAINTS, message_ts=card)
    assert on_card.startswith(standin.base + "/response/")
    WebhookClient(on_card).send(text="Only Amy sees this")
    assert [e["text"] for e in standin.ephemerals(AMY)] == ["Only Amy sees this"]
    WebhookClient(on_card).send(text="Approved", blocks=[{"type": "divider"}], replace_original=True)
    assert standin.message(COMPLAINTS, card)["blocks"] == [{"type": "divider"}]
    WebhookClient(on_card).send(text="Everyone sees this", response_type="in_channel")
    assert standin.messages(COMPLAINTS)[-1]["text"] == "Everyone sees this"
    WebhookClient(on_card).send_dict({"delete_original": True})
    assert standin.message(COMPLAINTS, card) is None
    assert [r.response_type for r in standin.responses] == [
        "ephemeral",
        "ephemeral",
        "in_channel",
        "ephemeral",
    ]
    assert WebhookClient(on_card).send(text="fifth").status_code == 200
    assert WebhookClient(on_card).send(text="sixth").status_code == 404  # five uses per URL
    assert WebhookClient(standin.base + "/response/unknown").send(text="x").status_code == 404
    assert WebhookClient(standin.new_response_url()).send_dict({}).status_code == 400


def test_wait_for_wakes_on_change_and_times_out(standin: SlackStandIn) -> None:
    poster = threading.Timer(0.05, standin.post_as_user, args=(AMY, COMPLAINTS, "late news"))
    poster.start()
    found = standin.wait_for(lambda: standin.messages(COMPLAINTS), timeout=5, what="a message")
    assert found[0]["text"] == "late news"
    with pytest.raises(TimeoutError, match=r"waited 0.2s for nothing at all"):
        standin.wait_for(lambda: False, timeout=0.2, what="nothing at all")


def test_records_are_copies_and_survive_a_restart(standin: SlackStandIn, client: WebClient) -> None:
    ts = client.chat_postMessage(channel=COMPLAINTS, text="kept")["ts"]
    standin.messages(COMPLAINTS)[0]["text"] = "tampered"
    assert standin.message(COMPLAINTS, ts)["text"] == "kept"
    url = standin.url
    standin.stop()
    with pytest.raises(OSError):
        WebClient(token="xoxb-sandbox", base_url=url, retry_handlers=[]).auth_test()
    standin.start()
    assert (
        standin.url == url and client.auth_test()["ok"] and standin.message(COMPLAINTS, ts)["text"] == "kept"
    )


def test_a_recorded_call_is_what_was_sent_and_answered_then_however_the_message_changes_after(
    standin: SlackStandIn, client: WebClient
) -> None:
    posted = client.chat_postMessage(channel=COMPLAINTS, text="first", blocks=[SECTION])
    client.chat_update(
        channel=COMPLAINTS, ts=posted["ts"], text="second", blocks=[{**SECTION, "block_id": "b2"}]
    )
    first, second = standin.calls_to("chat.postMessage")[0], standin.calls_to("chat.update")[0]
    assert first.args["text"] == "first" and first.args["blocks"] == [SECTION]
    assert first.response["message"]["text"] == "first"  # the message as it was answered, not as it is now
    assert second.response["message"]["blocks"][0]["block_id"] == "b2"
    assert standin.message(COMPLAINTS, posted["ts"])["text"] == "second"
