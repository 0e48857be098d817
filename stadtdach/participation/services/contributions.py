"""Writes of contributions: every format submits through ``contribution_submit``; the
town answers through ``contribution_answer``. Both are atomic and audited and defer their
notifications until the transaction has committed."""

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from stadtdach.core import audit
from stadtdach.core.models import AuditEntry
from stadtdach.core.services import claim_submission, save_form
from stadtdach.participation import permissions
from stadtdach.participation.formats import CONTRIBUTE
from stadtdach.participation.images import PreparedImage
from stadtdach.participation.models import (
    AuthorState,
    Channel,
    Contribution,
    ContributionImage,
    ContributionStatus,
    ParticipationProcess,
    StatusChange,
    Visibility,
)


class NotAllowed(Exception):
    """The action is closed for this user (the reason as in permissions.Decision)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def initial_visibility(process: ParticipationProcess) -> str:
    """Pre-moderated processes publish after a check; the others at once."""
    if process.moderation == ParticipationProcess.Moderation.PRE:
        return Visibility.PENDING
    return Visibility.PUBLISHED


def contribution_submit(
    *,
    process: ParticipationProcess,
    format_code: str,
    author,
    text: str,
    title: str = "",
    action_field=None,
    themes: Iterable = (),
    target_group=None,
    place: dict | None = None,
    named_place=None,
    images: Sequence[tuple[PreparedImage, str]] = (),
    submission_token=None,
    channel: str = Channel.ONLINE,
    recorded_by=None,
    is_sample: bool = False,
    action: str = CONTRIBUTE,
) -> Contribution:
    """Create the contribution of a format. Online contributions pass the permission
    predicate (the window may have closed since the form was opened); offline results are
    recorded by staff afterwards (``recorded_by``, checked by the caller) and published
    at once. ``images`` are (re-encoded image, description) pairs. ``action`` is what the
    predicate checks: a comment on a draft paragraph is a contribution that the format
    offers as "comment"."""
    offline = channel == Channel.OFFLINE
    if not offline:
        decision = permissions.decide(author, _Target(process, format_code), action)
        if not decision:
            raise NotAllowed(decision.reason)
    registered = author is not None and author.is_authenticated
    now = timezone.now()
    visibility = Visibility.PUBLISHED if offline else initial_visibility(process)
    with transaction.atomic():
        claim_submission(submission_token)
        contribution = Contribution.objects.create(
            process=process,
            format=format_code,
            author=author if registered else None,
            author_state=AuthorState.ACCOUNT if registered else AuthorState.ANONYMOUS,
            recorded_by=recorded_by,
            channel=channel,
            title=title,
            text=text,
            action_field=action_field,
            target_group=target_group,
            place=place,
            named_place=named_place,
            visibility=visibility,
            published_at=now if visibility == Visibility.PUBLISHED else None,
            is_sample=is_sample,
        )
        contribution.themes.set(list(themes))
        for prepared, description in images:
            image = ContributionImage(
                contribution=contribution,
                token=prepared.token,
                kind=prepared.kind,
                description=description,
                width=prepared.width,
                height=prepared.height,
            )
            image.file.save(prepared.content.name, prepared.content, save=False)
            image.save()
        StatusChange.objects.create(contribution=contribution, status=contribution.status)
        audit.record(
            actor=recorded_by or (author if registered else None),
            action=AuditEntry.Action.CREATE,
            instance=contribution,
            changes=audit.diff({}, audit.snapshot(contribution)),
        )
        if visibility == Visibility.PUBLISHED:
            _on_commit_published(contribution.pk)
    return contribution


class _Target:
    """A (process, format) pair for the predicate, before a contribution exists."""

    def __init__(self, process, format_code):
        self.process, self.format_code = process, format_code

    def participation_target(self):
        return self.process, self.format_code


def target(process, format_code) -> _Target:
    return _Target(process, format_code)


def _on_commit_published(contribution_id: int) -> None:
    from stadtdach.participation.tasks import contribution_published

    transaction.on_commit(lambda: contribution_published.enqueue(contribution_id))


def contribution_answer(*, actor, form, loaded_version: str | None = None) -> Contribution:
    """Save the town's feedback on a contribution (status with public reason, answer,
    links to goals and measures, assignment to action field and themes). A new status is
    added to the public history; the author and followers are notified afterwards."""
    contribution = form.instance
    with transaction.atomic():
        before = (
            Contribution.objects.select_for_update()
            .filter(pk=contribution.pk)
            .values("status", "answer", "status_reason")
            .get()
        )
        old_measures = set(contribution.measures.values_list("pk", flat=True))
        saved = save_form(actor=actor, form=form, loaded_version=loaded_version)
        status_changed = before["status"] != saved.status
        answer_changed = before["answer"] != saved.answer
        if status_changed or before["status_reason"] != saved.status_reason:
            StatusChange.objects.create(
                contribution=saved, status=saved.status, reason=saved.status_reason, by=actor
            )
        if answer_changed:
            Contribution.objects.filter(pk=saved.pk).update(answered_at=timezone.now())
        new_measures = sorted(set(saved.measures.values_list("pk", flat=True)) - old_measures)
        if status_changed or answer_changed or new_measures:
            from stadtdach.participation.tasks import contribution_answered

            transaction.on_commit(lambda: contribution_answered.enqueue(saved.pk, new_measures))
    return saved


def status_label(status: str) -> str:
    return str(ContributionStatus(status).label)
