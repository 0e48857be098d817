"""The weekly process report by e-mail: what is late, what is due in the next four weeks,
the milestones, and what the apps above add (``settings.STADTDACH_PROCESS_REPORT_SECTIONS``:
functions ``(edition, today) -> ReportSection | None``; governance adds the next meetings
and the papers on their way to the council)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from stadtdach.accounts.roles import COORDINATORS
from stadtdach.core.selectors import municipality
from stadtdach.process.monitoring import process_status
from stadtdach.strategy.models import Edition


@dataclass
class ReportSection:
    title: str
    lines: list[str] = field(default_factory=list)
    link: str = ""  # a path on the site; the mail makes it absolute


def recipients() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=COORDINATORS)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )
    return list(users.values_list("email", flat=True))


def build_report(edition: Edition, today: datetime.date | None = None) -> tuple[str, str]:
    """The subject and the plain-text body of the report."""
    today = today or timezone.localdate()
    status = process_status(edition, today)
    extra = []
    for path in getattr(settings, "STADTDACH_PROCESS_REPORT_SECTIONS", ()):
        section = import_string(path)(edition, today)
        if section is not None:
            extra.append(section)
    subject = _("Process report %(edition)s, week %(week)s: %(late)d late, %(due)d due") % {
        "edition": edition.name,
        "week": today.isocalendar().week,
        "late": status.late_count,
        "due": status.due_count,
    }
    body = render_to_string(
        "process/email/process_report.txt",
        {
            "edition": edition,
            "status": status,
            "sections": extra,
            "town": municipality(),
            "site_url": settings.STADTDACH_BASE_URL.rstrip("/"),
        },
    )
    return subject, body


def send_report(today: datetime.date | None = None) -> int:
    """Send the report of the current edition to every coordinator with an e-mail address."""
    edition = Edition.objects.filter(is_current=True).first()
    to = recipients()
    if edition is None or not to:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = build_report(edition, today)
    send_mail(subject, body, None, to)
    return len(to)
