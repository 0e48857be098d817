from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "stadtdach.finance"
    label = "finance"
    verbose_name = _("Finance")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.finance import permissions  # noqa: F401
