"""Socket Mode end to end: the bot connected to the stand-in's Socket Mode server, through refreshes and drops."""

import time

import pytest

from bot.recovery.messages.ids import Action, Input
from bot.sandbox import cast, payloads
from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, FRONT_DESK, LEAD
from bot.sandbox.rig import Rig
from bot.sandbox.socket_driver import SocketModeDriver
from bot.sandbox.standin import SlackStandIn
from tests.helpers import all_cases, bot_posts, wait_until
from tests.procs import BotProcess

ACK_LIMIT_S = 3.0  # Slack shows the person an error past this
BACK_WITHIN_S = 10.0


@pytest.fixture
def rig():
    with Rig(socket_mode=True) as running:
        yield running


def requests(rig, leader) -> list[dict]:
    return [m for m in rig.standin.dm(leader.id) if "Apology needed" in (m.get("text") or "")]


def press(rig, who, action_id, message):
    button = next(
        e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == action_id
    )
    return rig.driver.block_action(
        who.id, action_id, value=button["value"], message=(message["channel"], message["ts"])
    )


def complaint(rig, event_id: str) -> tuple[str, dict]:
    """A complaint posted in the channel, and the event_callback Slack would deliver for it."""
    text = "Customer: Lina Berg found a hair in her soup."
    ts = rig.standin.post_as_user(FRONT_DESK.id, COMPLAINTS, text)["ts"]
    message = payloads.message_event(rig.standin.message(COMPLAINTS, ts))
    return ts, payloads.event_envelope(message, event_id)


def acked_in_time(delivery) -> bool:
    return delivery.status == 200 and delivery.elapsed_s < ACK_LIMIT_S


def test_a_complaint_and_a_command_arrive_as_envelopes_and_are_acked(rig):
    server = rig.standin.socket_mode
    ts, logged = rig.driver.post_message(
        FRONT_DESK.id, COMPLAINTS, "Customer: Jane Doe says the soup was cold and our waiter was rude to her."
    )
    assert acked_in_time(logged)
    rig.standin.wait_for(lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), what="the case card in the thread")
    shown = rig.driver.command(FRONT_DESK.id, "show REC-1")
    assert acked_in_time(shown)
    rig.service.settle()
    assert any("REC-1" in r.text for r in rig.standin.responses if r.url == shown.response_url)
    sent = {e.envelope_id: e for e in server.envelopes}
    assert [sent[a.envelope_id].type for a in server.acks] == ["events_api", "slash_commands"]
    assert sent[shown.envelope_id].payload["command"] == "/recover"
    assert [link.number for link in server.links] == [1]


def test_a_press_opens_a_modal_whose_submission_answers_in_the_ack(rig):
    rig.driver.post_message(
        FRONT_DESK.id, COMPLAINTS, "Customer: Ana Ruiz says the toast at breakfast was a little overdone."
    )
    rig.service.settle()
    [request] = requests(rig, LEAD)
    pressed = press(rig, LEAD, Action.EDIT_APOLOGY, request)
    assert acked_in_time(pressed)
    [view] = rig.standin.wait_for(lambda: rig.standin.opened_views(LEAD.id), what="the edit modal")
    excuse = "We're sorry, but the kitchen was short-staffed this morning."
    values = {Input.APOLOGY_TEXT: {Input.APOLOGY_TEXT: {"type": "plain_text_input", "value": excuse}}}
    refused = rig.driver.view_submission(LEAD.id, view["id"], values)
    assert acked_in_time(refused)
    assert refused.json["response_action"] == "errors" and Input.APOLOGY_TEXT in refused.json["errors"]
    values[Input.AS_WRITTEN] = {
        Input.AS_WRITTEN: {"type": "checkboxes", "selected_options": [{"value": "yes"}]}
    }
    sent = rig.driver.view_submission(LEAD.id, view["id"], values)
    assert acked_in_time(sent) and sent.json is None
    rig.service.settle()
    assert all_cases(rig)[0].apology_state == "approved"


@pytest.mark.parametrize("reason", ["refresh_requested", "warning"])
def test_a_command_a_press_and_an_event_right_after_a_refresh_are_acked_within_3s(rig, reason):
    server = rig.standin.socket_mode
    rig.driver.post_message(
        FRONT_DESK.id, COMPLAINTS, "Customer: Ana Ruiz says the toast at breakfast was a little overdone."
    )
    rig.service.settle()
    old = server.disconnect(reason)
    server.wait_link(old + 1)  # the bot opened a new connection and got its hello
    shown = rig.driver.command(FRONT_DESK.id, "show REC-1")
    [request] = requests(rig, LEAD)
    pressed = press(rig, LEAD, Action.EDIT_APOLOGY, request)
    ts, logged = rig.driver.post_message(
        FRONT_DESK.id, COMPLAINTS, "Customer: Omar Haddad waited an hour for a cab."
    )
    for delivery in (shown, pressed, logged):
        assert acked_in_time(delivery), f"acked after {delivery.elapsed_s:.2f}s"
    assert {a.link for a in server.acks[-3:]} == {old + 1}
    rig.standin.wait_for(lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), what="the second case's card")
    wait_until(lambda: not server.links[old - 1].live, what="the bot to close the old connection")
    assert len(all_cases(rig)) == 2


def test_an_event_in_flight_across_a_refresh_makes_exactly_one_case(rig):
    server = rig.standin.socket_mode
    ts, event = complaint(rig, "Ev0INFLIGHT1")
    server.deliver("events_api", event)
    old = server.disconnect("refresh_requested")  # before the bot could answer the event
    server.wait_link(old + 1)
    wait_until(
        lambda: any(
            e.payload.get("event_id") == "Ev0INFLIGHT1" and server.wait_ack(e.envelope_id, 0)
            for e in server.envelopes
        ),
        what="an ack of the event (first delivery or re-delivery)",
    )
    rig.service.settle()
    assert len(all_cases(rig)) == 1
    assert len(bot_posts(rig, COMPLAINTS, thread_ts=ts)) == 1


def test_an_unacked_event_is_redelivered_after_a_drop_and_makes_one_case(rig):
    server = rig.standin.socket_mode
    ts, event = complaint(rig, "Ev0DROPPED01")
    first = server.deliver_then_drop("events_api", event)
    server.wait_link(first.link + 1)
    [retry] = [e for e in server.envelopes if e.retry_attempt == 1]
    assert (retry.payload["event_id"], retry.retry_reason, retry.link) == (
        "Ev0DROPPED01",
        "timeout",
        first.link + 1,
    )
    assert server.wait_ack(retry.envelope_id) is not None  # (the first may be acked too, on the new link)
    rig.service.settle()
    [case] = all_cases(rig)
    assert case.message_ts == ts
    assert len(bot_posts(rig, COMPLAINTS, thread_ts=ts)) == 1


def test_after_a_dropped_connection_the_bot_is_back_within_10s_without_spinning(tmp_path):
    """`bounceback run` as a process with the shipped settings; its CPU time read from /proc."""
    with SlackStandIn() as standin:
        cast.populate(standin)
        server = standin.socket_mode
        bot = BotProcess(
            standin,
            database_url=f"sqlite:///{tmp_path / 'bot.sqlite3'}",
            policy_path=DEMO_POLICY,
            log=tmp_path / "bot.log",
            socket_mode=True,
        ).start()
        try:
            first = server.wait_link(1)
            cpu_before, dropped_at = bot.cpu_seconds(), time.monotonic()
            server.drop()
            back = server.wait_link(first.number + 1, timeout=BACK_WITHIN_S)
            shown = SocketModeDriver(standin).command(FRONT_DESK.id, "help")
            back_after, cpu_used = time.monotonic() - dropped_at, bot.cpu_seconds() - cpu_before
            assert back.opened_at - dropped_at < BACK_WITHIN_S
            assert acked_in_time(shown)
            assert cpu_used < 1.0, f"{cpu_used:.2f}s of CPU in the {back_after:.2f}s after the drop"
        finally:
            assert bot.stop() == 0


def test_a_connection_gone_silent_is_noticed_and_replaced_within_10s(rig):
    """No FIN and no pong (a NAT that forgot the connection): only the bot's pings can tell."""
    server = rig.standin.socket_mode
    cpu_before, silenced_at = time.process_time(), time.monotonic()
    silent = server.go_silent()
    back = server.wait_link(silent + 1, timeout=BACK_WITHIN_S + 2)
    assert back.opened_at - silenced_at < BACK_WITHIN_S
    assert acked_in_time(rig.driver.command(FRONT_DESK.id, "help"))
    assert time.process_time() - cpu_before < 1.0  # the whole test process, stand-in included
