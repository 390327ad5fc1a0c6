"""The stored shape of a case: the case itself, its timeline, and the messages owed to Slack."""

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Dialect, Index, TypeDecorator, UniqueConstraint
from sqlmodel import AutoString, Field, SQLModel


def utcnow() -> datetime:
    """Aware UTC now; SQLModel stores datetimes as UTC and hands them back aware."""
    return datetime.now(UTC)


class Stored(TypeDecorator[StrEnum]):
    """An enum stored as its plain text (the very strings earlier versions wrote), read back as the enum."""

    impl = AutoString
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int) -> None:
        super().__init__(length=length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        """The enum's text (a plain string is stored as it is)."""
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | str | None:
        """The stored text as the enum; text this version does not know (another version wrote it) stays text."""
        try:
            return None if value is None else self.enum(value)
        except ValueError:
            return value


class CaseStatus(StrEnum):
    """Where a case is: logged → apology requested → apologized → fix assigned → fixed → following up → closed."""

    LOGGED = "logged"
    APOLOGY_REQUESTED = "apology_requested"
    APOLOGIZED = "apologized"
    FIX_ASSIGNED = "fix_assigned"
    FIXED = "fixed"
    FOLLOWING_UP = "following_up"
    CLOSED = "closed"
    REOPENED = "reopened"


class Source(StrEnum):
    """How a complaint reached us."""

    CHANNEL = "channel"
    COMMAND = "command"
    MODAL = "modal"
    SHORTCUT = "shortcut"


class ApologyState(StrEnum):
    """The apology of a case: not asked yet, asked of a leader, approved and sent."""

    NONE = "none"
    REQUESTED = "requested"
    APPROVED = "approved"


class MailState(StrEnum):
    """An e-mail to the customer: not sent, on its way (retried while the server says later), delivered, failed."""

    NONE = "none"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"


class FixStatus(StrEnum):
    """The fix of a case: no owner yet, owned with a deadline, done."""

    NONE = "none"
    ASSIGNED = "assigned"
    FIXED = "fixed"


class EventKind(StrEnum):
    """What a timeline event records."""

    LOGGED = "logged"
    NOTE = "note"
    SEVERITY = "severity"
    DETAILS = "details"
    OWNER = "owner"
    DEADLINE = "deadline"
    FIXED = "fixed"
    REMINDER = "reminder"
    ESCALATED = "escalated"
    DEFERRED = "deferred"
    APOLOGY_REQUESTED = "apology_requested"
    APOLOGIZED = "apologized"
    GESTURE = "gesture"
    GESTURE_REQUESTED = "gesture_requested"
    GESTURE_APPROVED = "gesture_approved"
    GESTURE_DECLINED = "gesture_declined"
    EMAILED = "emailed"  # an e-mail to the customer was delivered, or could not be
    CHECKIN_ASKED = "checkin_asked"
    CHECKIN = "checkin"
    IMPROVEMENT = "improvement"
    CLOSED = "closed"
    REOPENED = "reopened"


class CheckinOutcome(StrEnum):
    """How a check-in with the customer went (stored in the timeline event that records the answer)."""

    OK = "ok"
    UNHAPPY = "unhappy"
    UNREACHABLE = "unreachable"

    @property
    def label(self) -> str:
        """The outcome as people say it: "all good", "still unhappy", "couldn't reach them"."""
        return {"ok": "all good", "unhappy": "still unhappy", "unreachable": "couldn't reach them"}[
            self.value
        ]


class GestureState(StrEnum):
    """Something extra: given at once, or pending someone's approval until approved or declined."""

    GIVEN = "given"
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


class NudgeKind(StrEnum):
    """What a nudge does when it fires; the clock has one firer per kind."""

    FIX_REMINDER = "fix_reminder"
    FIX_ESCALATE = "fix_escalate"
    APOLOGY_ESCALATE = "apology_escalate"
    CHECKIN = "checkin"
    DIGEST = "digest"


class NudgeState(StrEnum):
    """A nudge waits, has fired, or was called off."""

    PENDING = "pending"
    DONE = "done"
    CANCELLED = "cancelled"


class OutboxState(StrEnum):
    """An owed Slack call: waiting, being sent, sent, given up on, or replaced by a newer one before it went."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    SUPERSEDED = "superseded"


class InboxState(StrEnum):
    """A stored Slack event: waiting to be made a case or a note, or done."""

    PENDING = "pending"
    DONE = "done"


class Case(SQLModel, table=True):
    """A complaint being recovered; `id` is the number in `REC-42`."""

    __table_args__ = (  # a person's queues on the Home tab
        Index("ix_case_apology_leader_state", "apology_leader_id", "apology_state"),
        Index("ix_case_fix_owner_status_due", "fix_owner_id", "fix_status", "fix_due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_key: str = Field(unique=True, max_length=200)  # one Slack delivery makes at most one case
    source: Source = Field(sa_type=Stored(Source, 20))
    summary: str
    reporter_id: str = Field(max_length=32, index=True)  # `/recover list mine`
    channel_id: str | None = Field(default=None, max_length=32)  # where the complaint was written
    message_ts: str | None = Field(default=None, max_length=32)
    permalink: str | None = None
    thread_channel: str | None = Field(default=None, max_length=32, index=True)  # where the case thread is
    thread_ts: str | None = Field(default=None, max_length=32, index=True)
    customer_name: str | None = Field(default=None, max_length=200)
    customer_email: str | None = Field(default=None, max_length=320)  # private: DMs and modals only
    customer_phone: str | None = Field(default=None, max_length=64)  # private: DMs and modals only
    customer_key: str | None = Field(default=None, max_length=320, index=True)
    severity: str = Field(max_length=16)
    severity_reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: CaseStatus = Field(default=CaseStatus.LOGGED, sa_type=Stored(CaseStatus, 24), index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    fix_owner_id: str | None = Field(default=None, max_length=32, index=True)
    fix_due_at: datetime | None = None
    fix_status: FixStatus = Field(default=FixStatus.NONE, sa_type=Stored(FixStatus, 16))
    fix_version: int = 0  # bumped whenever the deadline or owner changes; old reminders carry the old one
    fixed_at: datetime | None = None
    fix_note: str | None = None
    apology_state: ApologyState = Field(default=ApologyState.NONE, sa_type=Stored(ApologyState, 16))
    apology_level: str | None = Field(default=None, max_length=64)
    apology_leader_id: str | None = Field(default=None, max_length=32)  # the person asked now
    apology_round: int = (
        0  # bumped on every hand-over or escalation; old buttons and nudges carry the old one
    )
    apology_draft: str | None = None
    apology_text: str | None = None  # as sent
    apology_by: str | None = Field(default=None, max_length=32)
    apology_at: datetime | None = None
    apology_errors: int = 0  # quality errors in the text as sent ("send as written")
    apology_email: MailState = Field(default=MailState.NONE, sa_type=Stored(MailState, 16))  # to the customer


class TimelineEvent(SQLModel, table=True):
    """One thing that happened to a case, who did it and when."""

    __table_args__ = (
        UniqueConstraint("case_id", "dedupe_key", name="uq_timeline_dedupe"),
        Index("ix_timelineevent_kind_at", "kind", "at"),  # the figures: one kind of event in a period
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    actor_id: str | None = Field(default=None, max_length=32)
    kind: EventKind = Field(sa_type=Stored(EventKind, 32))
    text: str = ""
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    dedupe_key: str | None = Field(default=None, max_length=200)  # e.g. a thread reply's ts


class Gesture(SQLModel, table=True):
    """Something extra for the customer: a refund, a credit, a personal call."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    what: str
    amount: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    offered_by: str = Field(max_length=32)
    state: GestureState = Field(default=GestureState.GIVEN, sa_type=Stored(GestureState, 16))
    approver_id: str | None = Field(default=None, max_length=32)  # who was asked, while pending
    decided_by: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None


class Nudge(SQLModel, table=True):
    """Something that must happen later (a reminder, an escalation, a check-in), fired exactly once."""

    __table_args__ = (
        Index("ix_nudge_state_due", "state", "due_at"),
        Index("ix_nudge_recipient_kind_state_fired", "recipient_id", "kind", "state", "fired_at"),  # Home
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)  # "fix:42:v1:before:2h" — scheduling twice is a no-op
    kind: NudgeKind = Field(sa_type=Stored(NudgeKind, 32))
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    recipient_id: str | None = Field(default=None, max_length=32)
    due_at: datetime
    state: NudgeState = Field(default=NudgeState.PENDING, sa_type=Stored(NudgeState, 16))
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    deferrals: int = 0  # times quiet hours pushed it back
    created_at: datetime = Field(default_factory=utcnow)
    fired_at: datetime | None = None


class Inbox(SQLModel, table=True):
    """A Slack event stored before it is acknowledged, so a crash after the 200 cannot lose it."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(unique=True, max_length=64)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    state: InboxState = Field(default=InboxState.PENDING, sa_type=Stored(InboxState, 16), index=True)
    received_at: datetime = Field(default_factory=utcnow, index=True)
    done_at: datetime | None = None


class Person(SQLModel, table=True):
    """What we remember about a Slack user: name (to sign apologies) and time zone (quiet hours)."""

    user_id: str = Field(primary_key=True, max_length=32)
    tz: str = Field(max_length=64)
    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)  # where a customer's reply to their apology goes
    updated_at: datetime = Field(default_factory=utcnow)


class Outbox(SQLModel, table=True):
    """A Slack call we owe: written in the same transaction as the change that needs it, sent after."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=200)  # "card:42" — the same message is never owed twice
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    purpose: str = Field(max_length=32)  # what to do with the result ("card" records the thread)
    method: str = Field(max_length=64)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    after_key: str | None = Field(default=None, max_length=200)  # a message whose ts this one needs first
    state: OutboxState = Field(default=OutboxState.PENDING, sa_type=Stored(OutboxState, 16), index=True)
    attempts: int = 0
    due_at: datetime = Field(default_factory=utcnow, index=True)
    claimed_at: datetime | None = None
    last_error: str | None = None
    result_channel: str | None = Field(default=None, max_length=32)
    result_ts: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
