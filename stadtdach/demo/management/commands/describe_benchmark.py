from django.core.management.base import BaseCommand

from stadtdach.demo.benchmark import describe


class Command(BaseCommand):
    help = "Print the benchmark's pages with queries and size as JSON (scripts/bench.py)."

    def handle(self, *args, **options):
        self.stdout.write(describe())
