from django.db import transaction

from stadtdach.communication.models import AccessibilityFeedback
from stadtdach.communication.tasks import send_accessibility_feedback
from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import claim_submission


@transaction.atomic
def accessibility_feedback_submit(*, form, token=None) -> AccessibilityFeedback:
    """Store a barrier report and, once stored, mail it to the contact in the background."""
    claim_submission(token)
    feedback = form.save()
    audit.record(
        actor=None,
        action=AuditEntry.Action.CREATE,
        instance=feedback,
        label=f"Rückmeldung Barrierefreiheit {feedback.pk}",
    )
    transaction.on_commit(lambda: send_accessibility_feedback.enqueue(feedback.pk))
    return feedback
