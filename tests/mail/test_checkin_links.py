"""The customer answers the check-in from the e-mailed link; a link that is tampered, expired, reused or unknown
changes nothing, and a form posted from another site is refused."""

import re
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest

from bot.recovery import links
from bot.sandbox.cast import COMPLAINTS, DEMO_POLICY, LEAD, LINK_SECRET, MANAGER, SUPPORT
from bot.sandbox.mailbox import text_of
from bot.sandbox.rig import Rig
from bot.store.models import utcnow
from tests.flows.test_followup import QUICK, checkin_dms, fixed_case
from tests.helpers import all_cases, block_text, bot_posts, events, policy_file

ANA = "ana.ruiz@example.org"
COMPLAINT = f"Customer: Ana Ruiz, {ANA} says the toast at breakfast was a little overdone this morning."


@pytest.fixture
def asked(tmp_path):
    """A fixed case whose check-in has been e-mailed to the customer: (rig, the All good link, the other)."""
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, QUICK), mail=True) as rig:
        fixed_case(rig, COMPLAINT)
        mail = rig.mailbox.wait_for(
            lambda: next((m for m in rig.mailbox.to(ANA) if m["Subject"] == "Is everything okay now?"), None),
            what="the check-in e-mail",
        )
        ok, unhappy = re.findall(r"https?://\S+", text_of(mail))
        rig.standin.wait_for(lambda: checkin_dms(rig), what="the check-in DM")
        rig.service.settle()
        yield rig, ok, unhappy


def fetch(url: str, form: dict | None = None, origin: str | None = None) -> tuple[int, str]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url, data=data, headers={"Origin": origin} if origin else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def form_of(page: str) -> dict:
    return {"form": re.search(r'name="form" value="([^"]+)"', page).group(1)}


def state(rig) -> tuple:
    """What an answer would change: the case, its timeline, and what the bot has said in Slack."""
    [case] = all_cases(rig)
    said = len([c for c in rig.standin.calls if c.method.startswith("chat.")])
    return case.status, case.apology_leader_id, len(events(rig, case.id)), said


def test_the_email_and_page_ask_the_question_and_all_good_answers_the_check_in(asked):
    rig, ok, _ = asked
    mail = next(m for m in rig.mailbox.to(ANA) if m["Subject"] == "Is everything okay now?")
    assert mail["Auto-Submitted"] == "auto-generated" and "Hi Ana," in text_of(mail)
    # to the minute: a link that lasts an hour must not read as lasting all day
    assert re.search(r"These links work until [A-Z][a-z]+ \d{1,2}, \d{4}, \d\d:\d\d \w+\.", text_of(mail))
    [dm] = checkin_dms(rig)
    assert "We also asked them by e-mail" in block_text(dm)
    status, page = fetch(ok)
    assert status == 200 and "is everything okay now?" in page and 'value="ok" required checked' in page
    for private in (
        "Remade the order",
        "REC-1",
        ANA,
        "@hotel.example",
        "overdone",
        "Tara",
        LEAD.id,
        SUPPORT.id,
    ):
        assert private not in page  # no internal notes, case numbers, contact details or people
    before = state(rig)
    assert (
        fetch(ok.split("?")[0], {**form_of(page), "answer": "ok", "note": "All fine now, thanks"})[0] == 200
    )
    rig.service.settle()
    [answer] = events(rig, 1, "checkin")
    assert (
        answer.actor_id is None and answer.data["by"] == "customer" and "All fine now, thanks" in answer.text
    )
    assert "answered by the customer, by e-mail" in rig.standin.message(dm["channel"], dm["ts"])["text"]
    assert state(rig)[0] == before[0] == "following_up"


def test_a_reused_link_shows_the_answer_given_and_changes_nothing(asked):
    rig, ok, unhappy = asked
    _, page = fetch(ok)
    fetch(ok.split("?")[0], {**form_of(page), "answer": "ok"})
    rig.service.settle()
    before = state(rig)
    status, again = fetch(unhappy)
    assert status == 200 and "glad everything is okay" in again and "<form" not in again
    status, posted = fetch(
        unhappy.split("?")[0], {**form_of(page), "answer": "unhappy", "note": "actually no"}
    )
    assert status == 200 and "glad everything is okay" in posted
    rig.service.settle()
    assert state(rig) == before and len(events(rig, 1, "checkin")) == 1


def test_tampered_expired_and_unknown_links_get_a_plain_page_and_change_nothing(asked):
    rig, ok, _ = asked
    base, token = ok.split("?")[0].rsplit("/", 1)
    real = links.verify(LINK_SECRET, token, utcnow())
    body, signature = token.split(".")
    tampered = links.sign(LINK_SECRET, real)[:-3] + ("AAA" if not signature.endswith("AAA") else "BBB")
    other_case = links.sign("another-secret-of-enough-length", real)
    expired = links.sign(
        LINK_SECRET, links.Link(real.case_id, real.nudge_key, utcnow() - timedelta(seconds=1))
    )
    unknown = links.sign(LINK_SECRET, links.Link(real.case_id, "checkin:1:v9:9:a1", real.expires))
    no_case = links.sign(LINK_SECRET, links.Link(99, real.nudge_key, real.expires))
    before = state(rig)
    for bad in (tampered, other_case, expired, unknown, no_case, "nonsense", body):
        url = f"{base}/{bad}"
        status, page = fetch(url)
        assert status == 404 and "This link does not work" in page, bad
        assert "Ana" not in page and "<form" not in page
        status, _ = fetch(url, {"form": links.form_token(LINK_SECRET, bad), "answer": "unhappy", "note": "x"})
        assert status == 404, bad
    rig.service.settle()
    assert state(rig) == before and events(rig, 1, "checkin") == []


def test_a_form_posted_from_another_site_or_without_its_token_is_refused(asked):
    rig, _, unhappy = asked
    _, page = fetch(unhappy)
    url = unhappy.split("?")[0]
    before = state(rig)
    answer = {"answer": "unhappy", "note": "from elsewhere"}
    assert fetch(url, {**form_of(page), **answer}, origin="https://evil.example")[0] == 403
    assert fetch(url, {"form": "forged", **answer})[0] == 403
    assert fetch(url, answer)[0] == 403
    rig.service.settle()
    assert state(rig) == before and events(rig, 1, "checkin") == []
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(url))
    assert fetch(url, {**form_of(page), **answer}, origin=origin)[0] == 200  # from the page itself it works
    rig.service.settle()
    [case] = all_cases(rig)
    assert (case.status, case.apology_leader_id) == ("reopened", MANAGER.id)
    assert any("still unhappy" in m["text"] for m in bot_posts(rig, COMPLAINTS))
    assert LEAD.id  # the lead apologized; the manager is asked now


def test_in_socket_mode_the_page_is_served_on_the_health_port_and_still_unhappy_reopens(tmp_path):
    with Rig(policy_path=policy_file(tmp_path, DEMO_POLICY, QUICK), mail=True, socket_mode=True) as rig:
        fixed_case(rig, COMPLAINT)
        mail = rig.mailbox.wait_for(
            lambda: next((m for m in rig.mailbox.to(ANA) if m["Subject"] == "Is everything okay now?"), None),
            what="the check-in e-mail",
        )
        _, unhappy = re.findall(r"https?://\S+", text_of(mail))
        assert unhappy.startswith(f"http://127.0.0.1:{rig.port}/")  # the port /healthz answers on
        assert fetch(f"http://127.0.0.1:{rig.port}/healthz")[0] == 200
        status, page = fetch(unhappy)
        assert status == 200 and "is everything okay now?" in page
        answer = {**form_of(page), "answer": "unhappy", "note": "Nobody called me back"}
        assert fetch(unhappy.split("?")[0], answer)[0] == 200
        rig.service.settle()
        [case] = all_cases(rig)
        assert (case.status, case.apology_leader_id) == ("reopened", MANAGER.id)
