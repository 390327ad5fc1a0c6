"""What the customer reads by e-mail: the approved apology, and the check-in with its two links.

Each builder returns (subject, plain text, simple HTML). Only what is meant for the customer goes in:
the apology as approved, a greeting, the question; never internal notes or anyone else's details.
"""

from dataclasses import dataclass
from datetime import datetime
from html import escape


@dataclass(frozen=True)
class Mail:
    """One e-mail's words: the subject, the plain text and the HTML version of the same."""

    subject: str
    text: str
    html: str


def first_name(name: str | None) -> str:
    """How we greet someone: their first name, or nothing when we don't know it."""
    return (name or "").split()[0] if (name or "").split() else ""


def _paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p)


def _html(inner: str) -> str:
    return (
        '<!doctype html><html><body style="font-family:Georgia,serif;font-size:16px;line-height:1.5;'
        f'max-width:36em;color:#222">{inner}</body></html>'
    )


def apology_mail(*, text: str, leader_name: str, title: str) -> Mail:
    """The apology as the leader approved it, word for word."""
    paragraphs = [p.strip() for p in text.strip().split("\n\n")]
    return Mail(
        subject=f"An apology from {leader_name}, {title}",
        text=text.strip() + "\n",
        html=_html(_paragraphs(paragraphs)),
    )


def checkin_mail(
    *, customer_name: str | None, leader_name: str, title: str, ok_url: str, unhappy_url: str, until: datetime
) -> Mail:
    """ "Is everything okay now?", with All good and Still unhappy, signed by whoever apologized."""
    hello = f"Hi {first_name(customer_name)}," if first_name(customer_name) else "Hello,"
    lead = (
        "We put right what went wrong for you, and I want to be sure it stayed right. Is everything okay now?"
    )
    after = (
        "One click is enough. If you are still unhappy, you can tell us why on the page that opens, "
        f"and I will take it from there. These links work until {until:%B %-d, %Y, %H:%M} {until.tzname() or 'UTC'}."
    )
    sign = f"{leader_name}\n{title}"
    text = f"{hello}\n\n{lead}\n\nAll good: {ok_url}\nStill unhappy: {unhappy_url}\n\n{after}\n\n{sign}\n"
    button = (
        "display:inline-block;padding:12px 20px;margin:4px 8px 4px 0;border-radius:6px;"
        "text-decoration:none;font-family:sans-serif;font-weight:bold;"
    )
    links = (
        f'<p><a href="{escape(ok_url)}" style="{button}background:#1f7a3a;color:#fff">All good</a>'
        f'<a href="{escape(unhappy_url)}" style="{button}background:#fff;color:#8a1c1c;border:2px solid #8a1c1c">'
        "Still unhappy</a></p>"
    )
    html = _html(_paragraphs([hello, lead]) + links + _paragraphs([after, sign]))
    return Mail(subject="Is everything okay now?", text=text, html=html)
