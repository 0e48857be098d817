"""Staff pages: processes, target groups, the town's answer to a contribution, and the
moderation queue with bulk actions. Each: load → authorise → validate → service."""

import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stadtdach.core.models import FormSubmission
from stadtdach.core.views import EditView
from stadtdach.participation import selectors
from stadtdach.participation.forms import AnswerForm, ModerationForm, ProcessForm, TargetGroupForm
from stadtdach.participation.models import Contribution, ParticipationProcess, TargetGroup
from stadtdach.participation.services import contributions as contribution_services
from stadtdach.participation.services import moderation


class _OnceEditView(EditView):
    """A create form sent twice is recognised by its token before validation: its
    generated short name would otherwise clash with the first copy's."""

    def post(self, request, *args, **kwargs):
        token = request.POST.get("form_token", "")
        if self.object is None and token and _token_used(token):
            messages.info(
                request,
                _("This form had already been sent. The entry was saved once."),
            )
            return redirect(self.get_cancel_url())
        return super().post(request, *args, **kwargs)


def _token_used(token: str) -> bool:
    try:
        return FormSubmission.objects.filter(token=uuid.UUID(token[:64])).exists()
    except ValueError:
        return False


class ProcessEdit(_OnceEditView):
    form_class = ProcessForm

    def get_object(self):
        slug = self.kwargs.get("slug")
        return get_object_or_404(ParticipationProcess, slug=slug) if slug else None

    @property
    def permission(self):
        return (
            "participation.change_participationprocess"
            if self.object
            else "participation.add_participationprocess"
        )

    def get_title(self):
        if self.object:
            return _("Edit participation process: %(title)s") % {"title": self.object.title}
        return _("New participation process")

    def get_cancel_url(self):
        return self.object.get_absolute_url() if self.object else reverse("participation:overview")


class TargetGroupEdit(_OnceEditView):
    form_class = TargetGroupForm
    permission = "participation.manage_targetgroups"

    def get_object(self):
        slug = self.kwargs.get("slug")
        return get_object_or_404(TargetGroup, slug=slug) if slug else None

    def get_title(self):
        if self.object:
            return _("Edit target group: %(name)s") % {"name": self.object.name}
        return _("New target group")

    def get_cancel_url(self):
        return reverse("participation:target_groups")

    def get_success_url(self, saved):
        return reverse("participation:target_groups")


class AnswerView(EditView):
    """The town's feedback on one contribution: status, reason, answer, links."""

    form_class = AnswerForm
    permission = "participation.answer_contribution"
    template_name = "participation/answer_form.html"

    def get_object(self):
        return get_object_or_404(
            Contribution.objects.select_related("process", "action_field", "author"),
            pk=self.kwargs["pk"],
        )

    def get_title(self):
        return _("Answer: %(title)s") % {"title": self.object}

    def get_context(self, form):
        return {**super().get_context(form), "contribution": self.object}

    def save(self, form):
        return contribution_services.contribution_answer(
            actor=self.request.user,
            form=form,
            loaded_version=form.cleaned_data.get("loaded_version"),
        )


def moderation_queue(request):
    """Pending and reported contributions and comments; several at once can be
    published, hidden with a public reason, or kept."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("participation.moderate"):
        raise PermissionDenied
    process_slug = request.GET.get("verfahren", "").strip()[:80]
    # Every moderator sees the same queue: on a GET it is a fragment, read when built.
    queue = SimpleLazyObject(lambda: selectors.moderation_queue(process_slug=process_slug))
    form = ModerationForm()
    status = 200
    if request.method == "POST":
        form = ModerationForm(
            data=request.POST,
            contribution_ids=[c.pk for c in queue.contributions],
            comment_ids=[c.pk for c in queue.comments],
        )
        if form.is_valid():
            changed = moderation.moderate(
                actor=request.user,
                action=form.cleaned_data["action"],
                contributions=form.cleaned_data["contributions"],
                comments=form.cleaned_data["comments"],
                reason=form.cleaned_data["reason"].strip(),
            )
            messages.success(
                request,
                ngettext("%(count)d entry moderated.", "%(count)d entries moderated.", changed)
                % {"count": changed},
            )
            return redirect(request.get_full_path())
        status = 400
    return render(
        request,
        "participation/moderation.html",
        {
            "form": form,
            "queue": queue,
            "processes": ParticipationProcess.objects.order_by("-starts_at").only("slug", "title"),
            "selected_process": process_slug,
        },
        status=status,
    )
