from django.contrib import admin

from stadtdach.communication.models import AccessibilityFeedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ("created", "page", "status")
    list_filter = ("status",)
