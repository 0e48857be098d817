"""Notifications: who hears about what. The functions here run inside background tasks
(tasks.py); services only enqueue those tasks after their transaction commits.

A notification is a row in the outbox (Notification). Subscribers who chose "at once" get
a mail per notification; the others get one digest a day (send_daily_digest)."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stadtdach.participation.models import (
    Comment,
    Contribution,
    Frequency,
    Notification,
    Subscription,
    Visibility,
)

MAIL_LANGUAGE = "de"


def absolute(url: str) -> str:
    return f"{settings.STADTDACH_BASE_URL}{url}"


def _subscribers(query: Q, *, exclude_user_id=None) -> dict[int, str]:
    """user id → frequency of the active users whose subscriptions match (the more
    frequent one wins when several match)."""
    rows = (
        Subscription.objects.filter(query, user__is_active=True)
        .exclude(user__email="")
        .values_list("user_id", "frequency")
    )
    chosen: dict[int, str] = {}
    for user_id, frequency in rows:
        if user_id == exclude_user_id:
            continue
        if chosen.get(user_id) != Frequency.IMMEDIATE:
            chosen[user_id] = frequency
    return chosen


def _create(recipients: dict[int, str], *, subject: str, text: str, url: str) -> list[int]:
    """Write the outbox rows; return the ids to mail at once."""
    rows = Notification.objects.bulk_create(
        Notification(
            user_id=user_id,
            subject=subject[:200],
            text=text,
            url=url,
            digest=frequency == Frequency.DAILY,
        )
        for user_id, frequency in recipients.items()
    )
    return [row.pk for row in rows if not row.digest]


def _enqueue_sends(ids: Iterable[int]) -> None:
    from stadtdach.participation.tasks import send_notification

    for notification_id in ids:
        send_notification.enqueue(notification_id)


def _contribution(contribution_id: int) -> Contribution | None:
    return (
        Contribution.objects.select_related("process", "action_field", "author")
        .filter(pk=contribution_id)
        .first()
    )


def contribution_published(contribution_id: int) -> None:
    """A new contribution is public: tell the followers of its process and action field."""
    contribution = _contribution(contribution_id)
    if contribution is None or contribution.visibility != Visibility.PUBLISHED:
        return
    query = Q(process=contribution.process_id)
    if contribution.action_field_id:
        query |= Q(action_field=contribution.action_field_id)
    with translation.override(MAIL_LANGUAGE):
        subject = _("New contribution: %(title)s") % {"title": str(contribution)[:120]}
        text = _("A new contribution was published in “%(process)s”:\n\n%(title)s") % {
            "process": contribution.process.title,
            "title": str(contribution),
        }
    recipients = _subscribers(query, exclude_user_id=contribution.author_id)
    _enqueue_sends(
        _create(recipients, subject=subject, text=text, url=contribution.get_absolute_url())
    )


def contribution_answered(contribution_id: int, *, new_measure_ids: Iterable[int] = ()) -> None:
    """The town changed the status or answer of a contribution: tell its author at once
    (if they have an address), and the followers of its process, action field and of the
    measures it now feeds."""
    contribution = _contribution(contribution_id)
    if contribution is None:
        return
    url = contribution.get_absolute_url()
    with translation.override(MAIL_LANGUAGE):
        status = str(contribution.get_status_display())
        subject = _("What became of “%(title)s”: %(status)s") % {
            "title": str(contribution)[:100],
            "status": status,
        }
        lines = [
            _("The town has answered the contribution “%(title)s”.") % {"title": contribution},
            "",
            f"{_('Status')}: {status}",
        ]
        if contribution.status_reason:
            lines += [f"{_('Reason')}: {contribution.status_reason}"]
        if contribution.answer:
            lines += ["", contribution.answer]
        text = "\n".join(lines)
    author = contribution.author if contribution.is_by(contribution.author) else None
    ids = []
    if author is not None and author.is_active and author.email:
        ids += _create({author.pk: Frequency.IMMEDIATE}, subject=subject, text=text, url=url)
    query = Q(process=contribution.process_id)
    if contribution.action_field_id:
        query |= Q(action_field=contribution.action_field_id)
    new_measure_ids = list(new_measure_ids)
    if new_measure_ids:
        query |= Q(measure__in=new_measure_ids)
    if contribution.visibility == Visibility.PUBLISHED:
        recipients = _subscribers(query, exclude_user_id=author.pk if author else None)
        ids += _create(recipients, subject=subject, text=text, url=url)
    _enqueue_sends(ids)


def measure_commented(comment_id: int) -> None:
    """A comment on a measure is public: tell the measure's followers."""
    comment = Comment.objects.select_related("measure").filter(pk=comment_id).first()
    if comment is None or comment.measure is None or not comment.is_published:
        return
    with translation.override(MAIL_LANGUAGE):
        subject = _("New comment on the measure “%(measure)s”") % {
            "measure": str(comment.measure)[:120]
        }
        text = _("%(name)s wrote:\n\n%(text)s") % {
            "name": comment.author_label,
            "text": comment.text,
        }
    recipients = _subscribers(Q(measure=comment.measure_id), exclude_user_id=comment.author_id)
    _enqueue_sends(_create(recipients, subject=subject, text=text, url=comment.get_absolute_url()))


def report_received(*, coordinator_id: int | None, url: str, label: str) -> None:
    """Tell the process's coordinator at once that something was reported."""
    if coordinator_id is None:
        return
    with translation.override(MAIL_LANGUAGE):
        subject = _("A contribution was reported")
        text = _("Somebody reported “%(label)s”. Please look at it in the moderation queue.") % {
            "label": label
        }
    _enqueue_sends(
        _create({coordinator_id: Frequency.IMMEDIATE}, subject=subject, text=text, url=url)
    )


def send(notification_id: int) -> bool:
    """Mail one notification, once (a task that runs twice does not mail twice)."""
    with transaction.atomic():
        claimed = Notification.objects.filter(pk=notification_id, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
    if not claimed:
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    with translation.override(MAIL_LANGUAGE):
        body = "\n".join(
            [
                notification.text,
                "",
                absolute(notification.url) if notification.url else "",
                "",
                _("You receive this e-mail because you take part in or follow the ISEK."),
                _("Manage your subscriptions: %(url)s") % {"url": absolute(_subscriptions_url())},
            ]
        )
    send_mail(notification.subject, body, None, [notification.user.email])
    return True


def _subscriptions_url() -> str:
    from django.urls import reverse

    with translation.override(MAIL_LANGUAGE):
        return reverse("participation:subscriptions")


def send_daily_digest() -> int:
    """One mail per user with every digest notification not sent yet; returns the count."""
    now = timezone.now()
    pending = list(
        Notification.objects.filter(digest=True, sent_at__isnull=True)
        .select_related("user")
        .order_by("user_id", "created", "pk")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in pending:
        by_user.setdefault(notification.user_id, []).append(notification)
    mails = 0
    for items in by_user.values():
        ids = [n.pk for n in items]
        with transaction.atomic():
            claimed = Notification.objects.filter(pk__in=ids, sent_at__isnull=True).update(
                sent_at=now
            )
        if claimed != len(ids):
            continue  # another run took them
        user = items[0].user
        if not user.is_active or not user.email:
            continue
        with translation.override(MAIL_LANGUAGE):
            subject = ngettext(
                "Your daily ISEK digest: %(count)d piece of news",
                "Your daily ISEK digest: %(count)d news",
                len(items),
            ) % {"count": len(items)}
            parts = []
            for n in items:
                parts += [f"* {n.subject}", f"  {absolute(n.url)}" if n.url else "", ""]
            parts += [
                _("Manage your subscriptions: %(url)s") % {"url": absolute(_subscriptions_url())}
            ]
        send_mail(subject, "\n".join(parts), None, [user.email])
        mails += 1
    return mails
