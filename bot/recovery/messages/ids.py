"""Every action_id, callback_id and input block_id, shared by the builders and the listeners."""

from enum import StrEnum

RECOVER_COMMAND = "/recover"
LOG_COMPLAINT_SHORTCUT = "log_complaint"


class Action(StrEnum):
    """Buttons: the action_id Slack sends back when one is pressed."""

    CHANGE_SEVERITY = "case_change_severity"  # the case card
    EDIT_DETAILS = "case_edit_details"
    ASSIGN_OWNER = "case_assign_owner"
    RECORD_IMPROVEMENT = "case_record_improvement"
    MARK_FIXED = "fix_mark_fixed"  # the fix owner's DMs
    NEED_MORE_TIME = "fix_need_more_time"
    APPROVE_APOLOGY = "apology_approve"  # the leader's apology request
    EDIT_APOLOGY = "apology_edit"
    HAND_APOLOGY = "apology_hand"
    ESCALATE_APOLOGY = "apology_escalate"
    APPROVE_GESTURE = "gesture_approve"  # a gesture above someone's limit
    DECLINE_GESTURE = "gesture_decline"
    CHECKIN_OK = "checkin_ok"  # the check-in DM
    CHECKIN_UNHAPPY = "checkin_unhappy"
    CHECKIN_UNREACHABLE = "checkin_unreachable"


class Modal(StrEnum):
    """Modals: the callback_id of each view Slack sends back when it is submitted."""

    NEW_CASE = "new_case"
    SEVERITY = "change_severity"
    DETAILS = "edit_details"
    ASSIGN_OWNER = "assign_owner"
    MORE_TIME = "need_more_time"
    EDIT_APOLOGY = "apology_edit_view"
    HAND_APOLOGY = "apology_hand_view"
    ESCALATE_APOLOGY = "apology_escalate_view"
    IMPROVEMENT = "record_improvement"


class Input(StrEnum):
    """Input blocks of the modals; each block's element has the same id as its block."""

    SUMMARY = "summary"
    CUSTOMER_NAME = "customer_name"
    CUSTOMER_CONTACT = "customer_contact"
    SEVERITY = "severity"
    CARD_CHANNEL = "card_channel"
    REASON = "reason"
    FIX_OWNER = "fix_owner"
    FIX_DUE = "fix_due"
    APOLOGY_TEXT = "apology_text"
    AS_WRITTEN = "as_written"
    EMAIL_CUSTOMER = "email_customer"
    GESTURE_WHAT = "gesture_what"
    GESTURE_AMOUNT = "gesture_amount"
    HAND_TO = "hand_to"
    ROOT_CAUSE = "root_cause"
    CHANGE = "change"
