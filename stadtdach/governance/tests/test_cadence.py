"""The cadence rule: every 14 days, then every 4 weeks from a chosen date; overlapping
cadences and dates out of order are refused; generating the series is idempotent."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from stadtdach.core.models import AuditEntry
from stadtdach.governance import services
from stadtdach.governance.models import CadenceRule, Meeting
from stadtdach.governance.tests.factories import build_gov_world

D = datetime.date


def rule(**values) -> CadenceRule:
    defaults = {
        "title": "Sitzung",
        "first_date": D(2021, 3, 2),
        "time_of_day": datetime.time(17, 0),
        "interval_days": 14,
        "later_from": D(2021, 5, 25),
        "later_interval_days": 28,
        "until": D(2021, 8, 31),
    }
    return CadenceRule(**{**defaults, **values})


def test_every_14_days_then_every_4_weeks():
    days = rule().dates()
    assert days[:7] == [D(2021, 3, 2) + datetime.timedelta(days=14 * n) for n in range(7)]
    assert days[6] == D(2021, 5, 25)
    assert days[7:] == [D(2021, 6, 22), D(2021, 7, 20), D(2021, 8, 17)]


def test_a_change_between_two_meetings_starts_the_later_rhythm_on_its_date():
    days = rule(later_from=D(2021, 5, 20)).dates()
    assert D(2021, 5, 11) in days and D(2021, 5, 20) in days
    assert days[days.index(D(2021, 5, 20)) + 1] == D(2021, 6, 17)


def test_without_a_change_the_first_rhythm_runs_to_the_end():
    days = rule(later_from=None, later_interval_days=None).dates()
    assert all((b - a).days == 14 for a, b in itertools.pairwise(days))


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"until": D(2021, 1, 1)}, "until"),
        ({"until": D(2030, 1, 1)}, "until"),
        ({"interval_days": 0}, "interval_days"),
        ({"later_interval_days": 400}, "later_interval_days"),
        ({"later_from": D(2020, 1, 1)}, "later_from"),
        ({"later_interval_days": None}, "later_from"),
    ],
)
def test_dates_out_of_order_and_bad_intervals_are_refused(db, values, field):
    with pytest.raises(ValidationError) as error:
        rule(**values).full_clean(exclude=["body"])
    assert field in error.value.message_dict


@pytest.fixture
def world(db, personas):
    return build_gov_world(personas)


def test_overlapping_cadences_of_one_body_are_refused(world):
    first = rule(body=world.steering)
    first.save()
    overlapping = rule(
        body=world.steering,
        first_date=D(2021, 6, 1),
        until=D(2021, 12, 1),
        later_from=None,
        later_interval_days=None,
    )
    with pytest.raises(ValidationError) as error:
        overlapping.full_clean()
    assert "first_date" in error.value.message_dict
    other_body = rule(body=world.council)
    other_body.full_clean()  # another body may meet at the same time


def test_generating_creates_the_series_once_and_audits(world, personas):
    cadence = rule(body=world.steering, is_public=False)
    cadence.save()
    created, removed = services.cadence_generate(actor=personas.coordinator, rule=cadence)
    assert (created, removed) == (len(cadence.dates()), 0)
    meetings = Meeting.objects.filter(cadence=cadence)
    assert meetings.count() == len(cadence.dates())
    assert all(not m.is_public for m in meetings)
    first = timezone.localtime(meetings.first().start)
    assert (first.date(), first.hour) == (D(2021, 3, 2), 17)
    assert services.cadence_generate(actor=personas.coordinator, rule=cadence) == (0, 0)
    assert AuditEntry.objects.filter(object_repr__contains="Sitzung").exists()


def test_a_shorter_rule_removes_future_meetings_without_agenda(world, personas):
    today = timezone.localdate()
    cadence = rule(
        body=world.steering,
        first_date=today + datetime.timedelta(days=1),
        later_from=None,
        later_interval_days=None,
        until=today + datetime.timedelta(days=100),
    )
    cadence.save()
    services.cadence_generate(actor=personas.coordinator, rule=cadence)
    cadence.until = today + datetime.timedelta(days=30)
    cadence.save()
    created, removed = services.cadence_generate(actor=personas.coordinator, rule=cadence)
    assert created == 0 and removed > 0
    assert Meeting.objects.filter(cadence=cadence).count() == len(cadence.dates())
    assert Meeting.all_objects.filter(cadence=cadence, deleted_at__isnull=False).count() == removed


def test_the_cadence_form_and_the_generate_page(world, client_for):
    client = client_for("coordinator")
    url = reverse("governance:cadence_add", args=[world.steering.slug])
    data = {
        "title": "Sitzung der Steuerungsgruppe",
        "first_date": "2021-03-02",
        "time_of_day": "17:00",
        "duration_minutes": "120",
        "interval_days": "14",
        "later_from": "2021-05-25",
        "later_interval_days": "28",
        "until": "2021-08-31",
    }
    token = client.get(url).context["form"]["form_token"].value()
    response = client.post(url, {**data, "form_token": token})
    assert response.status_code == 302
    cadence = CadenceRule.objects.get()
    generate = client.get(response["Location"])
    assert generate.status_code == 200 and len(generate.context["dates"]) == 10
    client.post(response["Location"])
    assert Meeting.objects.filter(cadence=cadence).count() == 10
    # The same rule again for the same time: refused with a clear error, status 400.
    again = client.post(
        url, {**data, "form_token": client.get(url).context["form"]["form_token"].value()}
    )
    assert again.status_code == 400
    assert "first_date" in again.context["form"].errors
    bad = client.post(url, {**data, "until": "2020-01-01", "duration_minutes": "9999"})
    assert bad.status_code == 400
    assert {"until", "duration_minutes"} <= set(bad.context["form"].errors)
