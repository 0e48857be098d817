"""Who decides: the town as a corporation, its legislative terms, its bodies (council,
committees, the steering group, factions), the people in them and their memberships.

Naming: our ``Body`` is a Gremium and appears in OParl as ``Organization``; OParl's own
``Body`` is the town as a corporation, our ``Authority``."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stadtdach.core.models import TimeStampedModel
from stadtdach.governance.models.base import PublishedModel


def _dates_in_order(start, end, field: str = "end_date") -> None:
    if start and end and end < start:
        raise ValidationError({field: _("The end lies before the start.")})


class Authority(TimeStampedModel):
    """The town as a corporation (OParl ``Body``). An installation has one."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    ags = models.CharField(_("official municipality key (AGS)"), max_length=8, blank=True)
    website = models.URLField(_("website"), blank=True)
    license = models.URLField(
        _("licence of the published data"),
        blank=True,
        default="https://creativecommons.org/licenses/by/4.0/",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    classification = models.CharField(_("classification"), max_length=80, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")

    def __str__(self) -> str:
        return self.name


class LegislativeTerm(PublishedModel):
    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="legislative_terms"
    )
    name = models.CharField(_("name"), max_length=120)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("legislative term")
        verbose_name_plural = _("legislative terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="governance_term_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        _dates_in_order(self.start_date, self.end_date)


class Location(PublishedModel):
    """A place where bodies meet (OParl ``Location``)."""

    description = models.CharField(_("description"), max_length=200)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    locality = models.CharField(_("locality"), max_length=120, blank=True)
    geojson = models.JSONField(_("place (GeoJSON)"), null=True, blank=True)

    class Meta:
        ordering = ["description", "pk"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.description

    def one_line(self) -> str:
        parts = [self.description, self.room, self.street_address]
        town = " ".join(p for p in (self.postal_code, self.locality) if p)
        return ", ".join(p for p in [*parts, town] if p)


class Body(PublishedModel):
    """A body (Gremium): the council, a committee, the steering group or a faction."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("town council")
        COMMITTEE = "committee", _("committee")
        STEERING_GROUP = "steering_group", _("steering group")
        FACTION = "faction", _("faction")
        OTHER = "other", _("other body")

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="bodies")
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    composition = models.TextField(_("composition"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_bodies",
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("usual meeting place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bodies",
    )
    start_date = models.DateField(_("formed on"), null=True, blank=True)
    end_date = models.DateField(_("dissolved on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:body_detail", kwargs={"slug": self.slug})

    def clean(self):
        _dates_in_order(self.start_date, self.end_date)
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A body cannot be part of itself.")})

    @property
    def has_workspace(self) -> bool:
        return self.kind != self.Kind.FACTION


class Person(PublishedModel):
    """A person in the town's bodies. The demo uses role names, not invented people."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("name"), max_length=200)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    family_name = models.CharField(_("family name"), max_length=100, blank=True)
    form_of_address = models.CharField(_("form of address"), max_length=40, blank=True)
    title = models.CharField(_("academic title"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account on this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text=_(
            "The account sees the internal documents and non-public items of this person's bodies."
        ),
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:person_detail", args=[self.pk])


class Membership(PublishedModel):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    voting_right = models.BooleanField(_("has a vote"), default=True)
    on_behalf_of = models.ForeignKey(
        Body,
        verbose_name=_("faction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegated_memberships",
        limit_choices_to={"kind": Body.Kind.FACTION},
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["body__order", "person__name", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="governance_membership_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.body}"

    def clean(self):
        _dates_in_order(self.start_date, self.end_date)
        if not (self.person_id and self.body_id):
            return
        overlapping = Membership.objects.filter(person_id=self.person_id, body_id=self.body_id)
        if self.pk:
            overlapping = overlapping.exclude(pk=self.pk)
        if self.end_date:
            overlapping = overlapping.filter(
                Q(start_date__isnull=True) | Q(start_date__lte=self.end_date)
            )
        if self.start_date:
            overlapping = overlapping.filter(
                Q(end_date__isnull=True) | Q(end_date__gte=self.start_date)
            )
        if overlapping.exists():
            raise ValidationError(
                _("This person already has a membership in this body for that time.")
            )

    def is_active(self, day=None) -> bool:
        day = day or timezone.localdate()
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )
