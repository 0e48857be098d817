"""A real local S3 server for the tests: moto's server mode on a free loopback port.

``s3_server`` (session) starts one server per test process and creates the bucket;
``s3_media`` points STORAGES["default"] at it, below a prefix of its own for each test,
exactly as config/storage.py does for S3_BUCKET. Without moto the tests skip locally and
fail in CI (CI=true)."""

import atexit
import uuid
from dataclasses import dataclass, replace

import pytest

from config import storage as storage_config
from stadtdach.core.testing.services import skip_or_fail

BUCKET = "stadtdach-test"
ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"  # noqa: S105 - moto accepts any key
REGION = "eu-central-1"


@dataclass
class S3Server:
    endpoint_url: str
    bucket: str = BUCKET
    prefix: str = ""

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def options(self, **overrides) -> dict:
        """STORAGES["default"] for this server (config.storage.s3)."""
        values = {
            "bucket": self.bucket,
            "endpoint_url": self.endpoint_url,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "region": REGION,
            **overrides,
        }
        return storage_config.s3(**values)

    def keys(self) -> list[str]:
        """The object keys below this test's prefix, without the prefix."""
        answer = self.client().list_objects_v2(Bucket=self.bucket, Prefix=f"{self.prefix}/")
        return sorted(item["Key"][len(self.prefix) + 1 :] for item in answer.get("Contents", []))

    def read(self, name: str) -> bytes:
        """An object's bytes, read straight from the bucket (with credentials)."""
        key = f"{self.prefix}/{name}" if self.prefix else name
        return self.client().get_object(Bucket=self.bucket, Key=key)["Body"].read()


_RUNNING: list[S3Server] = []


def _start() -> S3Server:
    """One server per test process (moto keeps its buckets in the process, so a second
    server would share them anyway); it stops when the process ends."""
    if _RUNNING:
        return _RUNNING[0]
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        skip_or_fail("moto[server] is not installed: no local S3 server")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    atexit.register(server.stop)
    host, port = server.get_host_and_port()
    running = S3Server(endpoint_url=f"http://{host}:{port}")
    running.client().create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    _RUNNING.append(running)
    return running


@pytest.fixture(scope="session")
def s3_server():
    return _start()


@pytest.fixture
def s3_media(s3_server, settings):
    """Media in the local S3 server for this test, below a fresh prefix."""
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.options(prefix=prefix)}
    return replace(s3_server, prefix=prefix)
