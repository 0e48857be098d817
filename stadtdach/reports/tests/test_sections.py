"""The sections of each document are one explicit tuple; the participation chapter is
read through a small interface and left out while it does not exist."""

import datetime

from django.utils import timezone

from stadtdach.reports.blocks import ChartBlock, Heading, Table
from stadtdach.reports.sections import BY_KIND, COMMITTEE_REPORT, ISEK_DOCUMENT, participation
from stadtdach.reports.sections.context import ReportContext


def test_the_isek_document_has_the_chapters_of_the_issue():
    assert [s.key for s in ISEK_DOCUMENT] == [
        "leitbild",
        "handlungsfelder",
        "querschnittsthemen",
        "konzepte",
        "beteiligung",
        "finanzen",
        "monitoring",
    ]
    assert set(BY_KIND) == {"isek", "monitoring", "committee"}
    assert "kosten" in [s.key for s in COMMITTEE_REPORT]


def _ctx(world, **kwargs):
    return ReportContext(edition=world.edition, today=timezone.localdate(), year=2025, **kwargs)


def test_participation_is_left_out_without_the_interface(world, monkeypatch):
    monkeypatch.setattr(participation, "SUMMARY", "stadtdach.participation.nichts.da")
    assert participation.participation(_ctx(world)) is None


def summary_ok(edition):
    return {
        "processes": [
            {
                "title": "Ideen für die Altstadt",
                "format": "Ideensammlung",
                "phase": "Hauptprozess",
                "start": datetime.date(2022, 3, 1),
                "end": None,
                "contributions": 42,
            },
            "kein dict",
        ],
        "contributions": 42,
        "with_feedback": 40,
        "by_target_group": [("Jugendliche", 12), ("kaputt",)],
        "note": "Stand der Auswertung",
    }


def summary_bad(edition):
    return ["keine", "Zusammenfassung"]


def test_participation_is_read_through_the_interface(world, monkeypatch):
    monkeypatch.setattr(participation, "SUMMARY", f"{__name__}.summary_ok")
    blocks = participation.participation(_ctx(world))
    tables = [b for b in blocks if isinstance(b, Table)]
    assert tables[0].rows[0][0] == "Ideen für die Altstadt"
    assert tables[1].rows == [["Jugendliche", "12"]]  # the broken pair is skipped
    monkeypatch.setattr(participation, "SUMMARY", f"{__name__}.summary_bad")
    assert participation.participation(_ctx(world)) is None


def test_every_section_builds(world, no_participation):
    ctx = _ctx(world)
    for kind, sections in BY_KIND.items():
        for section in sections:
            if kind == "committee":
                ctx = _ctx(world, action_field_ids=[world.fields[0].pk])
            blocks = section.build(ctx)
            assert blocks is None or isinstance(blocks, list), section.key


def test_the_committee_report_keeps_to_its_action_fields(world, no_participation):
    from stadtdach.reports.sections import monitoring

    field = world.fields[0]
    blocks = monitoring.measures(_ctx(world, action_field_ids=[field.pk]))
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert headings == [field.name]
    charts = [
        b
        for b in monitoring.indicators(_ctx(world, action_field_ids=[field.pk]))
        if isinstance(b, ChartBlock)
    ]
    assert charts == []  # charts of context indicators sit inside groups
