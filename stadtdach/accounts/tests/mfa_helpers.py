"""Helpers of the two-factor tests: enrol a user as allauth does, compute their codes
with allauth's own TOTP functions, log in through the real log-in page."""

import time

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.test import Client

from stadtdach.core.testing.personas import PASSWORD

PERIOD = 30


def totp_code(secret: str, steps: int = 0) -> str:
    """The code of the current 30-second step (``steps`` later or earlier; the settings
    accept one step either way)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD + steps))


def enrol(user) -> tuple[str, list[str]]:
    """An authenticator app and recovery codes for the user; returns (secret, codes)."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    codes = RecoveryCodes.activate(user).get_unused_codes()
    return secret, codes


def password_login(user, client: Client | None = None, **extra):
    client = client or Client()
    response = client.post(
        "/konto/anmelden/", {"username": user.username, "password": PASSWORD, **extra}
    )
    return client, response


def confirm_password(client: Client) -> None:
    """allauth asks for the password again before the two-factor settings change."""
    response = client.post("/konto/bestaetigung/", {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[-2000:]
