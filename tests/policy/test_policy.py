from dataclasses import FrozenInstanceError
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.policy.model import DEFAULT_KEYWORDS, SEVERITIES, Policy, PolicyError
from bot.policy.reader import default_policy_path, load_policy, parse_policy
from bot.recovery.messages.policy import describe_policy

BASE = """
case_prefix = "ops"
timezone = "Europe/London"
complaints_channels = ["C0COMPLAINTS", "G0PRIVATE1"]
digest_channel = "C0LEARNINGS"
digest = "fri 16:30"
admins = ["U0ADMIN001"]

[[ladder]]
level = "team_lead"
people = ["U0LEAD0001"]
gesture_limit = 50

[[ladder]]
level = "manager"
title = "Customer service manager"
people = ["U0MGR00001", "W0MGR00002"]
gesture_limit = 250.5

[[ladder]]
level = "executive"
title = "Chief executive"
people = ["U0EXEC0001", "U0MGR00001"]
gesture_limit = 5000

[severity.minor]
apologize = "team_lead"
respond_within = "1d"
fix_within = "5d"

[severity.moderate]
apologize = "manager"
respond_within = "4h"
fix_within = "3d"
checkins = ["14d", "2d"]

[severity.major]
apologize = "manager"
respond_within = "2h"
fix_within = "2d"
checkins = []

[severity.critical]
apologize = "executive"
respond_within = "30s"
fix_within = "1d"
checkins = ["1d", "7d", "30d"]

[reminders]
quiet_hours = "22:00-07:00"
checkin_attempts = 2

[triage]
critical = ["Injur", "Data  Breach"]

[triage.money]
major = 500

[gestures]
major = ["a free extra session"]
"""


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_base_policy_reads_with_defaults() -> None:
    policy = parse_policy(BASE)
    assert policy.source == "recovery.toml"
    assert policy.case_prefix == "OPS"
    assert policy.timezone.key == "Europe/London"
    assert policy.complaints_channels == ("C0COMPLAINTS", "G0PRIVATE1")
    assert (policy.digest_channel, policy.digest.weekday, policy.digest.at) == (
        "C0LEARNINGS",
        4,
        time(16, 30),
    )
    assert [level.level for level in policy.ladder] == ["team_lead", "manager", "executive"]
    assert policy.ladder[0].title == "Team lead"
    assert policy.ladder[1].gesture_limit == Decimal("250.5")
    assert policy.rule("minor").checkins == (timedelta(days=2),)
    assert policy.rule("moderate").checkins == (timedelta(days=2), timedelta(days=14))
    assert policy.rule("major").checkins == ()
    assert policy.rule("critical").respond_within == timedelta(seconds=30)
    reminders = policy.reminders
    assert reminders.before_due == (timedelta(days=1), timedelta(hours=2))
    assert reminders.overdue_every == timedelta(hours=4)
    assert reminders.escalate_overdue_after == timedelta(days=1)
    assert reminders.quiet_hours == (time(22), time(7))
    assert (reminders.checkin_retry, reminders.checkin_attempts) == (timedelta(days=1), 2)
    assert policy.triage.keywords["critical"] == ("injur", "data breach")
    assert policy.triage.keywords["major"] == DEFAULT_KEYWORDS["major"]
    assert dict(policy.triage.money) == {"moderate": 100, "major": 500, "critical": 10000}
    assert policy.gestures["major"] == ("a free extra session",)
    assert policy.gestures["minor"] == ()


def test_ladder_helpers() -> None:
    policy = parse_policy(BASE)
    assert policy.level("manager").title == "Customer service manager"
    assert policy.rank("team_lead") == 0
    assert policy.rank("executive") == 2
    assert policy.level_of("U0MGR00001").level == "executive"
    assert policy.level_of("W0MGR00002").level == "manager"
    assert policy.level_of("U0NOBODY01") is None
    assert policy.next_level("team_lead").level == "manager"
    assert policy.next_level("executive") is None
    assert policy.is_admin("U0ADMIN001")
    assert not policy.is_admin("U0LEAD0001")
    with pytest.raises(PolicyError, match="ladder: no level named 'intern'"):
        policy.level("intern")
    with pytest.raises(PolicyError, match="severity: no severity 'severe'"):
        policy.rule("severe")


def test_policy_is_frozen() -> None:
    policy = parse_policy(BASE)
    with pytest.raises(FrozenInstanceError):
        policy.case_prefix = "X"  # type: ignore[misc]
    with pytest.raises(TypeError):
        policy.severity["minor"] = policy.severity["major"]  # type: ignore[index]
    with pytest.raises(TypeError):
        policy.triage.money["major"] = Decimal(1)  # type: ignore[index]


def test_optional_sections_may_be_left_out() -> None:
    text = BASE.split("[reminders]")[0].replace('digest_channel = "C0LEARNINGS"\ndigest = "fri 16:30"\n', "")
    policy = parse_policy(text.replace('timezone = "Europe/London"\n', "").replace("admins", "# admins"))
    assert policy.timezone.key == "UTC"
    assert (policy.digest, policy.digest_channel, policy.admins) == (None, None, ())
    assert policy.reminders.quiet_hours is None
    assert policy.reminders.checkin_attempts == 3
    assert policy.triage.keywords == DEFAULT_KEYWORDS
    assert set(policy.gestures) == set(SEVERITIES)


def test_digest_channel_alone_means_monday_morning() -> None:
    policy = parse_policy(edit('digest = "fri 16:30"\n', ""))
    assert (policy.digest.weekday, policy.digest.at) == (0, time(9))


# fmt: off
CASES = [
    # (what is wrong, old text, new text, key, problem)
    ("unknown top key", 'case_prefix = "ops"', 'case_prefix = "ops"\ntimezon = "UTC"', "timezon",
     "unknown key, did you mean 'timezone'?"),
    ("unknown key, no close match", 'case_prefix = "ops"', 'case_prefix = "ops"\nflavour = 1', "flavour",
     "unknown key, expected one of: case_prefix, timezone"),
    ("unknown rule key", 'respond_within = "4h"', 'respond_withn = "4h"', "severity.moderate.respond_withn",
     "unknown key, did you mean 'respond_within'?"),
    ("unknown ladder key", "gesture_limit = 50", "gesture_limt = 50", "ladder[1].gesture_limt",
     "did you mean 'gesture_limit'?"),
    ("unknown reminder key", "checkin_attempts = 2", "checkin_attempt = 2", "reminders.checkin_attempt",
     "did you mean 'checkin_attempts'?"),
    ("unknown severity", "[severity.major]", "[severity.majr]", "severity.majr", "did you mean 'major'?"),
    ("unknown triage key", "[triage]\n", "[triage]\nseriuos = []\n", "triage.seriuos", "unknown key"),
    ("unknown money key", "major = 500", "minor = 5", "triage.money.minor", "expected one of: moderate, major, critical"),
    ("unknown gesture key", "major = [\"a free", "mayor = [\"a free", "gestures.mayor", "did you mean 'major'?"),
    ("bad duration", 'respond_within = "2h"', 'respond_within = "4x"', "severity.major.respond_within",
     "'4x' is not a duration (write 30s, 15m, 4h, 2d, 1w or 1h30m)"),
    ("zero duration", 'fix_within = "1d"', 'fix_within = "0m"', "severity.critical.fix_within",
     "must be longer than zero"),
    ("duration as number", 'respond_within = "1d"', "respond_within = 1", "severity.minor.respond_within",
     'must be text in quotes, like "4h"'),
    ("bad checkin", '"7d", "30d"', '"7d", "30 days"', "severity.critical.checkins[3]", "is not a duration"),
    ("repeated checkin", '["14d", "2d"]', '["2d", "48h"]', "severity.moderate.checkins", "listed twice"),
    ("unknown level", 'apologize = "executive"', 'apologize = "executiv"', "severity.critical.apologize",
     "unknown level 'executiv', did you mean 'executive'?"),
    ("level far off", 'apologize = "executive"', 'apologize = "ceo"', "severity.critical.apologize",
     "levels are: team_lead, manager, executive"),
    ("apology goes down", 'apologize = "executive"', 'apologize = "team_lead"', "severity.critical.apologize",
     "'team_lead' is below 'manager', the level for major"),
    ("missing severity", "[severity.minor]", "[severity.minorx]", "severity.minorx", "did you mean 'minor'?"),
    ("missing rule key", 'apologize = "team_lead"\n', "", "severity.minor.apologize", "missing"),
    ("missing fix_within", 'fix_within = "2d"\n', "", "severity.major.fix_within", "missing"),
    ("bad timezone", '"Europe/London"', '"Europe/Londn"', "timezone",
     "'Europe/Londn' is not a time zone, did you mean 'Europe/London'?"),
    ("nonsense timezone", '"Europe/London"', '"../etc/passwd"', "timezone",
     "'../etc/passwd' is not a time zone, use an IANA name like 'America/New_York'"),
    ("duplicate level", 'level = "executive"', 'level = "manager"', "ladder[3].level", "must be unique"),
    ("level with no people", 'people = ["U0LEAD0001"]', "people = []", "ladder[1].people",
     "level 'team_lead' has no people"),
    ("level without people key", 'people = ["U0LEAD0001"]\n', "", "ladder[1].people", "missing"),
    ("level name with spaces", 'level = "team_lead"', 'level = "team lead"', "ladder[1].level",
     "must be a short name"),
    ("person not an id", '"U0LEAD0001"]', '"@sam"]', "ladder[1].people",
     "'@sam' is not a Slack user id (like U0123ABCD"),
    ("channel given as person", '"U0LEAD0001"]', '"C0LEAD0001"]', "ladder[1].people", "not a Slack user id"),
    ("admin not an id", '["U0ADMIN001"]', '["admin"]', "admins", "'admin' is not a Slack user id"),
    ("duplicate person", '["U0MGR00001", "W0MGR00002"]', '["U0MGR00001", "U0MGR00001"]', "ladder[2].people",
     "'U0MGR00001' is listed twice"),
    ("channel not an id", '"G0PRIVATE1"]', '"#complaints"]', "complaints_channels",
     "'#complaints' is not a Slack channel id (like C0123ABCD"),
    ("no complaints channel", '["C0COMPLAINTS", "G0PRIVATE1"]', "[]", "complaints_channels",
     "at least one channel"),
    ("complaints channels missing", 'complaints_channels = ["C0COMPLAINTS", "G0PRIVATE1"]\n', "",
     "complaints_channels", "missing"),
    ("channels as text", '["C0COMPLAINTS", "G0PRIVATE1"]', '"C0COMPLAINTS"', "complaints_channels",
     "must be a list"),
    ("digest channel not an id", '"C0LEARNINGS"', '"learnings"', "digest_channel", "not a Slack channel id"),
    ("digest without channel", 'digest_channel = "C0LEARNINGS"\n', "", "digest", "needs digest_channel"),
    ("bad digest", '"fri 16:30"', '"friday at 4"', "digest", "is not a weekly time"),
    ("bad digest time", '"fri 16:30"', '"fri 25:00"', "digest", "is not a 24h time"),
    ("bad quiet hours", '"22:00-07:00"', '"10pm-7am"', "reminders.quiet_hours", "is not a time range"),
    ("bad quiet hour", '"22:00-07:00"', '"22:00-31:00"', "reminders.quiet_hours", "'31:00' is not a 24h time"),
    ("quiet hours no range", '"22:00-07:00"', '"22:00"', "reminders.quiet_hours", "is not a time range"),
    ("zero checkin attempts", "checkin_attempts = 2", "checkin_attempts = 0", "reminders.checkin_attempts",
     "1 or more"),
    ("checkin attempts text", "checkin_attempts = 2", 'checkin_attempts = "2"', "reminders.checkin_attempts",
     "whole number"),
    ("bad reminder duration", "checkin_attempts = 2", 'overdue_every = "often"', "reminders.overdue_every",
     "'often' is not a duration"),
    ("gesture limit as text", "gesture_limit = 50", 'gesture_limit = "$50"', "ladder[1].gesture_limit",
     "must be a number"),
    ("negative gesture limit", "gesture_limit = 50", "gesture_limit = -5", "ladder[1].gesture_limit",
     "0 or more"),
    ("money not ascending", "major = 500", "major = 50", "triage.money.major", "less than moderate (100)"),
    ("zero money", "major = 500", "moderate = 0\nmajor = 500", "triage.money.moderate", "more than 0"),
    ("keyword not text", '["Injur", "Data  Breach"]', '["injur", 5]', "triage.critical[2]",
     "must be text in quotes"),
    ("triage as list", "[triage]\n", "[triage.x]\n", "triage.x", "unknown key"),
    ("bad case prefix", 'case_prefix = "ops"', 'case_prefix = "REC-"', "case_prefix", "letters or digits"),
    ("wrong type for section", "[gestures]\n", "[gestures]\nminor = \"a note\"\n", "gestures.minor",
     "must be a list"),
]
# fmt: on


@pytest.mark.parametrize(("old", "new", "key", "problem"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_problem_is_one_line_naming_file_key_and_problem(
    old: str, new: str, key: str, problem: str
) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(edit(old, new), "policy.toml")
    message = str(caught.value)
    assert "\n" not in message
    assert caught.value.key == key, message
    assert message.startswith(f"policy.toml: {key}: "), message
    assert problem in message


def ladder_replaced_by(text: str) -> str:
    return BASE.split("[[ladder]]")[0] + text + "\n[severity" + BASE.split("[severity", 1)[1]


@pytest.mark.parametrize(
    ("ladder", "problem"),
    [
        ("ladder = []", "ladder: is empty; add at least one [[ladder]] level"),
        ('[ladder]\nlevel = "boss"\npeople = ["U0BOSS0001"]', "ladder: must be a list of [[ladder]] tables"),
        ("", "ladder: missing"),
    ],
)
def test_ladder_must_be_a_list_of_levels(ladder: str, problem: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(ladder_replaced_by(ladder), "p.toml")
    assert str(caught.value).startswith(f"p.toml: {problem}")


def test_severities_are_all_required() -> None:
    text = BASE.split("[severity.major]")[0] + "[severity.critical]" + BASE.split("[severity.critical]")[1]
    with pytest.raises(PolicyError, match=r"severity\.major: missing; every severity needs a rule"):
        parse_policy(text)


def test_invalid_toml_names_the_line() -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy('case_prefix = "REC"\n\ntimezone = America/New_York\n', "p.toml")
    assert str(caught.value).startswith("p.toml: line 3: not valid TOML: ")
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(tmp_path / "nope.toml")
    assert str(caught.value) == f"{tmp_path / 'nope.toml'}: file not found"


def test_load_policy_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ours.toml"
    path.write_text(edit('fix_within = "5d"', 'fix_within = "5 days"'), encoding="utf-8")
    with pytest.raises(
        PolicyError, match=r"ours\.toml: severity\.minor\.fix_within: '5 days' is not a duration"
    ):
        load_policy(path)
    path.write_text(BASE, encoding="utf-8")
    assert load_policy(path).source == str(path)


def test_shipped_policy_loads_and_is_described() -> None:
    policy = load_policy(default_policy_path())
    assert isinstance(policy, Policy)
    assert [level.level for level in policy.ladder] == ["team_lead", "manager", "director", "executive"]
    assert policy.rule("critical").apologize == "executive"
    assert "injur" in policy.triage.keywords["critical"]
    assert all(policy.gestures[s] for s in SEVERITIES)
    assert policy.digest is not None and policy.reminders.quiet_hours is not None
    text = "\n".join(describe_policy(policy))
    for level in policy.ladder:
        assert level.title in text
        for person in level.people:
            assert f"<@{person}>" in text
    for severity in SEVERITIES:
        assert f"{severity}:" in text
    assert "20:00–08:00" in text
    assert "Mondays at 09:00" in text
    assert "1h" in text and "30d" in text


def test_describe_without_digest_or_quiet_hours() -> None:
    text = BASE.split("[reminders]")[0].replace('digest = "fri 16:30"\n', "").replace("digest_channel", "# x")
    lines = describe_policy(parse_policy(text))
    assert "Weekly digest: off (set digest_channel to turn it on)" in lines
    assert any(line.startswith("Quiet hours: none") for line in lines)
    assert any("no check-ins" in line for line in lines)
