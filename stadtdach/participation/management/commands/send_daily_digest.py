"""For cron, once a day: ``manage.py send_daily_digest``."""

from django.core.management.base import BaseCommand

from stadtdach.participation.tasks import send_daily_digest


class Command(BaseCommand):
    help = "Send the daily digest of participation notifications (run once a day by cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send in this process instead of handing the work to the task worker.",
        )

    def handle(self, *args, now=False, **options):
        if now:
            count = send_daily_digest.call()
            self.stdout.write(f"Daily digest sent: {count} e-mail(s).")
        else:
            send_daily_digest.enqueue()
            self.stdout.write("Daily digest handed to the task worker.")
