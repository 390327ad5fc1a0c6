"""`bounceback demo`, the main job, as a new user runs it: from any folder, no configuration, exits 0."""

import os
import subprocess
import sys


def test_the_demo_tells_the_whole_story_and_exits_by_itself(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOUNCEBACK_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "demo", "--fast"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    story = result.stdout
    for scene in (
        "REC-1 · 🟢 Minor",
        "Why critical: threatens legal action",
        "and it is still one case",
        "Apology needed: REC-4 (critical)",
        "Only they, someone higher on the ladder, or an admin can act on it",
        "The form stays open and says",
        "escalated to chief executive",
        "Reminder: the fix for REC-3",
        "moved the fix deadline",
        "Heads-up: the fix for REC-2",
        "is everything okay?",
        "still unhappy",
        "can't close until we record what we changed",
        "Ready to close",
        "weekly digest",
        "bounceback-demo-digest.png",
        "in Priya's inbox",  # the customer hears from us by e-mail, and answers the check-in herself
        "Subject: An apology from Tara Nguyen, Team lead",
        "Priya clicks [All good] in the e-mail",
        "answered by the customer, by e-mail",
    ):
        assert scene in story, scene
    assert "[contact hidden]" in story and "Traceback" not in story + result.stderr
    assert list(tmp_path.iterdir()) == []  # it leaves nothing behind in the folder it ran from
