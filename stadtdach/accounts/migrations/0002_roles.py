"""Create the roles of the ISEK process as groups (permissions come from django-rules,
so the groups carry no Django model permissions)."""

from django.db import migrations

ROLES = [
    ("coordination_admin", "Koordination administrativ", 10),
    ("coordination_participation", "Koordination Beteiligung", 20),
    ("consultant", "Externe Beratung", 30),
    ("steering_group", "Steuerungsgruppe", 40),
    ("administration", "Verwaltung (FBL + Mitarbeiter*innen)", 50),
    ("council", "Stadtvertretung und Fachausschüsse", 60),
    ("citizen", "Stadtgesellschaft / Bürger*innen", 70),
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Role = apps.get_model("accounts", "Role")
    for code, name, order in ROLES:
        group, _ = Group.objects.get_or_create(name=code)
        Role.objects.get_or_create(code=code, defaults={"name": name, "group": group,
                                                        "order": order})


def remove_roles(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    Group = apps.get_model("auth", "Group")
    codes = [code for code, _, _ in ROLES]
    Role.objects.filter(code__in=codes).delete()
    Group.objects.filter(name__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create_roles, remove_roles)]
