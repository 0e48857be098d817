from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "stadtdach.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.reports import permissions  # noqa: F401
