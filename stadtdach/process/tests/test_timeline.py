"""The timeline: laid out on the server, an accessible SVG with title, description and a
table alternative; the internal view adds work packages and non-public meetings;
lanes from other apps come through the settings list."""

import datetime

import pytest
from django.urls import reverse

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.process.tests.factories import build_process_world
from stadtdach.process.timeline import Lane, TimelineItem, draw

D = datetime.date


def test_layout_puts_dates_on_the_axis_and_keeps_labels_apart():
    lanes = [
        Lane(
            "phases",
            "Phasen",
            [
                TimelineItem("Vorprozess", D(2021, 1, 1), D(2021, 6, 30), "phase"),
                TimelineItem("Umsetzung", D(2023, 1, 1), None, "phase", open_end=True),
            ],
        ),
        Lane(
            "milestones",
            "Meilensteine",
            [
                TimelineItem("Vergabe", D(2021, 9, 15), kind="milestone", important=True),
                TimelineItem("Leitbild", D(2022, 3, 31), kind="milestone"),
            ],
        ),
    ]
    drawing = draw(lanes, today=D(2022, 1, 1))
    phase_row, milestone_row = drawing.rows
    first, open_ended = phase_row.marks
    assert first.shape == "bar" and first.width > 0
    assert open_ended.x + open_ended.width == drawing.chart_right  # drawn to the edge
    assert [m.shape for m in milestone_row.marks] == ["important", "diamond"]
    assert milestone_row.marks[0].x < milestone_row.marks[1].x
    assert drawing.today_x is not None and first.x < drawing.today_x < open_ended.x
    assert {t.label for t in drawing.ticks if t.major} == {"2021", "2022", "2023", "2024"}
    assert all(isinstance(value, int) for value in (first.x, first.y, first.width))
    assert "Phasen: 2" in drawing.description


@pytest.fixture
def world(db):
    return build_process_world()


def test_public_timeline_is_an_accessible_svg_with_a_table(world, client_for):
    response = client_for("anonymous").get(reverse("process:timeline"))
    html = response.content.decode()
    assert response.status_code == 200
    assert_valid_html(response.content)
    assert (
        'role="img"' in html
        and 'aria-labelledby="zeitstrahl-titel zeitstrahl-beschreibung"' in html
    )
    assert '<title id="zeitstrahl-titel">' in html and '<desc id="zeitstrahl-beschreibung">' in html
    assert 'id="zeitplan-tabelle"' in html and "<table" in html
    assert "Vergabe" in html and "Entwurf" in html
    assert "Analyse" not in html  # work packages are internal
    assert " style=" not in html and "<script>" not in html


@pytest.mark.parametrize("persona", ["coordinator", "steering_member", "consultant"])
def test_internal_timeline_adds_work_packages(world, client_for, persona):
    response = client_for(persona).get(reverse("process:timeline_internal"))
    assert response.status_code == 200
    assert_valid_html(response.content)
    assert "AP 1 Analyse" in response.content.decode()


def _extra_lane(request, edition, internal):
    return [
        Lane(
            "extra", "Beteiligung", [TimelineItem("Werkstatt", D(2022, 5, 1), kind="participation")]
        )
    ]


def test_other_apps_add_lanes_through_the_settings(world, client_for, settings):
    settings.STADTDACH_TIMELINE_SOURCES = (f"{__name__}._extra_lane",)
    html = client_for("anonymous").get(reverse("process:timeline")).content.decode()
    assert "Beteiligung" in html and "Werkstatt" in html
