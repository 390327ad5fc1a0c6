"""Who the customer is: read from what the reporter wrote, typed into a modal, or hidden from a channel."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

HIDDEN = "[contact hidden]"

# Every pattern starts with a look-behind, so a long run of letters or digits is scanned once, not once
# per position, and most with a look-ahead on the first character, which lets the engine skip ahead fast:
# the text can be a 100k-character paste.
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Slack sends links as <mailto:jane@x.com|jane@x.com> and <tel:+15551234567|+1 555 123 4567>.
_SLACK_LINK = re.compile(r"<(?:mailto|tel):[^<>|]{1,320}(?:\|[^<>]{0,320})?>", re.IGNORECASE)
# Digit groups are split only at separators, so a long run of digits cannot make the engine backtrack.
_INTERNATIONAL = re.compile(
    r"(?=\+)(?<![\w+])\+\d{1,15}(?:[ .-]?\(\d{1,5}\)|[ .-]\d{1,6}){0,6}(?![\w/]|[.,:-]\d)"
)
_US = re.compile(
    r"(?=[\d(])(?<![\w#$€£¥.,:/+-])(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w/]|[.,:-]\d)"
)
_LABELLED = re.compile(
    r"(?=[ptmcwrh])(?:\b(?:phone|tel|telephone|mobile|cell|whatsapp|ph)\b\.?"
    r"|\b(?:call|reach|text)\s+(?:me|her|him|them)\s+(?:at|on)|\b(?:my|her|his|their)\s+number)"
    r"(?:\s*(?:number|no\.?|#))?\s*(?:is\s*)?[:=]?\s*"
    r"(?P<number>\+?\d[\d ().-]{6,20}\d)(?![\w/])",
    re.IGNORECASE,
)
_TYPED_PHONE = re.compile(r"\+?\(?\d[\d ().-]*\d")  # in a contact field, any digits are meant as a phone
# A number right after one of these words is a reference, never a phone.
_REFERENCE = re.compile(
    r"\b(?:order|invoice|ticket|ref|reference|tracking|confirmation|booking|reservation|account|acct|receipt"
    r"|po|sku|serial|case|transaction|item)\b\s*(?:#|no\.?|number|num|id)?\s*[:#]?\s*$",
    re.IGNORECASE,
)

_NAME_WORD = r"(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?|[^\W\d_][\w'’-]*"
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|al)"
_LABEL = re.compile(
    rf"(?=[cg])\b(?:customer|client|guest)(?:['’]s)?(?:\s+name)?(?:\s*[:=–—-]\s*|\s+)"
    rf"(?P<name>(?:{_NAME_WORD})(?:[ \t]+(?:{_PARTICLE}[ \t]+)*(?:{_NAME_WORD})){{0,3}})",
    re.IGNORECASE,
)
# Capitalized words that follow "customer"/"client"/"guest" without being anyone's name.
_NOT_NAME = re.compile(
    r"services?|support|care|success|experience|portal|accounts?|team|relations|satisfaction|feedback"
    r"|complaints?|list|lounge|room|wi-?fi|parking|check-?in|check-?out"
    r"|i|we|he|she|they|you|it|this|that|the|a|an|and|or|is|was|says|said|called|wants|reports"
    r"|from|at|in|on|of|for|to",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Customer:
    """The customer of a case; blank fields are stored as None."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            cleaned = " ".join(value.split()) if isinstance(value, str) else None
            object.__setattr__(self, field.name, cleaned or None)

    def key(self) -> str | None:
        """A stable key for repeat detection: e-mail, else phone digits, else name; None when unknown."""
        if self.email:
            return self.email.lower()
        if self.phone:
            digits = re.sub(r"\D", "", self.phone)
            if self.phone.startswith("00"):  # the international call prefix, as "+"
                digits = digits[2:]
            if digits:
                return digits
        if self.name:
            return " ".join(self.name.casefold().split())
        return None

    def merged(self, other: Customer) -> Customer:
        """This customer with every field `other` knows taking its place."""
        known = {
            field.name: getattr(other, field.name) for field in fields(other) if getattr(other, field.name)
        }
        return replace(self, **known)


# The longest e-mail address (RFC 5321: 64 + "@" + 255) and phone number the case keeps (its columns).
MAX_EMAIL, MAX_PHONE = 320, 64


def extract_customer(text: str) -> Customer:
    """The customer named in a complaint, where the text makes it clear (nothing longer than a real one)."""
    email = _EMAIL.search(text)
    phones = _phone_spans(text)
    phone = text[phones[0][0] : phones[0][1]] if phones else None
    return Customer(
        name=_labelled_name(text),
        email=email.group() if email and len(email.group()) <= MAX_EMAIL else None,
        phone=phone if phone and len(phone) <= MAX_PHONE else None,
    )


def redact_contact(text: str) -> str:
    """The text with every e-mail address and phone number replaced by "[contact hidden]"."""
    text = _SLACK_LINK.sub(HIDDEN, text)
    text = _EMAIL.sub(HIDDEN, text)
    pieces: list[str] = []
    done = 0
    for start, end in _phone_spans(text):
        pieces += [text[done:start], HIDDEN]
        done = end
    return "".join([*pieces, text[done:]])


def parse_contact(text: str) -> Customer:
    """The e-mail and/or phone typed into a "customer contact" field (blank: none); ValueError if neither."""
    example = "for example jane@example.com or +1 555 123 4567"
    emails = _EMAIL.findall(text)
    rest = _EMAIL.sub(" ", text)
    phones = _TYPED_PHONE.findall(rest)
    rest = _TYPED_PHONE.sub(" ", rest)
    leftover = re.sub(r"\b(?:e-?mail|phone|tel|mobile|cell|and|or)\b|[\s,;/|:&()]+", " ", rest, flags=re.I)
    if leftover.strip():
        words = " ".join(leftover.split())[:60]
        if "@" in words:
            raise ValueError(f"“{words}” is not a complete e-mail address, {example}.")
        raise ValueError(f"“{words}” is neither an e-mail address nor a phone number, {example}.")
    if len(emails) > 1 or len(phones) > 1:
        raise ValueError("Enter at most one e-mail address and one phone number.")
    if emails and len(emails[0]) > MAX_EMAIL:
        raise ValueError(
            f"That e-mail address is {len(emails[0])} characters; a real one has at most {MAX_EMAIL}."
        )
    if phones and len(phones[0]) > MAX_PHONE:
        raise ValueError(
            f"That phone number is {len(phones[0])} characters; write it with fewer spaces and dashes."
        )
    if phones:
        digits = len(re.sub(r"\D", "", phones[0]))
        if not 8 <= digits <= 15:
            raise ValueError(
                f"“{phones[0]}” has {digits} digits; a phone number with its area code has 8 to 15."
            )
    return Customer(email=emails[0] if emails else None, phone=phones[0] if phones else None)


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Where the phone numbers are, in order, without overlaps and without reference numbers."""
    spans: list[tuple[int, int]] = []
    for match in _INTERNATIONAL.finditer(text):
        if 8 <= len(re.sub(r"\D", "", match.group())) <= 15:
            spans.append(match.span())
    spans += [match.span() for match in _US.finditer(text)]
    for match in _LABELLED.finditer(text):
        if 7 <= len(re.sub(r"\D", "", match.group("number"))) <= 15:
            spans.append(match.span("number"))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if kept and start < kept[-1][1]:
            continue
        if _REFERENCE.search(text[max(0, start - 40) : start]):
            continue
        kept.append((start, end))
    return kept


def _labelled_name(text: str) -> str | None:
    """1–4 capitalized words after "customer", "client" or "guest"; stop at punctuation."""
    for match in _LABEL.finditer(text):
        words = match.group("name").split()
        name: list[str] = []
        for i, word in enumerate(words):
            if name and re.fullmatch(_PARTICLE, word):
                after = [w for w in words[i + 1 :] if not re.fullmatch(_PARTICLE, w)]
                if after and after[0][0].isupper():  # "Ana de la Cruz", never a trailing "de"
                    name.append(word)
                    continue
            if not word[0].isupper() or _NOT_NAME.fullmatch(word.rstrip(".")):
                break
            possessive = re.fullmatch(r"(.+)['’]s", word)
            name.append(possessive.group(1) if possessive else word)
            if possessive:  # "customer Jane Doe's order": the name ends here
                break
        while name and re.fullmatch(_PARTICLE, name[-1]):
            name.pop()
        if name:
            return " ".join(name).rstrip("’'-")
    return None
