from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The Boizenburg demo. It sits above every other app because it fills all of them."""

    name = "stadtdach.demo"
    label = "demo"
    verbose_name = _("Boizenburg demo")
