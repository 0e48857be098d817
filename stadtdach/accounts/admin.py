from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from stadtdach.accounts.models import OrganisationalUnit, Role, RoleActivity, StructureLevel, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, ("Stadtdach", {"fields": ("display_name", "unit")}))
    list_display = ("username", "email", "display_name", "unit", "is_staff", "is_active")
    list_filter = ("groups", "unit", "is_staff", "is_active")


class RoleActivityInline(admin.TabularInline):
    model = RoleActivity
    extra = 0


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "order")
    inlines = [RoleActivityInline]


admin.site.register(OrganisationalUnit)
admin.site.register(StructureLevel)
