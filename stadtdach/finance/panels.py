"""Panels of the finance app on pages of lower apps (see core/panels.py): the budget and
financing of a measure, the money of an action field."""

from stadtdach.core.panels import Panel
from stadtdach.finance import selectors


def measure_finance(request, measure):
    """Budget lines per year and the financing shares of the measure (2 queries)."""
    finance = selectors.measure_finance(measure)
    can_change = request is not None and request.user.has_perm(
        "finance.change_measure_finance", measure
    )
    if not finance.has_data and not can_change:
        return None
    return Panel("finance/panels/measure.html", {"finance": finance, "can_change": can_change})


def action_field_finance(request, action_field):
    """Planned, approved and spent money of the field's measures in the current edition
    (1 query: the budget lines summed per year, split by their financing in SQL)."""
    amounts = selectors.action_field_finance(action_field)
    if not amounts.by_year:
        return None
    return Panel(
        "finance/panels/action_field.html",
        {"amounts": amounts, "action_field": action_field, "sources": selectors.SOURCES},
    )
