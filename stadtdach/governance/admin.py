"""The technical administrator's view of governance. The admin lists live records only
(soft-deleted ones stay for OParl's tombstones); deleting here deletes for good, so the
coordinators delete through the site."""

from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.governance.models import (
    AgendaItem,
    Authority,
    Body,
    BodyFinding,
    CadenceRule,
    Consultation,
    Decision,
    Document,
    LegislativeTerm,
    Location,
    Meeting,
    Membership,
    Paper,
    Person,
    TaskLink,
)

for model in (
    Authority,
    LegislativeTerm,
    Location,
    Body,
    Person,
    Membership,
    CadenceRule,
    Meeting,
    AgendaItem,
    Document,
    Paper,
    Consultation,
    Decision,
    TaskLink,
    BodyFinding,
):
    admin.site.register(model, AuditedModelAdmin)
