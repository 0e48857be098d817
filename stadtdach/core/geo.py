"""Validation of the places of measures: a GeoJSON point or area in WGS 84."""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_GEOJSON_BYTES = 200_000
MAX_POSITIONS = 5_000
_AREA_TYPES = {"Polygon", "MultiPolygon"}


def _position(value: Any) -> tuple[float, float]:
    if (
        not isinstance(value, list)
        or len(value) not in (2, 3)
        or not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in value)
    ):
        raise ValidationError(_("A position must be [longitude, latitude]."))
    lon, lat = value[0], value[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValidationError(
            _(
                "Coordinates out of range: longitude must lie between -180 and 180, "
                "latitude between -90 and 90."
            )
        )
    return float(lon), float(lat)


def _ring(value: Any) -> int:
    if not isinstance(value, list) or len(value) < 4:
        raise ValidationError(_("An area's outline needs at least four positions."))
    positions = [_position(p) for p in value]
    if positions[0] != positions[-1]:
        raise ValidationError(_("An area's outline must end where it starts."))
    return len(positions)


def _polygon(value: Any) -> int:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("A polygon needs at least one outline."))
    return sum(_ring(ring) for ring in value)


def _geometry(geometry: Any) -> None:
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise ValidationError(_("This is not a GeoJSON geometry."))
    kind = geometry["type"]
    coordinates = geometry.get("coordinates")
    if kind == "Point":
        _position(coordinates)
        return
    if kind == "Polygon":
        count = _polygon(coordinates)
    elif kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise ValidationError(_("A multi-polygon needs at least one polygon."))
        count = sum(_polygon(polygon) for polygon in coordinates)
    else:
        raise ValidationError(
            _("Only a point or an area (Polygon, MultiPolygon) is allowed, not %(kind)s.")
            % {"kind": str(kind)[:40]}
        )
    if count > MAX_POSITIONS:
        raise ValidationError(
            _("The area has too many positions (at most %(max)d).") % {"max": MAX_POSITIONS}
        )


def parse_place(raw: str | dict | None) -> dict | None:
    """Parse and validate a place; returns a GeoJSON geometry, or None when empty."""
    if raw in (None, "", {}):
        return None
    if isinstance(raw, str):
        if len(raw.encode("utf-8")) > MAX_GEOJSON_BYTES:
            raise ValidationError(_("The GeoJSON text is too long."))
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError) as error:
            raise ValidationError(_("The place is not valid JSON.")) from error
    if isinstance(raw, dict) and raw.get("type") == "Feature":
        raw = raw.get("geometry")
    _geometry(raw)
    # Only the geometry itself is kept: foreign members could carry anything (even
    # escaped NUL characters, which PostgreSQL's jsonb refuses).
    return {"type": raw["type"], "coordinates": raw["coordinates"]}


def representative_point(geometry: dict | None) -> tuple[float, float] | None:
    """A point for a map link: the point itself, or the centre of an area's bounding box."""
    if not geometry:
        return None
    if geometry["type"] == "Point":
        return float(geometry["coordinates"][0]), float(geometry["coordinates"][1])
    rings = (
        geometry["coordinates"]
        if geometry["type"] == "Polygon"
        else [ring for polygon in geometry["coordinates"] for ring in polygon]
    )
    positions = [p for ring in rings for p in ring]
    lons = [p[0] for p in positions]
    lats = [p[1] for p in positions]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
