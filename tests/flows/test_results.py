"""Results the team can see: the weekly digest with its chart, /recover stats, the Home tab, and privacy."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from bot.policy.reader import load_policy
from bot.recovery import digest
from bot.recovery.messages.ids import Action
from bot.sandbox.cast import (
    BOT_TOKEN,
    COMPLAINTS,
    DEMO_POLICY,
    DIRECTOR,
    FRONT_DESK,
    LEAD,
    LEARNINGS,
    SIGNING_SECRET,
    SUPPORT,
    populate,
)
from bot.sandbox.standin import SlackStandIn
from bot.store import nudges
from bot.store.models import Nudge, utcnow
from tests.helpers import all_cases, block_text, events

EMAIL, PHONE = "grace.kim@example.com", "+1 415 555 0199"
PNG = b"\x89PNG\r\n\x1a\n"


def approve_request(rig, case_id: int) -> str:
    """The leader asked for this case presses Approve & send; returns who that was."""
    leader = next(c.apology_leader_id for c in all_cases(rig) if c.id == case_id)
    request = [
        m for m in rig.standin.dm(leader) if f"Apology needed: REC-{case_id} " in (m.get("text") or "")
    ][-1]
    value = next(e["value"] for b in request["blocks"] if b["type"] == "actions" for e in b["elements"])
    rig.driver.block_action(
        leader, Action.APPROVE_APOLOGY, value=value, message=(request["channel"], request["ts"])
    )
    rig.service.settle()
    return leader


def a_week_of_work(rig) -> None:
    """Complaints with contact details through every path, an apology, a fix, an improvement."""
    rig.driver.post_message(
        FRONT_DESK.id, COMPLAINTS, f"Customer: Grace Kim ({EMAIL}, {PHONE}) found a hair in her soup."
    )
    rig.service.settle()  # REC-1 is the channel complaint
    rig.driver.command(SUPPORT.id, f"new Customer: Grace Kim, {EMAIL}: the refund of $300 never arrived")
    rig.service.settle()
    approve_request(rig, 1)
    rig.driver.command(FRONT_DESK.id, f"owner REC-1 <@{SUPPORT.id}> due in 1 hour")
    rig.service.settle()
    rig.driver.command(SUPPORT.id, f"fixed REC-1 called her on {PHONE} and sent a new bowl")
    rig.driver.command(
        FRONT_DESK.id,
        f"improve REC-1 no hair nets in the kitchen =&gt; hair nets for all cooks; told {EMAIL}",
    )
    rig.driver.command(SUPPORT.id, f"severity REC-2 major she emailed again from {EMAIL}")
    rig.service.settle()


def test_the_digest_fires_once_for_its_week_with_figures_what_we_changed_and_a_real_png(rig):
    a_week_of_work(rig)
    with rig.service.runtime.transaction() as session:
        nudges.schedule(session, key="digest:test-week", kind="digest", due_at=utcnow())
    [message] = rig.standin.wait_for(
        lambda: [m for m in rig.standin.messages(LEARNINGS) if "weekly digest" in (m.get("text") or "")],
        what="the digest message",
    )
    [upload] = rig.standin.wait_for(lambda: rig.standin.files, what="the chart upload")
    rig.service.settle()
    assert upload.content.startswith(PNG) and len(upload.content) > 5000
    text = message["text"]
    assert "2* cases opened" in text.replace("*", "*") or "2 cases" in text
    assert "What we changed" in text and "hair nets for all cooks" in text
    with rig.service.runtime.db.session() as session:
        weeks = session.exec(select(Nudge).where(Nudge.kind == "digest", Nudge.state == "pending")).all()
        assert len(weeks) == 1 and weeks[0].due_at > utcnow() + timedelta(days=0)
    assert len([m for m in rig.standin.messages(LEARNINGS) if "weekly digest" in (m.get("text") or "")]) == 1


def test_contact_details_never_reach_a_channel_only_dms_to_people_on_the_case(rig):
    a_week_of_work(rig)
    with rig.service.runtime.transaction() as session:
        nudges.schedule(session, key="digest:privacy", kind="digest", due_at=utcnow())
    rig.standin.wait_for(lambda: rig.standin.files, what="the digest chart")
    rig.service.settle()
    ours = [m for m in rig.standin.messages() if m.get("bot_id") == rig.standin.bot_id]
    channel_text = [block_text(m) for m in ours if m["channel"].startswith("C")]
    assert channel_text and all(EMAIL not in t and "555 0199" not in t for t in channel_text)
    assert all(EMAIL.encode() not in f.content for f in rig.standin.files)
    on_case = {p for c in all_cases(rig) for p in (c.reporter_id, c.apology_leader_id, c.fix_owner_id) if p}
    for person in {"U0MGR00001", "U0EXEC0001", "U0OUTSIDE1", "U0WAITER01", LEAD.id, DIRECTOR.id} - on_case:
        assert all(EMAIL not in block_text(m) for m in rig.standin.dm(person)), person
    assert any(EMAIL in block_text(m) for p in on_case for m in rig.standin.dm(p))


def test_stats_and_home_show_the_teams_figures(rig):
    a_week_of_work(rig)
    rig.driver.command(FRONT_DESK.id, "severity REC-1 major a second hair in the same week")
    rig.service.settle()
    delivery = rig.driver.command(LEAD.id, "stats 30d")
    rig.service.settle()
    [answer] = [r for r in rig.standin.responses if r.url == delivery.response_url]
    assert "How we did, last 30d" in answer.text and "What we changed" in answer.text
    changes = {c: [(e.data["from"], e.data["to"]) for e in events(rig, c, "severity")] for c in (1, 2)}
    [(said, _)] = changes[1]  # what triage said of a hair in the soup
    assert said in ("minor", "moderate") and changes[2] == [("critical", "major")]  # a refund, asked twice
    assert (
        "\nTriage: people kept the severity on *0 of 2* cases (0%). "
        f"Most common correction: 1 raised from {said} to major.\n"  # as common as the lowering: a raise wins
    ) in answer.text
    assert (
        "not a period"
        in " ".join(
            r.text
            for r in rig.standin.responses
            if r.url == rig.driver.command(LEAD.id, "stats forever").response_url
        )
        or rig.service.settle() is None
    )
    rig.driver.app_home_opened(SUPPORT.id)
    rig.service.settle()
    home = block_text(rig.standin.home(SUPPORT.id))
    assert "Waiting on you" in home and "The team, last 7 days" in home and "REC-2" in home


def test_next_digest_time_follows_the_policy_weekday_and_zone():
    policy = load_policy(DEMO_POLICY)  # mon 09:00 America/New_York
    sunday = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    assert digest.next_digest_at(policy, sunday) == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    at_nine = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    assert digest.next_digest_at(policy, at_nine) == datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


def test_bounceback_digest_now_posts_to_the_digest_channel(tmp_path):
    with SlackStandIn() as standin:
        populate(standin)
        env = {
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("SLACK_", "BOUNCEBACK_", "DATABASE_"))
            },
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": standin.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
            "BOUNCEBACK_POLICY": str(DEMO_POLICY),
        }
        result = subprocess.run(
            [sys.executable, "-m", "bot.cli", "digest", "--now"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        assert "Posted the digest" in result.stdout
        assert [m for m in standin.messages(LEARNINGS) if "weekly digest" in (m.get("text") or "")]
        assert standin.files and standin.files[0].content.startswith(PNG)
