from django.contrib import admin

from stadtdach.core.admin import AuditedModelAdmin

from stadtdach.communication.models import AccessibilityFeedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(AuditedModelAdmin):
    list_display = ("created", "page", "status")
    list_filter = ("status",)
