"""Personal data of a user in the participation app (settings.STADTDACH_PERSONAL_DATA):
the download contains everything; deletion keeps contributions and comments, shown as
from a deleted account, and removes the rest."""

from django.db.models import QuerySet

from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models import (
    AuthorState,
    Comment,
    Contribution,
    Notification,
    Report,
    Subscription,
)


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _contributions(user) -> QuerySet[Contribution]:
    return (
        Contribution.objects.filter(author=user)
        .select_related("process")
        .prefetch_related("themes", "measures", "goals", "images")
    )


def export_personal_data(user) -> dict:
    return {
        "contributions": [
            {
                "id": c.pk,
                "process": c.process.title,
                "format": c.format,
                "title": c.title,
                "text": c.text,
                "place": c.place,
                "created": _when(c.created),
                "visibility": c.visibility,
                "status": c.status,
                "status_reason": c.status_reason,
                "answer": c.answer,
                "images": [i.description or i.token for i in c.images.all()],
            }
            for c in _contributions(user)
        ],
        "comments": [
            {"id": c.pk, "text": c.text, "created": _when(c.created), "visibility": c.visibility}
            for c in Comment.objects.filter(author=user)
        ],
        "supports": [
            {"contribution": s.contribution_id, "created": _when(s.created)}
            for s in Support.objects.filter(user=user)
        ],
        "reports": [
            {"reason": r.reason, "text": r.text, "created": _when(r.created)}
            for r in Report.objects.filter(reporter=user)
        ],
        "subscriptions": [
            {"target": str(s.target), "frequency": s.frequency, "created": _when(s.created)}
            for s in Subscription.objects.filter(user=user).select_related(
                "process", "action_field", "measure"
            )
        ],
        "notifications": [
            {"subject": n.subject, "created": _when(n.created), "sent": _when(n.sent_at)}
            for n in Notification.objects.filter(user=user)
        ],
    }


def erase_personal_data(user) -> None:
    """Run before the account is deleted: contributions and comments stay as "deleted
    account"; supports stay anonymous (the counts remain true); the rest goes."""
    Contribution.objects.filter(author=user).update(author=None, author_state=AuthorState.DELETED)
    Comment.objects.filter(author=user).update(author=None, author_state=AuthorState.DELETED)
    Support.objects.filter(user=user).update(user=None)
    Report.objects.filter(reporter=user).update(reporter=None)
    Subscription.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
