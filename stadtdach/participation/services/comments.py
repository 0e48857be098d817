"""Comments on contributions (an action of the formats: "comment") and on measures
(participation during implementation)."""

from django.db import transaction
from django.utils import timezone

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import claim_submission
from stadtdach.participation import permissions
from stadtdach.participation.formats import COMMENT
from stadtdach.participation.models import AuthorState, Comment, Contribution, Visibility
from stadtdach.participation.services.contributions import NotAllowed, initial_visibility


def comment_add(
    *,
    author,
    text: str,
    contribution: Contribution | None = None,
    measure=None,
    submission_token=None,
    official: bool = False,
    is_sample: bool = False,
) -> Comment:
    """Add a comment to a contribution (the window of its process must be open for
    comments) or to a measure (any account). Comments on contributions follow the
    process's moderation mode; measure comments appear at once and can be hidden."""
    registered = author is not None and author.is_authenticated
    if contribution is not None:
        decision = permissions.decide(author, contribution, COMMENT)
        if not decision:
            raise NotAllowed(decision.reason)
        visibility = initial_visibility(contribution.process)
    else:
        if not (registered and author.has_perm("participation.comment_measure", measure)):
            raise NotAllowed("login_required")
        visibility = Visibility.PUBLISHED
    if official:
        visibility = Visibility.PUBLISHED
    with transaction.atomic():
        claim_submission(submission_token)
        comment = Comment.objects.create(
            contribution=contribution,
            measure=measure,
            author=author if registered else None,
            author_state=AuthorState.ACCOUNT if registered else AuthorState.ANONYMOUS,
            text=text,
            visibility=visibility,
            is_official=official,
            is_sample=is_sample,
            moderated_at=timezone.now() if official else None,
        )
        audit.record(
            actor=author if registered else None,
            action=AuditEntry.Action.CREATE,
            instance=comment,
            changes={"text": [None, text]},
        )
        if measure is not None and visibility == Visibility.PUBLISHED:
            from stadtdach.participation.tasks import measure_commented

            transaction.on_commit(lambda: measure_commented.enqueue(comment.pk))
    return comment
