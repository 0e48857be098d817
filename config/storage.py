"""Where uploaded and generated files live (STORAGES["default"]).

Without ``S3_BUCKET`` the files stay in ``MEDIA_ROOT`` on the file system (the embedded
default of ``make run``). With it they go to S3-compatible object storage through
django-storages (docs/storage.md, docs/adr/0007-media-in-object-storage.md): a private
bucket, no public ACL, signed URLs that expire after five minutes, no overwriting.

The environment contract (deploy/ and the scale-out check rely on these names):
``S3_BUCKET``, ``S3_ENDPOINT_URL`` (empty for AWS), ``S3_ACCESS_KEY_ID``,
``S3_SECRET_ACCESS_KEY``, ``S3_REGION`` (default eu-central-1) and ``S3_PREFIX``.
"""

from django.core.exceptions import ImproperlyConfigured

from config import env

FILE_SYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "stadtdach.core.storage_s3.S3MediaStorage"
DEFAULT_REGION = "eu-central-1"
# Signed URLs (storage.url()) are valid this long. The site itself streams files through
# views that check permissions and hands out no signed URL (ADR 0007).
SIGNED_URL_SECONDS = 300
# Reads through storage.open() are buffered in memory up to this size, then on disk.
MAX_MEMORY_BYTES = 2_621_440


def media() -> dict:
    """STORAGES["default"] from the environment."""
    bucket = env.text("S3_BUCKET")
    if not bucket:
        return {"BACKEND": FILE_SYSTEM_BACKEND}
    return s3(
        bucket=bucket,
        endpoint_url=env.text("S3_ENDPOINT_URL"),
        access_key=env.text("S3_ACCESS_KEY_ID"),
        secret_key=env.text("S3_SECRET_ACCESS_KEY"),
        region=env.text("S3_REGION", DEFAULT_REGION),
        prefix=env.text("S3_PREFIX", ""),
    )


def s3(
    *,
    bucket: str,
    endpoint_url: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    region: str = DEFAULT_REGION,
    prefix: str = "",
) -> dict:
    """STORAGES["default"] for a bucket (also used by the tests against a local server)."""
    from botocore.config import Config

    if endpoint_url and not endpoint_url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"S3_ENDPOINT_URL must start with http:// or https://, not {endpoint_url!r}."
        )
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together "
            "(or both left empty to use the credentials of the machine's AWS role)."
        )
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "region_name": region,
            "location": location(prefix),
            "default_acl": None,  # the bucket's own setting: private
            "querystring_auth": True,
            "querystring_expire": SIGNED_URL_SECONDS,
            "file_overwrite": False,
            "max_memory_size": MAX_MEMORY_BYTES,
            "client_config": Config(
                signature_version="s3v4",
                # Local and other S3-compatible servers want path-style addresses.
                s3={"addressing_style": "path" if endpoint_url else "auto"},
                connect_timeout=5,
                read_timeout=60,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        },
    }


def location(prefix: str = "") -> str:
    """The key prefix of every media file: the one place where a town's scope would be
    added when one bucket holds several towns (e.g. ``f"{prefix}/{town}"``)."""
    return "/".join(part for part in (prefix or "").strip().split("/") if part)
