"""`bounceback demo`: a day of complaints played against the local Slack stand-in."""

import logging
import sys

from sqlalchemy import func
from sqlmodel import select

from bot.recovery import digest
from bot.recovery.messages.ids import Action, Input
from bot.sandbox import cast, customer
from bot.sandbox.rig import Rig
from bot.sandbox.stage import PAD, Stage
from bot.store.models import Case, utcnow

PRIYA = "priya.shah@example.com"


def chapter_one(stage: Stage) -> None:
    """A morning of complaints, from a cold coffee to a threatened lawsuit."""
    stage.say("━━ Chapter one · a morning of complaints ━━")
    stage.say("Staff post complaints in #complaints the way they always have. Bounceback logs each one as a")
    stage.say("case, decides how serious it is (and says why), and names who must say sorry.")
    coffee = stage.post("08:05", cast.FRONT_DESK, "Guest in 214 says her coffee was cold at breakfast.")
    stage.post("08:12", cast.FRONT_DESK, "Brought her a fresh pot, she's smiling again.", thread_ts=coffee)
    stage.say(f"{PAD}(the reply is added to REC-1's timeline as a note, not logged as a new case)")
    stage.post(
        "08:40",
        cast.WAITER,
        "Customer: Tom Becker waited 50 minutes for a table he had booked, and our host was rude to him.",
    )
    stage.command(
        "09:15",
        cast.SUPPORT,
        "new Customer: Omar Haddad was charged twice for his stay ($1,240). He says never again.",
    )
    lawsuit = stage.post(
        "10:10",
        cast.FRONT_DESK,
        "Customer: Grace Kim had an allergic reaction after the kitchen served nuts despite the allergy note "
        "on her booking. Her lawyer called the front desk.",
    )
    stage.say(f"\n{PAD}(Slack delivers that message a second time, as it does when a reply is slow…)")
    event = {
        **stage.rig.standin.message(cast.COMPLAINTS, lawsuit),
        "channel": cast.COMPLAINTS,
        "type": "message",
    }
    stage.rig.driver.deliver_event(event, retry_num=1)
    stage.show_new("10:10")
    stage.say(f"{PAD}(…and it is still one case: nothing new was posted)")
    stage.shortcut(
        "10:18",
        cast.SUPPORT,
        "Heads up: a guest posted on Instagram that housekeeping threw away her medication from room 508. "
        "Customer: Lena Fischer, lena.fischer@example.com",
    )
    stage.say(f"{PAD}(no keyword names it, but triage knows a thrown-away medication is serious)")
    stage.post(
        "10:25", cast.WAITER, "Customer: Tom Becker again: his room service order never arrived tonight."
    )
    stage.command("10:30", cast.MANAGER, "list")


def chapter_two(stage: Stage) -> None:
    """Apologies at the right level: approved from a DM, edited, refused to an outsider, escalated in time."""
    stage.say("\n━━ Chapter two · sorry, from high enough up ━━")
    stage.say("Each case's leader got a DM with a draft apology and its quality check. A serious failure")
    stage.say("deserves an apology from someone senior, and speed is part of the apology.")
    critical = stage.request_for(cast.EXECUTIVE)
    stage.press("10:14", cast.OUTSIDER, "Approve & send", Action.APPROVE_APOLOGY, critical, None)
    stage.press("10:15", cast.EXECUTIVE, "Approve & send", Action.APPROVE_APOLOGY, critical, None)
    coffee = stage.request_for(cast.LEAD)
    stage.press("10:20", cast.LEAD, "Edit", Action.EDIT_APOLOGY, coffee, None)
    stage.submit(
        "10:21",
        cast.LEAD,
        {
            Input.APOLOGY_TEXT: "Dear guest, I am sorry we served you cold coffee this morning; that was our "
            "mistake. I have asked the kitchen to look into it.\nTara Nguyen, Team lead",
        },
    )
    stage.say(f"{PAD}Tara says what she will do, and when:")
    stage.submit(
        "10:22",
        cast.LEAD,
        {
            Input.APOLOGY_TEXT: "Dear guest, I am sorry we served you cold coffee this morning; that was our "
            "mistake. I will bring you a fresh pot myself right now, and breakfast tomorrow is on us."
            "\nTara Nguyen, Team lead",
        },
    )
    stage.say(f"\n{PAD}(Ana Costa, the director, is in meetings and does not answer REC-3 in time…)")
    stage.press(
        "10:30", cast.MANAGER, "Approve & send", Action.APPROVE_APOLOGY, stage.request_for(cast.MANAGER), None
    )
    stage.press(
        "10:32",
        cast.DIRECTOR,
        "Approve & send",
        Action.APPROVE_APOLOGY,
        stage.request_for(cast.DIRECTOR),
        None,
    )
    climbed = stage.wait_for_dm("11:45", cast.EXECUTIVE, "Apology needed: REC-3", timeout=40)
    stage.press("11:50", cast.EXECUTIVE, "Approve & send", Action.APPROVE_APOLOGY, climbed, None)


def chapter_three(stage: Stage) -> None:
    """Fix owners, deadlines typed in plain words, reminders, a slipped deadline, and done."""
    stage.say("\n━━ Chapter three · fixing it by a deadline ━━")
    stage.say(
        "Fixing the problem is the bare minimum, and fast matters. Each fix gets an owner and a deadline;"
    )
    stage.say("Bounceback reminds the owner before, at and after it, and tells the leader when it slips.")
    stage.say("(In this demo policy a day lasts seconds: reminders come 6s and 3s before a deadline.)")
    stage.command("11:00", cast.MANAGER, f"owner REC-2 <@{cast.WAITER.id}> due in 4 seconds")
    stage.command("11:02", cast.DIRECTOR, f"owner REC-3 <@{cast.SUPPORT.id}> due in 9 seconds")
    stage.wait_for_dm("11:30", cast.SUPPORT, "Reminder")
    owner_dm = next(
        m for m in stage.rig.standin.dm(cast.SUPPORT.id) if "own the fix" in (m.get("text") or "")
    )
    stage.press("11:35", cast.SUPPORT, "Need more time", Action.NEED_MORE_TIME, owner_dm, 3)
    stage.submit(
        "11:35",
        cast.SUPPORT,
        {
            Input.FIX_DUE: "in 12 seconds",
            Input.REASON: "the bank needs a day to reverse the duplicate charge",
        },
    )
    stage.wait_for_dm("13:00", cast.MANAGER, "Heads-up")
    stage.command("13:05", cast.WAITER, "fixed REC-2 Booked his table for Friday and briefed the host team")
    stage.wait_for_dm("14:00", cast.SUPPORT, "is due *now*")
    stage.press("14:10", cast.SUPPORT, "Mark fixed", Action.MARK_FIXED, owner_dm, 3)


def chapter_four(stage: Stage) -> None:
    """Check-ins until the customer is okay, one unhappy customer won back, what we changed, the digest."""
    stage.say("\n━━ Chapter four · is everything okay? ━━")
    stage.say(
        "Fixing it is not the end. Whoever apologized checks back with the customer, until they are okay,"
    )
    stage.say("and the team writes down what it changed so it won't happen again.")
    first = stage.wait_for_dm("Tue 10:00", cast.MANAGER, "is everything okay?")
    stage.press("Tue 10:05", cast.MANAGER, "Still unhappy", Action.CHECKIN_UNHAPPY, first, None)
    stage.press(
        "Tue 10:20",
        cast.DIRECTOR,
        "Approve & send",
        Action.APPROVE_APOLOGY,
        stage.request_for(cast.DIRECTOR),
        None,
    )
    stage.command("Tue 10:30", cast.MANAGER, f"owner REC-2 <@{cast.WAITER.id}> due in 1 hour")
    stage.command(
        "Tue 12:00",
        cast.WAITER,
        "fixed REC-2 Gave him the chef's table on Friday; the host team has a new booking check",
    )
    checkin = stage.wait_for_dm("Wed 10:00", cast.EXECUTIVE, "is everything okay?")
    stage.press("Wed 10:05", cast.EXECUTIVE, "All good", Action.CHECKIN_OK, checkin, None)
    stage.command("Wed 11:00", cast.SUPPORT, "close REC-3")
    stage.command(
        "Wed 11:10",
        cast.SUPPORT,
        "improve REC-3 a retry on the payment page charged the card twice => the page now blocks a second "
        "submit, and a nightly report flags duplicate charges",
    )
    later = stage.wait_for_dm("Fri 10:00", cast.EXECUTIVE, "is everything okay?", newer_than=checkin)
    stage.press("Fri 10:05", cast.EXECUTIVE, "All good", Action.CHECKIN_OK, later, None)
    stage.command("Fri 10:10", cast.SUPPORT, "close REC-3")
    won_back = stage.wait_for_dm("Fri 16:00", cast.DIRECTOR, "is everything okay?")
    stage.press("Fri 16:05", cast.DIRECTOR, "All good", Action.CHECKIN_OK, won_back, None)
    stage.say("\nMonday 09:00 · the weekly digest is due (the demo posts it now):")
    with stage.rig.service.runtime.transaction() as session:
        digest.post(session, policy=stage.rig.policy, key="digest:demo", until=utcnow())
    stage.show_new("Mon 09:00")


def chapter_five(stage: Stage) -> None:
    """The customer hears from us: the approved apology in their inbox, and the check-in they answer themselves."""
    stage.say("\n━━ Chapter five · the customer hears from us ━━")
    stage.say(
        "When a case has the customer's e-mail address, the approved apology goes to them from the leader's"
    )
    stage.say("name, and the check-in asks them directly. (A local mail server stands in for their inbox.)")
    stage.post(
        "Fri 17:00",
        cast.FRONT_DESK,
        f"Customer: Priya Shah, {PRIYA} says the lamp by her bed in 312 flickers.",
    )
    stage.press(
        "Fri 17:05", cast.LEAD, "Approve & send", Action.APPROVE_APOLOGY, stage.request_for(cast.LEAD), None
    )
    customer.read_email(stage, "Fri 17:05", "Priya", PRIYA, "An apology from")
    stage.show_new("Fri 17:05")
    label = f"REC-{latest_case(stage)}"
    stage.command("Fri 17:10", cast.LEAD, f"owner {label} <@{cast.WAITER.id}> due in 1 hour")
    stage.command("Fri 17:30", cast.WAITER, f"fixed {label} Replaced the lamp and checked the wiring in 312")
    stage.wait_for_dm("Sat 10:00", cast.LEAD, f"Time to check in with Priya Shah about {label}")
    mail = customer.read_email(stage, "Sat 10:00", "Priya", PRIYA, "Is everything okay now?")
    customer.click(
        stage, "Sat 10:20", "Priya", mail, "All good", "The new lamp is lovely. Thank you for the note!"
    )


def latest_case(stage: Stage) -> int:
    """The number of the newest case."""
    with stage.rig.service.runtime.db.reading() as session:
        return session.exec(select(func.max(Case.id))).one()


def play(*, fast: bool = False, socket_mode: bool = False) -> int:
    """Play the demo from start to end on a temporary database; returns the exit status.

    With `socket_mode` the bot connects to the stand-in's Socket Mode server, as with SLACK_APP_TOKEN.
    """
    logging.basicConfig(level=logging.ERROR)
    print(
        "Bounceback demo: the bot runs against a local Slack stand-in on this machine; nothing leaves it.\n"
    )
    if socket_mode:
        print(
            "The bot is connected to the stand-in over Socket Mode, as it is when SLACK_APP_TOKEN is set.\n"
        )
    with Rig(mail=True, socket_mode=socket_mode) as rig:
        stage = Stage(rig=rig, pause=0.0 if fast else 0.4)
        chapter_one(stage)
        chapter_two(stage)
        chapter_three(stage)
        chapter_four(stage)
        chapter_five(stage)
        stage.say(
            "\nThat was the loop: a sincere apology from high enough up, fast; a fix by a deadline; something"
        )
        stage.say(
            "extra; a check-back until the customer is okay; and what we changed so it won't happen again."
        )
    return 0


if __name__ == "__main__":
    sys.exit(play())
