"""The JSON lists and the combined counts the pages use to save queries
(stadtdach/core/json_agg.py, core/counts.py) give back exactly what the ORM reads, on
SQLite and on PostgreSQL: decimals without float rounding, dates, aware times, JSON."""

import datetime
from decimal import Decimal

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from stadtdach.core.counts import counts
from stadtdach.core.json_agg import instance, json_rows, row_fields
from stadtdach.strategy.models import ActionField, Goal, Measure
from stadtdach.strategy.tests.factories import build_world


def test_rows_of_a_json_list_equal_the_orm_rows(db):
    world = build_world(measures=6)
    tricky = Measure.objects.order_by("pk").first()
    tricky.estimated_cost = Decimal("123456789012.34")  # beyond a float's exact cents
    tricky.start = datetime.date(2024, 2, 29)
    tricky.place = {"type": "Point", "coordinates": [10.72, 53.37]}
    tricky.save()
    field = tricky.action_field
    with CaptureQueriesContext(connection) as queries:
        row = ActionField.objects.annotate(
            _measures=json_rows(Measure.objects.all(), "action_field", **row_fields(Measure))
        ).get(pk=field.pk)
    assert len(queries.captured_queries) == 1
    decoded = {m.pk: m for m in (instance(Measure, data) for data in row._measures)}
    expected = {m.pk: m for m in Measure.objects.filter(action_field=field)}
    assert decoded.keys() == expected.keys() and tricky.pk in decoded
    for pk, measure in expected.items():
        for column in Measure._meta.concrete_fields:
            assert getattr(decoded[pk], column.attname) == getattr(measure, column.attname), (
                column.attname
            )
    assert decoded[tricky.pk].estimated_cost == Decimal("123456789012.34")
    assert decoded[tricky.pk].created.tzinfo is not None
    assert world.edition.pk == decoded[tricky.pk].edition_id


def test_a_limited_json_list_holds_the_first_rows_and_an_empty_one_is_none(db):
    build_world(measures=12)
    field = ActionField.objects.annotate(n=Count("measures")).order_by("-n").first()
    first = list(Measure.objects.filter(action_field=field).order_by("code", "pk")[:3])
    rows = ActionField.objects.annotate(
        _first=json_rows(
            Measure.objects.order_by("code", "pk"), "action_field", 3, pk="pk", code="code"
        )
    )
    by_field = {f.pk: f._first for f in rows}
    assert sorted(by_field[field.pk], key=lambda r: (r["code"], r["pk"])) == [
        {"pk": m.pk, "code": m.code} for m in first
    ]
    empty = ActionField.objects.create(name="Leer", slug="leer", order=99)
    got = ActionField.objects.annotate(
        _first=json_rows(Measure.objects.all(), "action_field", pk="pk")
    ).get(pk=empty.pk)
    assert not got._first  # None on PostgreSQL, [] on SQLite: both read as "no rows"


def test_counts_of_several_sets_are_one_query_and_count_distinct_rows(db):
    world = build_world(measures=10)
    goal_measures = Goal.objects.filter(measures__isnull=False)
    with CaptureQueriesContext(connection) as queries:
        n = counts(
            measures=Measure.objects.all(),
            goals_with_measures=goal_measures.distinct(),
            in_first_field=Measure.objects.filter(action_field=world.fields[0]),
            none=Measure.objects.filter(code="no such code"),
        )
    assert len(queries.captured_queries) == 1
    assert n == {
        "measures": Measure.objects.count(),
        "goals_with_measures": goal_measures.distinct().count(),
        "in_first_field": Measure.objects.filter(action_field=world.fields[0]).count(),
        "none": 0,
    }
