"""manage.py rebuild_rollups: recompute every indicator's rollup (after a bulk load or
a restore that bypassed the services)."""

from django.core.management.base import BaseCommand

from stadtdach.monitoring.services import rollups_rebuild


class Command(BaseCommand):
    help = "Recompute the summaries (rollups) of all indicators that the dashboards read."

    def handle(self, *args, **options):
        count = rollups_rebuild()
        self.stdout.write(f"{count} indicator rollups rebuilt.")
