"""Background work of the accounts: the mails of sign-up and password reset."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def send_account_mail(*, subject: str, body: str, to: list[str], html: str | None = None) -> None:
    """Send a mail that django-allauth rendered (confirmation link, password reset)."""
    message = EmailMultiAlternatives(subject, body, None, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
