"""Deployment settings from the environment (.env), checked once at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bot.mail.config import MailConfigProblem, MailSettings, read_mail_settings
from bot.policy.reader import default_policy_path

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///bounceback.sqlite3"
DEFAULT_PORT = 3000
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

# Tokens people paste by mistake, by prefix, so the message can say which one they pasted without echoing it.
_TOKEN_KINDS = {
    "xoxb-": "a bot token",
    "xoxp-": "a user token",
    "xapp-": "an app-level token",
    "xoxe": "a refresh token",
}


class ConfigError(Exception):
    """A missing or malformed setting, as one line naming the key and the problem."""

    def __init__(self, key: str, problem: str | None = None) -> None:
        self.key, self.problem = key, problem
        super().__init__(f"{key}: {problem}" if problem else key)


@dataclass(frozen=True)
class Settings:
    # Secrets (and a database URL may hold a password) are left out of repr so they never reach a log.
    bot_token: str = field(repr=False)
    signing_secret: str | None = field(repr=False)
    app_token: str | None = field(repr=False)
    api_url: str
    database_url: str = field(repr=False)
    policy_path: str
    port: int
    log_level: str
    mail: MailSettings | None = (
        None  # SMTP_URL and the rest (§2.8); None: the customer hears nothing by e-mail
    )

    @property
    def socket_mode(self) -> bool:
        """Whether `run` should use Socket Mode (an app-level token is set)."""
        return self.app_token is not None


def load_settings(env: Mapping[str, str], *, require_slack: bool = True) -> Settings:
    """Read and check the settings; a missing or malformed value raises ConfigError naming the key."""
    values = {key: value.strip() for key, value in env.items() if value and value.strip()}
    bot_token = values.get("SLACK_BOT_TOKEN")
    app_token = values.get("SLACK_APP_TOKEN")
    signing_secret = values.get("SLACK_SIGNING_SECRET")
    if bot_token is None and require_slack:
        raise ConfigError("SLACK_BOT_TOKEN", "missing — set it in .env (see .env.example)")
    if bot_token is not None:
        _check_token(
            "SLACK_BOT_TOKEN", bot_token, "xoxb-", "the Bot User OAuth Token under OAuth & Permissions"
        )
    if app_token is not None:
        _check_token("SLACK_APP_TOKEN", app_token, "xapp-", "an app-level token under Basic Information")
    if signing_secret is None and app_token is None and require_slack:
        raise ConfigError(
            "SLACK_SIGNING_SECRET",
            "missing — HTTP mode needs it (Basic Information → App Credentials); "
            "or set SLACK_APP_TOKEN to use Socket Mode",
        )
    return Settings(
        bot_token=bot_token or "",
        signing_secret=signing_secret,
        app_token=app_token,
        api_url=_api_url(values.get("SLACK_API_URL", DEFAULT_API_URL)),
        database_url=_database_url(values.get("DATABASE_URL", DEFAULT_DATABASE_URL)),
        policy_path=values.get("BOUNCEBACK_POLICY", str(default_policy_path())),
        port=_port(values.get("PORT", str(DEFAULT_PORT))),
        log_level=_log_level(values.get("LOG_LEVEL", "INFO")),
        mail=_mail(values),
    )


def _mail(values: Mapping[str, str]) -> MailSettings | None:
    try:
        return read_mail_settings(values)
    except MailConfigProblem as problem:
        raise ConfigError(problem.key, problem.problem) from None


def _check_token(key: str, token: str, prefix: str, where: str) -> None:
    if token.startswith(prefix):
        return
    kind = next((name for start, name in _TOKEN_KINDS.items() if token.startswith(start)), None)
    found = f"this is {kind}" if kind else "this is not a Slack token"
    raise ConfigError(key, f"must start with '{prefix}' ({found}; use {where})")


def _api_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError("SLACK_API_URL", f"{url!r} is not an http(s) URL (default {DEFAULT_API_URL})")
    return url if url.endswith("/") else url + "/"


def _database_url(url: str) -> str:
    # The value may carry a password, so messages name the scheme at most.
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ConfigError("DATABASE_URL", "not a database URL (like sqlite:///bounceback.sqlite3)")
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        if not rest.strip("/"):
            raise ConfigError(
                "DATABASE_URL", "names no PostgreSQL server (like postgresql://user:pw@host/db)"
            )
        return f"postgresql+psycopg://{rest}"
    if scheme in ("sqlite", "sqlite+pysqlite"):
        return url
    raise ConfigError(
        "DATABASE_URL",
        f"unsupported scheme {scheme!r}: use sqlite:///path/to/file.sqlite3 or postgresql://user:pw@host/db",
    )


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ConfigError("PORT", f"{text!r} is not a port number (1-65535; default {DEFAULT_PORT})")
    return int(text)


def _log_level(text: str) -> str:
    if text.upper() not in LOG_LEVELS:
        raise ConfigError("LOG_LEVEL", f"{text!r} is not one of {', '.join(LOG_LEVELS)}")
    return text.upper()
