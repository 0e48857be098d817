from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "stadtdach.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        # The permission rules of this app (django-rules) are registered when loaded.
        from stadtdach.accounts import mfa, permissions  # noqa: F401

        mfa.connect_signals()
