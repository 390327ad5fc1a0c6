"""The one way out to Slack: an outbox written with the change, and a pump that delivers it.

A message is owed in the same transaction as the change that needs it, so a crash never loses it;
the pump claims each row atomically, so two replicas never send it twice; a call that still fails
after the client's own retries (429 Retry-After, 5xx, dropped connections) stays owed and is tried
again later with a growing pause. An update of a message or a Home tab that a newer one replaces before it
goes out is marked superseded and never sent, so an old version can never overwrite a newer one.
"""

import base64
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import ColumnElement, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.db import Database
from bot.models import Case, Outbox, utcnow

log = logging.getLogger(__name__)

METADATA_TYPE = "bounceback_outbox"
MAX_HISTORY_PAGES = 50  # 10,000 messages since a crash: far more than any channel gets in a minute
STALE_CLAIM = timedelta(seconds=30)  # longer than any one call with its retries: its process died
MAX_PAUSE = timedelta(minutes=10)
PERMANENT_ERRORS = {
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "invalid_blocks",
    "invalid_blocks_format",
    "msg_too_long",
    "no_text",
    "invalid_arguments",
    "user_not_found",
    "cannot_dm_bot",
    "invalid_auth",
    "not_authed",
    "account_inactive",
    "token_revoked",
    "message_not_found",
    "cant_update_message",
    "missing_scope",
    "not_allowed_token_type",
}


class MissingPrerequisite(Exception):
    """An owed call needs the ts of a message that will never exist."""


def latest_key(session: Session, prefix: str) -> str | None:
    """The most recently owed key starting with `prefix` (e.g. a case's latest owner DM)."""
    query = select(Outbox.key).where(col(Outbox.key).startswith(prefix)).order_by(col(Outbox.id).desc())
    return session.exec(query).first()


def owe(
    session: Session,
    *,
    key: str,
    method: str,
    payload: dict[str, Any],
    purpose: str = "message",
    case_id: int | None = None,
    after_key: str | None = None,
) -> bool:
    """Record a Slack call to make after commit; False when the same key is already owed or sent."""
    if method == "chat.postMessage":
        payload = {**payload, "metadata": {"event_type": METADATA_TYPE, "event_payload": {"key": key}}}
    row = Outbox(
        key=key, method=method, payload=payload, purpose=purpose, case_id=case_id, after_key=after_key
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return False
    return True


def _claimable(now: datetime) -> ColumnElement[bool]:
    """Rows a sender may take: owed, or claimed by a sender that died."""
    return or_(
        col(Outbox.state) == "pending",
        (col(Outbox.state) == "sending") & (col(Outbox.claimed_at) < now - STALE_CLAIM),
    )


def _target(method: str, key: str, after_key: str | None) -> str | None:
    """What a call replaces outright (one message, one person's Home tab); None if it adds something."""
    if method == "chat.update" and after_key:
        return f"update:{after_key}"
    if method == "views.publish" and key.startswith("home:"):
        return "home:" + key.split(":")[1]
    return None


def _newest_by_target(session: Session, rows: list[Any]) -> dict[str, int]:
    """The id of the newest row owed for each target of these (id, ..., method, key, after_key) rows."""
    if not rows:
        return {}
    newer = session.exec(
        select(Outbox.id, Outbox.method, Outbox.key, Outbox.after_key)
        .where(col(Outbox.id) >= min(row[0] for row in rows))
        .where(col(Outbox.method).in_(("chat.update", "views.publish")))
    )
    newest: dict[str, int] = {}
    for row_id, method, key, after_key in newer:
        target = _target(method, key, after_key)
        if target is not None:
            newest[target] = max(newest.get(target, 0), row_id)
    return newest


class Sender:
    """Delivers owed Slack calls in order, from a worker thread woken after each commit."""

    def __init__(self, db: Database, client: WebClient, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.client = client
        self.clock = clock  # what time it is: tests run the pump as if it came back minutes later
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._delivered = threading.Condition()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the pump thread."""
        self._thread = threading.Thread(target=self._run, name="bounceback-sender", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the call in flight, deliver what is owed now (within `timeout`), and stop."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.drain():
            pass  # anything left stays in the outbox for the next start

    def wake(self) -> None:
        """Something new is owed: deliver it now rather than at the next tick."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(timeout=1.0)
            self._wake.clear()
            try:
                while self.drain() and not self._stop.is_set():
                    pass
            except Exception:
                log.exception("the outbox pump failed; it will try again")
            with self._delivered:
                self._delivered.notify_all()

    def owed_now(self) -> int:
        """How many calls are due now (or in a moment) or being sent."""
        now = self.clock() + timedelta(seconds=2)
        with self.db.session() as session:
            rows = session.exec(
                select(Outbox.id).where(
                    (col(Outbox.state) == "sending")
                    | ((col(Outbox.state) == "pending") & (col(Outbox.due_at) <= now))
                )
            ).all()
        return len(rows)

    def wait_delivered(self, timeout: float) -> None:
        """Block until the pump finishes its next round (or timeout)."""
        self.wake()
        with self._delivered:
            self._delivered.wait(timeout=max(0.0, timeout))

    def drain(self, limit: int = 50) -> int:
        """Deliver up to `limit` due calls; returns how many were attempted or superseded."""
        now = self.clock()
        with self.db.session() as session:
            due = session.exec(
                select(Outbox.id, Outbox.state, Outbox.method, Outbox.key, Outbox.after_key)
                .where(
                    or_(
                        (col(Outbox.state) == "pending") & (col(Outbox.due_at) <= now),
                        (col(Outbox.state) == "sending") & (col(Outbox.claimed_at) < now - STALE_CLAIM),
                    )
                )
                .order_by(col(Outbox.id))
                .limit(limit)
            ).all()
            newest = _newest_by_target(session, [row for row in due if _target(*row[2:]) is not None])
        attempted = 0
        for row_id, state, method, key, after_key in due:
            if newest.get(_target(method, key, after_key), row_id) > row_id:
                attempted += self._supersede(row_id, now)
            elif self._claim(row_id, now):
                attempted += 1
                self._deliver(row_id, reclaimed=state == "sending")
        return attempted

    def _supersede(self, row_id: int, now: datetime) -> bool:
        """A newer call replaces this one (a later version of a message or Home tab): never send it."""
        with self.db.session() as session:
            result = session.execute(
                update(Outbox)
                .where(col(Outbox.id) == row_id, _claimable(now))
                .values(state="superseded", claimed_at=now, last_error=None)
            )
            return result.rowcount == 1

    def _claim(self, row_id: int, now: datetime) -> bool:
        """Atomically take a row; only one process can win it."""
        with self.db.session() as session:
            result = session.execute(
                update(Outbox)
                .where(col(Outbox.id) == row_id, _claimable(now))
                .values(state="sending", claimed_at=now, attempts=Outbox.attempts + 1)
            )
            return result.rowcount == 1

    def _deliver(self, row_id: int, *, reclaimed: bool = False) -> None:
        with self.db.session() as session:
            row = session.get(Outbox, row_id)
            try:
                payload = self._resolve(session, row)
            except MissingPrerequisite as problem:
                log.error("%s", problem)
                row.state, row.last_error = "failed", str(problem)[:500]
                session.add(row)
                return
            if payload is None:
                self._retry_later(session, row, "waiting for an earlier message", pause=timedelta(seconds=1))
                return
        try:
            found = self._already_posted(row, payload) if reclaimed else None
            response = found or self._call(row.method, payload)
        except SlackApiError as error:
            reason = error.response.get("error", "unknown_error") if error.response else "unknown_error"
            with self.db.session() as session:
                row = session.get(Outbox, row_id)
                if reason in PERMANENT_ERRORS:
                    log.error("Slack refused %s for %s: %s", row.method, row.key, reason)
                    row.state, row.last_error = "failed", reason
                    session.add(row)
                else:
                    self._retry_later(session, row, reason)
            return
        except Exception as error:  # connection errors that outlived the client's retries
            with self.db.session() as session:
                self._retry_later(session, session.get(Outbox, row_id), f"{type(error).__name__}: {error}")
            return
        with self.db.session() as session:
            row = session.get(Outbox, row_id)
            row.state, row.sent_at, row.last_error = "sent", self.clock(), None
            row.result_channel = response.get("channel") or payload.get("channel")
            row.result_ts = response.get("ts") or payload.get("ts")
            session.add(row)
            self._after_sent(session, row)

    def _call(self, method: str, payload: dict[str, Any]) -> Any:
        """One Web API call; an upload is slack_sdk's files_upload_v2 (get URL, upload, complete)."""
        if method != "files.upload_v2":
            return self.client.api_call(method, json=payload)
        content = base64.b64decode(payload["content_b64"])
        fields = {k: v for k, v in payload.items() if k not in ("content_b64", "channel")}
        return self.client.files_upload_v2(channel=payload["channel"], content=content, **fields)

    def _already_posted(self, row: Outbox, payload: dict[str, Any]) -> dict[str, Any] | None:
        """After a crash mid-send: the message Slack already has under this key, if any."""
        if row.method != "chat.postMessage":
            return None
        channel = str(payload.get("channel", ""))
        if channel.startswith(("U", "W")):
            channel = self.client.conversations_open(users=channel)["channel"]["id"]
        # From when it was owed, not from this claim: the attempt that reached Slack may be any earlier one
        since = f"{row.created_at.timestamp() - 60:.6f}"
        common = {"channel": channel, "oldest": since, "include_all_metadata": True, "limit": 200}
        cursor = None
        for _ in range(MAX_HISTORY_PAGES):  # every message since it was owed, page by page
            if payload.get("thread_ts"):
                page = self.client.conversations_replies(ts=payload["thread_ts"], cursor=cursor, **common)
            else:
                page = self.client.conversations_history(cursor=cursor, **common)
            for message in page.get("messages", []):
                if (message.get("metadata") or {}).get("event_payload", {}).get("key") == row.key:
                    log.info("%s was already delivered before a restart; not sending it again", row.key)
                    return {"channel": channel, "ts": message["ts"]}
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
        return None

    def _resolve(self, session: Session, row: Outbox) -> dict[str, Any] | None:
        """The payload with the ts of the message it depends on filled in; None if not sent yet."""
        payload = dict(row.payload)
        if row.after_key is None:
            return payload
        first = session.exec(select(Outbox).where(Outbox.key == row.after_key)).first()
        if first is None or first.state == "failed":
            raise MissingPrerequisite(f"{row.key} depends on {row.after_key}, which was never sent")
        if first.state != "sent" or not first.result_ts:
            return None
        field = "ts" if row.method == "chat.update" else "thread_ts"
        payload[field] = first.result_ts
        payload["channel"] = first.result_channel
        return payload

    @staticmethod
    def _after_sent(session: Session, row: Outbox) -> None:
        """A case card posted at the top of a channel starts the case's thread."""
        if row.purpose != "card" or row.case_id is None:
            return
        case = session.get(Case, row.case_id)
        if case is not None and case.thread_ts is None:
            case.thread_channel, case.thread_ts = row.result_channel, row.result_ts
            session.add(case)

    def _retry_later(
        self, session: Session, row: Outbox, reason: str, pause: timedelta | None = None
    ) -> None:
        pause = pause or min(MAX_PAUSE, timedelta(seconds=2 ** min(row.attempts, 10)))
        log.warning("will retry %s %s in %s: %s", row.method, row.key, pause, reason)
        row.state, row.last_error, row.due_at = "pending", reason[:500], self.clock() + pause
        session.add(row)
