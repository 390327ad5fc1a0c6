"""Setting up customer e-mail: the four keys, the policy's [customer_email], and `bounceback check` connecting."""

from datetime import timedelta

import pytest

from bot.cli import main
from bot.policy.model import PolicyError
from bot.policy.reader import load_policy, parse_policy
from bot.runtime import with_mail
from bot.sandbox.cast import DEMO_POLICY, LINK_SECRET, MAIL_FROM
from bot.sandbox.mailbox import Mailbox
from bot.settings import ConfigError, load_settings
from tests.procs import free_port

SLACK = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


def settings(**mail: str):
    return load_settings({**SLACK, "MAIL_FROM": MAIL_FROM, **mail}).mail


@pytest.mark.parametrize(
    ("url", "security", "port", "user"),
    [
        ("smtp://bot:pw@smtp.example.com:587", "starttls", 587, "bot"),
        ("smtp://bot:p%40ss@smtp.example.com", "starttls", 587, "bot"),
        ("smtps://bot:pw@smtp.example.com", "tls", 465, "bot"),
        ("smtp://localhost", "plain", 25, None),
    ],
)
def test_smtp_url_says_how_to_connect(url, security, port, user):
    found = settings(SMTP_URL=url)
    assert (found.security, found.port, found.user) == (security, port, user)
    assert "pw" not in repr(found) and "p@ss" not in repr(found)


def test_without_smtp_url_nothing_is_emailed_and_the_policy_says_so():
    assert load_settings(SLACK).mail is None
    policy = with_mail(load_policy(DEMO_POLICY), None)
    assert (policy.customer_email.apology, policy.customer_email.checkins) == (False, False)


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"SMTP_URL": "http://smtp.example.com"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://host:port"}, "SMTP_URL"),
        ({"SMTP_URL": "smtp://localhost", "MAIL_FROM": ""}, "MAIL_FROM"),
        ({"SMTP_URL": "smtp://localhost", "MAIL_FROM": "Acme Care"}, "MAIL_FROM"),
        (
            {"SMTP_URL": "smtp://localhost", "BOUNCEBACK_PUBLIC_URL": "care.acme.example"},
            "BOUNCEBACK_PUBLIC_URL",
        ),
        (
            {"SMTP_URL": "smtp://localhost", "BOUNCEBACK_PUBLIC_URL": "https://care.acme.example"},
            "BOUNCEBACK_SECRET",
        ),
        (
            {
                "SMTP_URL": "smtp://localhost",
                "BOUNCEBACK_PUBLIC_URL": "https://a.example",
                "BOUNCEBACK_SECRET": "short",
            },
            "BOUNCEBACK_SECRET",
        ),
    ],
)
def test_a_bad_value_names_its_key(values, key):
    with pytest.raises(ConfigError) as error:
        load_settings({**SLACK, "MAIL_FROM": MAIL_FROM, **values})
    assert error.value.key == key
    assert "pw" not in str(error.value)


def test_check_ins_by_email_need_the_public_url():
    mail = settings(SMTP_URL="smtp://localhost")
    with pytest.raises(ConfigError) as error:
        with_mail(load_policy(DEMO_POLICY), mail)
    assert error.value.key == "BOUNCEBACK_PUBLIC_URL"
    complete = settings(
        SMTP_URL="smtp://localhost",
        BOUNCEBACK_PUBLIC_URL="https://care.example/",
        BOUNCEBACK_SECRET=LINK_SECRET,
    )
    wanted = with_mail(load_policy(DEMO_POLICY), complete).customer_email
    assert (wanted.public_url, wanted.sender_name, wanted.link_valid_for) == (
        "https://care.example",
        "Harbor Hotel Care",
        timedelta(hours=1),
    )


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ('checkins = true\nlink_valid_for = "soon"', "customer_email.link_valid_for"),
        ('checkins = "yes"', "customer_email.checkins"),
        ("apology = 1", "customer_email.apology"),
        ("bcc = true", "customer_email.bcc"),
    ],
)
def test_the_policy_section_is_checked_like_the_rest(section, key):
    text = DEMO_POLICY.read_text().split("[customer_email]")[0] + "[customer_email]\n" + section + "\n"
    with pytest.raises(PolicyError) as error:
        parse_policy(text, "ours.toml")
    assert str(error.value).startswith(f"ours.toml: {key}: ")


def check(monkeypatch, capsys, env: dict) -> tuple[int, str, str]:
    """`bounceback check` in this process (the console script's own main), with exactly this environment."""
    for key in [
        *SLACK,
        "SMTP_URL",
        "MAIL_FROM",
        "BOUNCEBACK_PUBLIC_URL",
        "BOUNCEBACK_SECRET",
        "BOUNCEBACK_POLICY",
    ]:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = main(["check"])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_connects_to_the_mail_server_and_says_what_it_found(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    env = {**SLACK, "BOUNCEBACK_POLICY": str(DEMO_POLICY), "MAIL_FROM": MAIL_FROM}
    env |= {"BOUNCEBACK_PUBLIC_URL": "https://care.example", "BOUNCEBACK_SECRET": LINK_SECRET}
    with Mailbox() as box:
        code, out, err = check(monkeypatch, capsys, {**env, "SMTP_URL": box.url})
        assert code == 0, err
        assert f"connected to 127.0.0.1:{box.port} (a plain local relay)" in out
        assert "sending approved apologies and check-ins" in out
        assert "Customer e-mail: the approved apology and check-ins, check-in links valid 1h" in out
        code, _, err = check(
            monkeypatch, capsys, {**env, "SMTP_URL": f"smtp://bot:secret-pw@127.0.0.1:{box.port}"}
        )
        assert code == 2 and "SMTP_URL" in err and "STARTTLS" in err and "secret-pw" not in err
    code, _, err = check(monkeypatch, capsys, {**env, "SMTP_URL": f"smtp://127.0.0.1:{free_port()}"})
    assert code == 2
    [line] = err.strip().splitlines()
    assert line.startswith("bounceback: SMTP_URL: could not talk to 127.0.0.1:")
