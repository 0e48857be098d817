"""Weekly: mail the process report to the coordinators. Run by cron or a systemd timer,
for example every Monday at 7:00 (see README, "Weekly process report")."""

from django.core.management.base import BaseCommand

from stadtdach.process.tasks import send_process_report


class Command(BaseCommand):
    help = "Send the weekly process report (late and due items) to the coordinators."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send in this process instead of queueing the task for the worker.",
        )

    def handle(self, *args, now=False, **options):
        if now:
            sent = send_process_report.call()
            self.stdout.write(self.style.SUCCESS(f"Process report sent to {sent} recipient(s)."))
            return
        result = send_process_report.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Process report queued (task {result.id})."))
