from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import SampleDataModel


class ActionFieldGroup(SampleDataModel):
    """A grouping of action fields, as the ISEK 2017 grouped them."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("action field group")
        verbose_name_plural = _("action field groups")

    def __str__(self) -> str:
        return self.name


class ActionField(SampleDataModel):
    """A pillar of the ISEK house (Handlungsfeld). The catalogue is shared by all
    editions; each edition selects the fields it works with (EditionActionField)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    group = models.ForeignKey(
        ActionFieldGroup,
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_fields",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    lead_unit = models.ForeignKey(
        "accounts.OrganisationalUnit",
        verbose_name=_("lead department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_action_fields",
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("action field")
        verbose_name_plural = _("action fields")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:action_field_detail", kwargs={"slug": self.slug})


class CrossCuttingTheme(SampleDataModel):
    """A cross-beam of the ISEK house (Querschnittsthema), checked in every field and measure."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("cross-cutting theme")
        verbose_name_plural = _("cross-cutting themes")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:theme_detail", kwargs={"slug": self.slug})


class FoundationElement(SampleDataModel):
    """A part of the base of the ISEK house: quality management, communication, budget,
    monitoring — what anchors the strategy in the administration."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("foundation element")
        verbose_name_plural = _("foundation elements")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:foundation_detail", kwargs={"slug": self.slug})
