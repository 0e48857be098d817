"""Staff forms of governance: load → authorise (django-rules) → validate → save through
a service (audited, parents touched for OParl) → redirect."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from stadtdach.core.views import DeleteView, EditView
from stadtdach.governance import forms, selectors, services
from stadtdach.governance.models import (
    AgendaItem,
    Body,
    CadenceRule,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Person,
)


class GovernanceEdit(EditView):
    permission = "governance.manage"
    model = None

    def get_object(self):
        pk = self.kwargs.get("pk")
        return get_object_or_404(self.model, pk=pk) if pk else None

    def save(self, form):
        return services.save(
            actor=self.request.user,
            form=form,
            submission_token=form.cleaned_data.get("form_token"),
            loaded_version=form.cleaned_data.get("loaded_version"),
        )


class GovernanceDelete(DeleteView):
    """Published records are soft-deleted (OParl keeps a tombstone)."""

    permission = "governance.manage"
    model = None

    def get_object(self):
        return get_object_or_404(self.model, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return render(
            request,
            self.template_name,
            {"object": self.object, "cancel_url": self.get_success_url()},
        )

    def post(self, request, *args, **kwargs):
        url = self.get_success_url()
        services.delete(actor=request.user, instance=self.object)
        messages.success(request, _("Deleted."))
        return redirect(url)


def _registry():
    return reverse("governance:registry")


class BodyEdit(GovernanceEdit):
    form_class = forms.BodyForm

    def get_object(self):
        slug = self.kwargs.get("slug")
        return get_object_or_404(Body, slug=slug) if slug else None

    def save(self, form):
        if form.instance._state.adding:
            form.instance.authority = selectors.authority()
        return super().save(form)

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse("governance:index")

    def get_success_url(self, saved):
        return saved.get_absolute_url() if saved.kind != Body.Kind.FACTION else _registry()

    def get_title(self):
        return _("Edit body: %(name)s") % {"name": self.object} if self.object else _("New body")


class PersonEdit(GovernanceEdit):
    model = Person
    form_class = forms.PersonForm

    def save(self, form):
        if form.instance._state.adding:
            form.instance.authority = selectors.authority()
        return super().save(form)

    def get_cancel_url(self):
        return _registry()

    def get_success_url(self, saved):
        return _registry() + f"#person-{saved.pk}"

    def get_title(self):
        return (
            _("Edit person: %(name)s") % {"name": self.object} if self.object else _("New person")
        )


class PersonDelete(GovernanceDelete):
    model = Person

    def get_success_url(self):
        return _registry()


class LocationEdit(GovernanceEdit):
    model = Location
    form_class = forms.LocationForm

    def get_cancel_url(self):
        return _registry()

    def get_success_url(self, saved):
        return _registry() + f"#ort-{saved.pk}"

    def get_title(self):
        return _("Edit place: %(name)s") % {"name": self.object} if self.object else _("New place")


class TermEdit(GovernanceEdit):
    model = LegislativeTerm
    form_class = forms.LegislativeTermForm

    def save(self, form):
        if form.instance._state.adding:
            form.instance.authority = selectors.authority()
        return super().save(form)

    def get_cancel_url(self):
        return _registry()

    def get_success_url(self, saved):
        return _registry() + "#wahlperioden"

    def get_title(self):
        return _("Edit legislative term") if self.object else _("New legislative term")


class _BodyChild(GovernanceEdit):
    """An object created in the context of a body (membership, meeting, cadence)."""

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            obj = get_object_or_404(self.model.objects.select_related("body"), pk=pk)
            self.body = obj.body
            return obj
        self.body = get_object_or_404(Body, slug=self.kwargs["slug"])
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "body": self.body}

    def get_cancel_url(self):
        return self.body.get_absolute_url()

    def get_success_url(self, saved):
        return self.body.get_absolute_url()


class MembershipEdit(_BodyChild):
    model = Membership
    form_class = forms.MembershipForm

    def get_title(self):
        if self.object:
            return _("Edit membership: %(name)s") % {"name": self.object}
        return _("New member of %(body)s") % {"body": self.body}


class MembershipDelete(GovernanceDelete):
    model = Membership

    def get_success_url(self):
        return self.object.body.get_absolute_url()


class MeetingEdit(_BodyChild):
    model = Meeting
    form_class = forms.MeetingForm

    def get_success_url(self, saved):
        return saved.get_absolute_url()

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else self.body.get_absolute_url()

    def get_title(self):
        if self.object:
            return _("Edit meeting: %(name)s") % {"name": self.object}
        return _("New meeting of %(body)s") % {"body": self.body}


class MeetingDelete(GovernanceDelete):
    model = Meeting

    def get_success_url(self):
        return self.object.body.get_absolute_url()


class CadenceEdit(_BodyChild):
    model = CadenceRule
    form_class = forms.CadenceRuleForm

    def get_success_url(self, saved):
        return reverse("governance:cadence_generate", kwargs={"pk": saved.pk})

    def get_title(self):
        if self.object:
            return _("Edit meeting cadence: %(name)s") % {"name": self.object.title}
        return _("New meeting cadence of %(body)s") % {"body": self.body}


class CadenceGenerate(View):
    """Show the dates a cadence gives and, on confirmation, create the meetings."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("governance.manage"):
            raise PermissionDenied
        self.rule = get_object_or_404(CadenceRule.objects.select_related("body"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        existing = {
            timezone.localtime(m.start).date() for m in Meeting.objects.filter(cadence=self.rule)
        }
        dates = [(day, day in existing) for day in self.rule.dates()]
        return render(
            request, "governance/cadence_generate.html", {"rule": self.rule, "dates": dates}
        )

    def post(self, request, *args, **kwargs):
        created, removed = services.cadence_generate(actor=request.user, rule=self.rule)
        messages.success(
            request,
            _("%(created)d meetings created, %(removed)d removed.")
            % {"created": created, "removed": removed},
        )
        return redirect(self.rule.body.get_absolute_url())


class _MeetingChild(GovernanceEdit):
    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk:
            obj = get_object_or_404(self.model.objects.select_related("meeting__body"), pk=pk)
            self.meeting = obj.meeting
            return obj
        self.meeting = get_object_or_404(
            Meeting.objects.select_related("body"), pk=self.kwargs["meeting_pk"]
        )
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def get_cancel_url(self):
        return self.meeting.get_absolute_url()

    def get_success_url(self, saved):
        return self.meeting.get_absolute_url()


class AgendaItemEdit(_MeetingChild):
    model = AgendaItem
    form_class = forms.AgendaItemForm

    def get_title(self):
        if self.object:
            return _("Edit agenda item: %(name)s") % {"name": self.object}
        return _("New agenda item: %(meeting)s") % {"meeting": self.meeting}


class AgendaItemDelete(GovernanceDelete):
    model = AgendaItem

    def get_success_url(self):
        return self.object.meeting.get_absolute_url()


class AttendanceEdit(View):
    """Who was there: one choice per member of the body on the day of the meeting."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("governance.manage"):
            raise PermissionDenied
        self.meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=kwargs["pk"])
        day = timezone.localtime(self.meeting.start).date()
        self.memberships = list(
            Membership.objects.filter(body=self.meeting.body)
            .filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
            .select_related("person")
            .order_by("person__name")
        )
        return super().dispatch(request, *args, **kwargs)

    def _form(self, data=None):
        return forms.AttendanceForm(
            data=data,
            meeting=self.meeting,
            memberships=self.memberships,
            attendance=list(self.meeting.attendance.all()),
        )

    def _render(self, form, status=200):
        return render(
            request=self.request,
            template_name="core/edit_form.html",
            context={
                "form": form,
                "title": _("Attendance: %(meeting)s") % {"meeting": self.meeting},
                "cancel_url": self.meeting.get_absolute_url(),
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self._render(self._form())

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        services.attendance_record(
            actor=request.user, meeting=self.meeting, statuses=form.statuses()
        )
        messages.success(request, _("Saved."))
        return redirect(self.meeting.get_absolute_url())
