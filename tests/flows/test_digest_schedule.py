"""The scheduled digest follows the policy in force after a restart: moved, kept once a week, or called off."""

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from bot.policy.reader import load_policy
from bot.recovery import digest
from bot.sandbox.cast import DEMO_POLICY
from bot.sandbox.rig import Rig
from bot.store.models import Nudge, NudgeKind, NudgeState
from tests.helpers import migrated, policy_file


def pending_digests(rig: Rig) -> list[Nudge]:
    with rig.service.runtime.db.session() as session:
        query = select(Nudge).where(Nudge.kind == NudgeKind.DIGEST, Nudge.state == NudgeState.PENDING)
        return list(session.exec(query))


def run(tmp_path, database_url: str, replacements: dict[str, str]) -> list[Nudge]:
    """Start Bounceback on `database_url` with the demo policy changed by `replacements`; its pending digests."""
    folder = tmp_path / str(len(list(tmp_path.iterdir())))
    folder.mkdir()
    with Rig(policy_path=policy_file(folder, DEMO_POLICY, replacements), database_url=database_url) as rig:
        return pending_digests(rig)


def test_a_new_digest_time_moves_the_digest_already_scheduled(tmp_path):
    url = f"sqlite:///{tmp_path / 'bounceback.sqlite3'}"
    [monday] = run(tmp_path, url, {})
    [friday] = run(tmp_path, url, {'digest = "mon 09:00"': 'digest = "fri 17:30"'})
    policy = load_policy(policy_file(tmp_path, DEMO_POLICY, {'digest = "mon 09:00"': 'digest = "fri 17:30"'}))
    local = friday.due_at.replace(tzinfo=UTC).astimezone(policy.timezone)
    assert (local.strftime("%a %H:%M"), monday.due_at != friday.due_at) == ("Fri 17:30", True)
    assert datetime.now(UTC) < friday.due_at.replace(tzinfo=UTC) <= datetime.now(UTC) + timedelta(days=7)


def test_a_policy_without_a_digest_calls_off_the_one_scheduled(tmp_path):
    url = f"sqlite:///{tmp_path / 'bounceback.sqlite3'}"
    assert len(run(tmp_path, url, {})) == 1
    assert run(tmp_path, url, {'digest_channel = "C0LEARNINGS"': "", 'digest = "mon 09:00"': ""}) == []


def test_a_week_whose_digest_went_out_gets_no_second_one_and_the_next_week_follows_the_policy(tmp_path):
    policy = load_policy(DEMO_POLICY)  # mon 09:00 America/New_York
    moved = load_policy(policy_file(tmp_path, DEMO_POLICY, {'digest = "mon 09:00"': 'digest = "sun 18:00"'}))
    monday = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # W48's digest fired at Monday 09:00 New York
    for database in migrated(f"sqlite:///{tmp_path / 'digest.sqlite3'}"):
        with database.session() as session:
            digest.schedule_next(session, policy=policy, after=monday - timedelta(hours=1))
            [fired] = session.exec(select(Nudge)).all()
            fired.state = NudgeState.DONE
            digest.schedule_next(session, policy=policy, after=monday + timedelta(seconds=1))  # W49, Monday
            session.commit()
            saturday = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # the policy moves to Sunday 18:00
            digest.follow_policy(session, policy=moved, now=saturday)
            session.commit()
            [waiting] = session.exec(select(Nudge).where(Nudge.state == NudgeState.PENDING)).all()
            # Sunday 29 November is still W48, whose digest went out: the next is Sunday 6 December
            assert waiting.due_at.replace(tzinfo=UTC) == datetime(2026, 12, 6, 23, 0, tzinfo=UTC)
