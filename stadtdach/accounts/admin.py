from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from stadtdach.accounts.models import (
    Consent,
    OrganisationalUnit,
    Role,
    RoleActivity,
    StructureLevel,
    User,
)
from stadtdach.core.admin import AuditedModelAdmin


@admin.register(User)
class UserAdmin(AuditedModelAdmin, BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Stadtdach", {"fields": ("display_name", "unit", "is_sample")}),
    )
    list_display = ("username", "email", "display_name", "unit", "is_staff", "is_active")
    list_filter = ("groups", "unit", "is_staff", "is_active")


class RoleActivityInline(admin.TabularInline):
    model = RoleActivity
    extra = 0


@admin.register(Role)
class RoleAdmin(AuditedModelAdmin):
    list_display = ("name", "code", "level", "order")
    inlines = [RoleActivityInline]


admin.site.register(OrganisationalUnit, AuditedModelAdmin)
admin.site.register(StructureLevel, AuditedModelAdmin)


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """Proof of consent: read-only."""

    list_display = ("user", "key", "version", "given_at")
    list_filter = ("key", "version")
    readonly_fields = ("user", "key", "version", "text", "given_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
