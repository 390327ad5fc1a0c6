"""The customer e-mail settings (SMTP_URL, MAIL_FROM, BOUNCEBACK_PUBLIC_URL, BOUNCEBACK_SECRET), checked once.

`smtp://user:password@host:587` uses STARTTLS, `smtps://user:password@host:465` implicit TLS, and
`smtp://host:25` (no user name) is a plain local relay. Messages name the key, never a password.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parseaddr
from urllib.parse import unquote, urlsplit

MIN_SECRET = 16


class MailConfigProblem(Exception):
    """A missing or malformed e-mail setting: the key and what is wrong with it."""

    def __init__(self, key: str, problem: str) -> None:
        self.key, self.problem = key, problem
        super().__init__(f"{key}: {problem}")


@dataclass(frozen=True)
class MailSettings:
    """Where e-mail goes out, who it is from, and where customers reach the bot's pages."""

    host: str
    port: int
    security: str  # "starttls", "tls" (implicit) or "plain" (a local relay)
    user: str | None
    password: str | None = field(repr=False)
    from_name: str  # MAIL_FROM's display name ("Acme Care"), may be empty
    from_address: str  # MAIL_FROM's address
    public_url: str | None  # BOUNCEBACK_PUBLIC_URL without a trailing slash
    secret: str = field(default="", repr=False)  # BOUNCEBACK_SECRET

    @property
    def domain(self) -> str:
        """The domain our Message-IDs are made in: MAIL_FROM's."""
        return self.from_address.rpartition("@")[2]

    def describe(self) -> str:
        """How we connect, as `bounceback check` prints it (no password)."""
        how = {"starttls": "STARTTLS", "tls": "implicit TLS", "plain": "a plain local relay"}[self.security]
        who = f" as {self.user}" if self.user else ""
        return f"{self.host}:{self.port} ({how}){who}"


def read_mail_settings(values: Mapping[str, str]) -> MailSettings | None:
    """The e-mail settings, or None when SMTP_URL is not set; a bad value raises MailConfigProblem."""
    url = values.get("SMTP_URL")
    if not url:
        return None
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("smtp", "smtps"):
        raise MailConfigProblem(
            "SMTP_URL", "must start with smtp:// (STARTTLS, or a local relay without a user) or smtps://"
        )
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise MailConfigProblem("SMTP_URL", "has a port that is not a number (like :587)") from None
    if not host:
        raise MailConfigProblem(
            "SMTP_URL", "names no server (like smtp://user:password@smtp.example.com:587)"
        )
    user = unquote(parts.username) if parts.username else None
    security = "tls" if scheme == "smtps" else "starttls" if user else "plain"
    default_port = {"tls": 465, "starttls": 587, "plain": 25}[security]
    name, address = _mail_from(values.get("MAIL_FROM"))
    public_url = _public_url(values.get("BOUNCEBACK_PUBLIC_URL"))
    secret = values.get("BOUNCEBACK_SECRET", "")
    if public_url and len(secret) < MIN_SECRET:
        raise MailConfigProblem(
            "BOUNCEBACK_SECRET",
            f"{'missing' if not secret else 'too short'} — check-in links need a secret of at least "
            f"{MIN_SECRET} characters (for example: python3 -c 'import secrets; print(secrets.token_urlsafe(32))')",
        )
    return MailSettings(
        host=host,
        port=port or default_port,
        security=security,
        user=user,
        password=unquote(parts.password) if parts.password else None,
        from_name=name,
        from_address=address,
        public_url=public_url,
        secret=secret,
    )


def _mail_from(value: str | None) -> tuple[str, str]:
    if not value:
        raise MailConfigProblem(
            "MAIL_FROM", "missing — SMTP_URL is set, so say who mail is from (Acme Care <care@acme.example>)"
        )
    name, address = parseaddr(value)
    local, at, domain = address.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() for c in address):
        raise MailConfigProblem(
            "MAIL_FROM", f"{value!r} is not an address (like Acme Care <care@acme.example>)"
        )
    return name.strip(), address


def _public_url(value: str | None) -> str | None:
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise MailConfigProblem(
            "BOUNCEBACK_PUBLIC_URL", f"{value!r} is not an http(s) address (like https://care.acme.example)"
        )
    return value.rstrip("/")
