"""Copy the files of a local media folder (MEDIA_ROOT) into the configured storage.

For the move from the file system to a bucket: run it with S3_BUCKET set; files already
in the bucket (same name and size) are skipped, so it can be run again after a break."""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Copy the files in MEDIA_ROOT (or --source) into the default storage (S3)."

    def add_arguments(self, parser):
        parser.add_argument("--source", default=str(settings.MEDIA_ROOT))
        parser.add_argument("--dry-run", action="store_true", help="Only list what to copy.")

    def handle(self, *args, source, dry_run, **options):
        root = Path(source)
        if not root.is_dir():
            raise CommandError(f"The folder {root} does not exist.")
        target = storages["default"]
        if isinstance(target, FileSystemStorage) and Path(target.location) == root.resolve():
            raise CommandError("The default storage is this folder: set S3_BUCKET first.")
        copied = skipped = 0
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if target.exists(name) and target.size(name) == path.stat().st_size:
                skipped += 1
                continue
            if not dry_run:
                with path.open("rb") as handle:
                    stored = target.save(name, File(handle, name=name))
                if stored != name:
                    self.stderr.write(
                        f"{name} was stored as {stored} (a different file had its name)"
                    )
            copied += 1
            self.stdout.write(f"{'would copy' if dry_run else 'copied'} {name}")
        self.stdout.write(f"{copied} copied, {skipped} already there.")
