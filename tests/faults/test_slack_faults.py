"""Slack fails 30% of the bot's calls for a whole day: every message still reaches its person exactly once.

Counted by the outbox key every bot message carries in its metadata, against the outbox rows marked sent.
Opening a modal is not owed through the outbox (Slack's trigger_id lasts 3 s): when Slack would not open
one, the person must have been told; they tried again (Day.open_modal checks both). Updates and Home tabs
left showing an older version are counted as `stale`; an update or Home tab replaced by a newer one before
it went out is `superseded`, never sent.
"""

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, FRONT_DESK, SUPPORT
from bot.sandbox.rig import Rig
from bot.store.models import Outbox
from tests.faults.day import CALM_DAY, Day, key_of, keys_in
from tests.faults.faulty_day import Played
from tests.faults.figures import Figures
from tests.helpers import block_text, events, policy_file, settled, wait_until

pytestmark = pytest.mark.faults


def last_sent(rows: list[Outbox], method: str) -> dict[str, dict[str, Any]]:
    """The payload of the newest sent row of `method` for each target (the message it updates, or a person)."""
    newest: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row.method == method and row.state == "sent":
            newest[str(row.after_key or row.payload.get("user_id"))] = row.payload
    return newest


def shows(message: dict[str, Any], payload: dict[str, Any]) -> bool:
    """True when a message shows what this chat.update payload says (text, and blocks or none)."""
    return message["text"] == payload["text"] and (message.get("blocks") or []) == (
        payload.get("blocks") or []
    )


def test_every_message_owed_during_a_day_of_slack_faults_arrives_exactly_once(
    faulty_day: Played, figures: Figures
) -> None:
    slack = faulty_day.slack
    with faulty_day.db.session() as session:
        rows = list(session.exec(select(Outbox).order_by(col(Outbox.id))))
    figures.observe_day(slack, faulty_day.db)
    seen = keys_in(slack.messages)
    posts = {row.key for row in rows if row.method == "chat.postMessage"}
    unsent = [row.key for row in rows if row.state not in ("sent", "superseded")]
    missing = sorted(key for key in posts if seen[key] == 0)
    doubled = {key: n for key, n in seen.items() if n > 1}
    strays = sorted(key for key in seen if key not in posts)
    by_key = {key_of(m): m for m in slack.messages if key_of(m)}
    stale_messages = sorted(
        target
        for target, payload in last_sent(rows, "chat.update").items()
        if by_key[target]["text"] != payload["text"]
    )
    stale_homes = sorted(
        user
        for user, payload in last_sent(rows, "views.publish").items()
        if slack.homes.get(user, {}).get("blocks") != payload["view"]["blocks"]
    )
    figures.duplicates += sum(n - 1 for n in doubled.values()) + len(strays)
    figures.losses += len(unsent) + len(missing)
    figures.stale += len(stale_messages) + len(stale_homes)
    faulted = Counter(slack.faults)
    assert faulted.total() >= 30, f"too few faults to prove anything: {faulted}"
    assert unsent == [], f"never sent: {unsent}"
    assert missing == [], f"recorded as sent, not in Slack: {missing}"
    assert doubled == {}, f"in Slack more than once: {doubled}"
    assert strays == [], f"in Slack, owed by nobody: {strays}"
    assert stale_messages == stale_homes == [], f"showing an older version: {stale_messages + stale_homes}"


def test_a_card_update_slack_refused_for_a_while_never_overwrites_a_newer_one(
    tmp_path: Path, figures: Figures
) -> None:
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, CALM_DAY)) as rig:
        day = Day(rig)
        day.post(FRONT_DESK, COMPLAINTS, "The lift on floor 3 was broken all weekend.")
        db = rig.service.runtime.db
        # The next card update fails all of the client's tries: it is owed again 2 s later.
        rig.standin.fail("chat.update", kind="500", times=4)
        day.driver.command(FRONT_DESK.id, "improve REC-1 no maintenance contract =&gt; a 24h contract")
        wait_until(lambda: events(day.rig, 1, "improvement"), what="the improvement")
        day.command(FRONT_DESK, f"owner REC-1 <@{SUPPORT.id}> due in 1 hour")  # a newer card update
        wait_until(lambda: settled(db), timeout=30, what="every owed message to be sent")
        with db.session() as session:
            rows = list(session.exec(select(Outbox).order_by(col(Outbox.id))))
        figures.observe(rig.standin, db, requests=day.driver.sent)
        newest = last_sent(rows, "chat.update")["card:1"]
        card = day.card(1)
        stale = not shows(card, newest)
        figures.stale += stale
        assert len(rig.standin.faults) == 4
        assert f"<@{SUPPORT.id}> by" in block_text({"blocks": newest["blocks"]})
        assert not stale, f"the card shows an older update: {block_text(card)}"
