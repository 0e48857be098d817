"""Media in S3-compatible object storage: django-storages' S3Storage with private objects
and reads that stream (config/storage.py builds its options from S3_*), and the start-up
check of the bucket."""

import uuid

from botocore.exceptions import BotoCoreError, ClientError
from django.core import checks
from django.core.files.storage import storages
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from stadtdach.core.storage import StorageUnavailable, Stream

_MISSING = {"404", "NoSuchKey", "NotFound"}


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


class S3MediaStorage(S3Storage):
    """The media storage when S3_BUCKET is set."""

    def key(self, name: str) -> str:
        """The object key of a stored file: its name below the prefix (S3_PREFIX)."""
        return self._normalize_name(clean_name(name))

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"{name} could not be stored: {error}") from error

    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"{name} could not be read: {error}") from error

    def exists(self, name):
        try:
            return super().exists(name)
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"{name} could not be looked up: {error}") from error

    def open_stream(self, name: str) -> Stream:
        """The object as a stream that is read as it arrives (for FileResponse)."""
        try:
            answer = self.bucket.Object(self.key(name)).get()
        except ClientError as error:
            if _code(error) in _MISSING:
                raise FileNotFoundError(f"File does not exist: {name}") from error
            raise StorageUnavailable(str(error)) from error
        except BotoCoreError as error:
            raise StorageUnavailable(str(error)) from error
        return Stream(answer["Body"], answer["ContentLength"], name)


def media_storage_problem(storage=None) -> str | None:
    """Why the media bucket cannot be used (None when it can): reachable, existing,
    writable. Writes and deletes one small probe object below the prefix."""
    storage = storage or storages["default"]
    if not isinstance(storage, S3MediaStorage):
        return None
    bucket = storage.bucket_name
    endpoint = storage.endpoint_url or "AWS S3"
    client = storage.connection.meta.client
    probe = storage.key(f".stadtdach-check-{uuid.uuid4().hex}")
    try:
        client.head_bucket(Bucket=bucket)
        client.put_object(Bucket=bucket, Key=probe, Body=b"ok")
        client.delete_object(Bucket=bucket, Key=probe)
    except ClientError as error:
        code = _code(error)
        if code in _MISSING or code == "NoSuchBucket":
            return (
                f"The bucket {bucket!r} (S3_BUCKET) does not exist at {endpoint} "
                "(S3_ENDPOINT_URL). Create it once with 'manage.py ensure_bucket'."
            )
        if code in {"403", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"}:
            return (
                f"The bucket {bucket!r} (S3_BUCKET) at {endpoint} refuses to be read or "
                f"written ({code}): check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY and "
                "the key's rights on the bucket."
            )
        return f"The bucket {bucket!r} (S3_BUCKET) at {endpoint} answered {code}: {error}"
    except BotoCoreError as error:
        return f"The object storage at {endpoint} (S3_ENDPOINT_URL) is not reachable: {error}"
    return None


def check_media_storage(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """System check (manage.py check, migrate, db_worker): with S3_BUCKET set, the
    bucket must be reachable, exist and be writable before the site starts."""
    problem = media_storage_problem()
    if problem is None:
        return []
    return [checks.Error(problem, id="stadtdach.E001", hint="docs/storage.md")]
