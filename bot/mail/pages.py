"""The customer's check-in page on the bot's own HTTP server (HTTP mode and Socket Mode alike).

GET shows it and changes nothing; only a POST from the page itself records an answer: the form
carries a value signed from the link, and a browser's Origin (or Sec-Fetch-Site) naming another
site is refused. Answers never carry cookies, and the page is never cached, framed or referred on.
"""

import logging
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bot.recovery import customer_answers
from bot.recovery.customer_answers import Page
from bot.recovery.customer_mail import CHECKIN_PATH
from bot.recovery.messages import page
from bot.slack.context import Runtime
from bot.store.models import utcnow

log = logging.getLogger(__name__)
MAX_FORM = 8192  # bytes: an answer and a few words
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Cache-Control", "no-store"),
    (
        "Referrer-Policy",
        "same-origin",
    ),  # the link is the key: never hand it to another site (and "no-referrer"
    # would make the browser send "Origin: null" with the form)
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
]
STATUS = {
    200: "200 OK",
    403: "403 Forbidden",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    413: "413 Content Too Large",
}

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def with_pages(inner: WsgiApp, runtime: Runtime) -> WsgiApp:
    """The bot's WSGI app with the check-in pages in front (when e-mail check-ins have a public URL)."""
    if not runtime.policy.customer_email.public_url:
        return inner

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if not path.startswith(CHECKIN_PATH):
            return inner(environ, start_response)
        answer = _serve(runtime, environ, path.removeprefix(CHECKIN_PATH))
        body = answer.html.encode()
        start_response(STATUS[answer.status], [*HEADERS, ("Content-Length", str(len(body)))])
        return [body] if environ.get("REQUEST_METHOD") != "HEAD" else []

    return application


def _serve(runtime: Runtime, environ: dict[str, Any], token: str) -> Page:
    policy, method = runtime.policy, environ.get("REQUEST_METHOD", "GET")
    company = policy.customer_email.sender_name
    if method in ("GET", "HEAD"):
        query = parse_qs(environ.get("QUERY_STRING", ""))
        with runtime.db.reading() as session:
            return customer_answers.show(
                session, policy=policy, token=token, answer=_first(query, "answer"), now=utcnow()
            )
    if method != "POST":
        return Page(405, page.refused_page(company=company))
    if not _same_site(environ, policy.customer_email.public_url or ""):
        log.warning(
            "refused a check-in answer posted from another site (Origin %s, Sec-Fetch-Site %s)",
            environ.get("HTTP_ORIGIN"),
            environ.get("HTTP_SEC_FETCH_SITE"),
        )
        return Page(403, page.refused_page(company=company))
    form = _form(environ)
    if form is None:
        return Page(413, page.refused_page(company=company))
    with runtime.transaction() as session:
        return customer_answers.answer(
            session,
            policy=policy,
            token=token,
            form=_first(form, "form"),
            answer=_first(form, "answer"),
            note=_first(form, "note"),
            now=utcnow(),
        )


def _same_site(environ: dict[str, Any], public_url: str) -> bool:
    """False when the browser says the form came from another site (Origin, or Sec-Fetch-Site)."""
    if environ.get("HTTP_SEC_FETCH_SITE", "same-origin") not in ("same-origin", "none"):
        return False
    origin = environ.get("HTTP_ORIGIN")
    if origin is None:
        return True  # an older browser or a plain client: the signed form value still has to match
    public = urlsplit(public_url)
    return origin == f"{public.scheme}://{public.netloc}"


def _form(environ: dict[str, Any]) -> dict[str, list[str]] | None:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if length > MAX_FORM:
        return None
    raw = environ["wsgi.input"].read(length) if length else b""
    return parse_qs(raw.decode("utf-8", errors="replace"), max_num_fields=10)


def _first(fields: dict[str, list[str]], name: str) -> str:
    values = fields.get(name) or [""]
    return values[0]
