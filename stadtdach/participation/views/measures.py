"""Participation during implementation: comments on a measure (the measure page shows
them through a panel, see panels.py)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stadtdach.core.ratelimit import limit_posts
from stadtdach.core.services import DuplicateSubmission
from stadtdach.participation.forms import CommentForm
from stadtdach.participation.services import comments as comment_services


@limit_posts("measure-comment", requests=10, seconds=600)
def measure_comment(request, pk):
    from stadtdach.strategy.models import Measure

    measure = get_object_or_404(Measure.objects.select_related("action_field"), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("participation.comment_measure", measure):
        raise PermissionDenied
    form = CommentForm(data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                comment = comment_services.comment_add(
                    author=request.user,
                    measure=measure,
                    text=form.cleaned_data["text"],
                    submission_token=form.cleaned_data.get("form_token"),
                )
            except DuplicateSubmission:
                return redirect(measure.get_absolute_url() + "#beteiligung")
            messages.success(request, _("Thank you! Your comment is published."))
            return redirect(comment.get_absolute_url())
        return render(
            request,
            "participation/measure_comment.html",
            {"form": form, "measure": measure},
            status=400,
        )
    return render(request, "participation/measure_comment.html", {"form": form, "measure": measure})
