from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.strategy import models

for model in (
    models.ActionField,
    models.ActionFieldGroup,
    models.ActionFieldThemeRating,
    models.Concept,
    models.CrossCuttingTheme,
    models.Edition,
    models.EditionActionField,
    models.EditionTheme,
    models.EvaluationFinding,
    models.ExampleFinding,
    models.ExampleProcess,
    models.Expectation,
    models.FoundationElement,
    models.Goal,
    models.GuidingPrinciple,
    models.Measure,
    models.MeasureThemeRating,
    models.SwotEntry,
    models.Vision,
):
    admin.site.register(model, AuditedModelAdmin)
