from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "stadtdach.governance"
    label = "governance"
    verbose_name = _("Governance: bodies, meetings, papers")
