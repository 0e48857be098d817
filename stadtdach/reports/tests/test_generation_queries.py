"""Building a document makes the same number of queries with 10 and 60 measures (one
query per kind of data, never one per measure)."""

from stadtdach.core.testing.queries import count_queries
from stadtdach.reports.generation import build_document, context_for
from stadtdach.reports.models import Report
from stadtdach.strategy.tests.factories import add_measures, build_world


def test_the_isek_document_does_not_query_per_measure(db, no_participation):
    world = build_world(measures=10)
    report = Report.objects.create(kind="isek", format="pdf", edition=world.edition, title="x")
    build_document(report, context_for(report))  # warm-up: content types, caches
    few = count_queries(lambda: build_document(report, context_for(report)))
    add_measures(world.edition, world.fields, world.themes, world.goals, world.concepts, 50)
    many = count_queries(lambda: build_document(report, context_for(report)))
    assert few == many
