"""The one way out to Slack: the pump that delivers what the outbox (bot/store/outbox.py) holds.

The pump claims each row atomically, so two replicas never send it twice; a call that still fails
after the client's own retries (5xx, dropped connections) stays owed and is tried again later with a
growing pause. A rate limit (429) pauses only its channel, for the Retry-After Slack gives, and that
channel keeps a learned pace afterwards. An update of a message or a Home tab that a newer one
replaces before it goes out is marked superseded and never sent, so an old version can never
overwrite a newer one.

The pump knows nothing of cases: what a sent call means to the domain (a case card starts the case's
thread) is a hook the runtime hands it, run in the transaction that records the call as sent.
"""

import base64
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import ColumnElement, func, or_, update
from sqlmodel import Session, col, select

from bot.slack.pacing import Pace, Paces, retry_after
from bot.slack.pump import Pump
from bot.store import outbox
from bot.store.db import Database
from bot.store.models import Outbox, OutboxState, utcnow
from bot.store.outbox import STALE_CLAIM, abandoned, for_slack, newest_by_target, replaces

log = logging.getLogger(__name__)

MAX_HISTORY_PAGES = 50  # 10,000 messages since a crash: far more than any channel gets in a minute
MAX_PAUSE = timedelta(minutes=10)
CLAIM_BATCH = 10  # calls claimed in one statement and recorded as sent in one transaction
FRESH_CLAIM = (
    STALE_CLAIM / 3
)  # a call not begun this long after its claim goes back: no call outlives its claim
REPEATABLE = {
    "chat.postMessage",
    "chat.update",
    "views.publish",
}  # after a crash: looked up, or the same again
RATE_LIMITED = "ratelimited"  # last_error of a call waiting out a Retry-After: owed now, not failing
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


Renderer = Callable[[Session, dict[str, Any]], dict[str, Any]]  # (session, fields) → the payload to send
Hook = Callable[[Session, Outbox], None]  # (session, the row just sent): what the call means to the domain


class MissingPrerequisite(Exception):
    """An owed call needs the ts of a message that will never exist."""


def _lane(row: Outbox, earlier: dict[str, Outbox]) -> str:
    """Where Slack paces this call: the channel or person it goes to (a reply's or update's: its message's)."""
    parent = earlier.get(row.after_key or "")
    given = (
        row.payload.get("channel") or (parent and parent.payload.get("channel")) or row.payload.get("user_id")
    )
    return str(given or row.method)


def _in(lane: str, rows: list[tuple[Outbox, str]]) -> bool:
    return any(lane == other for _, other in rows)


class Sender(Pump):
    """Delivers owed Slack calls in order, from a worker thread woken after each commit.

    A channel Slack rate-limits (429) waits out its Retry-After without holding up the others: its
    calls go back to the outbox, due when Slack said, and its later calls wait behind them.
    """

    thread_name = "bounceback-sender"

    def __init__(
        self,
        db: Database,
        client: WebClient,
        *,
        renderers: Mapping[str, Renderer] | None = None,
        on_sent: Mapping[str, Hook] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.client = client  # without slack_sdk's rate-limit handler: a 429 must not stall every channel
        self.renderers = dict(renderers or {})  # payload {"render": name, ...} is built when it goes out
        self.on_sent = dict(on_sent or {})  # by the row's purpose, e.g. "card"
        self.clock = clock  # what time it is: tests run the pump as if it came back minutes later
        self._paces = Paces(clock)  # how fast Slack lets us call in each channel
        super().__init__()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the call in flight, deliver what is owed now (within `timeout`), and stop."""
        super().stop(timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.drain():
            pass  # anything left stays in the outbox for the next start

    def idle(self) -> float:
        """Until the next paced channel opens, or a second."""
        return self._paces.idle()

    def owed_now(self) -> int:
        """How many calls are due now (or in a moment), waiting out a rate limit, or being sent."""
        with self.db.reading() as session:
            return session.exec(select(func.count()).select_from(Outbox).where(self._owed())).one()

    def owed_keys(self, limit: int = 10) -> list[str]:
        """What `owed_now` counts, as "key (state, attempts, last error)": for a settle that timed out."""
        with self.db.reading() as session:
            rows = session.exec(select(Outbox).where(self._owed()).order_by(col(Outbox.id)).limit(limit))
            return [f"{r.key} ({r.state}, {r.attempts} attempts, {r.last_error or 'no error'})" for r in rows]

    def _owed(self) -> ColumnElement[bool]:
        soon = self.clock() + timedelta(seconds=2)
        return for_slack() & (
            (col(Outbox.state) == OutboxState.SENDING)
            | (
                (col(Outbox.state) == OutboxState.PENDING)
                & ((col(Outbox.due_at) <= soon) | (col(Outbox.last_error) == RATE_LIMITED))
            )
        )

    def drain(self, limit: int = 50) -> int:
        """Deliver up to `limit` due calls in order; returns how many it sent, put off or dropped."""
        now = self.clock()
        due, earlier, newest = self._due(now, limit)
        stale = [r.id for r in due if newest.get(replaces(r.method, r.key, r.after_key) or "", r.id) > r.id]
        handled = self._supersede(stale, now)
        queue = [(row, _lane(row, earlier)) for row in due if row.id not in stale]
        put_off: dict[datetime, list[int]] = defaultdict(list)
        refused: set[str] = (
            set()
        )  # lanes Slack answered 429 in this round: the rest of them waits for the next
        while queue:
            held: list[tuple[Outbox, str]] = []  # paced for a moment: sent later in this round, in order
            batch: list[tuple[Outbox, str]] = []  # claimed together, recorded together
            for position, (row, lane) in enumerate(queue):
                pace = self._paces.closed(lane, now)
                if (pace is not None and pace.refused) or lane in refused:  # behind a 429: waits, in order
                    if row.state == OutboxState.PENDING:  # a dead one's claim stays: its retry looks in Slack
                        put_off[pace.reopens if pace else now].append(row.id)
                        handled += 1
                elif pace is not None or _in(lane, held) or (self._paces.paced(lane) and _in(lane, batch)):
                    held.append((row, lane))  # a paced lane sends one call at a time, in order
                else:
                    batch.append((row, lane))
                if len(batch) == CLAIM_BATCH or (batch and position == len(queue) - 1):
                    handled += self._send_batch(batch, earlier, held, put_off, refused)
                    batch, now = [], self.clock()
            if not held:
                break
            opens = self._paces.opens(lane for _, lane in held)
            if self._wake.wait(timeout=max(0.0, (opens - self.clock()).total_seconds())):
                break  # something new is owed: read the outbox again
            queue, now = sorted(held, key=lambda held_row: held_row[0].id or 0), self.clock()  # in order
        if put_off:
            with self.db.session() as session:
                for reopens, ids in put_off.items():
                    session.execute(
                        update(Outbox)
                        .where(col(Outbox.id).in_(ids), col(Outbox.state) == OutboxState.PENDING)
                        .values(due_at=reopens, last_error=RATE_LIMITED)
                    )
        return handled

    def _send_batch(
        self,
        batch: list[tuple[Outbox, str]],
        earlier: dict[str, Outbox],
        held: list[tuple[Outbox, str]],
        put_off: dict[datetime, list[int]],
        refused: set[str],
    ) -> int:
        """Claim these calls in one statement, make them in order, and record them in one transaction.

        A call whose lane Slack closed meanwhile (a 429 on an earlier call) goes back unclaimed; a call
        Slack could take twice (an ephemeral, an upload) is recorded at once, before the next call."""
        claimed_at = self.clock()
        with self.db.session() as session:
            won = outbox.claim_many(session, [row.id for row, _ in batch], claimed_at)
        sent: list[tuple[Outbox, dict[str, Any]]] = []
        unsent: list[Outbox] = []
        given_back: set[str] = set()  # lanes: a call behind one given back is given back too, in order
        handled = 0
        for row, lane in batch:
            if row.id not in won:
                continue  # another sender took it
            pace = self._paces.closed(lane, self.clock())
            if pace is not None or lane in given_back or self.clock() - claimed_at > FRESH_CLAIM:
                unsent.append(row)  # given back below, as it was, and the calls behind it in its lane
                given_back.add(lane)
                if pace is not None and pace.refused:
                    refused.add(lane)
                    if row.state == OutboxState.PENDING:
                        put_off[pace.reopens].append(row.id)
                        handled += 1
                else:
                    held.append((row, lane))
                continue
            row.attempts += 1
            handled += 1
            payload = self._deliver(row, earlier, lane)
            if payload is None and (self._paces.closed(lane, self.clock()) or Pace(claimed_at)).refused:
                refused.add(lane)  # a 429: the calls behind it in its lane wait for the next round
            elif payload is not None:
                sent.append((row, payload))
                if row.method not in REPEATABLE:
                    self._record_sent(sent, [], claimed_at)
                    sent = []
        self._record_sent(sent, unsent, claimed_at)
        return handled

    def _due(self, now: datetime, limit: int) -> tuple[list[Outbox], dict[str, Outbox], dict[str, int]]:
        """In one read: the calls due, the messages they depend on, and the newest call per target."""
        with self.db.reading() as session:
            due = list(
                session.exec(
                    select(Outbox)
                    .where(
                        or_(
                            (col(Outbox.state) == OutboxState.PENDING) & (col(Outbox.due_at) <= now),
                            abandoned(now),
                        ),
                        for_slack(),
                    )
                    .order_by(col(Outbox.id))
                    .limit(limit)
                )
            )
            after_keys = {row.after_key for row in due if row.after_key}
            earlier = {r.key: r for r in session.exec(select(Outbox).where(col(Outbox.key).in_(after_keys)))}
            newest = newest_by_target(session, due)
            session.expunge_all()  # the rows outlive this read
        return due, earlier, newest

    def _supersede(self, row_ids: list[int], now: datetime) -> int:
        """Newer calls replace these (later versions of a message or Home tab): never send them.

        One transaction for the round (a burst owes a leader's Home tab once a case)."""
        if not row_ids:
            return 0
        with self.db.session() as session:
            return sum(outbox.supersede(session, row_id, now) for row_id in row_ids)

    def _deliver(self, row: Outbox, earlier: dict[str, Outbox], lane: str) -> dict[str, Any] | None:
        """Make one claimed call; the payload Slack took (to record as sent), or None."""
        try:
            payload = self._resolve(row, earlier)
        except MissingPrerequisite as problem:
            log.error("%s", problem)
            self._record(row, state=OutboxState.FAILED, last_error=str(problem)[:500])
            return None
        if payload is None:
            self._retry_later(row, "waiting for an earlier message", pause=timedelta(seconds=1))
            return None
        try:
            payload = self._render(payload)
            found = self._already_posted(row, payload) if row.state == OutboxState.SENDING else None
            response = found or self._call(row.method, payload)
        except SlackApiError as error:
            self._refused(row, lane, error)
            return None
        except Exception as error:  # connection errors that outlived the client's retries
            self._retry_later(row, f"{type(error).__name__}: {error}")
            return None
        row.state, row.result_channel = OutboxState.SENT, response.get("channel") or payload.get("channel")
        row.result_ts = response.get("ts") or payload.get("ts")
        earlier[row.key] = row  # a reply or update owed after it can go out in this same round
        self._paces.went_through(lane)
        return payload

    def _record_sent(
        self, sent: list[tuple[Outbox, dict[str, Any]]], unsent: list[Outbox], claimed: datetime
    ) -> None:
        """In one transaction: the calls Slack took, with where each message now is and what it means to the
        domain, and the claimed calls given back unsent."""
        if not sent and not unsent:
            return
        recorded = [(row, payload if "render" in row.payload else None) for row, payload in sent]
        with self.db.session() as session:
            outbox.mark_sent(session, recorded, self.clock())
            for row, _ in sent:
                hook = self.on_sent.get(row.purpose)
                if hook is not None:
                    hook(session, row)
            outbox.release(session, unsent, claimed)

    def _refused(self, row: Outbox, lane: str, error: SlackApiError) -> None:
        """Slack said no: wait out a rate limit, give up on a permanent refusal, else try again later."""
        reason = error.response.get("error", "unknown_error") if error.response else "unknown_error"
        seconds = retry_after(error)
        if seconds is not None:  # a pace, not a failure: it does not lengthen the pause after errors
            reopens = self._paces.limited(lane, seconds)
            log.info("Slack asked us to wait %.0f s before %s in %s", seconds, row.method, lane)
            self._record(
                row,
                state=OutboxState.PENDING,
                due_at=reopens,
                attempts=Outbox.attempts - 1,
                last_error=RATE_LIMITED,
            )
        elif reason in PERMANENT_ERRORS:
            log.error("Slack refused %s for %s: %s", row.method, row.key, reason)
            self._record(row, state=OutboxState.FAILED, last_error=reason)
        else:
            self._retry_later(row, reason)

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

    @staticmethod
    def _resolve(row: Outbox, earlier: dict[str, Outbox]) -> dict[str, Any] | None:
        """The payload with the ts of the message it depends on filled in; None if not sent yet."""
        payload = dict(row.payload)
        if row.after_key is None:
            return payload
        first = earlier.get(row.after_key)
        if first is None or first.state == OutboxState.FAILED:
            raise MissingPrerequisite(f"{row.key} depends on {row.after_key}, which was never sent")
        if first.state != OutboxState.SENT or not first.result_ts:
            return None
        field = "ts" if row.method == "chat.update" else "thread_ts"
        payload[field] = first.result_ts
        payload["channel"] = first.result_channel
        return payload

    def _render(self, payload: dict[str, Any]) -> dict[str, Any]:
        """A payload built now, from the database as it is (a Home tab); others as they were owed."""
        if "render" not in payload:
            return payload
        fields = {k: v for k, v in payload.items() if k != "render"}
        with self.db.reading() as session:
            return self.renderers[payload["render"]](session, fields)

    def _retry_later(self, row: Outbox, reason: str, pause: timedelta | None = None) -> None:
        pause = pause or min(MAX_PAUSE, timedelta(seconds=2 ** min(row.attempts, 10)))
        log.warning("will retry %s %s in %s: %s", row.method, row.key, pause, reason)
        self._record(row, state=OutboxState.PENDING, last_error=reason[:500], due_at=self.clock() + pause)

    def _record(self, row: Outbox, **values: Any) -> None:
        """Write down what became of a call."""
        with self.db.session() as session:
            session.execute(update(Outbox).where(col(Outbox.id) == row.id).values(**values))
