"""Serving stored files (uploads and generated documents) through views that check
permissions first (docs/adr/0007-media-in-object-storage.md).

Every file is read through the storage API, never through a path on disk, so the same
views serve the file system (``make run``), the in-memory storage of the tests and an S3
bucket (``S3_BUCKET``). From S3 the object is streamed in blocks as it arrives, never
loaded whole into memory.
"""

import logging
from pathlib import PurePosixPath

from django.http import FileResponse, Http404
from django.shortcuts import render

logger = logging.getLogger(__name__)


class StorageUnavailable(OSError):
    """The object storage did not answer (or answered with an error other than 404)."""


class StoredFileResponse(FileResponse):
    # Larger blocks than Django's 4 KiB: fewer reads from the S3 connection.
    block_size = 64 * 1024


def file_response(
    request, field_file, *, content_type=None, as_attachment=False, filename=""
) -> FileResponse:
    """A response that streams ``field_file`` (a model's FieldFile) from its storage.

    Call it after the permission check. A missing file is a 404; a storage that does not
    answer gives a short 503 page (never a 500)."""
    if not field_file:
        raise Http404("No file.")
    storage = field_file.storage
    name = field_file.name
    try:
        if hasattr(storage, "open_stream"):
            stream = storage.open_stream(name)
            response = StoredFileResponse(
                stream,
                content_type=content_type,
                as_attachment=as_attachment,
                filename=filename or PurePosixPath(name).name,
            )
            response["Content-Length"] = str(stream.size)
            return response
        return StoredFileResponse(
            field_file.open("rb"),
            content_type=content_type,
            as_attachment=as_attachment,
            filename=filename,
        )
    except FileNotFoundError as error:
        raise Http404("The file is missing from the storage.") from error
    except OSError:  # StorageUnavailable, or a disk error of the file system
        logger.warning("storage unavailable: %s answered with 503", request.path)
        return unavailable_response(request)


def unavailable_response(request):
    response = render(request, "core/storage_unavailable.html", status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class StorageOutageMiddleware:
    """An upload or a generated file that cannot be written because the object storage
    does not answer: a 503 page instead of an error page. The view's transaction is
    rolled back, so no record points to a file that was not stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, StorageUnavailable):
            logger.warning("storage unavailable: %s answered with 503", request.path)
            return unavailable_response(request)
        return None


class Stream:
    """A stored object being read: what FileResponse needs (read, close, name), plus
    its size for Content-Length."""

    def __init__(self, body, size: int, name: str):
        self._body = body
        self.size = size
        self.name = PurePosixPath(name).name

    def read(self, amount: int = -1) -> bytes:
        return self._body.read(None if amount is None or amount < 0 else amount)

    def close(self) -> None:
        self._body.close()


def check_media_storage(app_configs=None, **kwargs):
    """System check: with S3 configured, is the bucket reachable, present and writable?
    (stadtdach.core.storage_s3; botocore is imported only when S3 is configured.)"""
    from django.conf import settings

    if "s3" not in settings.STORAGES["default"]["BACKEND"].lower():
        return []
    from stadtdach.core.storage_s3 import check_media_storage as check

    return check(app_configs, **kwargs)
