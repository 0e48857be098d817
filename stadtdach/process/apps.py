from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessConfig(AppConfig):
    name = "stadtdach.process"
    label = "process"
    verbose_name = _("ISEK process")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.process import permissions  # noqa: F401
