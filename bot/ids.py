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
