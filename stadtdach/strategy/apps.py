from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "stadtdach.strategy"
    label = "strategy"
    verbose_name = _("ISEK strategy")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.strategy import permissions  # noqa: F401
