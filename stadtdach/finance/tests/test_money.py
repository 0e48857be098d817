"""Amounts are exact decimals; shares must make exactly 100 %; the town carries cents."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from stadtdach.finance.models import FundingProgramme, FundingSource, MeasureFunding, town_only
from stadtdach.finance.money import split
from stadtdach.finance.tests.factories import THIRDS

PROGRAMME_THIRDS = {
    "federation": Decimal("33.3333"),
    "state": Decimal("33.3333"),
    "eu": Decimal("0"),
    "other": Decimal("0"),
    "town": Decimal("33.3334"),
}


def test_split_adds_up_to_the_amount_to_the_cent():
    for amount in ("90000.00", "0.01", "0.02", "1234567.89", "100.00", "0.00"):
        parts = split(Decimal(amount), PROGRAMME_THIRDS)
        assert sum(parts.values()) == Decimal(amount)
        assert all(isinstance(value, Decimal) for value in parts.values())
        assert all(value.as_tuple().exponent == -2 for value in parts.values())


def test_the_town_carries_the_rounding():
    parts = split(Decimal("90000.00"), PROGRAMME_THIRDS)
    assert parts["federation"] == parts["state"] == Decimal("29999.97")
    assert parts["town"] == Decimal("30000.06")
    assert split(Decimal("100"), town_only()) == {
        "federation": 0,
        "state": 0,
        "eu": 0,
        "other": 0,
        "town": Decimal("100.00"),
    }


def test_sources_are_in_a_fixed_order_with_the_town_last():
    assert list(split(Decimal("1"), PROGRAMME_THIRDS)) == FundingSource.values
    assert FundingSource.values[-1] == "town"


@pytest.mark.parametrize(
    ("shares", "code"),
    [
        (
            {
                "share_federation": Decimal("33.33"),
                "share_state": Decimal("33.33"),
                "share_town": Decimal("33.33"),
            },
            "shares_sum",
        ),
        ({"share_federation": Decimal("50"), "share_town": Decimal("60")}, "shares_sum"),
        ({"share_federation": Decimal("120"), "share_town": Decimal("-20")}, "share_range"),
        ({}, "shares_sum"),
    ],
)
def test_shares_that_do_not_make_100_percent_are_refused(shares, code):
    programme = FundingProgramme(name="P", slug="p", kind="other", **shares)
    with pytest.raises(ValidationError) as error:
        programme.clean()
    assert error.value.code == code


def test_thirds_make_exactly_100_percent():
    FundingProgramme(name="P", slug="p", kind="urban", **THIRDS).clean()


def test_own_shares_of_a_measure_are_checked_only_when_used():
    funding = MeasureFunding(custom_shares=False)
    funding.clean()  # the programme's shares apply; the own columns are ignored
    funding.custom_shares = True
    with pytest.raises(ValidationError):
        funding.clean()
    assert MeasureFunding(custom_shares=False).effective_shares() == town_only()
