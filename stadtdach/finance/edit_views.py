"""Staff forms of the finance app: load → authorise (django-rules) → validate → save
through core.services.save_form (audited) → redirect."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from stadtdach.core.views import DeleteView, EditView
from stadtdach.finance import forms
from stadtdach.finance.models import (
    Budget,
    BudgetLine,
    BudgetProduct,
    FundingProgramme,
    MeasureFunding,
)
from stadtdach.strategy.models import Measure


class _CatalogueEdit(EditView):
    permission = "finance.manage_catalogue"
    model = None
    lookup = "pk"
    list_url = ""

    def get_object(self):
        value = self.kwargs.get(self.lookup)
        return get_object_or_404(self.model, **{self.lookup: value}) if value else None

    def get_permission_object(self):
        return None

    def get_cancel_url(self):
        return reverse(self.list_url)

    def get_success_url(self, saved):
        return reverse(self.list_url)


class BudgetEdit(_CatalogueEdit):
    model = Budget
    form_class = forms.BudgetForm
    lookup = "year"
    list_url = "finance:product_list"

    def get_title(self):
        return (
            _("Edit %(budget)s") % {"budget": self.object} if self.object else _("New budget year")
        )


class BudgetProductEdit(_CatalogueEdit):
    model = BudgetProduct
    form_class = forms.BudgetProductForm
    list_url = "finance:product_list"

    def get_title(self):
        return (
            _("Edit budget product %(product)s") % {"product": self.object}
            if self.object
            else _("New budget product")
        )


class FundingProgrammeEdit(_CatalogueEdit):
    model = FundingProgramme
    form_class = forms.FundingProgrammeForm
    lookup = "slug"
    list_url = "finance:programme_list"

    def get_title(self):
        return (
            _("Edit funding programme %(name)s") % {"name": self.object.name}
            if self.object
            else _("New funding programme")
        )


class _MeasureChild(EditView):
    permission = "finance.change_measure_finance"

    def load_measure(self, pk):
        self.measure = get_object_or_404(
            Measure.objects.select_related("action_field", "edition"), pk=pk
        )
        return self.measure

    def get_permission_object(self):
        return self.measure

    def get_cancel_url(self):
        return self.measure.get_absolute_url()

    def get_success_url(self, saved):
        return self.measure.get_absolute_url() + "#finanzen"


class MeasureFundingEdit(_MeasureChild):
    form_class = forms.MeasureFundingForm

    def get_object(self):
        measure = self.load_measure(self.kwargs["pk"])
        return MeasureFunding.objects.filter(measure=measure).first()

    def save(self, form):
        if form.instance._state.adding:
            form.instance.measure = self.measure
        return super().save(form)

    def get_title(self):
        return _("Financing of %(measure)s") % {"measure": self.measure}


class BudgetLineEdit(_MeasureChild):
    form_class = forms.BudgetLineForm

    def get_object(self):
        pk = self.kwargs.get("line")
        if pk:
            line = get_object_or_404(
                BudgetLine.objects.select_related("measure__action_field", "budget"), pk=pk
            )
            self.measure = line.measure
            return line
        self.load_measure(self.kwargs["pk"])
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "measure": self.measure}

    def get_title(self):
        if self.object:
            return _("Edit budget line %(year)s of %(measure)s") % {
                "year": self.object.budget.year,
                "measure": self.measure,
            }
        return _("New budget line for %(measure)s") % {"measure": self.measure}


class BudgetLineDelete(DeleteView):
    permission = "finance.change_measure_finance"

    def get_object(self):
        return get_object_or_404(
            BudgetLine.objects.select_related("measure__action_field", "budget"),
            pk=self.kwargs["line"],
        )

    def get_success_url(self):
        return self.object.measure.get_absolute_url() + "#finanzen"
