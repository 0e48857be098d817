"""Regression found by the fuzz suite (stadtdach/core/tests/fuzz/): a page number of
digits that int() refuses ("²" passes str.isdigit()) shows the first page, not a 500."""

import pytest
from django.urls import reverse

from stadtdach.process.tests.factories import build_process_world


@pytest.fixture
def world(db, personas):
    return build_process_world(owner=personas.department_staff, contractor=personas.consultant)


@pytest.mark.parametrize("number", ["²", "\uff12", "-1", "9" * 40, "1e3"])
def test_the_task_list_takes_any_page_number(world, client_for, number):
    response = client_for("anonymous").get(reverse("process:task_list"), {"seite": number})
    assert response.status_code == 200
    assert "Öffentliche Aufgabe" in response.content.decode()
