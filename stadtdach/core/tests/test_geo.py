import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from stadtdach.core.geo import MAX_GEOJSON_BYTES, MAX_POSITIONS, parse_place, representative_point

POINT = {"type": "Point", "coordinates": [10.72, 53.39]}
SQUARE = [[10.7, 53.3], [10.8, 53.3], [10.8, 53.4], [10.7, 53.4], [10.7, 53.3]]
POLYGON = {"type": "Polygon", "coordinates": [SQUARE]}


def error_of(raw) -> str:
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        parse_place(raw)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize("empty", [None, "", {}])
def test_empty_place_is_none(empty):
    assert parse_place(empty) is None


@pytest.mark.parametrize(
    "geometry",
    [
        POINT,
        {"type": "Point", "coordinates": [10.72, 53.39, 12.5]},
        {"type": "Point", "coordinates": [-180, -90]},
        POLYGON,
        {"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE]]},
    ],
)
def test_valid_geometries_pass_as_text_and_as_data(geometry):
    assert parse_place(json.dumps(geometry)) == geometry
    assert parse_place(geometry) == geometry


def test_feature_yields_its_geometry():
    feature = {"type": "Feature", "properties": {"name": "Markt"}, "geometry": POINT}

    assert parse_place(json.dumps(feature)) == POINT


def test_invalid_json():
    assert "not valid JSON" in error_of('{"type": "Point", ')


@pytest.mark.parametrize(
    "raw", [[1, 2], {"coordinates": [1, 2]}, '"Point"', {"type": "Feature", "geometry": None}]
)
def test_not_a_geometry(raw):
    assert "not a GeoJSON geometry" in error_of(raw)


@pytest.mark.parametrize("kind", ["LineString", "GeometryCollection", "MultiPoint"])
def test_only_points_and_areas(kind):
    assert "Only a point or an area" in error_of({"type": kind, "coordinates": []})


@pytest.mark.parametrize("position", [[181, 53], [-181, 53], [10, 91], [10, -90.5]])
def test_out_of_range(position):
    assert "out of range" in error_of({"type": "Point", "coordinates": position})


@pytest.mark.parametrize("position", [[10], [10, 53, 1, 2], ["10", "53"], [True, 53], "10,53"])
def test_malformed_position(position):
    assert "must be [longitude, latitude]" in error_of({"type": "Point", "coordinates": position})


def test_unclosed_ring():
    ring = [*SQUARE[:-1], [10.75, 53.35]]

    assert "end where it starts" in error_of({"type": "Polygon", "coordinates": [ring]})


def test_ring_with_too_few_positions():
    ring = [[10.7, 53.3], [10.8, 53.3], [10.7, 53.3]]

    assert "at least four positions" in error_of({"type": "Polygon", "coordinates": [ring]})


@pytest.mark.parametrize(
    "geometry",
    [{"type": "Polygon", "coordinates": []}, {"type": "MultiPolygon", "coordinates": []}],
)
def test_empty_areas(geometry):
    assert "at least one" in error_of(geometry)


def test_text_too_long():
    raw = json.dumps(POINT) + " " * MAX_GEOJSON_BYTES

    assert "too long" in error_of(raw)


def test_too_many_positions():
    ring = [[10.7 + i * 1e-5, 53.3] for i in range(MAX_POSITIONS)] + [[10.7, 53.3]]

    assert "too many positions" in error_of({"type": "Polygon", "coordinates": [ring]})


def test_deeply_nested_json_is_refused_cleanly():
    assert "not valid JSON" in error_of("[" * 100_000 + "]" * 100_000)


def test_representative_point():
    assert representative_point(None) is None
    assert representative_point(POINT) == (10.72, 53.39)
    assert representative_point(POLYGON) == pytest.approx((10.75, 53.35))
