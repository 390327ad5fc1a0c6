"""The domain: cases and everything done to recover them. Knows nothing of Slack payloads."""
