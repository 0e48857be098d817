"""Staff forms of the finance app: saved atomically and audited; bad input is answered
with status 400, the error on its field, and nothing saved."""

import uuid
from decimal import Decimal

import pytest
from django.urls import reverse

from stadtdach.core.models import AuditEntry
from stadtdach.finance.models import BudgetLine, FundingProgramme, MeasureFunding
from stadtdach.finance.tests.factories import catalogue
from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import build_world


@pytest.fixture
def world(db):
    world = build_world(measures=3)
    world.finance = catalogue()
    return world


@pytest.fixture
def coordinator(client_for):
    return client_for("coordinator")


def programme_data(**overrides):
    data = {
        "name": "Sozialer Zusammenhalt",
        "kind": "urban",
        "funder": "Bund und Land",
        "description": "",
        "url": "",
        "share_federation": "33.3333",
        "share_state": "33.3333",
        "share_eu": "0",
        "share_other": "0",
        "share_town": "33.3334",
        "order": "3",
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_a_programme_is_created_once_with_a_slug_and_audited(world, coordinator):
    data = programme_data()
    first = coordinator.post(reverse("finance:programme_add"), data)
    second = coordinator.post(reverse("finance:programme_add"), data)
    assert first.status_code == 302
    # The name is unique, so the second post is refused by the form before its token is
    # checked; either way the programme exists once.
    assert second.status_code in (302, 400)
    programme = FundingProgramme.objects.get(name="Sozialer Zusammenhalt")
    assert programme.slug == "sozialer-zusammenhalt"
    assert programme.share_town == Decimal("33.3334")
    assert AuditEntry.objects.filter(object_id=str(programme.pk), action="create").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"share_town": "33.3333"}, "__all__", "shares_sum"),
        ({"share_town": "50"}, "__all__", "shares_sum"),
        ({"share_federation": "-1"}, "share_federation", "min_value"),
        ({"share_state": "viel"}, "share_state", "invalid"),
        ({"share_state": "33.33333"}, "share_state", "max_decimal_places"),
        ({"name": ""}, "name", "required"),
        ({"name": "x\x00y"}, "name", "null_characters_not_allowed"),
        ({"kind": "nonsense"}, "kind", "invalid_choice"),
    ],
)
def test_bad_programmes_are_refused(world, coordinator, overrides, field, code):
    count = FundingProgramme.objects.count()
    response = coordinator.post(reverse("finance:programme_add"), programme_data(**overrides))
    assert response.status_code == 400
    assert response.context["form"].has_error(field, code), response.context["form"].errors
    assert 'class="error-summary"' in response.content.decode()
    assert FundingProgramme.objects.count() == count


def test_own_shares_of_a_measure(world, coordinator):
    measure = Measure.objects.first()
    url = reverse("finance:funding_edit", args=[measure.pk])
    data = {
        "programme": world.finance.programmes[0].pk,
        "product": world.finance.product.pk,
        "custom_shares": "on",
        "share_federation": "30",
        "share_state": "30",
        "share_eu": "0",
        "share_other": "20",
        "share_town": "15",
        "note": "",
        "form_token": str(uuid.uuid4()),
    }
    response = coordinator.post(url, data)
    assert response.status_code == 400
    assert response.context["form"].has_error("__all__", "shares_sum")
    assert not MeasureFunding.objects.filter(measure=measure).exists()
    data["share_town"] = "20"
    assert coordinator.post(url, data).status_code == 302
    funding = MeasureFunding.objects.get(measure=measure)
    assert funding.effective_shares()["other"] == Decimal("20")


def test_areas_and_groups_are_no_budget_product_of_a_measure(world, coordinator):
    measure = Measure.objects.first()
    area = world.finance.product.parent.parent
    response = coordinator.post(
        reverse("finance:funding_edit", args=[measure.pk]),
        {"programme": "", "product": area.pk, "note": "", "form_token": str(uuid.uuid4())},
    )
    assert response.status_code == 400
    assert response.context["form"].has_error("product", "invalid_choice")


def test_budget_lines_one_per_year_and_never_negative(world, coordinator):
    measure = Measure.objects.first()
    url = reverse("finance:line_add", args=[measure.pk])
    budget = world.finance.budgets[0]

    def data(**overrides):
        return {
            "budget": budget.pk,
            "planned": "1000.10",
            "approved": "",
            "spent": "",
            "note": "",
            "form_token": str(uuid.uuid4()),
            **overrides,
        }

    assert coordinator.post(url, data()).status_code == 302
    line = BudgetLine.objects.get(measure=measure)
    assert line.planned == Decimal("1000.10")
    duplicate = coordinator.post(url, data())
    assert duplicate.status_code == 400
    assert duplicate.context["form"].has_error("budget", "duplicate_year")
    negative = coordinator.post(url, data(budget=world.finance.budgets[1].pk, spent="-1"))
    assert negative.context["form"].has_error("spent", "min_value")
    too_precise = coordinator.post(url, data(budget=world.finance.budgets[1].pk, planned="1.001"))
    assert too_precise.context["form"].has_error("planned", "max_decimal_places")
    assert BudgetLine.objects.filter(measure=measure).count() == 1
    delete = coordinator.post(reverse("finance:line_delete", args=[line.pk]))
    assert delete.status_code == 302
    assert not BudgetLine.objects.filter(pk=line.pk).exists()
    assert AuditEntry.objects.filter(object_id=str(line.pk), action="delete").exists()


def test_product_levels_must_nest(world, coordinator):
    group = world.finance.product.parent
    response = coordinator.post(
        reverse("finance:product_add"),
        {
            "number": "51200",
            "name": "X",
            "level": "product",
            "parent": group.parent.pk,
            "description": "",
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    assert response.context["form"].has_error("parent")
    bad_number = coordinator.post(
        reverse("finance:product_add"),
        {
            "number": "5a",
            "name": "X",
            "level": "area",
            "description": "",
            "form_token": str(uuid.uuid4()),
        },
    )
    assert bad_number.context["form"].has_error("number")


def test_budget_years_are_checked(world, coordinator):
    response = coordinator.post(
        reverse("finance:budget_add"),
        {
            "year": "1800",
            "status": "planning",
            "adopted_on": "",
            "note": "",
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    assert response.context["form"].has_error("year", "min_value")
