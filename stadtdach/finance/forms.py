"""Staff forms of the finance app (StadtdachModelForm: length limits, tokens, versions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stadtdach.core.forms import StadtdachModelForm, date_input
from stadtdach.core.text import german_slugify
from stadtdach.finance.models import (
    SHARE_FIELDS,
    Budget,
    BudgetLine,
    BudgetProduct,
    FundingProgramme,
    MeasureFunding,
)

SHARES = tuple(SHARE_FIELDS.values())
THIRDS_HINT = _(
    "Together the shares make exactly 100 %. For one third each enter 33.3333, 33.3333 "
    "and 33.3334 (the town carries the rounding)."
)


class BudgetForm(StadtdachModelForm):
    class Meta:
        model = Budget
        fields = ["year", "status", "adopted_on", "note"]
        widgets = {"adopted_on": date_input()}


class BudgetProductForm(StadtdachModelForm):
    class Meta:
        model = BudgetProduct
        fields = ["number", "name", "level", "parent", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = BudgetProduct.objects.exclude(level=BudgetProduct.Level.PRODUCT)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


class FundingProgrammeForm(StadtdachModelForm):
    class Meta:
        model = FundingProgramme
        fields = ["name", "kind", "funder", "description", "url", *SHARES, "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["share_town"].help_text = THIRDS_HINT

    def save(self, commit=True):
        if not self.instance.slug:
            base = german_slugify(self.instance.name)
            slug, n = base, 2
            while FundingProgramme.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            self.instance.slug = slug
        return super().save(commit)


class MeasureFundingForm(StadtdachModelForm):
    class Meta:
        model = MeasureFunding
        fields = ["programme", "product", "custom_shares", *SHARES, "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = BudgetProduct.objects.filter(
            level=BudgetProduct.Level.PRODUCT
        )
        self.fields["programme"].empty_label = _("none (the town pays everything)")
        self.fields["share_town"].help_text = _(
            "Only used when “own shares for this measure” is ticked. "
        ) + str(THIRDS_HINT)


class BudgetLineForm(StadtdachModelForm):
    class Meta:
        model = BudgetLine
        fields = ["budget", "planned", "approved", "spent", "note"]

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.instance.measure = measure

    def clean_budget(self):
        budget = self.cleaned_data["budget"]
        taken = BudgetLine.objects.filter(measure=self.measure, budget=budget)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("This measure already has a budget line for %(year)s.") % {"year": budget.year},
                code="duplicate_year",
            )
        return budget
