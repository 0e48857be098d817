from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class Concept(SampleDataModel):
    """An existing strategic concept (Teilkonzept) with the four status columns of the
    town's status table. Each column is yes, no, or not yet assessed (empty)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    is_existing_or_planned = models.BooleanField(_("existing / planned"), null=True, blank=True)
    is_active = models.BooleanField(_("in implementation / active"), null=True, blank=True)
    is_completed_or_outdated = models.BooleanField(_("completed / outdated"), null=True, blank=True)
    is_monitored_or_updated = models.BooleanField(_("monitoring / update"), null=True, blank=True)
    status_note = models.TextField(
        _("note on the status"),
        blank=True,
        help_text=_("Where the assessment comes from, or what is still open."),
    )
    note = models.TextField(_("note"), blank=True)
    action_fields = models.ManyToManyField(
        "strategy.ActionField", verbose_name=_("action fields"), blank=True, related_name="concepts"
    )
    document = models.FileField(_("document"), upload_to="concepts/", blank=True, max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    STATUS_FIELDS = (
        "is_existing_or_planned",
        "is_active",
        "is_completed_or_outdated",
        "is_monitored_or_updated",
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:concept_detail", kwargs={"slug": self.slug})

    @property
    def status_columns(self) -> list[tuple[str, bool | None]]:
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.STATUS_FIELDS
        ]

    @property
    def is_assessed(self) -> bool:
        return any(getattr(self, name) is not None for name in self.STATUS_FIELDS)
