from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "stadtdach.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.participation import permissions  # noqa: F401
