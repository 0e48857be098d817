"""The consent texts citizens agree to when they register. Each has a version: a changed
wording gets a new version, and the stored Consent rows say which one a user accepted."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ConsentText:
    key: str
    version: int
    text: Promise
    required: bool = True


SIGNUP_CONSENTS: tuple[ConsentText, ...] = (
    ConsentText(
        "privacy",
        1,
        _(
            "I have read the privacy notice. I agree that the town stores my e-mail "
            "address and display name to run my account, shows my display name with my "
            "contributions, and writes to me about what becomes of them. I can download "
            "my data and delete my account at any time."
        ),
    ),
    ConsentText(
        "rules",
        1,
        _(
            "I will keep to the rules of the discussion: respectful, on topic, no personal "
            "data of others. Contributions that break them are hidden with a public reason."
        ),
    ),
)
