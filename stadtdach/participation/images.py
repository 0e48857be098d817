"""Images uploaded with contributions: checked (size, type, dimensions) and re-encoded.

Re-encoding with Pillow means only pixels reach the storage: no metadata (a phone photo's
GPS position), no hidden payload, no file that merely claims to be an image. Every image
becomes a JPEG of at most MAX_SIDE pixels on its longer side.
"""

import io
import secrets
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from stadtdach.core.uploads import UNREADABLE_IMAGE

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
MAX_SIDE = 1600
# Far above any photo, far below a decompression bomb.
MAX_PIXELS = 50_000_000
MAX_IMAGES = 2


def max_bytes() -> int:
    return settings.STADTDACH_MAX_UPLOAD_BYTES


@dataclass
class PreparedImage:
    content: ContentFile
    token: str
    width: int
    height: int
    kind: str = "jpg"


def _error(message, code: str) -> forms.ValidationError:
    return forms.ValidationError(message, code=code)


def prepare(upload) -> PreparedImage:
    """Check an uploaded file and re-encode it; a ValidationError names the problem."""
    limit = max_bytes()
    if upload.size > limit:
        raise _error(
            _("The image is too large (at most %(mb)s MB).") % {"mb": round(limit / 1048576, 1)},
            "too_large",
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ACCEPTED_FORMATS:
                raise _error(_("Only JPEG, PNG and WebP images are accepted."), "unsupported_type")
            if image.width * image.height > MAX_PIXELS:
                raise _error(_("The image has too many pixels."), "too_many_pixels")
            image.load()
    except forms.ValidationError:
        raise
    except UNREADABLE_IMAGE as error:
        raise _error(
            _("This file is not an image we can read. Please choose a JPEG, PNG or WebP image."),
            "not_an_image",
        ) from error
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    else:
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    token = secrets.token_hex(16)
    return PreparedImage(
        ContentFile(buffer.getvalue(), name=f"{token}.jpg"), token, image.width, image.height
    )


class ImageField(forms.FileField):
    """An optional image upload; cleaning re-encodes it (the form gets a PreparedImage)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        return prepare(upload)
