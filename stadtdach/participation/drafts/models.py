"""A draft text split into paragraphs, and the link of a comment (a Contribution of the
format "drafts") to the paragraph it is about."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel

FORMAT_CODE = "drafts"


class Draft(SampleDataModel):
    """A text put up for comment: the paragraphs are derived from ``text`` (blank lines
    separate them, a line starting with "#" is a heading) by drafts.services."""

    process = models.ForeignKey(
        "participation.ParticipationProcess",
        verbose_name=_("participation process"),
        on_delete=models.CASCADE,
        related_name="drafts",
    )
    draft_stage = models.ForeignKey(
        "process.DraftStage",
        verbose_name=_("draft stage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_drafts",
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:draft_detail", kwargs={"pk": self.pk})

    def participation_target(self):
        return self.process, FORMAT_CODE


class DraftParagraph(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveIntegerField(_("number"))
    heading = models.CharField(_("heading"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    # A paragraph that a later version of the text no longer has, kept for its comments.
    is_current = models.BooleanField(_("in the current version"), default=True)

    class Meta:
        ordering = ["draft", "-is_current", "number", "pk"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        indexes = [models.Index(fields=["draft", "is_current", "number"])]

    def __str__(self) -> str:
        return f"{self.draft_id} § {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("participation:paragraph_detail", kwargs={"pk": self.pk})

    def participation_target(self):
        """(process, format): select_related("draft__process") when listing."""
        return self.draft.process, FORMAT_CODE


class DraftComment(models.Model):
    """Which paragraph a comment (a Contribution) is about."""

    contribution = models.OneToOneField(
        "participation.Contribution",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="draft_comment",
    )
    paragraph = models.ForeignKey(
        DraftParagraph, on_delete=models.CASCADE, related_name="draft_comments"
    )

    class Meta:
        verbose_name = _("comment on a paragraph")
        verbose_name_plural = _("comments on paragraphs")

    def __str__(self) -> str:
        return f"{self.contribution_id} → {self.paragraph_id}"
