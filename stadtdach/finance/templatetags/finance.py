"""Number formats of the finance pages."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def percent(value):
    """Decimal("33.3333") → "33,3333 %", Decimal("50.0000") → "50 %" (German, exact)."""
    if value is None or value == "":
        return ""
    number = Decimal(value).normalize()
    text = format(number, "f").replace(".", ",")
    return f"{text}\u00a0%"


@register.filter
def euro_or_dash(value):
    """An amount, or a dash for none (keeps empty table cells readable)."""
    from stadtdach.core.templatetags.stadtdach import euro

    if value is None:
        return "–"
    return euro(value)


@register.filter
def year_cells(amounts, years):
    """The amounts of the given years, None where a year has none."""
    return amounts.year_cells(years)
