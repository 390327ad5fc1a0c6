"""Check-in links a customer can open and nobody can forge: signed, one check-in each, expiring.

A link carries the case, the check-in (its nudge key) and when it expires, signed with HMAC-SHA256
under BOUNCEBACK_SECRET. The page's form carries a second signature derived from the link, so a
form posted from another site (which cannot read the page) is refused.
"""

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime

LINK_PURPOSE = b"bounceback checkin link v1:"
FORM_PURPOSE = b"bounceback checkin form v1:"


class BadLink(Exception):
    """A link that is tampered with, malformed or expired; why stays in the log, the customer sees one page."""


@dataclass(frozen=True)
class Link:
    """What a valid link names: one check-in of one case."""

    case_id: int
    nudge_key: str
    expires: datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, purpose: bytes, message: str) -> str:
    return _b64(hmac.new(secret.encode(), purpose + message.encode(), hashlib.sha256).digest())


def sign(secret: str, link: Link) -> str:
    """The token for a link: its fields, then their signature."""
    fields = json.dumps(
        {"c": link.case_id, "k": link.nudge_key, "x": int(link.expires.timestamp())}, separators=(",", ":")
    )
    body = _b64(fields.encode())
    return f"{body}.{_mac(secret, LINK_PURPOSE, body)}"


def verify(secret: str, token: str, now: datetime) -> Link:
    """The link a token names, if its signature holds and it has not expired; BadLink otherwise."""
    body, dot, signature = token.partition(".")
    if not (body and dot and signature) or len(token) > 600:
        raise BadLink("malformed")
    if not hmac.compare_digest(signature, _mac(secret, LINK_PURPOSE, body)):
        raise BadLink("signature does not match")
    try:
        fields = json.loads(_unb64(body))
        link = Link(
            case_id=int(fields["c"]),
            nudge_key=str(fields["k"]),
            expires=datetime.fromtimestamp(int(fields["x"]), UTC),
        )
    except (ValueError, KeyError, TypeError):
        raise BadLink("unreadable fields") from None
    if link.expires <= now:
        raise BadLink("expired")
    return link


def form_token(secret: str, token: str) -> str:
    """The hidden value the page's form must send back: proof the form came from the page itself."""
    return _mac(secret, FORM_PURPOSE, token)


def form_ok(secret: str, token: str, sent: str) -> bool:
    """Whether a posted form carries the value only the page knows."""
    return hmac.compare_digest(sent.encode(), form_token(secret, token).encode())
