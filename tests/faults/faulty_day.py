"""The scripted day while Slack fails 30% of the bot's calls, in a process of its own.

`python -m tests.faults.faulty_day FOLDER` plays it against a bot on FOLDER/bot.sqlite3, stops the
faults, waits until everything owed is sent, and saves what Slack saw in FOLDER/slack.json. It spends
most of its time waiting out Retry-After and backoffs, so the fault suite starts it first and judges it
last. (One process runs one clock: the scheduler's jobs find their runtime in a module global.)
"""

import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.sandbox.cast import DEMO_POLICY
from bot.sandbox.rig import Rig
from bot.store.db import Database
from tests.faults.day import QUICK_DAY, Day, SlackRecord, play
from tests.helpers import policy_file, settled, wait_until

SEED = int(os.environ.get("BOUNCEBACK_FAULT_SEED", "1949"))
FAULTY_METHODS = ["chat.postMessage", "chat.update", "views.open", "views.publish", "conversations.open"]
ROOT = Path(__file__).resolve().parents[2]


def database(folder: Path) -> str:
    """Where the day's bot keeps its database."""
    return f"sqlite:///{folder / 'bot.sqlite3'}"


def main(folder: Path) -> None:
    """Play, settle and save."""
    policy = policy_file(folder, DEMO_POLICY, QUICK_DAY)
    with Rig(policy_path=policy, database_url=database(folder)) as rig:
        day = Day(rig, timeout=120)
        rig.standin.fail_rate(FAULTY_METHODS, 0.3, seed=SEED)
        play(day, quick=True)
        rig.standin.clear_faults()
        db = rig.service.runtime.db
        wait_until(lambda: settled(db), timeout=120, what="every owed message to be sent")
        SlackRecord.of(day).save(folder / "slack.json")


@dataclass
class Played:
    """A day played elsewhere: what Slack saw, and the bot's database."""

    slack: SlackRecord
    db: Database


class FaultyDay:
    """`python -m tests.faults.faulty_day`, started with the first fault test and judged last."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.log = (folder / "day.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.faulty_day", str(folder)],
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def played(self) -> Played:
        """Wait for the day to end; what it left."""
        status = self.process.wait(timeout=900)
        if status != 0:
            raise AssertionError(
                f"the day under faults failed:\n{(self.folder / 'day.log').read_text()[-4000:]}"
            )
        return Played(SlackRecord.load(self.folder / "slack.json"), Database(database(self.folder)))

    def stop(self) -> None:
        """Kill it if it still plays (a test run cut short)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.log.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main(Path(sys.argv[1]))
