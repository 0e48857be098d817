"""Writes of the idea collection: an idea is a contribution of the format "ideas";
its support is once per person, enforced by a unique constraint."""

from django.db import IntegrityError, transaction

from stadtdach.participation import permissions
from stadtdach.participation.formats import IDEAS, RATE
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.images import MAX_IMAGES
from stadtdach.participation.models import Contribution, Visibility
from stadtdach.participation.services.contributions import NotAllowed, contribution_submit


def idea_submit(*, process, author, cleaned: dict, submission_token=None) -> Contribution:
    """Submit an idea from the cleaned data of ideas.forms.IdeaForm."""
    images = [
        (cleaned[f"image_{n}"], cleaned.get(f"image_{n}_description", ""))
        for n in range(1, MAX_IMAGES + 1)
        if cleaned.get(f"image_{n}")
    ]
    return contribution_submit(
        process=process,
        format_code=IDEAS.code,
        author=author,
        title=cleaned["title"],
        text=cleaned["text"],
        action_field=cleaned.get("action_field"),
        themes=cleaned.get("themes") or (),
        target_group=cleaned.get("target_group"),
        place=cleaned.get("place"),
        named_place=cleaned.get("named_place"),
        images=images,
        submission_token=submission_token,
    )


def _check(user, idea: Contribution) -> None:
    decision = permissions.decide(user, idea, RATE)
    if not decision:
        raise NotAllowed(decision.reason)
    if idea.visibility != Visibility.PUBLISHED:
        raise NotAllowed("not_offered")  # pending or hidden ideas take no support
    if idea.is_by(user):
        raise NotAllowed("own")


def support(*, user, idea: Contribution) -> bool:
    """ "I support this": True when the support is new, False when the user had already
    supported the idea (also when a second request arrives at the same moment: the unique
    constraint refuses it, and the savepoint keeps the request's transaction usable)."""
    _check(user, idea)
    try:
        with transaction.atomic():
            Support.objects.create(contribution=idea, user=user)
    except IntegrityError:
        return False
    return True


def support_withdraw(*, user, idea: Contribution) -> bool:
    _check(user, idea)
    deleted, _ = Support.objects.filter(contribution=idea, user=user).delete()
    return bool(deleted)
