"""Staff forms of the monitoring app: load → authorise (django-rules) → validate → save
through a service (audited) → redirect. Anonymous visitors are sent to the log-in."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from stadtdach.core.views import DeleteView, EditView
from stadtdach.monitoring import forms, services
from stadtdach.monitoring.models import (
    ImplementationMilestone,
    Indicator,
    IndicatorValue,
    MeasureImplementation,
)
from stadtdach.strategy import selectors as strategy_selectors
from stadtdach.strategy.models import Measure


def _measure(pk) -> Measure:
    return get_object_or_404(
        Measure.objects.select_related("action_field", "edition", "implementation"), pk=pk
    )


class _ForMeasure(EditView):
    """A form about one measure; back to the measure's implementation dashboard."""

    def get_permission_object(self):
        return self.measure

    def get_cancel_url(self):
        return reverse("monitoring:measure", args=[self.measure.pk])

    def get_success_url(self, saved):
        return reverse("monitoring:measure", args=[self.measure.pk])


class ProgressUpdateView(_ForMeasure):
    """The one short form for a progress report."""

    form_class = forms.ProgressForm
    permission = "monitoring.update_progress"
    template_name = "monitoring/progress_form.html"

    def get_object(self):
        self.measure = _measure(self.kwargs["pk"])
        return None

    def get_form_kwargs(self):
        try:
            progress = self.measure.implementation.progress
        except MeasureImplementation.DoesNotExist:
            progress = 100 if self.measure.status == Measure.Status.COMPLETED else 0
        return {
            "measure": self.measure,
            "initial": {
                "progress": progress,
                "status": self.measure.status,
                "date": timezone.localdate(),
            },
        }

    def get_context(self, form):
        return {**super().get_context(form), "measure": self.measure}

    def get_title(self):
        return _("Report progress: %(measure)s") % {"measure": self.measure}

    def save(self, form):
        data = form.cleaned_data
        return services.progress_report(
            actor=self.request.user,
            measure=self.measure,
            date=data["date"],
            progress=data["progress"],
            status=data["status"],
            note=data["note"],
            submission_token=data.get("form_token"),
        )


class ImplementationEdit(_ForMeasure):
    form_class = forms.ImplementationForm
    permission = "monitoring.change_implementation"

    def get_object(self):
        self.measure = _measure(self.kwargs["pk"])
        try:
            return self.measure.implementation
        except MeasureImplementation.DoesNotExist:
            return MeasureImplementation(measure=self.measure)

    def get_title(self):
        return _("Responsibility and reporting: %(measure)s") % {"measure": self.measure}


class MilestoneEdit(_ForMeasure):
    form_class = forms.MilestoneForm
    permission = "monitoring.update_progress"

    def get_object(self):
        pk = self.kwargs.get("milestone")
        if pk:
            milestone = get_object_or_404(
                ImplementationMilestone.objects.select_related(
                    "measure__action_field", "measure__implementation"
                ),
                pk=pk,
            )
            self.measure = milestone.measure
            return milestone
        self.measure = _measure(self.kwargs["pk"])
        return None

    def get_title(self):
        if self.object:
            return _("Edit milestone of %(measure)s") % {"measure": self.measure}
        return _("New milestone for %(measure)s") % {"measure": self.measure}

    def save(self, form):
        if form.instance._state.adding:
            form.instance.measure = self.measure
        return super().save(form)


class MilestoneDelete(DeleteView):
    permission = "monitoring.update_progress"

    def get_object(self):
        return get_object_or_404(
            ImplementationMilestone.objects.select_related(
                "measure__action_field", "measure__implementation"
            ),
            pk=self.kwargs["milestone"],
        )

    def get_success_url(self):
        return reverse("monitoring:measure", args=[self.object.measure_id])


class IndicatorEdit(EditView):
    form_class = forms.IndicatorForm

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            indicator = get_object_or_404(
                Indicator.objects.select_related(
                    "edition", "action_field", "measure__action_field"
                ),
                pk=pk,
            )
            self.edition = indicator.edition
            return indicator
        self.edition = strategy_selectors.current_edition_or_404()
        return None

    @property
    def permission(self):
        return "monitoring.change_indicator" if self.object else "monitoring.add_indicator"

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "edition": self.edition}
        if self.object is None:
            measure = Measure.objects.filter(
                edition=self.edition, pk=_int(self.request.GET.get("massnahme"))
            ).first()
            if measure is not None:
                kwargs["initial"] = {"kind": Indicator.Kind.RESULT, "measure": measure}
        return kwargs

    def get_title(self):
        if self.object:
            return _("Edit indicator %(indicator)s") % {"indicator": self.object}
        return _("New indicator")

    def get_cancel_url(self):
        return (
            self.object.get_absolute_url() if self.object else reverse("monitoring:indicator_list")
        )

    def save(self, form):
        return services.indicator_save(**_save_arguments(self.request, form))


def _save_arguments(request, form) -> dict:
    return {
        "actor": request.user,
        "form": form,
        "submission_token": form.cleaned_data.get("form_token"),
        "loaded_version": form.cleaned_data.get("loaded_version"),
    }


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


class IndicatorDelete(DeleteView):
    permission = "monitoring.delete_indicator"

    def get_object(self):
        return get_object_or_404(Indicator, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("monitoring:indicator_list")


class IndicatorValueEdit(EditView):
    form_class = forms.IndicatorValueForm
    permission = "monitoring.enter_values"

    def get_object(self):
        pk = self.kwargs.get("value")
        queryset = Indicator.objects.select_related("action_field", "measure__action_field")
        if pk:
            value = get_object_or_404(
                IndicatorValue.objects.select_related(
                    "indicator__action_field", "indicator__measure__action_field"
                ),
                pk=pk,
            )
            self.indicator = value.indicator
            return value
        self.indicator = get_object_or_404(queryset, pk=self.kwargs["pk"])
        return None

    def get_permission_object(self):
        return self.indicator

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "indicator": self.indicator}

    def get_title(self):
        if self.object:
            return _("Edit value of %(indicator)s") % {"indicator": self.indicator}
        return _("New value of %(indicator)s") % {"indicator": self.indicator}

    def get_cancel_url(self):
        return self.indicator.get_absolute_url()

    def get_success_url(self, saved):
        return self.indicator.get_absolute_url()

    def save(self, form):
        return services.indicator_value_save(**_save_arguments(self.request, form))


class IndicatorValueDelete(DeleteView):
    permission = "monitoring.enter_values"

    def get_object(self):
        return get_object_or_404(
            IndicatorValue.objects.select_related(
                "indicator__action_field", "indicator__measure__action_field"
            ),
            pk=self.kwargs["value"],
        )

    def get_success_url(self):
        return self.object.indicator.get_absolute_url()

    def post(self, request, *args, **kwargs):
        url = self.get_success_url()
        services.indicator_value_delete(actor=request.user, value=self.object)
        messages.success(request, _("Deleted."))
        return redirect(url)
