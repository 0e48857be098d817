from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.process.models import (
    Contract,
    Deliverable,
    DraftStage,
    Milestone,
    Phase,
    Specification,
    SpecificationItem,
    SpecificationSection,
    Task,
    WorkPackage,
)

for model in (
    Phase,
    Milestone,
    DraftStage,
    Task,
    Contract,
    WorkPackage,
    Deliverable,
    Specification,
    SpecificationSection,
    SpecificationItem,
):
    admin.site.register(model, AuditedModelAdmin)
