"""Budget and funding of the ISEK's measures: budget years, the municipal product
numbering, budget lines per measure and year, funding programmes and each measure's
financing shares. See docs/finance.md."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stadtdach.core.models import SampleDataModel

HUNDRED = Decimal("100")


class FundingSource(models.TextChoices):
    """Where the money for a measure comes from; the town's own share is always last."""

    # A context of their own: "State" alone is already translated as "Stand" elsewhere.
    FEDERATION = "federation", pgettext_lazy("funding source", "Federation")
    STATE = "state", pgettext_lazy("funding source", "State")
    EU = "eu", pgettext_lazy("funding source", "EU")
    OTHER = "other", pgettext_lazy("funding source", "Other third parties")
    TOWN = "town", pgettext_lazy("funding source", "Town (own share)")


# The share field of each source, in the order of FundingSource.
SHARE_FIELDS = {source: f"share_{source}" for source in FundingSource.values}


def _share_field(label):
    return models.DecimalField(
        label,
        max_digits=7,
        decimal_places=4,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(HUNDRED)],
        help_text=_("Percent, up to four decimals."),
    )


class Shares(models.Model):
    """Percent shares of the funding sources. Together they must make exactly 100 %."""

    share_federation = _share_field(_("federation share (%)"))
    share_state = _share_field(_("state share (%)"))
    share_eu = _share_field(_("EU share (%)"))
    share_other = _share_field(_("share of other third parties (%)"))
    share_town = _share_field(_("town's own share (%)"))

    class Meta:
        abstract = True

    def own_shares(self) -> dict[str, Decimal]:
        return {
            source: getattr(self, name) or Decimal("0") for source, name in SHARE_FIELDS.items()
        }

    def clean_shares(self) -> None:
        """Refuse shares that do not add up to exactly 100 % (decimals, never floats)."""
        shares = self.own_shares()
        if any(value < 0 or value > HUNDRED for value in shares.values()):
            raise ValidationError(_("Every share lies between 0 and 100 %."), code="share_range")
        total = sum(shares.values(), Decimal("0"))
        if total != HUNDRED:
            raise ValidationError(
                _("The shares add up to %(total)s %%, not 100 %%.")
                % {"total": format(total.normalize(), "f").replace(".", ",")},
                code="shares_sum",
            )


def _share_range_constraints(prefix: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(**{f"{name}__gte": 0, f"{name}__lte": 100}),
            name=f"{prefix}_{name}_range",
        )
        for name in SHARE_FIELDS.values()
    ]


class Budget(SampleDataModel):
    """A budget year (Haushaltsjahr) of the town."""

    class Status(models.TextChoices):
        PLANNING = "planning", _("in planning")
        ADOPTED = "adopted", _("adopted")
        CLOSED = "closed", _("closed (annual accounts)")

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNING
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("budget year")
        verbose_name_plural = _("budget years")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100), name="finance_budget_year_range"
            )
        ]

    def __str__(self) -> str:
        return str(_("Budget %(year)s") % {"year": self.year})


class BudgetProduct(SampleDataModel):
    """A product of the municipal budget (Produktrahmenplan): product area, product group
    or product. The numbers are the town's data, not code: only the three levels are fixed."""

    class Level(models.TextChoices):
        AREA = "area", _("product area")
        GROUP = "group", _("product group")
        PRODUCT = "product", _("product")

    PARENT_LEVEL = {Level.GROUP: Level.AREA, Level.PRODUCT: Level.GROUP}

    number = models.CharField(
        _("number"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                r"^[0-9][0-9.]*$", _("Use digits (and dots) only, e.g. 51100."), "number"
            )
        ],
    )
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("budget product")
        verbose_name_plural = _("budget products")

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def clean(self):
        wanted = self.PARENT_LEVEL.get(self.level)
        if wanted is None and self.parent_id:
            raise ValidationError({"parent": _("A product area belongs to no other entry.")})
        if wanted is not None:
            if self.parent is None:
                raise ValidationError(
                    {
                        "parent": _("Choose the %(level)s it belongs to.")
                        % {"level": self.Level(wanted).label}
                    }
                )
            if self.parent.level != wanted:
                raise ValidationError(
                    {
                        "parent": _("A %(level)s belongs to a %(parent)s.")
                        % {
                            "level": self.Level(self.level).label,
                            "parent": self.Level(wanted).label,
                        }
                    }
                )


class FundingProgramme(Shares, SampleDataModel):
    """A funding programme (Förderprogramm) with its default shares of the sources."""

    class Kind(models.TextChoices):
        URBAN = "urban", _("Urban development funding (Städtebauförderung)")
        STATE = "state", _("State programme")
        EU = "eu", _("EU programme")
        OTHER = "other", _("Other funding")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    funder = models.CharField(_("funded by"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        constraints = _share_range_constraints("finance_programme")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("finance:programme_list") + f"#programm-{self.slug}"

    def clean(self):
        self.clean_shares()


class MeasureFunding(Shares, SampleDataModel):
    """How one measure is financed: its programme and, where they differ from the
    programme's defaults, its own shares. Without a programme the town pays everything."""

    measure = models.OneToOneField(
        "strategy.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="funding",
    )
    programme = models.ForeignKey(
        FundingProgramme,
        verbose_name=_("funding programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fundings",
    )
    custom_shares = models.BooleanField(
        _("own shares for this measure"),
        default=False,
        help_text=_("Otherwise the programme's default shares apply."),
    )
    product = models.ForeignKey(
        BudgetProduct,
        verbose_name=_("budget product"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fundings",
        limit_choices_to={"level": BudgetProduct.Level.PRODUCT},
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("financing of a measure")
        verbose_name_plural = _("financing of measures")
        constraints = _share_range_constraints("finance_funding")

    def __str__(self) -> str:
        return str(_("Financing of %(measure)s") % {"measure": self.measure})

    def clean(self):
        if self.custom_shares:
            self.clean_shares()
        if self.product_id and self.product.level != BudgetProduct.Level.PRODUCT:
            raise ValidationError({"product": _("Choose a product, not an area or group.")})

    def effective_shares(self) -> dict[str, Decimal]:
        """The shares that apply: the measure's own, the programme's, or 100 % town."""
        if self.custom_shares:
            return self.own_shares()
        if self.programme is not None:
            return self.programme.own_shares()
        return town_only()


def town_only() -> dict[str, Decimal]:
    return {
        source: HUNDRED if source == FundingSource.TOWN else Decimal("0")
        for source in FundingSource.values
    }


class BudgetLine(SampleDataModel):
    """Planned, approved and spent amounts of one measure in one budget year."""

    measure = models.ForeignKey(
        "strategy.Measure",
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="budget_lines",
    )
    budget = models.ForeignKey(
        Budget, verbose_name=_("budget year"), on_delete=models.PROTECT, related_name="lines"
    )
    planned = models.DecimalField(
        _("planned (EUR)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The cost planned for this year."),
    )
    approved = models.DecimalField(
        _("approved (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The amount the adopted budget provides."),
    )
    spent = models.DecimalField(
        _("spent (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("The amount actually spent (annual accounts)."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["budget__year", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "budget"], name="finance_budget_line_once_per_year"
            ),
            models.CheckConstraint(
                condition=Q(planned__gte=0)
                & (Q(approved__isnull=True) | Q(approved__gte=0))
                & (Q(spent__isnull=True) | Q(spent__gte=0)),
                name="finance_budget_line_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} · {self.budget}"

    def get_absolute_url(self) -> str:
        return self.measure.get_absolute_url() + "#finanzen"
