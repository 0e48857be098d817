"""The timeline: laid out on the server, an accessible SVG with title, description and a
table alternative; the internal view adds work packages and non-public meetings;
lanes from other apps come through the settings list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

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


def _extra_lane(request, edition, internal, window):
    return [
        Lane(
            "extra", "Beteiligung", [TimelineItem("Werkstatt", D(2022, 5, 1), kind="participation")]
        )
    ]


def test_other_apps_add_lanes_through_the_settings(world, client_for, settings):
    settings.STADTDACH_TIMELINE_SOURCES = (f"{__name__}._extra_lane",)
    html = client_for("anonymous").get(reverse("process:timeline") + "?von=2021").content.decode()
    assert "Beteiligung" in html and "Werkstatt" in html
    # Not in the default window (the last, this and the next year).
    assert (
        "Werkstatt" not in client_for("anonymous").get(reverse("process:timeline")).content.decode()
    )


def test_the_window_comes_from_the_query_or_is_the_default():
    from stadtdach.process.timeline import TimelineWindow

    today = D(2026, 12, 4)
    default = TimelineWindow.default(today)
    assert (default.start, default.end) == (D(2025, 1, 1), D(2028, 1, 1))
    assert (default.first_year, default.last_year) == (2025, 2027)
    for raw in (None, "", "abc", "99999", "-1", "²٢٠٢", "1989", "2101", "20 24", "2024.0"):
        assert TimelineWindow.from_query(raw, today) == default, raw
    window = TimelineWindow.from_query("2021", today)
    assert (window.first_year, window.last_year) == (2021, 2023)
    assert window.earlier().first_year == 2018 and window.later().first_year == 2024
    assert TimelineWindow.from_query("1990", today).earlier() is None
    assert window.holds(TimelineItem("x", D(2020, 6, 1), D(2021, 1, 1)))  # ends in it
    assert window.holds(TimelineItem("x", D(2020, 6, 1), open_end=True))
    assert not window.holds(TimelineItem("x", D(2020, 6, 1), D(2020, 12, 31)))
    assert not window.holds(TimelineItem("x", D(2024, 1, 1)))


def test_bars_are_cut_at_the_edges_of_the_window():
    from stadtdach.process.timeline import TimelineWindow

    window = TimelineWindow.from_year(2024)
    lanes = [Lane("phases", "Phasen", [TimelineItem("Lang", D(2020, 1, 1), D(2030, 1, 1))])]
    drawing = draw(lanes, today=D(2025, 1, 1), window=window)
    (bar,) = drawing.rows[0].marks
    assert bar.x == drawing.chart_left and bar.x + bar.width == drawing.chart_right
    assert {t.label for t in drawing.ticks if t.major} == {"2024", "2025", "2026", "2027"}


def _many_meetings(request, edition, internal, window):
    """A lane with far more items in the window than the timeline shows."""
    start = window.start
    return [
        Lane(
            "body",
            "Rat",
            [
                TimelineItem(f"Sitzung {n}", start + datetime.timedelta(days=n % 1000), kind="x")
                for n in range(400)
            ],
            total=400,
            more_url="/gremien/sitzungen/",
        )
    ]


def test_a_full_window_is_capped_and_the_table_paginated(world, client_for, settings):
    from stadtdach.process.timeline import LANE_LIMIT

    settings.STADTDACH_TIMELINE_SOURCES = (f"{__name__}._many_meetings",)
    client = client_for("anonymous")
    response = client.get(reverse("process:timeline"))
    html = response.content.decode()
    assert response.status_code == 200
    assert_valid_html(response.content)
    assert html.count("<circle cx=") == LANE_LIMIT + 1  # and the legend's
    with translation.override("de"):
        capped = _("%(title)s: the first %(shown)s of %(total)s dates in these years are shown.")
        assert capped % {"title": "Rat", "shown": LANE_LIMIT, "total": 400} in html
        assert f'aria-label="{_("Pages of the table")}"' in html
        assert f'aria-label="{_("Years of the timeline")}"' in html
    assert 'href="/gremien/sitzungen/"' in html and "Seite 1 von 2" in html
    assert 'rel="next"' in html
    assert len(response.content) < 150_000
    last = client.get(reverse("process:timeline") + "?seite=2").content.decode()
    assert "Seite 2 von 2" in last
    for query in ("?seite=abc", "?seite=99999", "?seite=-1", "?seite=²", "?von=abc&seite=0"):
        assert client.get(reverse("process:timeline") + query).status_code == 200, query
    assert (
        "Seite 2 von 2" in client.get(reverse("process:timeline") + "?seite=99999").content.decode()
    )


def test_earlier_and_later_years_are_linked(world, client_for):
    client = client_for("anonymous")
    assert "Vergabe" in client.get(reverse("process:timeline")).content.decode()
    html = client.get(reverse("process:timeline") + "?von=2021").content.decode()
    with translation.override("de"):
        assert _("%(first)s to %(last)s") % {"first": 2021, "last": 2023} in html
    assert "?von=2018#zeitraum" in html and "?von=2024#zeitraum" in html
    assert 'href="?#zeitraum"' in html  # back to the current years
    assert "Vergabe" not in html  # the milestone lies in the current years


def test_many_full_lanes_share_the_items():
    from stadtdach.process.timeline import LANE_LIMIT, MAX_ITEMS, MIN_PER_LANE, _share

    assert _share([LANE_LIMIT] * 3) == LANE_LIMIT  # 180 fit
    share = _share([LANE_LIMIT] * 10 + [3])
    assert sum(min(n, share) for n in [LANE_LIMIT] * 10 + [3]) <= MAX_ITEMS
    assert share == (MAX_ITEMS - 3) // 10
    assert _share([LANE_LIMIT] * 100) == MIN_PER_LANE
    assert _share([]) == 0
