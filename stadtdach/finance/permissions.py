"""Who may change the money of the ISEK. Reading the cost and financing overview is
public (it is part of the council's documents); every change needs a role.

The matrix is tested in tests/test_permissions.py (role × permission)."""

import rules

from stadtdach.accounts.permissions import is_administration, is_coordinator
from stadtdach.strategy.permissions import leads_measure


@rules.predicate
def leads_financed_measure(user, obj) -> bool:
    """The user's department leads the measure (given itself, or a budget line or
    financing of it)."""
    measure = getattr(obj, "measure", obj) if obj is not None else None
    return leads_measure(user, measure)


# The catalogue: budget years, products and programmes with their default shares.
rules.add_perm("finance.manage_catalogue", is_coordinator)
# A measure's budget lines and financing: coordinators, and the department that leads it.
rules.add_perm(
    "finance.change_measure_finance", is_coordinator | (is_administration & leads_financed_measure)
)
