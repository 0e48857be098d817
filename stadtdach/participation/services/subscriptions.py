"""Following a process, an action field or a measure."""

from django.db import IntegrityError, transaction

from stadtdach.participation.models import Frequency, Subscription


def subscribe(
    *, user, target_kind: str, target, frequency: str = Frequency.IMMEDIATE
) -> Subscription:
    """Follow ``target`` (``target_kind`` one of Subscription.TARGETS); following twice
    changes only the frequency."""
    if target_kind not in Subscription.TARGETS:
        raise ValueError(target_kind)
    try:
        with transaction.atomic():
            subscription, _ = Subscription.objects.update_or_create(
                user=user, **{target_kind: target}, defaults={"frequency": frequency}
            )
    except IntegrityError:  # two clicks at once: the other request created it
        subscription = Subscription.objects.get(user=user, **{target_kind: target})
    return subscription


def unsubscribe(*, user, subscription_id: int) -> bool:
    deleted, _ = Subscription.objects.filter(user=user, pk=subscription_id).delete()
    return bool(deleted)
