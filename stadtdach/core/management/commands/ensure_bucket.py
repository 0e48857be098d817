"""Create the media bucket (S3_BUCKET) once, private, if it does not exist yet.

The start-up check never creates a bucket (a typo in S3_BUCKET must not quietly start an
empty one): an operator runs this once when setting up (docs/storage.md)."""

import contextlib

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the private media bucket named by S3_BUCKET if it is missing."
    # The system checks would refuse to run while the bucket is missing.
    requires_system_checks = []

    def handle(self, *args, **options):
        from botocore.exceptions import BotoCoreError, ClientError

        from stadtdach.core.storage_s3 import S3MediaStorage, media_storage_problem

        storage = storages["default"]
        if not isinstance(storage, S3MediaStorage):
            raise CommandError("S3_BUCKET is not set: media are stored in MEDIA_ROOT.")
        client = storage.connection.meta.client
        bucket = storage.bucket_name
        try:
            if _exists(client, bucket):
                self.stdout.write(f"The bucket {bucket!r} exists.")
            else:
                arguments = {"Bucket": bucket}
                if storage.region_name and storage.region_name != "us-east-1":
                    arguments["CreateBucketConfiguration"] = {
                        "LocationConstraint": storage.region_name
                    }
                client.create_bucket(**arguments)
                _block_public_access(client, bucket)
                self.stdout.write(f"Created the private bucket {bucket!r}.")
        except (BotoCoreError, ClientError) as error:
            raise CommandError(f"The bucket {bucket!r} could not be created: {error}") from error
        if problem := media_storage_problem(storage):
            raise CommandError(problem)
        self.stdout.write("The bucket is reachable and writable.")


def _exists(client, bucket: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        client.head_bucket(Bucket=bucket)
    except ClientError as error:
        if str(error.response.get("Error", {}).get("Code")) in {"404", "NoSuchBucket"}:
            return False
        raise
    return True


def _block_public_access(client, bucket: str) -> None:
    """AWS's block on public ACLs and policies; servers without it keep their default."""
    from botocore.exceptions import ClientError

    # e.g. MinIO has no such block: its buckets are private unless a policy opens them.
    block = dict.fromkeys(
        ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"),
        True,
    )
    with contextlib.suppress(ClientError):
        client.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=block)
