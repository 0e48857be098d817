from django.core.management.base import BaseCommand

from stadtdach.monitoring.services import reminders_send


class Command(BaseCommand):
    help = (
        "Remind the departments of measures whose progress report is due (run it daily, "
        "e.g. from a systemd timer or cron; a department is reminded again after 14 days)."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(self.style.SUCCESS(f"Reminders queued for {sent} departments."))
