"""The measure rule in SQL gives exactly the status computed in Python, on every date,
and the dashboards' counts (computed in the database) equal those computed measure by
measure after each kind of write."""

import datetime
import random
import uuid
from collections import Counter

from django.urls import reverse

from stadtdach.monitoring import selectors, sql_status, summaries
from stadtdach.monitoring.models import MeasureImplementation
from stadtdach.monitoring.tests.factories import add_monitoring
from stadtdach.strategy.models import Measure

D = datetime.date
STATUSES = [s for s, _ in Measure.Status.choices]


def _truth(edition, today):
    """Per action field: status counts, active measures, progress sum, reports due."""
    truth = {}
    for state in selectors.measure_states(edition, today):
        row = truth.setdefault(state.measure.action_field_id, [Counter(), 0, 0, 0])
        row[0][state.assessment.health] += 1
        if state.measure.status != Measure.Status.DROPPED:
            row[1] += 1
            row[2] += state.progress
        row[3] += state.update_due
    return truth


def assert_summaries_are_true(edition, today) -> None:
    computed = summaries.summaries_by_field(Measure.objects.filter(edition=edition), today)
    got = {pk: [+s.counts, s.active, s.progress_sum, s.updates_due] for pk, s in computed.items()}
    assert got == _truth(edition, today)
    for measure in sql_status.with_health(Measure.objects.filter(edition=edition), today):
        assert measure.health == selectors.state_of(measure, today).assessment.health


def test_sql_and_python_agree_on_every_kind_of_measure(world):
    """Random schedules, progress and statuses, on days before, in and after them,
    including the exact boundaries of the gaps."""
    rng = random.Random(7)
    measures = list(Measure.objects.filter(edition=world.edition))
    implementations = []
    for measure in measures:
        measure.status = rng.choice(STATUSES)
        start = D(2024, 1, 1) + datetime.timedelta(days=rng.randrange(0, 400))
        measure.start = rng.choice([start, None])
        measure.end = rng.choice([start + datetime.timedelta(days=rng.randrange(-5, 900)), None])
        if rng.random() < 0.8:
            implementations.append(
                MeasureImplementation(
                    measure=measure,
                    progress=rng.randrange(0, 101),
                    update_interval_days=rng.choice([30, 90]),
                    last_update_on=rng.choice(
                        [None, D(2025, 1, 1) + datetime.timedelta(rng.randrange(300))]
                    ),
                )
            )
    Measure.objects.bulk_update(measures, ["status", "start", "end"])
    MeasureImplementation.objects.bulk_create(implementations)
    # Half the time of a 366-day schedule with 25 % progress: exactly 25 points behind.
    exact = measures[0]
    Measure.objects.filter(pk=exact.pk).update(
        status=Measure.Status.IMPLEMENTATION, start=D(2024, 1, 1), end=D(2025, 1, 1)
    )
    MeasureImplementation.objects.update_or_create(
        measure=exact, defaults={"progress": 25, "last_update_on": D(2024, 7, 2)}
    )
    days = [
        D(2023, 6, 1),
        D(2024, 7, 2),
        D(2024, 7, 3),
        D(2025, 1, 1),
        D(2025, 6, 1),
        D(2027, 1, 1),
    ]
    for today in days:
        assert_summaries_are_true(world.edition, today)


def test_the_summaries_follow_every_kind_of_write(world, client_for, settings):
    from stadtdach.monitoring.tests.test_imports import csv_file, upload

    add_monitoring(world.edition)
    today = D(2026, 3, 1)
    assert_summaries_are_true(world.edition, today)
    staff = client_for("department_staff")
    measure = world.led[0]
    # The short form.
    response = staff.post(
        reverse("monitoring:progress_update", args=[measure.pk]),
        {
            "progress": "95",
            "status": "implementation",
            "date": "2026-02-01",
            "note": "",
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    assert_summaries_are_true(world.edition, today)
    # A file.
    other = world.led[1]
    upload(staff, csv_file(f"{other.code};;5;completed;01.02.2026;"))
    other.refresh_from_db()
    assert other.status == Measure.Status.COMPLETED
    assert_summaries_are_true(world.edition, today)
    # A change of the measure itself (strategy's form): dates decide the status.
    Measure.objects.filter(pk=world.other[1].pk).update(end=D(2025, 1, 1))
    assert_summaries_are_true(world.edition, today)
    # The responsibility form: a shorter interval makes a report due.
    implementation = world.other[0].implementation
    implementation.update_interval_days = 7
    implementation.save()
    assert_summaries_are_true(world.edition, today)
    # Time itself.
    for later in (D(2026, 9, 1), D(2028, 1, 1)):
        assert_summaries_are_true(world.edition, later)


def test_the_dashboard_shows_the_computed_counts(world, client):
    add_monitoring(world.edition)
    response = client.get(reverse("monitoring:dashboard"))
    data = response.context["data"]
    from django.utils import timezone

    states = selectors.measure_states(world.edition, timezone.localdate())
    assert data.counts == selectors.health_counts(states)
    expected = selectors.field_progress(states)
    assert [(r.action_field, r.measures, r.average_progress, +r.health) for r in data.by_field] == [
        (r.action_field, r.measures, r.average_progress, +r.health) for r in expected
    ]
    attention = [s for s in states if s.assessment.health in summaries.ATTENTION]
    assert data.summary.attention == len(attention)
    assert data.summary.updates_due == sum(s.update_due for s in states)
    assert [s.measure.pk for s in data.attention] == [
        s.measure.pk
        for s in sorted(
            attention,
            key=lambda s: (s.assessment.health != "off_track", s.measure.code, s.measure.pk),
        )
    ][: selectors.SHOWN]
