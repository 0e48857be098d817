"""The one error of backup and restore: a refusal or failure with a message for the operator."""


class BackupError(Exception):
    """Backup or restore stopped; the message says why and what was (not) changed."""
