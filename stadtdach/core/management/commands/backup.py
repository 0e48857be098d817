"""manage.py backup [--output PATH]: database, media files and manifest in one archive
(docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stadtdach.core.backup import BackupError, Progress, backup_create
from stadtdach.core.backup.create import prune


class Command(BaseCommand):
    help = (
        "Write one archive with the database (pg_dump or SQLite's backup API), all media "
        "files and a manifest with the migration state, row counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive to write (.tar, .tar.gz or .tar.xz); it must not exist yet. "
            "Default: var/backups/stadtdach-<vendor>-<time>.tar",
        )
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="After a successful backup, delete all but the newest N archives "
            "(stadtdach-*.tar*) in the archive's folder.",
        )

    def handle(self, *args, **options):
        if options["keep"] is not None and options["keep"] < 1:
            raise CommandError(_("--keep must be at least 1."))
        progress = Progress(self.stderr if options["verbosity"] else None)
        try:
            result = backup_create(output=options["output"], progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written to %(path)s: %(tables)s tables, %(rows)s rows, "
                    "%(files)s media files, %(size)s MB in %(seconds)s s."
                )
                % {
                    "path": result.path,
                    "tables": result.tables,
                    "rows": f"{result.rows:,}",
                    "files": result.media_files,
                    "size": f"{result.size / 1e6:.1f}",
                    "seconds": f"{result.seconds:.1f}",
                }
            )
        )
        if options["keep"] is not None:
            for path in prune(result.path.parent, options["keep"]):
                self.stdout.write(_("Deleted the old archive %(path)s") % {"path": path})
        if result.missing_media:
            self.stderr.write(
                _("%(count)s media files that the database refers to are missing.")
                % {"count": len(result.missing_media)}
            )
