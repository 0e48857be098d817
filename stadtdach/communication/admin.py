from django.contrib import admin

from stadtdach.communication.models import AccessibilityFeedback
from stadtdach.core.admin import AuditedModelAdmin


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(AuditedModelAdmin):
    list_display = ("created", "page", "status")
    list_filter = ("status",)
