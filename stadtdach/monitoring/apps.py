from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "stadtdach.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.monitoring import permissions  # noqa: F401
