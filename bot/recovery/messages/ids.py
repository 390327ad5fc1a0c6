"""Every action_id, callback_id and block_id, shared by the builders and the listeners."""

RECOVER_COMMAND = "/recover"
LOG_COMPLAINT_SHORTCUT = "log_complaint"

# Case card buttons
CHANGE_SEVERITY = "case_change_severity"
EDIT_DETAILS = "case_edit_details"

# Modals
NEW_CASE_VIEW = "new_case"
SEVERITY_VIEW = "change_severity"
DETAILS_VIEW = "edit_details"

# Modal blocks (block_id == action_id inside each input block)
SUMMARY = "summary"
CUSTOMER_NAME = "customer_name"
CUSTOMER_CONTACT = "customer_contact"
SEVERITY = "severity"
CARD_CHANNEL = "card_channel"
REASON = "reason"

# Fixes
ASSIGN_OWNER = "case_assign_owner"
MARK_FIXED = "fix_mark_fixed"
NEED_MORE_TIME = "fix_need_more_time"
ASSIGN_VIEW = "assign_owner"
MORE_TIME_VIEW = "need_more_time"
FIX_OWNER = "fix_owner"
FIX_DUE = "fix_due"

# Apologies
APPROVE_APOLOGY = "apology_approve"
EDIT_APOLOGY = "apology_edit"
HAND_APOLOGY = "apology_hand"
ESCALATE_APOLOGY = "apology_escalate"
EDIT_APOLOGY_VIEW = "apology_edit_view"
HAND_APOLOGY_VIEW = "apology_hand_view"
ESCALATE_APOLOGY_VIEW = "apology_escalate_view"
APOLOGY_TEXT = "apology_text"
AS_WRITTEN = "as_written"
GESTURE_WHAT = "gesture_what"
GESTURE_AMOUNT = "gesture_amount"
HAND_TO = "hand_to"

# Gestures
APPROVE_GESTURE = "gesture_approve"
DECLINE_GESTURE = "gesture_decline"

# Check-ins, improvements, closing
CHECKIN_OK = "checkin_ok"
CHECKIN_UNHAPPY = "checkin_unhappy"
CHECKIN_UNREACHABLE = "checkin_unreachable"
RECORD_IMPROVEMENT = "case_record_improvement"
IMPROVEMENT_VIEW = "record_improvement"
ROOT_CAUSE = "root_cause"
CHANGE = "change"
