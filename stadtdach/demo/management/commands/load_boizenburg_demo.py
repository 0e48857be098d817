from django.core.management.base import BaseCommand

from stadtdach.demo.loader import is_loaded, load_demo


class Command(BaseCommand):
    help = "Load (or refresh) the Boizenburg/Elbe demo. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only load when the demo is not in the database yet.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and is_loaded():
            self.stdout.write("The Boizenburg demo is already loaded.")
            return
        counts = load_demo()
        summary = ", ".join(f"{key}: {value}" for key, value in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Boizenburg demo loaded ({summary})."))
