"""Forged and stale signatures on every kind of request Slack sends: 401, and nothing changes."""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.recovery.messages.ids import Action, Input
from bot.sandbox.cast import ADMIN, COMPLAINTS, DEMO_POLICY, FRONT_DESK, RANDOM, SUPPORT
from bot.sandbox.driver import SlackDriver
from bot.sandbox.rig import Rig
from bot.sandbox.wire import Delivery, sign
from bot.store.models import Case, Gesture, Nudge, Outbox, TimelineEvent
from tests.faults.day import CALM_DAY, CountingDriver, key_of, typed
from tests.faults.figures import Figures
from tests.helpers import policy_file

pytestmark = pytest.mark.faults


@dataclass
class Scene:
    """A bot with one case, its card, a message to log with the shortcut, and an open modal."""

    rig: Rig
    driver: CountingDriver
    card_ts: str
    message_ts: str
    view_id: str

    def snapshot(self) -> tuple[Any, ...]:
        """Everything the bot could have changed: its tables, and what it did in Slack."""
        self.rig.service.settle()
        with self.rig.service.runtime.db.session() as session:
            counts = tuple(
                session.exec(select(func.count()).select_from(table)).one()
                for table in (Case, TimelineEvent, Nudge, Outbox, Gesture)
            )
            cases = [c.model_dump() for c in session.exec(select(Case))]
        standin = self.rig.standin
        bot_messages = [m for m in standin.messages() if m.get("bot_id") == standin.bot_id]
        slack = (len(standin.calls), len(standin.responses), len(standin.opened_views()), bot_messages)
        return counts, cases, slack


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    tmp: Path = tmp_path_factory.mktemp("signatures")
    with Rig(policy_path=policy_file(tmp, DEMO_POLICY, CALM_DAY)) as rig:
        driver = CountingDriver(rig.service.url, rig.driver.signing_secret, rig.standin)
        driver.post_message(FRONT_DESK.id, COMPLAINTS, "The lift on floor 3 was broken all weekend.")
        rig.service.settle()
        [card] = [m for m in rig.standin.messages(COMPLAINTS) if key_of(m) == "card:1"]
        message_ts, _ = driver.post_message(SUPPORT.id, RANDOM, "A guest says the pool was closed all day.")
        driver.block_action(
            FRONT_DESK.id, Action.CHANGE_SEVERITY, value="1", message=(COMPLAINTS, card["ts"])
        )
        rig.service.settle()
        [view] = rig.standin.open_views(FRONT_DESK.id)
        yield Scene(rig, driver, card["ts"], message_ts, view["id"])


Send = Callable[[Scene, SlackDriver, dict[str, Any]], Delivery]
KINDS: dict[str, Send] = {
    "command": lambda s, d, signing: d.command(FRONT_DESK.id, "new The lift is broken again", **signing),
    "event": lambda s, d, signing: d.post_message(FRONT_DESK.id, COMPLAINTS, "The lift again!", **signing)[1],
    "block_actions": lambda s, d, signing: d.block_action(  # another person: FRONT_DESK's modal stays open
        ADMIN.id, Action.ASSIGN_OWNER, value="1", message=(COMPLAINTS, s.card_ts), **signing
    ),
    "view_submission": lambda s, d, signing: d.view_submission(
        FRONT_DESK.id,
        s.view_id,
        {
            Input.SEVERITY: {
                Input.SEVERITY: {"type": "static_select", "selected_option": {"value": "major"}}
            },
            Input.REASON: {Input.REASON: typed("it is the only lift")},
        },
        **signing,
    ),
    "shortcut": lambda s, d, signing: d.message_shortcut(SUPPORT.id, RANDOM, s.message_ts, **signing),
    "url_verification": lambda s, d, signing: d.url_verification("forged-challenge", **signing),
}
FORGERIES: dict[str, Callable[[Scene], tuple[SlackDriver, dict[str, Any]]]] = {
    "forged signature": lambda s: (s.driver, {"signature": "v0=" + "0" * 64}),
    "signed for another body": lambda s: (
        s.driver,
        {"timestamp": (now := int(time.time())), "signature": sign(s.driver.signing_secret, str(now), b"{}")},
    ),
    "another app's secret": lambda s: (
        CountingDriver(s.driver.app_url, "another-apps-signing-secret", s.rig.standin),
        {},
    ),
    "stale (10 minutes old)": lambda s: (s.driver, {"timestamp": int(time.time()) - 600}),
    "from the future (10 minutes)": lambda s: (s.driver, {"timestamp": int(time.time()) + 600}),
}


@pytest.mark.parametrize("forgery", FORGERIES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_badly_signed_request_is_refused_with_401_and_changes_nothing(
    scene: Scene, kind: str, forgery: str, figures: Figures
) -> None:
    before = scene.snapshot()
    driver, signing = FORGERIES[forgery](scene)
    delivery = KINDS[kind](scene, driver, signing)
    after = scene.snapshot()
    figures.requests += 1
    assert delivery.status == 401, delivery.body_text
    assert "forged-challenge" not in delivery.body_text
    assert after[:2] == before[:2]  # the database
    assert after[2][1:] == before[2][1:]  # no reply, no modal, no message
    assert after[2][0] == before[2][0]  # not one call to Slack


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_requests_signed_properly_are_accepted(scene: Scene, kind: str, figures: Figures) -> None:
    delivery = KINDS[kind](scene, scene.driver, {})
    scene.rig.service.settle()  # carried out before the next kind (a modal it opens is open by then)
    figures.requests += 1
    assert delivery.status == 200, delivery.body_text
