from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.reports import models

for model in (models.Report, models.Revision):
    admin.site.register(model, AuditedModelAdmin)
