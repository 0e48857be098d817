"""Views every page shares: the health check, error pages, and the generic edit views
the apps use for their staff forms."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from stadtdach.core import services


@never_cache
def healthz(request):
    """200 when the application and its database answer; 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # A database outage gets the short "back in a moment" 503 page (core/ops/outage.py).
    from stadtdach.core.ops import outage

    if (unavailable := outage.response_for(request)) is not None:
        return unavailable
    # No context processors: whatever broke must not break the error page too.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


class EditView(View):
    """Create or change one object: load → authorise → validate → save (audited) → redirect.

    Subclasses set ``form_class`` and ``permission`` and implement ``get_object`` (None
    for a create form), ``get_permission_object`` when the object does not exist yet,
    and ``get_success_url``.
    """

    form_class = None
    permission: str = ""
    template_name = "core/edit_form.html"
    title = ""

    def get_object(self):
        return None

    def get_permission_object(self):
        return self.object

    def get_form_kwargs(self) -> dict:
        return {"instance": self.object} if self.object is not None else {}

    def get_success_url(self, saved) -> str:
        return saved.get_absolute_url()

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url() if self.object is not None else "/"

    def get_title(self) -> str:
        return self.title

    def get_context(self, form) -> dict:
        return {
            "form": form,
            "object": self.object,
            "title": self.get_title(),
            "cancel_url": self.get_cancel_url(),
        }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.object = self.get_object()
        if not request.user.has_perm(self.permission, self.get_permission_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = self.form_class(**self.get_form_kwargs())
        return render(request, self.template_name, self.get_context(form))

    def save(self, form):
        return services.save_form(
            actor=self.request.user,
            form=form,
            submission_token=form.cleaned_data.get("form_token"),
            loaded_version=form.cleaned_data.get("loaded_version"),
        )

    def post(self, request, *args, **kwargs):
        form = self.form_class(data=request.POST, files=request.FILES, **self.get_form_kwargs())
        if form.is_valid():
            try:
                saved = self.save(form)
            except services.DuplicateSubmission:
                messages.info(
                    request,
                    _(
                        "This form had already been sent. The entry was "
                        "saved once; nothing was saved twice."
                    ),
                )
                return redirect(self.get_cancel_url())
            except services.EditConflict:
                messages.error(
                    request,
                    _(
                        "Somebody else saved this entry after you opened "
                        "the form. Please look at the current version and "
                        "make your change again."
                    ),
                )
                return redirect(request.get_full_path())
            messages.success(request, _("Saved."))
            return redirect(self.get_success_url(saved))
        return render(request, self.template_name, self.get_context(form), status=400)


class DeleteView(View):
    """Confirm, then delete one object (audited)."""

    permission: str = ""
    template_name = "core/confirm_delete.html"

    def get_object(self):
        raise NotImplementedError

    def get_success_url(self) -> str:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.object = self.get_object()
        if not request.user.has_perm(self.permission, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return render(
            request,
            self.template_name,
            {"object": self.object, "cancel_url": self.object.get_absolute_url()},
        )

    def post(self, request, *args, **kwargs):
        url = self.get_success_url()
        services.delete_object(actor=request.user, instance=self.object)
        messages.success(request, _("Deleted."))
        return redirect(url)
