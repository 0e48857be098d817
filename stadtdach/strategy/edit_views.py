"""Staff forms of the strategy. Each view: load → authorise (django-rules) → validate →
save through a service (audited) → redirect. Anonymous visitors are sent to the log-in."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from stadtdach.core.views import DeleteView, EditView
from stadtdach.strategy import forms, selectors, services
from stadtdach.strategy.models import (
    ActionField,
    Concept,
    CrossCuttingTheme,
    EvaluationFinding,
    Expectation,
    Goal,
    GuidingPrinciple,
    Measure,
    SwotEntry,
    Vision,
)


class ActionFieldEdit(EditView):
    form_class = forms.ActionFieldForm

    def get_object(self):
        slug = self.kwargs.get("slug")
        return get_object_or_404(ActionField, slug=slug) if slug else None

    @property
    def permission(self):
        return "strategy.change_actionfield" if self.object else "strategy.add_actionfield"

    def get_title(self):
        return (
            _("Edit action field: %(name)s") % {"name": self.object.name}
            if self.object
            else _("New action field")
        )

    def get_cancel_url(self):
        return (
            self.object.get_absolute_url() if self.object else reverse("strategy:action_field_list")
        )


class ActionFieldSelect(EditView):
    form_class = forms.ActionFieldSelectionForm
    permission = "strategy.select_actionfield"

    def get_object(self):
        self.action_field = get_object_or_404(ActionField, slug=self.kwargs["slug"])
        self.edition = selectors.current_edition_or_404()
        return services.selection_for(edition=self.edition, action_field=self.action_field)

    def get_form_kwargs(self):
        return {"instance": self.object}

    def get_title(self):
        return _("Selection of “%(field)s” for %(edition)s") % {
            "field": self.action_field.name,
            "edition": self.edition.name,
        }

    def get_cancel_url(self):
        return self.action_field.get_absolute_url()

    def get_success_url(self, saved):
        return self.action_field.get_absolute_url()


class ThemeEdit(EditView):
    form_class = forms.ThemeForm

    def get_object(self):
        slug = self.kwargs.get("slug")
        return get_object_or_404(CrossCuttingTheme, slug=slug) if slug else None

    @property
    def permission(self):
        return (
            "strategy.change_crosscuttingtheme" if self.object else "strategy.add_crosscuttingtheme"
        )

    def get_title(self):
        return (
            _("Edit cross-cutting theme: %(name)s") % {"name": self.object.name}
            if self.object
            else _("New cross-cutting theme")
        )

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse("strategy:theme_matrix")


class ConceptEdit(EditView):
    form_class = forms.ConceptForm

    def get_object(self):
        slug = self.kwargs.get("slug")
        return get_object_or_404(Concept, slug=slug) if slug else None

    @property
    def permission(self):
        return "strategy.change_concept" if self.object else "strategy.add_concept"

    def get_title(self):
        return (
            _("Edit concept: %(name)s") % {"name": self.object.name}
            if self.object
            else _("New concept")
        )

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse("strategy:concept_list")


class ConceptDelete(DeleteView):
    permission = "strategy.delete_concept"

    def get_object(self):
        return get_object_or_404(Concept, slug=self.kwargs["slug"])

    def get_success_url(self):
        return reverse("strategy:concept_list")


class _EditionChild(EditView):
    """An object that belongs to the current edition (findings belong to its predecessor)."""

    model = None
    add_permission = change_permission = ""
    list_url_name = "strategy:review"

    def get_object(self):
        pk = self.kwargs.get("pk")
        return get_object_or_404(self.model, pk=pk) if pk else None

    @property
    def permission(self):
        return self.change_permission if self.object else self.add_permission

    def get_cancel_url(self):
        return reverse(self.list_url_name)

    def get_success_url(self, saved):
        return reverse(self.list_url_name)

    def parent_edition(self):
        return selectors.current_edition_or_404()

    def save(self, form):
        if form.instance._state.adding:
            form.instance.edition = self.parent_edition()
        return super().save(form)


class EvaluationFindingEdit(_EditionChild):
    model = EvaluationFinding
    form_class = forms.EvaluationFindingForm
    add_permission = "strategy.add_evaluationfinding"
    change_permission = "strategy.change_evaluationfinding"

    def dispatch(self, request, *args, **kwargs):
        if not kwargs.get("pk") and selectors.current_edition_or_404().predecessor is None:
            messages.error(request, _("The current edition has no predecessor to evaluate."))
            return redirect("strategy:review")
        return super().dispatch(request, *args, **kwargs)

    def parent_edition(self):
        return selectors.current_edition_or_404().predecessor

    def get_title(self):
        return _("Edit finding") if self.object else _("New evaluation finding")


class ExpectationEdit(_EditionChild):
    model = Expectation
    form_class = forms.ExpectationForm
    add_permission = "strategy.add_expectation"
    change_permission = "strategy.change_expectation"

    def get_title(self):
        return (
            _("Edit entry of the expectations register")
            if self.object
            else _("New entry of the expectations register")
        )


class _ReviewDelete(DeleteView):
    model = None

    def get_object(self):
        return get_object_or_404(self.model, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("strategy:review")


class EvaluationFindingDelete(_ReviewDelete):
    model = EvaluationFinding
    permission = "strategy.delete_evaluationfinding"


class ExpectationDelete(_ReviewDelete):
    model = Expectation
    permission = "strategy.delete_expectation"


class VisionEdit(EditView):
    form_class = forms.VisionForm
    permission = "strategy.change_vision"

    def get_object(self):
        self.edition = selectors.current_edition_or_404()
        return selectors.vision_of(self.edition) or Vision(edition=self.edition)

    def get_title(self):
        return _("Edit vision of %(edition)s") % {"edition": self.edition.name}

    def get_cancel_url(self):
        return reverse("strategy:vision")

    def get_success_url(self, saved):
        return reverse("strategy:vision")


class GuidingPrincipleEdit(EditView):
    form_class = forms.GuidingPrincipleForm
    permission = "strategy.change_vision"

    def get_object(self):
        pk = self.kwargs.get("pk")
        return get_object_or_404(GuidingPrinciple, pk=pk) if pk else None

    def get_permission_object(self):
        return None

    def get_title(self):
        return _("Edit guiding principle") if self.object else _("New guiding principle")

    def get_cancel_url(self):
        return reverse("strategy:vision")

    def get_success_url(self, saved):
        return reverse("strategy:vision")

    def save(self, form):
        if form.instance._state.adding:
            vision = selectors.vision_of(selectors.current_edition_or_404())
            if vision is None:
                raise PermissionDenied
            form.instance.vision = vision
        return super().save(form)


class _FieldChild(EditView):
    """A goal or SWOT entry: created inside an action field of the current edition."""

    model = None
    add_permission = change_permission = ""

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            obj = get_object_or_404(self.model.objects.select_related("action_field"), pk=pk)
            self.action_field = obj.action_field
            return obj
        self.action_field = get_object_or_404(ActionField, slug=self.kwargs["slug"])
        return None

    @property
    def permission(self):
        return self.change_permission if self.object else self.add_permission

    def get_permission_object(self):
        return self.object if self.object else self.action_field

    def get_cancel_url(self):
        return self.action_field.get_absolute_url()

    def get_success_url(self, saved):
        return self.action_field.get_absolute_url()

    def save(self, form):
        if form.instance._state.adding:
            form.instance.edition = selectors.current_edition_or_404()
            form.instance.action_field = self.action_field
        return super().save(form)


class GoalEdit(_FieldChild):
    model = Goal
    form_class = forms.GoalForm
    add_permission = "strategy.add_goal"
    change_permission = "strategy.change_goal"

    def get_title(self):
        return (
            _("Edit goal")
            if self.object
            else _("New goal in %(field)s") % {"field": self.action_field.name}
        )


class SwotEntryEdit(_FieldChild):
    model = SwotEntry
    form_class = forms.SwotEntryForm
    add_permission = "strategy.add_swotentry"
    change_permission = "strategy.change_swotentry"

    def get_title(self):
        return (
            _("Edit SWOT entry")
            if self.object
            else _("New SWOT entry in %(field)s") % {"field": self.action_field.name}
        )


class _FieldChildDelete(DeleteView):
    model = None

    def get_object(self):
        return get_object_or_404(
            self.model.objects.select_related("action_field"), pk=self.kwargs["pk"]
        )

    def get_success_url(self):
        return self.object.action_field.get_absolute_url()


class GoalDelete(_FieldChildDelete):
    model = Goal
    permission = "strategy.delete_goal"


class SwotEntryDelete(_FieldChildDelete):
    model = SwotEntry
    permission = "strategy.delete_swotentry"


class MeasureEdit(EditView):
    form_class = forms.MeasureForm

    def get_object(self):
        self.edition = selectors.current_edition_or_404()
        pk = self.kwargs.get("pk")
        if pk:
            return get_object_or_404(
                Measure.objects.select_related("action_field", "edition"), pk=pk
            )
        return None

    @property
    def permission(self):
        return "strategy.change_measure" if self.object else "strategy.add_measure"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["edition"] = self.object.edition if self.object else self.edition
        if self.object is None:
            field = ActionField.objects.filter(slug=self.request.GET.get("handlungsfeld")).first()
            kwargs["initial"] = {"action_field": field, "lead_unit": self.request.user.unit}
        return kwargs

    def get_title(self):
        return (
            _("Edit measure: %(title)s") % {"title": self.object}
            if self.object
            else _("New measure")
        )

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse("strategy:measure_list")


class MeasureDelete(DeleteView):
    permission = "strategy.delete_measure"

    def get_object(self):
        return get_object_or_404(
            Measure.objects.select_related("action_field"), pk=self.kwargs["pk"]
        )

    def get_success_url(self):
        return reverse("strategy:measure_list")


class _RatingsView(View):
    """Rate one action field or measure against every selected cross-cutting theme."""

    permission = ""
    template_name = "strategy/ratings_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.load()
        if not request.user.has_perm(self.permission, self.subject):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, form, status=200):
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "subject": self.subject,
                "title": self.title(),
                "cancel_url": self.subject.get_absolute_url(),
                "themes": form.themes,
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self.render_form(forms.RatingsForm(themes=self.themes, ratings=self.ratings))

    def post(self, request, *args, **kwargs):
        form = forms.RatingsForm(data=request.POST, themes=self.themes, ratings=self.ratings)
        if not form.is_valid():
            return self.render_form(form, status=400)
        changed = self.save(form.values())
        messages.success(
            request,
            ngettext(
                "Ratings saved (%(count)d changed).", "Ratings saved (%(count)d changed).", changed
            )
            % {"count": changed},
        )
        return redirect(self.subject.get_absolute_url())


class ActionFieldRatings(_RatingsView):
    permission = "strategy.rate_actionfield"

    def load(self):
        self.edition = selectors.current_edition_or_404()
        self.subject = get_object_or_404(ActionField, slug=self.kwargs["slug"])
        self.themes = selectors.selected_themes(self.edition)
        self.ratings = {
            r.theme_id: r for r in self.subject.theme_ratings.filter(edition=self.edition)
        }

    def title(self):
        return _("Rate “%(field)s” against the cross-cutting themes") % {"field": self.subject.name}

    def save(self, values):
        return services.action_field_rate(
            actor=self.request.user, edition=self.edition, action_field=self.subject, values=values
        )


class MeasureRatings(_RatingsView):
    permission = "strategy.rate_measure"

    def load(self):
        self.subject = get_object_or_404(
            Measure.objects.select_related("action_field", "edition"), pk=self.kwargs["pk"]
        )
        self.themes = selectors.selected_themes(self.subject.edition)
        self.ratings = {r.theme_id: r for r in self.subject.theme_ratings.all()}

    def title(self):
        return _("Rate “%(measure)s” against the cross-cutting themes") % {"measure": self.subject}

    def save(self, values):
        return services.measure_rate(actor=self.request.user, measure=self.subject, values=values)
