"""manage.py restore PATH: an archive of manage.py backup into an empty database and an
empty media storage (docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stadtdach.core.backup import BackupError, Progress, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive of manage.py backup into an empty database and an empty media "
        "storage, then compare every table and file with the archive's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive (.tar, .tar.gz or .tar.xz).")

    def handle(self, *args, **options):
        progress = Progress(self.stderr if options["verbosity"] else None)
        try:
            result = backup_restore(path=options["path"], progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored and checked: %(tables)s tables, %(rows)s rows, %(files)s media "
                    "files in %(seconds)s s."
                )
                % {
                    "tables": result.tables,
                    "rows": f"{result.rows:,}",
                    "files": result.media_files,
                    "seconds": f"{result.seconds:.1f}",
                }
            )
        )
        if result.missing_migrations:
            self.stdout.write(
                _(
                    "The archive is older than this code (%(count)s migrations missing): run "
                    "manage.py migrate now."
                )
                % {"count": len(result.missing_migrations)}
            )
