"""Django admin for the technical administrator (audited). Staff work in the site's own
pages; the admin is where named places are maintained."""

from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin
from stadtdach.participation.models import (
    Comment,
    Contribution,
    NamedPlace,
    ParticipationProcess,
    Report,
    TargetGroup,
)


@admin.register(ParticipationProcess)
class ParticipationProcessAdmin(AuditedModelAdmin):
    list_display = ("title", "phase", "starts_at", "ends_at", "is_published", "is_sample")
    list_filter = ("is_published", "audience", "phase")
    search_fields = ("title", "slug")


@admin.register(Contribution)
class ContributionAdmin(AuditedModelAdmin):
    list_display = ("__str__", "process", "format", "status", "visibility", "created")
    list_filter = ("format", "status", "visibility", "channel")
    search_fields = ("title", "text")
    raw_id_fields = ("author", "recorded_by", "process")
    filter_horizontal = ("themes", "goals", "measures")


@admin.register(Comment)
class CommentAdmin(AuditedModelAdmin):
    list_display = ("__str__", "contribution", "measure", "visibility", "created")
    list_filter = ("visibility", "is_official")
    raw_id_fields = ("author", "contribution", "measure")


@admin.register(Report)
class ReportAdmin(AuditedModelAdmin):
    list_display = ("__str__", "contribution", "comment", "resolution")
    list_filter = ("resolution", "reason")
    raw_id_fields = ("contribution", "comment", "reporter", "resolved_by")


admin.site.register(TargetGroup, AuditedModelAdmin)
admin.site.register(NamedPlace, AuditedModelAdmin)
