"""The cost and financing overview: every table sums the same exact cents; the XLSX
holds the same numbers; the page shows the totals and filters the measures."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.finance import selectors
from stadtdach.finance.models import FundingSource
from stadtdach.finance.money import ZERO
from stadtdach.finance.tests.factories import add_finance
from stadtdach.strategy.tests.factories import build_world


@pytest.fixture
def world(db):
    world = build_world(measures=12)
    add_finance(world.edition)
    return world


def _sum(rows, attribute="total"):
    return sum((getattr(row.amounts, attribute) for row in rows), ZERO)


def test_totals_agree_across_fields_programmes_years_and_measures(world):
    data = selectors.cost_overview(world.edition)
    assert data.years == [2024, 2025, 2026]
    total = data.total.total
    assert total == _sum(data.rows) == _sum(data.by_field) == _sum(data.by_programme)
    assert total == sum((amounts.total for _year, amounts in data.by_year), ZERO)
    for source in FundingSource.values:
        by_measure = sum((row.amounts.funding[source] for row in data.rows), ZERO)
        by_year = sum((amounts.funding[source] for _y, amounts in data.by_year), ZERO)
        assert by_measure == by_year == data.total.funding[source]
    assert sum(data.total.funding.values(), ZERO) == total
    assert isinstance(total, Decimal)


def test_without_a_programme_the_town_pays_everything(world):
    data = selectors.cost_overview(world.edition)
    own = next(row for row in data.rows if row.programme is None)
    assert own.amounts.funding["town"] == own.amounts.total
    efre = next(row for row in data.rows if row.programme and row.programme.slug == "efre")
    assert efre.amounts.funding["eu"] == efre.amounts.total * Decimal("0.75")


def test_xlsx_holds_the_same_numbers(world):
    response = Client().get(reverse("finance:overview_xlsx"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    assert len(workbook.sheetnames) == 3
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[3]
    total_column = header.index("Total cost") if "Total cost" in header else 5 + 3
    last = rows[-1]
    data = selectors.cost_overview(world.edition)
    assert Decimal(str(last[total_column])) == data.total.total


def test_the_overview_page_shows_totals_and_filters_measures(world):
    client = Client()
    response = client.get(reverse("finance:overview"))
    assert response.status_code == 200
    assert_valid_html(response.content)
    page = response.content.decode()
    assert "Lebendige Zentren" in page
    field = world.fields[1]
    filtered = client.get(reverse("finance:overview") + f"?handlungsfeld={field.slug}")
    rows = filtered.context["page"].object_list
    assert rows and all(row.measure.action_field_id == field.pk for row in rows)
    odd = client.get(reverse("finance:overview") + "?seite=abc&handlungsfeld=%3Cx%3E")
    assert odd.status_code == 200


def test_programme_and_product_pages(world):
    for name in ("finance:programme_list", "finance:product_list"):
        response = Client().get(reverse(name))
        assert response.status_code == 200
        assert_valid_html(response.content)
    assert "51100" in Client().get(reverse("finance:product_list")).content.decode()


def test_panels_on_the_measure_and_action_field_pages(world):
    measure = world.edition.measures.first()
    page = Client().get(measure.get_absolute_url())
    assert page.status_code == 200
    assert 'id="finanzen"' in page.content.decode()
    assert_valid_html(page.content)
    field_page = Client().get(world.fields[0].get_absolute_url())
    assert 'id="finanzen"' in field_page.content.decode()
