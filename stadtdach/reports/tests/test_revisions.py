"""Fortschreibung: publishing a revision freezes a snapshot; any two revisions can be
compared — added, removed and changed items, texts side by side, and a change log."""

import datetime
import uuid

import pytest
from django.urls import reverse

from stadtdach.core.testing.html import assert_valid_html
from stadtdach.monitoring.models import Indicator
from stadtdach.reports import diff, services
from stadtdach.reports.models import Revision
from stadtdach.reports.snapshots import snapshot
from stadtdach.strategy.models import Measure


def test_a_snapshot_holds_what_the_isek_says(world):
    data = snapshot(world.edition)
    assert data["vision"]["title"] == "Leitbild"
    assert len(data["measures"]) == Measure.objects.count()
    assert {f["key"] for f in data["action_fields"]} == {f.slug for f in world.fields}
    assert data["ratings"] and data["goals"]
    assert {i["key"] for i in data["indicators"]} == set(
        Indicator.objects.values_list("code", flat=True)
    )


def test_publishing_numbers_the_revisions(world, personas):
    first = services.revision_publish(
        actor=personas.coordinator,
        edition=world.edition,
        title="Beschluss",
        change_note="",
        published_on=datetime.date(2022, 12, 1),
    )
    Measure.objects.filter(pk=Measure.objects.first().pk).update(title="Neuer Titel")
    second = services.revision_publish(
        actor=personas.coordinator,
        edition=world.edition,
        title="1. Fortschreibung",
        change_note="Titel geändert",
        published_on=datetime.date(2025, 1, 1),
    )
    assert (first.number, second.number) == (1, 2)
    sections = {s.key: s for s in diff.compare(first.snapshot, second.snapshot)}
    changed = sections["measures"].changed
    assert len(changed) == 1
    assert changed[0].changes[0].new == "Neuer Titel"
    assert first.snapshot != second.snapshot  # the first stays frozen


def test_compare_finds_added_removed_and_changed_words():
    old = {
        "vision": {"title": "A", "text": "Die Stadt an der Elbe", "principles": []},
        "measures": [
            {"key": "M1", "label": "M1", "title": "Radweg"},
            {"key": "M2", "label": "M2", "title": "Weg"},
        ],
        "action_fields": [
            {"key": "wohnen", "label": "Wohnen", "selected": True, "reason": "Leerstand hoch"}
        ],
    }
    new = {
        "vision": {"title": "A", "text": "Die lebendige Stadt an der Elbe", "principles": []},
        "measures": [
            {"key": "M1", "label": "M1", "title": "Radweg"},
            {"key": "M3", "label": "M3", "title": "Platz"},
        ],
        "action_fields": [
            {"key": "wohnen", "label": "Wohnen", "selected": False, "reason": "Leerstand <sinkt>"}
        ],
    }
    sections = {s.key: s for s in diff.compare(old, new)}
    assert [i.key for i in sections["measures"].added] == ["M3"]
    assert [i.key for i in sections["measures"].removed] == ["M2"]
    assert sections["measures"].unchanged == 1
    vision = sections["vision"].changed[0].changes[0]
    assert "<ins>" in vision.new and "lebendige" in vision.new and "<del>" not in vision.old
    reason = next(
        c for c in sections["action_fields"].changed[0].changes if "&lt;sinkt&gt;" in c.new
    )
    assert "<del>" in reason.old and "hoch" in reason.old
    assert diff.summary(sections.values()) == {"added": 1, "removed": 1, "changed": 2}


def test_the_revision_pages(world, personas, client_for):
    old = services.revision_publish(
        actor=personas.coordinator,
        edition=world.edition,
        title="Alt",
        change_note="- erster Stand",
        published_on=datetime.date(2022, 1, 1),
    )
    Measure.objects.first().delete()
    new = services.revision_publish(
        actor=personas.coordinator,
        edition=world.edition,
        title="Neu",
        change_note="Eine Maßnahme gestrichen",
        published_on=datetime.date(2024, 1, 1),
    )
    client = client_for("anonymous")
    for url in (
        reverse("reports:revision_list"),
        new.get_absolute_url(),
        reverse("reports:revision_compare") + f"?a={new.pk}&b={old.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid_html(response.content)
    compare = client.get(reverse("reports:revision_compare") + f"?a={new.pk}&b={old.pk}")
    assert compare.context["comparison"].a == old  # the older one comes first
    sections = {s.key: s for s in compare.context["comparison"].sections}
    assert len(sections["measures"].removed) == 1
    assert len(sections["indicators"].removed) == 1  # its result indicator went with it
    assert [r.pk for r in compare.context["comparison"].log] == [new.pk]
    assert (
        client.get(reverse("reports:revision_compare") + f"?a={old.pk}&b={old.pk}").status_code
        == 400
    )
    assert (
        client.get(
            reverse("reports:revision_compare") + "?a=x&b=99999999999999999999999"
        ).status_code
        == 400
    )


def test_publishing_through_the_form(world, client_for):
    client = client_for("coordinator")
    data = {
        "edition": world.edition.pk,
        "title": "1. Fortschreibung",
        "published_on": "2025-11-27",
        "change_note": "Neue Maßnahmen",
        "form_token": str(uuid.uuid4()),
    }
    assert client.post(reverse("reports:revision_add"), data).status_code == 302
    assert client.post(reverse("reports:revision_add"), data).status_code == 302
    assert Revision.objects.count() == 1
    future = client.post(
        reverse("reports:revision_add"),
        {**data, "published_on": "2999-01-01", "form_token": str(uuid.uuid4())},
    )
    assert future.status_code == 400 and future.context["form"].has_error(
        "published_on", "date_range"
    )
    assert client_for("consultant").get(reverse("reports:revision_add")).status_code == 403


@pytest.mark.parametrize("persona", ["anonymous", "citizen"])
def test_revisions_are_public(world, personas, client_for, persona):
    revision = services.revision_publish(
        actor=None,
        edition=world.edition,
        title="X",
        change_note="",
        published_on=datetime.date(2024, 1, 1),
    )
    assert client_for(persona).get(revision.get_absolute_url()).status_code == 200
