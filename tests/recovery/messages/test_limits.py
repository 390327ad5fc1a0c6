"""Every builder, fed long and odd text, draws only what Slack takes (the stand-in's limits, bot/sandbox/limits.py)."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.recovery.messages import apology, card, checkin, fix, followup, gesture, home, severity
from bot.recovery.messages.text import quote
from bot.recovery.quality.check import check_apology
from bot.sandbox import limits
from bot.sandbox.cast import DIRECTOR, FRONT_DESK
from bot.store.models import Case, Nudge, NudgeKind, TimelineEvent, utcnow
from tests.recovery.messages.test_builders import POLICY, a_case

EMOJI = "😡🍲🔥👩🏽‍🍳🇯🇵é\u200b\u202e"
# Text people type: short and odd, one long line, many short lines (quoting adds a ">" to each), emoji.
CHUNK = st.text(min_size=1, max_size=6) | st.sampled_from(["x\n", "\n", "&", "<!channel>", EMOJI, "a b "])
LONG = st.builds(lambda chunk, times: chunk * times, CHUNK, st.integers(1, 6000))
TEXT = st.one_of(st.text(max_size=40), LONG, st.sampled_from(["", " ", "\n\n\n", EMOJI * 500]))


def short(limit: int) -> st.SearchStrategy[str]:
    """Text the database holds in a column of `limit` characters."""
    return st.one_of(
        st.text(max_size=limit), st.builds(lambda c, n: (c * n)[:limit], CHUNK, st.integers(1, 400))
    )


CASES = st.builds(
    lambda summary, name, email, phone, reasons, draft, note: a_case(
        summary=summary or "x",
        customer_name=name or None,
        customer_email=email or None,
        customer_phone=phone or None,
        severity_reasons=reasons,
        apology_draft=draft,
        fix_note=note,
    ),
    TEXT,
    short(200),
    short(320),
    short(64),
    st.lists(TEXT, max_size=4),
    TEXT,
    st.one_of(st.none(), TEXT),
)

MESSAGES: dict[str, Callable[[Case, str], list[dict[str, Any]]]] = {
    "case card": lambda c, t: card.case_card(POLICY, c),
    "/recover show": lambda c, t: card.timeline_blocks(POLICY, c, _events(c, t), [_nudge()]),
    "apology request DM": lambda c, t: apology.request(
        POLICY, c, report=check_apology(c.apology_draft or "", severity=c.severity), reason=t
    )[1],
    "fix owner DM": lambda c, t: fix.owner_dm(POLICY, c, assigned_by=FRONT_DESK.id),
    "fix reminder DM": lambda c, t: fix.reminder(POLICY, c, when="overdue", overdue_for="2h")[1],
    "check-in DM": lambda c, t: checkin.checkin_dm(POLICY, c, nudge_key="checkin:7:v1:1:a1", changes=[t])[1],
    "gesture approval DM": lambda c, t: gesture.ask_blocks(t or "x", 3),
    "closing refused": lambda c, t: followup.improvement_prompt(7, message=t or "x"),
}
VIEWS: dict[str, tuple[str, Callable[[Case, str], dict[str, Any]]]] = {
    "new case modal": (
        "modal",
        lambda c, t: card.new_case_view(POLICY, summary=t, customer_name=t, contact=t),
    ),
    "severity modal": ("modal", lambda c, t: severity.severity_view(POLICY, c)),
    "details modal": ("modal", lambda c, t: card.details_view(POLICY, c)),
    "assign owner modal": ("modal", lambda c, t: fix.assign_view(POLICY, c, initial_due=2_000_000_000)),
    "more time modal": ("modal", lambda c, t: fix.more_time_view(POLICY, c)),
    "edit apology modal": (
        "modal",
        lambda c, t: apology.edit_view(
            POLICY, c, report=check_apology(c.apology_draft or "", severity=c.severity), gesture=t or None
        ),
    ),
    "hand over modal": ("modal", lambda c, t: apology.hand_view(POLICY, c)),
    "escalate modal": ("modal", lambda c, t: apology.escalate_view(POLICY, c)),
    "improvement modal": ("modal", lambda c, t: followup.improvement_view(POLICY, c)),
    "home tab": ("home", lambda c, t: home.home_view(POLICY, _queue(c), team=None, now=utcnow())),
}
TEXTS: dict[str, Callable[[Case, str], str]] = {
    "card text": lambda c, t: card.card_text(POLICY, c),
    "/recover list": lambda c, t: card.case_list(POLICY, [c] * 60, "open"),
    "posted apology": lambda c, t: apology.posted(c, text=t, approver=DIRECTOR.id, title=t, waited="1h"),
    "fix noted": lambda c, t: fix.fixed_dm(POLICY, c, actor_id=DIRECTOR.id),
}


def _events(case: Case, text: str) -> list[TimelineEvent]:
    kinds = ["logged", "note", "severity_changed", "apologized", "fix_assigned", "fixed"]
    return [
        TimelineEvent(id=n, case_id=7, kind=kinds[n % len(kinds)], actor_id=FRONT_DESK.id, text=text)
        for n in range(120)
    ]


def _nudge() -> Nudge:
    return Nudge(key="checkin:7", kind=NudgeKind.CHECKIN, due_at=utcnow() + timedelta(hours=1), case_id=7)


def _queue(case: Case) -> home.Queue:
    return home.Queue(apologies=[case] * 30, fixes=[case] * 30, checkins=[case] * 30, recent=[case] * 30)


@settings(max_examples=60, deadline=None)
@given(case=CASES, text=TEXT)
def test_no_input_makes_a_message_slack_refuses(case, text):
    for name, build in MESSAGES.items():
        problems = limits.block_problems(build(case, text), limits.MESSAGE_BLOCKS, "/blocks")
        assert problems == [], f"{name}: {problems[:3]}"


@settings(max_examples=60, deadline=None)
@given(case=CASES, text=TEXT)
def test_no_input_makes_a_view_slack_refuses(case, text):
    for name, (kind, build) in VIEWS.items():
        problems = limits.view_problems(build(case, text), kind)
        assert problems == [], f"{name}: {problems[:3]}"


@settings(max_examples=60, deadline=None)
@given(case=CASES, text=TEXT)
@example(case=a_case(summary="x"), text=EMOJI * 3400)  # once found: a leader's title as long as the apology
def test_no_input_makes_a_message_text_past_slacks_40000_characters(case, text):
    for name, build in TEXTS.items():
        assert 0 < len(build(case, text)) <= 40_000, name


def test_a_quote_of_many_short_lines_stays_within_its_limit_with_its_markers():
    draft = "\n".join("ok" for _ in range(2000))  # 5,999 characters; quoted it would be 7,999
    quoted = quote(draft, 2500)
    assert len(quoted) <= 2500
    assert all(line.startswith(">") for line in quoted.splitlines())
