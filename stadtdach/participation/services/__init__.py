"""Writes of the participation app: contributions.py (submit, answer), comments.py,
moderation.py (reports, queue actions), subscriptions.py, notifications.py (run by tasks)."""
