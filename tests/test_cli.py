"""The `bounceback` command as an admin meets it: check, triage, manifest, and one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from bot.sandbox.cast import DEMO_POLICY

ENV = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}


def run(
    *args: str, env: dict | None = None, stdin: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**ENV, **(env or {})},
        cwd=cwd,
        timeout=60,
    )


def test_check_prints_the_rules_in_force(tmp_path):
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "BOUNCEBACK_POLICY": str(DEMO_POLICY)}
    result = run("check", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Chief executive" in result.stdout and "HTTP on port 3000" in result.stdout


def test_a_missing_token_stops_with_one_line_naming_the_key(tmp_path):
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("bounceback: SLACK_BOT_TOKEN: missing")


def test_a_policy_typo_stops_with_one_line_naming_file_key_and_problem(tmp_path):
    policy = tmp_path / "ours.toml"
    policy.write_text(DEMO_POLICY.read_text().replace("respond_within", "respond_witin", 1))
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "BOUNCEBACK_POLICY": str(policy)}
    result = run("check", env=env, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "ours.toml" in line and "respond_witin" in line and "respond_within" in line


def test_dotenv_in_the_working_folder_is_read(tmp_path):
    (tmp_path / ".env").write_text(
        f"SLACK_BOT_TOKEN=xoxb-from-dotenv\nSLACK_SIGNING_SECRET=s\nBOUNCEBACK_POLICY={DEMO_POLICY}\nPORT=4321\n"
    )
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "HTTP on port 4321" in result.stdout


def test_triage_json_gives_severity_and_reasons(tmp_path):
    result = run(
        "triage",
        "My lawyer will hear about the food poisoning",
        "--json",
        env={"BOUNCEBACK_POLICY": str(DEMO_POLICY)},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["severity"] == "critical"
    assert any("lawyer" in reason for reason in verdict["reasons"])


def test_triage_uses_the_shipped_policy_without_configuration(tmp_path):
    result = run("triage", "The coffee was a bit cold", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("minor")


def test_manifest_has_every_surface():
    result = run("manifest", "--url", "https://bb.example.org/slack/events")
    assert result.returncode == 0, result.stderr
    manifest = yaml.safe_load(result.stdout)
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == "/recover" and command["should_escape"] is True
    assert command["url"] == "https://bb.example.org/slack/events"
    [shortcut] = manifest["features"]["shortcuts"]
    assert (shortcut["type"], shortcut["callback_id"]) == ("message", "log_complaint")
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert {"message.channels", "app_home_opened"} <= set(
        manifest["settings"]["event_subscriptions"]["bot_events"]
    )
    assert {"chat:write", "commands", "channels:history", "users:read", "im:write"} <= set(
        manifest["oauth_config"]["scopes"]["bot"]
    )
    assert manifest["settings"]["interactivity"]["request_url"] == "https://bb.example.org/slack/events"


def test_draft_shows_the_leader_the_apology_for_the_harm_and_its_check(tmp_path):
    result = run(
        "draft",
        "Guest in 508 says housekeeping threw away her medication",
        "--customer",
        "Lena",
        "--json",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    drafted = json.loads(result.stdout)
    assert drafted["severity"] == "major"
    assert drafted["leader"]
    assert "threw away your medication" in drafted["draft"]
    assert "posted" not in drafted["draft"]
    assert drafted["check"]["errors"] == []


def test_eval_scores_a_labelled_file_and_names_a_bad_line(tmp_path):
    labelled = tmp_path / "last-quarter.jsonl"
    labelled.write_text(
        '{"text": "the waiter was rude", "severity": "moderate"}\n'
        '{"text": "her toddler got a shock off the socket", "severity": "critical"}\n'
        '{"text": "the latte was cold", "severity": "major"}\n'
    )
    result = run("eval", "triage", str(labelled), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert score["total"] == 3
    assert score["exact"] == round(2 / 3, 3)
    assert score["serious_called_minor"] == ["line 3"]
    labelled.write_text('{"text": "x"}\n')
    result = run("eval", "apologies", str(labelled), cwd=tmp_path)
    assert result.returncode == 2
    assert "last-quarter.jsonl:1" in result.stderr


def test_eval_piped_into_a_reader_that_has_gone_ends_without_a_traceback():
    corpus = Path(__file__).parent / "corpus" / "apologies.jsonl"
    gone, pipe = os.pipe()
    os.close(gone)  # like `| head -1` once head has its line
    try:
        ran = subprocess.run(
            [sys.executable, "-m", "bot.cli", "eval", "apologies", str(corpus)],
            stdout=pipe,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
            timeout=60,
        )
    finally:
        os.close(pipe)
    assert ran.returncode == 0
    assert "Traceback" not in ran.stderr and "BrokenPipeError" not in ran.stderr
