"""Background work of the communication app (Django's tasks API, run by db_worker)."""

from django.core.mail import send_mail
from django.tasks import task
from django.utils.translation import gettext as _

from stadtdach.communication.models import AccessibilityFeedback
from stadtdach.core.selectors import municipality


@task()
def send_accessibility_feedback(feedback_id: int) -> None:
    """Forward a barrier report to the town's accessibility contact."""
    feedback = AccessibilityFeedback.objects.filter(pk=feedback_id).first()
    town = municipality()
    if feedback is None or not town.accessibility_contact_email:
        return
    body = "\n".join(
        [
            _("A barrier was reported on the ISEK website."),
            "",
            _("Page") + f": {feedback.page or '–'}",
            f"{_('Name')}: {feedback.name or '–'}",
            f"{_('E-mail')}: {feedback.email or '–'}",
            "",
            feedback.message,
        ]
    )
    send_mail(_("Accessibility feedback"), body, None, [town.accessibility_contact_email])
