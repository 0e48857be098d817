from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.process.models import DraftStage, Milestone, Phase, Task

for model in (Phase, Milestone, DraftStage, Task):
    admin.site.register(model, AuditedModelAdmin)
