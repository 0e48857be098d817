"""The target groups the town's document and the issue name, as a start; they are
editable (/beteiligung/zielgruppen/)."""

from django.db import migrations

GROUPS = [
    ("jugendliche", "Jugendliche"),
    ("familien", "Familien"),
    ("seniorinnen-und-senioren", "Seniorinnen und Senioren"),
    ("unternehmen", "Unternehmen und Gewerbe"),
    ("vereine-und-initiativen", "Vereine und Initiativen"),
    ("verwaltung", "Verwaltung"),
]


def create(apps, schema_editor):
    TargetGroup = apps.get_model("participation", "TargetGroup")
    for order, (slug, name) in enumerate(GROUPS, start=1):
        TargetGroup.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
