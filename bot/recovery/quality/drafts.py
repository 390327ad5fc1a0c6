"""A draft apology written from the case, for the leader to approve or edit (SPEC §2.3).

One honest apology, in the seeds' order: name what went wrong for this customer and own it, say what
we are doing and by when, offer the something extra, say what we are changing (for serious cases), and
promise to check back. Every draft is run through the quality check before it is returned.
"""

import re
from dataclasses import dataclass

from bot.recovery.quality import repair_words, rules
from bot.recovery.quality.check import check_apology

MAX_WORDS = 120


@dataclass(frozen=True)
class DraftInput:
    """What the draft is written from: the case, the leader who signs it, and what we can promise."""

    customer_name: str | None
    summary: str
    severity: str
    leader_name: str
    leader_title: str
    fix_by: str | None = None  # e.g. "by Friday 5pm"
    gesture: str | None = None  # e.g. "a complimentary dessert on your next visit"
    company: str | None = None


def write_draft(d: DraftInput) -> str:
    """A short, warm apology from the leader that passes the quality check."""
    severity = d.severity.strip().lower()
    owning, change = next(
        ((owning, change) for words, owning, change in _TOPICS if words.search(d.summary)), _DEFAULT_TOPIC
    )
    openings = [f"I am sorry {owning}, and that is on us."]
    retold = _retell(d.summary)
    if retold:  # what happened in the customer's own terms, when we can say it in good English
        openings.insert(0, f"I am sorry that {retold}. We let you down, and that is on us.")
    reports = {
        letter: check_apology(letter, severity=severity)
        for letter in (_letter(d, severity, o, change) for o in openings)
    }
    return min(
        reports, key=lambda letter: (not reports[letter].ok, len(reports[letter].warnings))
    )  # first best


# --- the letter ---------------------------------------------------------------------------------------

# What the complaint is about (words it may use; stems unless they end in \b), how we own it without
# retelling it, and what we are changing so it won't happen again.
_TOPIC_TABLE = (
    (
        r"medic meds insulin prescription pill tablet inhaler epipen epi-pen",
        "for what this did to your health",
        "how we handle medicine and anything our customers need for their health",
    ),
    (
        r"injur hurt hospital ill\b sick poison allerg burn breach privacy expos",
        "for what we put you through",
        "how we keep people safe",
    ),
    (
        r"rude ignor dismissive attitude unhelpful shout yell insult disrespect unprofessional",
        "for the way we treated you",
        "how we train and support our team",
    ),
    (
        r"account login password subscription app\b website data\b system outage online",
        "we let you down with your account",
        "how we test changes to our systems",
    ),
    (
        r"overbook booking reservation appointment cancel reschedul",
        "we let you down with your booking",
        "how we confirm bookings",
    ),
    (
        r"charg bill invoice payment price fee\b fees\b paid",
        "we let you down with your bill",
        "how we check bills",
    ),
    (
        r"food meal dish dessert kitchen pizza dinner lunch breakfast restaurant menu waiter",
        "we let you down with your meal",
        "how our kitchen checks every plate",
    ),
    (
        r"order item product size wrong missing damag broken faulty",
        "we let you down with your order",
        "how we check orders before they leave us",
    ),
    (
        r"deliver parcel package courier shipping shipment shipped tracking",
        "we let you down with your delivery",
        "how we track deliveries",
    ),
    (
        r"room housekeep towel shower check-in front\s+desk hotel stay",
        "we let you down during your stay",
        "how we check rooms before guests arrive",
    ),
    (
        r"install repair contractor plumb electric leak renovat workmanship technician engineer"
        r" advice consult deadline filing",
        "we let you down with the work we did for you",
        "how we check our work",
    ),
    (
        r"flight luggage baggage bag\b bags\b seat\b trip travel",
        "we let you down on your trip",
        "how we travel",
    ),
    (
        r"wait queue slow late\b delay on\s+hold call\s*back respond reply",
        "we kept you waiting",
        "how we keep people informed",
    ),
)
_TOPICS = tuple(
    (re.compile(rf"\b(?:{'|'.join(words.split())})", re.IGNORECASE), owning, change)
    for words, owning, change in _TOPIC_TABLE
)
_DEFAULT_TOPIC = ("for the frustration we caused you", "how we work")
_STARTS_WITH_A_TIME = re.compile(
    r"(?:by|before|on|within|in|at|no later than|today|tonight|tomorrow|this|first|end of|next)\b",
    re.IGNORECASE,
)


def _letter(d: DraftInput, severity: str, opening: str, change: str) -> str:
    """The letter, dropping the optional lines (introduction, then the check-back) if it runs long."""
    name, title, company = _clean(d.leader_name), _clean(d.leader_title), _clean(d.company or "")
    name = "" if name.lower() == title.lower() else name  # no name known: sign with the title alone
    intro = f"I'm {name}, {title}{f' at {company}' if company else ''}, and I wanted to write to you myself."
    action = _repair(severity, _clean(d.fix_by or ""))
    gesture = _clean(d.gesture or "").rstrip(".")
    if gesture:
        action += f" I would also like you to have {_with_article(gesture)}."
    if severity in ("major", "critical"):
        action += f" We are also changing {change} so this does not happen again."
    closing = "Once it is done, I will check back with you to make sure everything is okay."
    signed_as = f"{title}, {company}" if title and company else title or company
    signature = "\n".join(part for part in (name, signed_as) if part)
    for keep_intro, keep_closing in ((True, True), (False, True), (False, False)):
        first = f"{intro} {opening}" if keep_intro and name and title else opening
        paragraphs = (_greeting(d.customer_name), first, action, closing if keep_closing else "", signature)
        letter = "\n\n".join(p for p in paragraphs if p)
        if len(letter.split()) <= MAX_WORDS:
            break
    return letter


def _repair(severity: str, fix_by: str) -> str:
    """What we will do and by when; without a deadline, a next step timed to the severity."""
    if not fix_by:
        return {
            "critical": "Within the hour I will call you personally to put this right.",
            "major": "I will call you today myself to put this right.",
            "moderate": "I will call you today to put this right.",
        }.get(severity, "We will put this right today.")
    when = fix_by.rstrip(" .;,")
    when = when if _STARTS_WITH_A_TIME.match(when) else f"by {when}"
    if severity == "critical":
        return f"Within the hour I will call you personally, and we will have this put right {when}."
    if severity == "major" or not repair_words.TIME.search(when.lower()):  # a deadline we can't read: call
        return f"We will have this put right {when}, and I will call you today to tell you how."
    return f"We will have this put right {when}."


def _greeting(customer_name: str | None) -> str:
    name = _clean(customer_name or "")
    words = name.split()
    if not words or "@" in name or any(ch.isdigit() for ch in name) or len(words) > 5:
        return "Hello,"
    if words[0].rstrip(".").lower() in ("mr", "mrs", "ms", "mx", "dr", "prof", "sir", "dame"):
        return f"Dear {name},"
    if words[-1].rstrip(".").lower() in ("inc", "ltd", "llc", "corp", "co", "gmbh", "plc", "group"):
        return f"Dear {name} team,"
    return f"Dear {words[0]},"


def _with_article(gesture: str) -> str:
    first = gesture.split()[0].lower()
    determiners = ("a", "an", "the", "your", "our", "one", "two", "some", "this", "that")
    if (
        first in determiners
        or not first[0].isalpha()
        or (gesture.endswith("s") and not gesture.endswith("ss"))
    ):
        return gesture
    return ("an " if first[0] in "aeiou" else "a ") + gesture


def _clean(text: str) -> str:
    """One line, without quote marks or markup that could break the letter or hide it from the check."""
    return " ".join(re.sub(r"[\"“”«»<>`*_~|]", "", text).split())


# --- what happened, told to the customer ---------------------------------------------------------------

_CONTACT = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\b(?:e-?mail|phone|tel|mobile|cell|contact|address)\s*[:#]\s*[^,;\n]*",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d(?!\d)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_FIRST_SENTENCE = re.compile(r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<=[.!?])\s+")
_REPORTED = re.compile(  # "Guest in 412 says …", "Jane called to say …"
    r"^.{0,60}?\b(?:says|said|reports?|reported|complain(?:s|ed)|claim(?:s|ed)|told\s+us|tells\s+us"
    r"|mention(?:s|ed)|writes|wrote|explain(?:s|ed)|called\s+(?:to\s+say|about)|(?:is|was)\s+upset"
    r"|(?:posted|tweeted|shared|wrote|commented)(?:\s+(?:on|to|in)\s+\w+)?|left\s+a\s+review)(?:\s+that"
    r"|\s+because|\s+saying)?[\s:,-]+",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[^:]{1,40}:\s+")  # "Customer called: order arrived damaged"
_CUSTOMER = re.compile(
    r"\b(?:(?:the|a|an|our|this|one)\s+)?(?:customer|guest|client|caller|patient|diner|passenger|member)('s)?\b",
    re.I,
)
_TEAM = re.compile(r"^(housekeeping|reception|security|maintenance|catering|kitchen|front\s+desk)\b", re.I)
_OWNED_NOUN = re.compile(
    r"^(?:the\s+)?(room|order|booking|reservation|table|meal|food|bill|invoice|parcel|package|delivery|refund"
    r"|car|appointment|account|card|bag|luggage|suitcase|flight|cake|dinner|pizza|sofa|repair)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"^(?:you|your|the|a|an|we|our|no\s+one|nobody|nothing|none|there|it|its|someone|somebody|staff|every"
    r"|each|both|all|this|that|\d+)\b",
    re.IGNORECASE,
)
_HAS_VERB = re.compile(
    r"\b(?:was|were|is|are|weren't|aren't|had|has|have|haven't|hadn't|did|didn't|got|took|came|went|left|sent"
    r"|lost|gave|never|broke|forgot|paid|threw|spilt|spilled|hit|cut|sold|told|let|drove|ate|[a-z]+ed)\b"
)
_NOT_WHAT_HAPPENED = re.compile(  # demands, threats, present-tense complaints and anyone we cannot place
    r"\?|\b(?:will|'ll|wants?|demands?|expects?|hopes?|asks?|asking|going\s+to|would\s+like|threaten\w*|sue"
    r"|lawyers?|they|them|their|i|me|my)\b|\byou\s+[a-z]*[^s\W]s\b|,\s+(?:we|you|it|there)\b|[<>{}\[\]"
    r"|#@*_~`\"“”«»]",
    re.IGNORECASE,
)


def _pairs(text: str) -> dict[str, str]:
    return dict(pair.split(">", 1) for pair in text.split())


_FIRST_PERSON = _pairs(
    "i>you me>you my>your mine>yours myself>yourself i'm>you're i've>you've i'd>you'd i'll>you'll"
)
_THIRD_PERSON = _pairs(
    "she>you he>you his>your him>you herself>yourself himself>yourself she's>you're he's>you're she'd>you'd "
    "he'd>you'd"
)
_AGREEMENT = _pairs(
    "was>were wasn't>weren't is>are isn't>aren't has>have hasn't>haven't does>do doesn't>don't"
)
_HER_AS_OBJECT = rules.word_set(  # "ignored her at the desk" (you) rather than "her room" (your)
    "a an the some any no this that these those to at for in on with about by from and or but back up down "
    "off out again twice when as until because before after into over through"
)
_PASSIVE = re.compile(
    r"^(?P<subject>you|your(?: [\w'-]+){1,3}?) (?:was|were) (?P<neg>not "
    r"|never )?(?P<verb>[a-z]+)\b(?P<rest>.*)$"
)
_ACTIVE = {  # participle → (past, base): "was lost" → "we lost", "was not cleaned" → "we did not clean"
    participle: (past, base)
    for participle, past, base in (
        entry.split(">")
        for entry in rules.word_set(
            "cleaned>cleaned>clean lost>lost>lose damaged>damaged>damage cancelled>cancelled>cancel "
            "canceled>canceled>cancel ignored>ignored>ignore overcharged>overcharged>overcharge "
            "charged>charged>charge delayed>delayed>delay forgotten>forgot>forget "
            "misplaced>misplaced>misplace mishandled>mishandled>mishandle broken>broke>break sent>sent>send "
            "given>gave>give told>told>tell called>called>call contacted>contacted>contact "
            "informed>informed>inform refunded>refunded>refund served>served>serve kept>kept>keep "
            "left>left>leave overlooked>overlooked>overlook missed>missed>miss dropped>dropped>drop "
            "billed>billed>bill"
        )
    )
}


def _retell(summary: str) -> str | None:
    """What happened, told to the customer ("we did not clean your room"); None if unsure of the grammar."""
    text = _PHONE.sub(_unless_date, _CONTACT.sub("", summary.replace("’", "'")))
    text = " ".join(re.sub(r"\(\s*[,;]?\s*\)", "", text).split())
    first = _FIRST_SENTENCE.split(text, maxsplit=1)[0]
    reported = _REPORTED.match(first) or _LABEL.match(first)
    clause = (first[reported.end() :] if reported else first).strip(" .!,;:-")
    if not 3 <= len(clause.split()) <= 28:
        return None
    turned = _second_person(clause)
    if turned is None:
        return None
    turned = _TEAM.sub(lambda m: f"our {m.group(1).lower()} team", turned)
    owned = _OWNED_NOUN.match(turned)
    if (
        owned
    ):  # a note's bare noun: "order arrived damaged" → "your order …", "invoice sent to …" → "… was sent"
        rest = turned[owned.end() :]
        was = " was" if rest.split()[:1] and rest.split()[0].lower() in _ACTIVE else ""
        turned = f"your {owned.group(1).lower()}{was}{rest}"
    if not _SUBJECT.match(turned) or not _HAS_VERB.search(turned) or _NOT_WHAT_HAPPENED.search(turned):
        return None
    return _we_did_it(turned[0].lower() + turned[1:])


def _unless_date(m: re.Match[str]) -> str:
    """A phone number is dropped; a date or a short number is kept."""
    digits = sum(ch.isdigit() for ch in m.group())
    return m.group() if _DATE.fullmatch(m.group().strip()) or digits < 7 else ""


def _second_person(clause: str) -> str | None:
    """The clause turned towards the customer: "I was"/"she was"/"the guest was" → "you were"."""
    lowered = clause.lower()
    first = re.search(r"\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll)\b", lowered)
    third = re.search(r"\b(?:she|he|her|his|him|herself|himself)\b", lowered)
    she, he = re.search(r"\b(?:she|her)\b", lowered), re.search(r"\b(?:he|his|him)\b", lowered)
    if (first and third) or (she and he):
        return None  # two people in one sentence: we cannot tell which one is the customer
    if first and re.search(r"\b(?:we|us|our)\b", lowered):
        return None  # the customer's "we waited an hour" would read as us
    customer = _CUSTOMER.sub(
        lambda m: "your" if m.group(1) else "you", clause
    )  # "the guest's bag" → "your bag"
    tokens = re.findall(r"[\w']+|[^\w\s]+|\s+", customer)
    out: list[str] = []
    for i, token in enumerate(tokens):
        word = token.lower()
        if word == "her":
            following = next((t.lower() for t in tokens[i + 1 :] if not t.isspace()), "")
            word = "you" if following in _HER_AS_OBJECT or not following[:1].isalpha() else "your"
        word = _FIRST_PERSON.get(word, _THIRD_PERSON.get(word, word))
        previous = next((w for w in reversed(out) if not w.isspace()), "")
        if previous.lower() == "you":
            word = _AGREEMENT.get(word, word)
        out.append(token if word == token.lower() else word)
    return "".join(out)


def _we_did_it(clause: str) -> str:
    """Passives said as what we did: "your room was not cleaned" → "we did not clean your room"."""
    parts: list[str] = []
    for part in clause.split(" and "):
        m = _PASSIVE.match(part)
        if m and m["verb"].lower() in _ACTIVE and not m["rest"].startswith(" by "):
            past, base = _ACTIVE[m["verb"].lower()]
            done = {"not": f"did not {base}", "never": f"never {past}"}.get((m["neg"] or "").strip(), past)
            we = "" if parts and parts[-1].startswith("we ") else "we "
            part = f"{we}{done} {m['subject']}{m['rest']}"
        parts.append(part)
    return " and ".join(parts)
