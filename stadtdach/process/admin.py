from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.process.models import Milestone, Phase, Task

for model in (Phase, Milestone, Task):
    admin.site.register(model, AuditedModelAdmin)
