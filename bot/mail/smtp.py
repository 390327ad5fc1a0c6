"""One SMTP conversation: connect as SMTP_URL says, build a message with its headers, and tell a
temporary refusal (try again later) from a permanent one (never again)."""

import hashlib
import smtplib
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from bot.mail.config import MailConfigProblem, MailSettings

TIMEOUT = 15.0  # seconds for any one step; a send that outlives the outbox's stale claim (30 s) is retaken


class Temporary(Exception):
    """The server could not take it now (4xx, a dropped or refused connection): try again later."""


class Permanent(Exception):
    """The server will never take it (5xx: a bad address, a rejected message): say so, don't retry."""


def connect(settings: MailSettings, timeout: float = TIMEOUT) -> smtplib.SMTP:
    """An SMTP session, encrypted as configured and logged in when there is a user."""
    context = ssl.create_default_context()
    if settings.security == "tls":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    try:
        smtp.ehlo()
        if settings.security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if settings.user:
            smtp.login(settings.user, settings.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


def probe(settings: MailSettings, timeout: float = 10.0) -> str:
    """Connect and log in as the bot would, and say what was found; MailConfigProblem names the key if not."""
    where = f"{settings.host}:{settings.port}"
    try:
        smtp = connect(settings, timeout=timeout)
    except smtplib.SMTPAuthenticationError as error:
        raise MailConfigProblem(
            "SMTP_URL",
            f"{where} refused the user name or password ({error.smtp_code} {_text(error.smtp_error)})",
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise MailConfigProblem(
            "SMTP_URL",
            f"{where} offers no STARTTLS; use smtps:// for implicit TLS, or no user for a local relay",
        ) from None
    except ssl.SSLError as error:
        raise MailConfigProblem("SMTP_URL", f"TLS with {where} failed ({error.reason or error})") from None
    except (smtplib.SMTPException, OSError) as error:
        raise MailConfigProblem(
            "SMTP_URL", f"could not talk to {where} ({type(error).__name__}: {error})"
        ) from None
    try:
        greeting = _text(smtp.ehlo_resp or b"").splitlines()[0] if smtp.ehlo_resp else "no greeting"
        size = smtp.esmtp_features.get("size")
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    limit = f", takes messages up to {int(size) // 1_000_000} MB" if size and size.isdigit() else ""
    return f"connected to {settings.describe()}: the server is {greeting}{limit}"


def message_id(key: str, created: datetime, domain: str) -> str:
    """The same Message-ID on every attempt at one owed e-mail, so a copy is recognisably the same message."""
    digest = hashlib.sha256(f"{key}|{created.isoformat()}".encode()).hexdigest()[:32]
    return f"<{digest}.bounceback@{domain}>"


def build(settings: MailSettings, payload: dict[str, Any], *, msgid: str, now: datetime) -> EmailMessage:
    """The message: From the person's name at MAIL_FROM, Reply-To them, text and HTML parts."""
    message = EmailMessage()
    from_name = payload.get("from_name") or settings.from_name
    message["From"] = formataddr((from_name, settings.from_address))
    message["To"] = formataddr((payload.get("to_name") or "", payload["to"]))
    message["Reply-To"] = (
        formataddr((from_name, payload["reply_to"]))
        if payload.get("reply_to")
        else formataddr((from_name, settings.from_address))
    )
    message["Subject"] = payload["subject"]
    message["Date"] = format_datetime(now)
    message["Message-ID"] = msgid
    if payload.get("auto_submitted"):
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: vacation responders stay quiet
    message.set_content(payload["text"])
    message.add_alternative(payload["html"], subtype="html")
    return message


def send(smtp: smtplib.SMTP, message: EmailMessage) -> None:
    """Hand one message to the server; Temporary or Permanent when it says no."""
    try:
        refused = smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        said = "; ".join(f"{code} {_text(text)}" for code, text in error.recipients.values())
        raise (Permanent if all(code >= 500 for code in codes) else Temporary)(said) from None
    except smtplib.SMTPAuthenticationError as error:  # our settings, not this message: retried with backoff
        raise Temporary(f"{error.smtp_code} {_text(error.smtp_error)}") from None
    except smtplib.SMTPResponseException as error:
        said = f"{error.smtp_code} {_text(error.smtp_error)}"
        raise (Permanent if error.smtp_code >= 500 else Temporary)(said) from None
    except (smtplib.SMTPException, OSError) as error:
        raise Temporary(f"{type(error).__name__}: {error}") from None
    if refused:  # some recipients refused; we only ever send to one
        raise Permanent("; ".join(f"{code} {_text(text)}" for code, text in refused.values()))


def _text(said: Any) -> str:
    return said.decode(errors="replace") if isinstance(said, bytes) else str(said)
