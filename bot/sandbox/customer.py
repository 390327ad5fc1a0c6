"""The customer's side of the demo: the e-mails that reach their inbox, and their click on the check-in page."""

import re
import urllib.parse
import urllib.request
from email.message import EmailMessage
from html import unescape

from bot.sandbox.mailbox import text_of
from bot.sandbox.stage import PAD, Stage


def read_email(stage: Stage, clock: str, name: str, address: str, subject: str) -> EmailMessage:
    """Wait for the e-mail to reach the customer's inbox and print it as they read it."""
    mailbox = stage.rig.mailbox
    mail = mailbox.wait_for(
        lambda: next((m for m in mailbox.to(address) if subject in m["Subject"]), None),
        timeout=30,
        what=f"an e-mail to {name} about {subject!r}",
    )
    stage.say(f"\n{clock}  📧 in {name}'s inbox, from {mail['From']} (replies go to {mail['Reply-To']}):")
    stage.say(f"{PAD}│ Subject: {mail['Subject']}")
    for line in text_of(mail).rstrip().splitlines():
        stage.say(f"{PAD}│ {line}".rstrip())
    stage.beat()
    return mail


def click(stage: Stage, clock: str, name: str, mail: EmailMessage, label: str, note: str) -> None:
    """The customer clicks one of the check-in links, adds a few words on the page, and sends the answer."""
    url = re.search(rf"{label}: (\S+)", text_of(mail)).group(1)
    stage.say(f"\n{clock}  {name} clicks [{label}] in the e-mail. The page that opens asks:")
    with urllib.request.urlopen(url, timeout=10) as response:
        page = response.read().decode()
    stage.say(
        f"{PAD}“{_heading(page)}”  ( ) All good  ( ) Still unhappy  [Anything you would like to tell us?]"
    )
    stage.say(f"{PAD}She writes “{note}” and presses [Send my answer].")
    form = {
        "form": re.search(r'name="form" value="([^"]+)"', page).group(1),
        "answer": "ok" if label == "All good" else "unhappy",
        "note": note,
    }
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(url))
    request = urllib.request.Request(
        url.split("?")[0], data=urllib.parse.urlencode(form).encode(), headers={"Origin": origin}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = response.read().decode()
    stage.say(f"{PAD}The page: “{_heading(answer)}. {_paragraph(answer)}”")
    stage.show_new(clock)


def _heading(page: str) -> str:
    found = re.search(r"<h1>(.*?)</h1>", page)
    return unescape(found.group(1)) if found else ""


def _paragraph(page: str) -> str:
    found = re.search(r"</h1><p>(.*?)</p>", page)
    return unescape(found.group(1)) if found else ""
