import pytest

from stadtdach.strategy.models import Measure
from stadtdach.strategy.tests.factories import build_world


@pytest.fixture
def world(db, personas):
    """A small edition; the department persona leads the first action field."""
    world = build_world(measures=12)
    field = world.fields[0]
    field.lead_unit = personas.department_staff.unit
    field.save()
    world.led = Measure.objects.filter(action_field=field).order_by("pk")
    world.other = Measure.objects.exclude(action_field=field).order_by("pk")
    return world
