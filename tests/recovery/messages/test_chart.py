"""The digest chart: a real PNG of a sensible size, for a busy week, an empty one, and from many threads."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from io import BytesIO

import matplotlib.image

from bot.policy.model import SEVERITIES
from bot.policy.reader import default_policy_path, load_policy
from bot.recovery.messages.chart import digest_chart, title
from bot.recovery.metrics import Figures, figures
from bot.store.db import Database
from bot.store.models import Case, TimelineEvent
from tests.recovery.messages.weeks import quiet_week

POLICY = load_policy(default_policy_path())
SINCE = datetime(2025, 3, 3, 5, tzinfo=UTC)  # midnight in New York, the policy's time zone
UNTIL = SINCE + timedelta(days=7)
PNG = b"\x89PNG\r\n\x1a\n"


def empty() -> Figures:
    return quiet_week(POLICY, SINCE)


def busy() -> Figures:
    medians = {
        "minor": None,
        "moderate": timedelta(minutes=50),
        "major": timedelta(hours=3),
        "critical": None,
    }
    return replace(
        empty(),
        apologies=5,
        median_to_apology=timedelta(hours=1),
        median_by_severity=medians,
        checkins={"ok": 5, "unhappy": 1, "unreachable": 2},
    )


def decoded(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG)
    pixels = matplotlib.image.imread(BytesIO(png), format="png")
    return pixels.shape[0], pixels.shape[1]


def test_a_busy_week_is_a_readable_png() -> None:
    height, width = decoded(digest_chart(busy(), policy=POLICY))
    assert 800 <= width <= 2000 and 300 <= height <= 1000 and width > height


def test_an_empty_week_still_draws() -> None:
    height, width = decoded(digest_chart(empty(), policy=POLICY))
    assert width > 800 and height > 300


def test_figures_from_a_real_database_draw(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    db.migrate()
    with db.session() as session:
        case = Case(
            source_key="t:1",
            source="command",
            summary="s",
            reporter_id="U1",
            severity="critical",
            created_at=SINCE,
        )
        session.add(case)
        session.flush()
        data = {"seconds": 4000, "on_target": False, "errors": 0, "as_written": False, "edited": False}
        session.add(
            TimelineEvent(case_id=case.id, kind="apologized", at=SINCE + timedelta(hours=1), data=data)
        )
    with db.session() as session:
        fig = figures(session, policy=POLICY, since=SINCE, until=UNTIL)
    db.dispose()
    assert decoded(digest_chart(fig, policy=POLICY))[1] > 800


def test_seconds_long_targets_draw_too() -> None:
    quick = {name: timedelta(seconds=5) for name in SEVERITIES}
    fig = replace(
        busy(), target_by_severity=quick, median_by_severity=dict.fromkeys(SEVERITIES, timedelta(seconds=3))
    )
    assert decoded(digest_chart(fig, policy=POLICY))[1] > 800


def test_charts_can_be_drawn_from_several_threads_at_once() -> None:
    with ThreadPoolExecutor(4) as pool:
        pngs = list(pool.map(lambda f: digest_chart(f, policy=POLICY), [busy(), empty(), busy(), empty()]))
    assert all(decoded(png)[1] > 800 for png in pngs)
    assert pngs[0] == pngs[2] and pngs[1] == pngs[3]


def test_the_title_names_the_week_in_the_policy_time_zone() -> None:
    assert title(empty(), policy=POLICY) == "Bounceback — week of 3 March 2025"
    month = replace(empty(), since=UNTIL - timedelta(days=30))
    assert title(month, policy=POLICY) == "Bounceback — 8 February to 10 March 2025"
