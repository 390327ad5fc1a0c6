"""Putting a Bounceback together: the database migrated, the Slack clients, the sender wired to the domain."""

from dataclasses import replace
from functools import partial
from typing import Any

from sqlmodel import Session

from bot.mail.config import MailSettings
from bot.mail.sender import MailSender
from bot.policy.model import NO_EMAIL, Policy
from bot.recovery import cases, customer_mail, digest, home, people
from bot.settings import ConfigError, Settings
from bot.slack.client import make_client, profiles
from bot.slack.context import Runtime
from bot.slack.sender import Sender
from bot.store.db import Database
from bot.store.models import utcnow


def build_runtime(settings: Settings, policy: Policy) -> Runtime:
    """Connect and migrate the database and make the Slack clients (calls auth.test); starts nothing."""
    policy = with_mail(policy, settings.mail)
    db = Database(settings.database_url)
    db.migrate()
    client = make_client(settings.bot_token, settings.api_url)
    sender = Sender(
        db,
        make_client(settings.bot_token, settings.api_url, wait_out_rate_limits=False),
        renderers={"home": partial(_home_tab, tabs=home.HomeTab(policy))},
        on_sent={"card": cases.thread_started},
    )
    mail = None
    if settings.mail is not None:
        mail = MailSender(
            db,
            settings.mail,
            on_sent=partial(customer_mail.delivered, policy=policy),
            on_failed=partial(customer_mail.undeliverable, policy=policy),
        )
    workspace_url = client.auth_test().get("url")
    return Runtime(policy=policy, db=db, client=client, sender=sender, workspace_url=workspace_url, mail=mail)


def with_mail(policy: Policy, mail: MailSettings | None) -> Policy:
    """The policy's [customer_email] as this deployment can honour it: off without SMTP_URL."""
    if mail is None:
        return replace(policy, customer_email=NO_EMAIL)
    wanted = policy.customer_email
    if wanted.checkins and not mail.public_url:
        raise ConfigError(
            "BOUNCEBACK_PUBLIC_URL",
            f"missing — {policy.source} asks customers by e-mail ([customer_email] checkins = true), and their "
            "links need the address where customers reach this bot (like https://care.acme.example)",
        )
    return replace(
        policy,
        customer_email=replace(
            wanted, public_url=mail.public_url, secret=mail.secret, sender_name=mail.from_name
        ),
    )


def _home_tab(session: Session, fields: dict[str, Any], *, tabs: home.HomeTab) -> dict[str, Any]:
    """The views.publish payload of an owed Home tab, drawn as the database is when it goes out."""
    return {**fields, "view": tabs.render(session, user_id=fields["user_id"])}


def learn_people(runtime: Runtime) -> None:
    """Remember the names and time zones of everyone on the ladder (to sign drafts, for quiet hours)."""
    policy = runtime.policy
    everyone = [p for level in policy.ladder for p in level.people] + list(policy.admins)
    found = profiles(runtime.client, everyone)
    with runtime.db.session() as session:
        people.remember(session, found)


def plan_digest(runtime: Runtime) -> None:
    """Make sure the next weekly digest is scheduled at the policy's time in force (none without a digest)."""
    with runtime.transaction() as session:
        digest.follow_policy(session, policy=runtime.policy, now=utcnow())
