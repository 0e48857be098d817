"""Media in S3-compatible storage, against a real local S3 server (moto's server mode):
the settings from the environment, private objects, streamed downloads, odd file names,
the start-up check with its messages, and the operator's commands."""

import io
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.test import RequestFactory

from config import storage as storage_config
from stadtdach.core.storage import check_media_storage, file_response
from stadtdach.core.storage_s3 import S3MediaStorage, media_storage_problem
from stadtdach.core.testing import s3_server as local_s3
from stadtdach.core.testing.s3_server import ACCESS_KEY

s3_server = local_s3.s3_server
s3_media = local_s3.s3_media

ODD_NAMES = [
    "Bürgerbeteiligung März 2026.pdf",
    "a b+c&d=e#f?g.txt",
    "Straße/Ölmühle (Entwurf) ½ – final.docx",
    "日本語の資料.pdf",
    "..dots..and;semi,colon'quote\".csv",
]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - loopback
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _field_file(name: str) -> FieldFile:
    field = models.FileField(storage=default_storage)
    return FieldFile(None, field, name)


def test_the_environment_switches_media_to_s3(monkeypatch):
    for name in ("S3_ENDPOINT_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("S3_BUCKET", raising=False)
    assert storage_config.media() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    monkeypatch.setenv("S3_BUCKET", "isek-media")
    monkeypatch.setenv("S3_PREFIX", "/boizenburg/")
    options = storage_config.media()["OPTIONS"]
    assert storage_config.media()["BACKEND"] == "stadtdach.core.storage_s3.S3MediaStorage"
    assert options["bucket_name"] == "isek-media"
    assert options["endpoint_url"] is None  # AWS
    assert options["region_name"] == "eu-central-1"
    assert options["location"] == "boizenburg"
    assert options["default_acl"] is None and options["querystring_auth"] is True
    assert options["querystring_expire"] <= 300 and options["file_overwrite"] is False
    monkeypatch.setenv("S3_ENDPOINT_URL", "127.0.0.1:9000")
    with pytest.raises(ImproperlyConfigured, match="S3_ENDPOINT_URL"):
        storage_config.media()
    monkeypatch.setenv("S3_ENDPOINT_URL", "http://127.0.0.1:9000")
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "only-the-id")
    with pytest.raises(ImproperlyConfigured, match="S3_SECRET_ACCESS_KEY"):
        storage_config.media()


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_file_names_round_trip(s3_media, name):
    stored = default_storage.save(name, ContentFile(b"Inhalt " + name.encode()))
    assert isinstance(storages["default"], S3MediaStorage)
    assert stored in s3_media.keys()  # noqa: SIM118 - a list of object keys
    assert s3_media.read(stored) == b"Inhalt " + name.encode()
    with default_storage.open(stored, "rb") as handle:
        assert handle.read() == b"Inhalt " + name.encode()
    response = file_response(RequestFactory().get("/"), _field_file(stored), as_attachment=True)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Inhalt " + name.encode()
    assert response["Content-Length"] == str(len(b"Inhalt " + name.encode()))
    assert "attachment" in response["Content-Disposition"]


def test_files_are_never_overwritten_and_never_public(s3_media):
    first = default_storage.save("concepts/plan.pdf", ContentFile(b"%PDF-1 first"))
    second = default_storage.save("concepts/plan.pdf", ContentFile(b"%PDF-1 second"))
    assert first == "concepts/plan.pdf" and second != first
    assert s3_media.read(first) == b"%PDF-1 first"
    grants = s3_media.client().get_object_acl(
        Bucket=s3_media.bucket, Key=f"{s3_media.prefix}/{first}"
    )["Grants"]
    assert [g["Grantee"].get("URI") for g in grants if g["Grantee"].get("URI")] == []
    # The object's plain address without a signature is refused by the S3 server.
    plain = f"{s3_media.endpoint_url}/{s3_media.bucket}/{s3_media.prefix}/concepts/plan.pdf"
    assert _status(plain) == 403
    signed = default_storage.url(first)
    assert _status(signed) == 200


def test_signed_urls_are_short_lived(s3_media):
    name = default_storage.save("reports/2026/bericht.pdf", ContentFile(b"%PDF-1"))
    query = parse_qs(urlsplit(default_storage.url(name)).query)
    assert query["X-Amz-Expires"] == [str(storage_config.SIGNED_URL_SECONDS)]
    assert storage_config.SIGNED_URL_SECONDS <= 300
    assert query["X-Amz-Signature"] and query["X-Amz-Credential"][0].startswith(ACCESS_KEY)
    short = parse_qs(urlsplit(default_storage.url(name, expire=1)).query)
    assert short["X-Amz-Expires"] == ["1"]


def test_downloads_stream_instead_of_loading_the_file(db, s3_media):
    big = bytes(range(256)) * 40_000  # 10 MB
    name = default_storage.save("imports/2026/gross.bin", ContentFile(big))
    response = file_response(RequestFactory().get("/"), _field_file(name))
    assert response.streaming and response["Content-Length"] == str(len(big))
    chunks = iter(response.streaming_content)
    first = next(chunks)
    assert len(first) <= 64 * 1024  # one block read so far, not the object
    rest = b"".join(chunks)
    assert first + rest == big
    response.close()


def test_a_missing_object_is_a_404_and_a_dead_store_a_503(db, s3_media, s3_server, settings):
    with pytest.raises(Http404):
        file_response(RequestFactory().get("/"), _field_file("fehlt/nicht-da.pdf"))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_server.options(endpoint_url="http://127.0.0.1:9"),
    }
    response = file_response(RequestFactory().get("/"), _field_file("irgendwas.pdf"))
    assert response.status_code == 503
    assert "Datei vorübergehend nicht verfügbar" in response.content.decode()


def test_the_start_up_check_passes_for_a_good_bucket(s3_media):
    assert check_media_storage() == []
    assert s3_media.keys() == []  # the probe object is removed again


def test_the_start_up_check_names_the_setting(s3_server, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_server.options(endpoint_url="http://127.0.0.1:9"),
    }
    [error] = check_media_storage()
    assert error.id == "stadtdach.E001"
    assert "S3_ENDPOINT_URL" in error.msg and "not reachable" in error.msg
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.options(bucket="tippfehler")}
    [error] = check_media_storage()
    assert "S3_BUCKET" in error.msg and "tippfehler" in error.msg
    assert "ensure_bucket" in error.msg
    buckets = [b["Name"] for b in s3_server.client().list_buckets()["Buckets"]]
    assert "tippfehler" not in buckets  # never created silently


def test_the_file_system_needs_no_check(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    assert check_media_storage() == [] and media_storage_problem() is None


def test_ensure_bucket_creates_a_private_bucket_once(s3_server, settings):
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.options(bucket="neu-bucket")}
    out = io.StringIO()
    call_command("ensure_bucket", stdout=out)
    assert "Created the private bucket 'neu-bucket'" in out.getvalue()
    call_command("ensure_bucket", stdout=out)
    assert "The bucket 'neu-bucket' exists." in out.getvalue()
    assert check_media_storage() == []
    client = s3_server.client()
    block = client.get_public_access_block(Bucket="neu-bucket")
    assert all(block["PublicAccessBlockConfiguration"].values())
    client.delete_bucket(Bucket="neu-bucket")


def test_ensure_bucket_without_s3_says_so(settings):
    with pytest.raises(CommandError, match="S3_BUCKET"):
        call_command("ensure_bucket")


def test_copy_media_to_storage(s3_media, tmp_path):
    (tmp_path / "concepts").mkdir()
    (tmp_path / "concepts" / "Stadtumbau Süd.pdf").write_bytes(b"%PDF-1 alt")
    (tmp_path / "reports" / "2025").mkdir(parents=True)
    (tmp_path / "reports" / "2025" / "isek.docx").write_bytes(b"PK docx")
    out = io.StringIO()
    call_command("copy_media_to_storage", source=str(tmp_path), stdout=out)
    assert "2 copied, 0 already there." in out.getvalue()
    assert s3_media.keys() == ["concepts/Stadtumbau Süd.pdf", "reports/2025/isek.docx"]
    assert s3_media.read("concepts/Stadtumbau Süd.pdf") == b"%PDF-1 alt"
    call_command("copy_media_to_storage", source=str(tmp_path), stdout=out)
    assert "0 copied, 2 already there." in out.getvalue()
    assert len(s3_media.keys()) == 2
