"""The apology quality check, its rules, and the drafts that must pass it."""
