"""Exact money arithmetic: amounts are Decimal to the cent, never floats."""

from decimal import ROUND_HALF_UP, Decimal

from stadtdach.finance.models import HUNDRED, FundingSource

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def split(amount: Decimal, shares: dict[str, Decimal]) -> dict[str, Decimal]:
    """Split an amount among the funding sources by their percent shares.

    Every third-party part is rounded to the cent (half up); the town's own share is the
    rest, so the parts always add up to the amount exactly — the town carries the cent.
    """
    amount = cents(amount)
    parts = {
        source: cents(amount * shares.get(source, ZERO) / HUNDRED)
        for source in FundingSource.values
        if source != FundingSource.TOWN
    }
    parts[FundingSource.TOWN] = amount - sum(parts.values(), ZERO)
    return {source: parts[source] for source in FundingSource.values}


def add_into(total: dict[str, Decimal], parts: dict[str, Decimal]) -> None:
    for key, value in parts.items():
        total[key] = total.get(key, ZERO) + value
