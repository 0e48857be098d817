"""Background work of the monitoring app (Django's tasks API, run by db_worker)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stadtdach.accounts.roles import RoleCode


@task()
def run_import(job_id: int) -> None:
    """Check and import an uploaded file (large files come here, small ones run at once)."""
    from stadtdach.monitoring.imports.runner import run

    run(job_id)


@task()
def send_update_reminder(unit_id: int, measure_ids: list[int]) -> None:
    """Tell the staff of a department which of their measures await a progress report."""
    from stadtdach.strategy.models import Measure

    recipients = list(
        get_user_model()
        .objects.filter(unit_id=unit_id, is_active=True, groups__name=RoleCode.ADMINISTRATION)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    measures = Measure.objects.filter(pk__in=measure_ids).order_by("code", "title")
    base = settings.STADTDACH_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("Hello,"),
            "",
            _("a progress report is due for these measures of the ISEK:"),
            "",
            *[
                f"- {m} ({base}{reverse('monitoring:progress_update', args=[m.pk])})"
                for m in measures
            ],
            "",
            _(
                "You can report each measure with a short form, or all at once with the "
                "import template: %(url)s"
            )
            % {"url": base + reverse("monitoring:import_start")},
            "",
            _("Thank you!"),
        ]
        send_mail(_("ISEK: progress reports are due"), "\n".join(lines), None, recipients)
