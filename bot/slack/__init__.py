"""Slack as transport: the Bolt app, HTTP, the clients, reading events, the sender, the grammar."""
