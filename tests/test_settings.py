from pathlib import Path

import pytest

from bot.policy.reader import default_policy_path
from bot.settings import ConfigError, load_settings

SIGNING = "s3cr3t-signing-value"
BOT = "xoxb-1111-2222-abcdefhunter2"
HTTP = {"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SIGNING}


def test_defaults_in_http_mode() -> None:
    settings = load_settings(HTTP)
    assert settings.bot_token == BOT
    assert settings.signing_secret == SIGNING
    assert settings.app_token is None
    assert not settings.socket_mode
    assert settings.api_url == "https://slack.com/api/"
    assert settings.database_url == "sqlite:///bounceback.sqlite3"
    assert Path(settings.policy_path) == default_policy_path()
    assert settings.port == 3000
    assert settings.log_level == "INFO"


def test_socket_mode_needs_no_signing_secret() -> None:
    settings = load_settings({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": "xapp-1-A0-123-abc"})
    assert settings.socket_mode
    assert settings.signing_secret is None


def test_every_key_read_and_normalised() -> None:
    env = {
        **HTTP,
        "SLACK_API_URL": "http://127.0.0.1:8999/api",
        "DATABASE_URL": "postgres://bb:pw@db:5432/bounceback",
        "BOUNCEBACK_POLICY": "/etc/bounceback/recovery.toml",
        "PORT": "8080",
        "LOG_LEVEL": "debug",
    }
    settings = load_settings(env)
    assert settings.api_url == "http://127.0.0.1:8999/api/"
    assert settings.database_url == "postgresql+psycopg://bb:pw@db:5432/bounceback"
    assert settings.policy_path == "/etc/bounceback/recovery.toml"
    assert settings.port == 8080
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://h/db", "postgresql+psycopg://h/db"),
        ("postgresql+psycopg://h/db", "postgresql+psycopg://h/db"),
        ("sqlite:////var/lib/bb.sqlite3", "sqlite:////var/lib/bb.sqlite3"),
        ("sqlite://", "sqlite://"),
    ],
)
def test_database_urls(url: str, expected: str) -> None:
    assert load_settings({**HTTP, "DATABASE_URL": url}).database_url == expected


def test_without_slack_nothing_slack_is_required() -> None:
    settings = load_settings({}, require_slack=False)
    assert settings.bot_token == ""
    assert settings.signing_secret is None


def test_empty_strings_count_as_missing() -> None:
    settings = load_settings({**HTTP, "PORT": "", "LOG_LEVEL": "  ", "SLACK_APP_TOKEN": ""})
    assert (settings.port, settings.log_level, settings.app_token) == (3000, "INFO", None)


@pytest.mark.parametrize(
    ("env", "key", "problem"),
    [
        ({}, "SLACK_BOT_TOKEN", "missing — set it in .env (see .env.example)"),
        ({"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": SIGNING}, "SLACK_BOT_TOKEN", "missing"),
        ({**HTTP, "SLACK_BOT_TOKEN": "xoxp-user-hunter2"}, "SLACK_BOT_TOKEN", "this is a user token"),
        ({**HTTP, "SLACK_BOT_TOKEN": "hunter2-pasted"}, "SLACK_BOT_TOKEN", "must start with 'xoxb-'"),
        ({"SLACK_BOT_TOKEN": BOT}, "SLACK_SIGNING_SECRET", "missing — HTTP mode needs it"),
        ({**HTTP, "SLACK_APP_TOKEN": "xoxb-hunter2"}, "SLACK_APP_TOKEN", "must start with 'xapp-'"),
        ({**HTTP, "SLACK_API_URL": "ftp://slack.com/api"}, "SLACK_API_URL", "not an http(s) URL"),
        ({**HTTP, "SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL", "not an http(s) URL"),
        ({**HTTP, "DATABASE_URL": "mysql://u:hunter2@h/db"}, "DATABASE_URL", "unsupported scheme 'mysql'"),
        ({**HTTP, "DATABASE_URL": "bounceback.sqlite3"}, "DATABASE_URL", "not a database URL"),
        ({**HTTP, "DATABASE_URL": "postgres://"}, "DATABASE_URL", "names no PostgreSQL server"),
        ({**HTTP, "PORT": "0"}, "PORT", "not a port number"),
        ({**HTTP, "PORT": "65536"}, "PORT", "not a port number"),
        ({**HTTP, "PORT": "http"}, "PORT", "not a port number"),
        ({**HTTP, "LOG_LEVEL": "loud"}, "LOG_LEVEL", "not one of DEBUG, INFO, WARNING, ERROR"),
    ],
)
def test_each_error_is_one_line_naming_the_key(env: dict[str, str], key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    message = str(caught.value)
    assert message.startswith(f"{key}: ")
    assert problem in message
    assert "\n" not in message
    assert "hunter2" not in message
    assert SIGNING not in message


def test_malformed_values_are_refused_even_when_slack_is_optional() -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        load_settings({"SLACK_BOT_TOKEN": "nope"}, require_slack=False)


def test_repr_hides_secrets() -> None:
    env = {**HTTP, "SLACK_APP_TOKEN": "xapp-hunter2", "DATABASE_URL": "postgresql://u:hunter2@h/db"}
    text = repr(load_settings(env))
    assert "hunter2" not in text
    assert SIGNING not in text
    assert "port=3000" in text


def test_env_example_documents_every_key() -> None:
    example = (Path(__file__).parent.parent / ".env.example").read_text()
    keys = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL", "DATABASE_URL")
    for key in (*keys, "BOUNCEBACK_POLICY", "PORT", "LOG_LEVEL"):
        assert f"{key}=" in example
