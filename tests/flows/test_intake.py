"""Intake end to end: complaints-channel messages, retries, thread notes, bots, edits, signatures."""

import time

from bot.sandbox.cast import COMPLAINTS, FRONT_DESK, RANDOM, SUPPORT
from tests.helpers import all_cases, block_text, bot_posts, events


def test_a_complaint_in_the_channel_becomes_a_case_with_its_card_in_the_thread(rig):
    ts, delivery = rig.driver.post_message(
        FRONT_DESK.id, COMPLAINTS, "Customer: Jane Doe says the soup was cold and our waiter was rude to her."
    )
    assert delivery.status == 200
    rig.standin.wait_for(lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), what="the case card in the thread")
    card = block_text(bot_posts(rig, COMPLAINTS, thread_ts=ts)[0])
    assert "REC-1" in card and "Moderate" in card
    assert "Why moderate:" in card and "rude" in card
    assert "Jane Doe" in card and "is asked to apologize" in card
    [case] = all_cases(rig)
    assert (case.source, case.channel_id, case.message_ts, case.reporter_id) == (
        "channel",
        COMPLAINTS,
        ts,
        FRONT_DESK.id,
    )
    assert case.permalink and case.permalink.startswith("https://")
    assert case.customer_name == "Jane Doe"
    assert [e.kind for e in events(rig, case.id)] == ["logged", "apology_requested"]


def test_a_retried_delivery_never_makes_a_second_case_or_card(rig):
    ts, first = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "The room key card stopped working twice.")
    event = rig.standin.message(COMPLAINTS, ts)
    rig.service.settle()
    again = rig.driver.deliver_event(
        {**event, "channel": COMPLAINTS, "type": "message"}, event_id=first.event_id, retry_num=1
    )
    other_id = rig.driver.deliver_event({**event, "channel": COMPLAINTS, "type": "message"}, retry_num=2)
    assert again.status == 200 and other_id.status == 200
    rig.service.settle()
    assert len(all_cases(rig)) == 1
    assert len(bot_posts(rig, COMPLAINTS, thread_ts=ts)) == 1


def test_simultaneous_duplicate_deliveries_make_one_case(rig):
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "Breakfast was served cold.")
    event = {**rig.standin.message(COMPLAINTS, ts), "channel": COMPLAINTS, "type": "message"}
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: rig.driver.deliver_event(event, retry_num=n % 3 or None), range(8)))
    rig.service.settle()
    assert len(all_cases(rig)) == 1
    assert len(bot_posts(rig, COMPLAINTS, thread_ts=ts)) == 1


def test_thread_replies_are_notes_not_cases(rig):
    ts, _ = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "Guest waited 40 minutes at check-in.")
    rig.standin.wait_for(lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), what="the card")
    reply_ts, _ = rig.driver.post_message(
        SUPPORT.id, COMPLAINTS, "Called her back, she is calmer now.", thread_ts=ts
    )
    rig.service.settle()
    [case] = all_cases(rig)
    notes = events(rig, case.id, "note")
    assert [(n.actor_id, n.text) for n in notes] == [(SUPPORT.id, "Called her back, she is calmer now.")]
    reply = {**rig.standin.message(COMPLAINTS, reply_ts), "channel": COMPLAINTS, "type": "message"}
    rig.driver.deliver_event(reply, retry_num=1)
    rig.service.settle()
    assert len(events(rig, case.id, "note")) == 1


def test_bots_edits_deletions_and_other_channels_never_make_cases(rig):
    ts, _ = rig.driver.post_message(FRONT_DESK.id, RANDOM, "Lunch order for the team: pizza")
    rig.driver.bot_message(COMPLAINTS, "Automated alert: printer offline")
    rig.driver.edit_message(COMPLAINTS, ts, "edited text")
    rig.driver.delete_message(COMPLAINTS, ts)
    rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "   ")
    rig.service.settle()
    assert all_cases(rig) == []
    assert bot_posts(rig, COMPLAINTS) == []


def test_forged_and_stale_signatures_are_refused_and_change_nothing(rig):
    forged = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, "Forged complaint", signature="v0=deadbeef")[
        1
    ]
    stale = rig.driver.post_message(
        FRONT_DESK.id, COMPLAINTS, "Stale complaint", timestamp=int(time.time()) - 10 * 60
    )[1]
    command = rig.driver.command(FRONT_DESK.id, "new The lift is broken", signature="v0=00")
    assert (forged.status, stale.status, command.status) == (401, 401, 401)
    rig.service.settle()
    assert all_cases(rig) == []
    assert rig.standin.responses == []


def test_enormous_unicode_payload_word_messages_are_logged_safely(rig):
    text = 'Le café était froid ☕️ — “payload” {"payload": 1} ' + "très déçu " * 2000
    ts, delivery = rig.driver.post_message(FRONT_DESK.id, COMPLAINTS, text)
    assert delivery.status == 200
    rig.standin.wait_for(lambda: bot_posts(rig, COMPLAINTS, thread_ts=ts), what="the card")
    [case] = all_cases(rig)
    assert case.summary.startswith("Le café était froid ☕️")
    assert rig.service.healthy()
