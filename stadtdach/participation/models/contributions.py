"""The contribution: the common record of every format (an idea, a comment on a draft
paragraph, a free-text survey answer, a result of an offline workshop), with its public
feedback ("Was wurde aus meinem Vorschlag?") and the comments on it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stadtdach.core.models import SampleDataModel, TimeStampedModel


class ContributionStatus(models.TextChoices):
    # With a context: "adopted" of a contribution is „übernommen“, of an edition „beschlossen“.
    RECEIVED = "received", pgettext_lazy("contribution status", "received")
    IN_REVIEW = "in_review", pgettext_lazy("contribution status", "in review")
    ADOPTED = "adopted", pgettext_lazy("contribution status", "adopted")
    PARTLY_ADOPTED = "partly_adopted", pgettext_lazy("contribution status", "partly adopted")
    NOT_ADOPTED = "not_adopted", pgettext_lazy("contribution status", "not adopted")


# A decision needs a public reason.
DECIDED_STATUSES = frozenset(
    {
        ContributionStatus.ADOPTED,
        ContributionStatus.PARTLY_ADOPTED,
        ContributionStatus.NOT_ADOPTED,
    }
)


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    OFFLINE = "offline", _("offline")


class AuthorState(models.TextChoices):
    """Who stands behind a contribution or comment, also after the account is gone."""

    ACCOUNT = "account", _("registered participant")
    ANONYMOUS = "anonymous", _("anonymous")
    DELETED = "deleted", _("deleted account")


class Visibility(models.TextChoices):
    PENDING = "pending", _("awaiting moderation")
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden by the moderation")


class Authored(models.Model):
    """Author fields shared by contributions and comments."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_state = models.CharField(
        _("author"), max_length=10, choices=AuthorState.choices, default=AuthorState.ACCOUNT
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED
    )
    hidden_reason = models.CharField(_("public reason for hiding"), max_length=300, blank=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def author_label(self) -> str:
        """The name shown publicly (select_related("author") when listing)."""
        if self.author_state == AuthorState.DELETED:
            return str(AuthorState.DELETED.label)
        if self.author_state == AuthorState.ANONYMOUS or self.author_id is None:
            return str(AuthorState.ANONYMOUS.label)
        return self.author.display_name or self.author.first_name or str(_("participant"))

    @property
    def is_published(self) -> bool:
        return self.visibility == Visibility.PUBLISHED


class Contribution(Authored, SampleDataModel):
    process = models.ForeignKey(
        "participation.ParticipationProcess",
        verbose_name=_("participation process"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    # The format that produced it (formats.FORMATS); no choices here, so that a new
    # format needs no migration of this table.
    format = models.CharField(_("format"), max_length=30, db_index=True)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff member who entered an offline contribution."),
    )
    target_group = models.ForeignKey(
        "participation.TargetGroup",
        verbose_name=_("target group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    action_field = models.ForeignKey(
        "strategy.ActionField",
        verbose_name=_("action field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    themes = models.ManyToManyField(
        "strategy.CrossCuttingTheme",
        verbose_name=_("cross-cutting themes"),
        blank=True,
        related_name="contributions",
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    place = models.JSONField(_("place on the map (GeoJSON point)"), null=True, blank=True)
    named_place = models.ForeignKey(
        "participation.NamedPlace",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Feedback: where the contribution stands and what the town answers, publicly.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ContributionStatus.choices,
        default=ContributionStatus.RECEIVED,
    )
    status_reason = models.TextField(_("public reason for the status"), blank=True)
    answer = models.TextField(_("public answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    goals = models.ManyToManyField(
        "strategy.Goal", verbose_name=_("fed goals"), blank=True, related_name="contributions"
    )
    measures = models.ManyToManyField(
        "strategy.Measure",
        verbose_name=_("fed measures"),
        blank=True,
        related_name="contributions",
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [
            models.Index(fields=["process", "visibility", "created"]),
            models.Index(fields=["author", "created"]),
            models.Index(fields=["visibility", "created"]),
            # The action field page's newest contributions: without it PostgreSQL walks
            # the published ones by date (45 instead of 6 ms at Berlin scale).
            models.Index(fields=["action_field", "visibility", "created"]),
        ]

    def __str__(self) -> str:
        return self.title or self.text[:60]

    def get_absolute_url(self) -> str:
        return reverse("participation:contribution_detail", kwargs={"pk": self.pk})

    def participation_target(self):
        """(process, format code): what the permission predicate checks (may_act)."""
        return self.process, self.format

    def is_by(self, user) -> bool:
        return (
            user is not None
            and user.is_authenticated
            and self.author_id == user.pk
            and self.author_state == AuthorState.ACCOUNT
        )


class StatusChange(models.Model):
    """One step of a contribution's public history: received → in review → decided."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=ContributionStatus.choices)
    reason = models.TextField(_("public reason"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.contribution_id}: {self.status}"


def image_path(instance, filename: str) -> str:
    # The name is ours (the upload's name could carry anything); images are re-encoded.
    return f"participation/images/{instance.contribution_id}/{instance.token}.{instance.kind}"


class ContributionImage(TimeStampedModel):
    """An image attached to a contribution, re-encoded on upload (images.py) and served
    through a view that respects the contribution's visibility."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="images")
    token = models.CharField(max_length=32, unique=True)
    kind = models.CharField(max_length=4, default="jpg")
    file = models.FileField(_("image"), upload_to=image_path, max_length=200)
    description = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.description or self.file.name

    def get_absolute_url(self) -> str:
        return reverse("participation:image", kwargs={"token": self.token})


class Comment(Authored, SampleDataModel):
    """A comment on a contribution, or on a measure during its implementation."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    measure = models.ForeignKey(
        "strategy.Measure",
        verbose_name=_("measure"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participation_comments",
    )
    text = models.TextField(_("comment"))
    is_official = models.BooleanField(
        _("answer of the town"),
        default=False,
        help_text=_("Written by staff on behalf of the town; marked as such."),
    )

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=(Q(contribution__isnull=False) & Q(measure__isnull=True))
                | (Q(contribution__isnull=True) & Q(measure__isnull=False)),
                name="participation_comment_has_one_target",
            )
        ]
        indexes = [
            models.Index(fields=["contribution", "visibility", "created"]),
            models.Index(fields=["measure", "visibility", "created"]),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        if self.contribution_id:
            base = reverse("participation:contribution_detail", args=[self.contribution_id])
        else:
            base = reverse("strategy:measure_detail", args=[self.measure_id])
        return f"{base}#kommentar-{self.pk}"
