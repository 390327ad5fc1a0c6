"""Bounceback: service recovery for Slack. The house is described in docs/ARCHITECTURE.md."""
