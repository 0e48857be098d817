"""The roles of the ISEK process. Each is a Django group of the same code (created by a
migration) and a Role row that describes it on the public structure page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoleCode(models.TextChoices):
    COORDINATION_ADMIN = "coordination_admin", _("Coordination (administrative)")
    COORDINATION_PARTICIPATION = "coordination_participation", _("Coordination (participation)")
    CONSULTANT = "consultant", _("External consultant")
    STEERING_GROUP = "steering_group", _("Steering group")
    ADMINISTRATION = "administration", _("Administration (department heads and staff)")
    COUNCIL = "council", _("Town council and committees")
    CITIZEN = "citizen", _("Citizens and town society")


COORDINATORS = frozenset({RoleCode.COORDINATION_ADMIN, RoleCode.COORDINATION_PARTICIPATION})
