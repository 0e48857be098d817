from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.finance import models

for model in (
    models.Budget,
    models.BudgetLine,
    models.BudgetProduct,
    models.FundingProgramme,
    models.MeasureFunding,
):
    admin.site.register(model, AuditedModelAdmin)
