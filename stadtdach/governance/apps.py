from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "stadtdach.governance"
    label = "governance"
    verbose_name = _("Governance: bodies, meetings, papers")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.governance import permissions  # noqa: F401
