from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.monitoring import models

for model in (
    models.ImplementationMilestone,
    models.ImportJob,
    models.Indicator,
    models.IndicatorValue,
    models.MeasureImplementation,
    models.ProgressUpdate,
):
    admin.site.register(model, AuditedModelAdmin)
