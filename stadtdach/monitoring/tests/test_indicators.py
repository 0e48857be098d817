"""Indicators and their values: the form keeps baseline, target and direction
consistent; a date holds one value."""

import uuid

import pytest
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.monitoring.models import Indicator


def indicator_data(world, **overrides):
    return {
        "code": "K-NEU",
        "kind": "context",
        "name": "Leerstand",
        "action_field": world.fields[0].pk,
        "measure": "",
        "unit": "%",
        "direction": "lower",
        "baseline_value": "8,4".replace(",", "."),
        "baseline_year": "2021",
        "target_value": "5",
        "target_year": "2030",
        "decimals": "1",
        "source": "Zensus",
        "description": "",
        "order": "0",
        "form_token": str(uuid.uuid4()),
        **overrides,
    }


def test_an_indicator_and_its_values(world, client_for):
    client = client_for("coordinator")
    assert (
        client.post(reverse("monitoring:indicator_add"), indicator_data(world)).status_code == 302
    )
    indicator = Indicator.objects.get(code="K-NEU")
    assert indicator.edition == world.edition
    url = reverse("monitoring:value_add", args=[indicator.pk])
    value = {"date": "2025-12-31", "value": "7.9", "note": "", "form_token": str(uuid.uuid4())}
    assert client.post(url, value).status_code == 302
    again = client.post(url, {**value, "form_token": str(uuid.uuid4())})
    assert again.status_code == 400 and again.context["form"].has_error("date", "duplicate")
    early = client.post(url, {**value, "date": "1800-01-01", "form_token": str(uuid.uuid4())})
    assert early.context["form"].has_error("date", "date_range")
    assert AuditEntry.objects.filter(action="create").count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"target_value": "9"}, "target_value"),  # lower is better, target above baseline
        ({"direction": "higher"}, "target_value"),
        ({"target_year": "2020"}, "target_year"),
        ({"target_year": ""}, "target_year"),
        ({"baseline_year": ""}, "baseline_year"),
        ({"action_field": ""}, "action_field"),
        ({"kind": "result"}, "measure"),
        ({"code": "K NEU!"}, "code"),
        ({"baseline_value": "1e50"}, "baseline_value"),
    ],
)
def test_inconsistent_indicators_are_refused(world, client_for, overrides, field):
    response = client_for("coordinator").post(
        reverse("monitoring:indicator_add"), indicator_data(world, **overrides)
    )
    assert response.status_code == 400
    assert response.context["form"].has_error(field), response.context["form"].errors
    assert not Indicator.objects.exists()


def test_a_result_indicator_takes_its_measures_action_field(world, client_for):
    measure = world.other.first()
    data = indicator_data(
        world,
        kind="result",
        measure=measure.pk,
        action_field="",
        direction="higher",
        baseline_value="0",
        target_value="10",
    )
    assert (
        client_for("coordinator").post(reverse("monitoring:indicator_add"), data).status_code == 302
    )
    assert Indicator.objects.get().action_field == measure.action_field
    duplicate = client_for("coordinator").post(
        reverse("monitoring:indicator_add"),
        {**data, "code": "k-neu", "form_token": str(uuid.uuid4())},
    )
    assert duplicate.context["form"].has_error("code", "duplicate")
