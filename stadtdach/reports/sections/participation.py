"""The participation summary of the ISEK document, read through a small interface the
participation app offers (docs/reports.md, "The participation summary").

The interface is one function, looked up by name when a document is generated::

    stadtdach.participation.reporting.participation_summary(edition) -> dict

returning (every key optional)::

    {
      "processes": [{"title": str, "format": str, "phase": str, "start": date | None,
                     "end": date | None, "contributions": int, "participants": int | None}],
      "contributions": int,            # all contributions of the edition's processes
      "with_feedback": int,            # contributions with public feedback
      "by_target_group": [(str, int)], # label, contributions
      "by_action_field": [(str, int)], # label, contributions assigned to the field
      "note": str,                     # optional remark, shown as is
    }

While the participation app does not offer the function, the chapter is left out of the
document (guarded here, so a half-built app never breaks a document)."""

import datetime
import logging

from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from stadtdach.reports.blocks import Facts, Paragraph, Table
from stadtdach.reports.sections.context import ReportContext, de_date

SUMMARY = "stadtdach.participation.reporting.participation_summary"
logger = logging.getLogger(__name__)


def summary_function():
    """The participation app's summary function, or None while it does not exist."""
    try:
        return import_string(SUMMARY)
    except ImportError:
        return None


def _int(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _date(value) -> str:
    return de_date(value) if isinstance(value, datetime.date) else "–"


def participation(ctx: ReportContext) -> list | None:
    """None (chapter left out) while participation offers no summary."""
    function = summary_function()
    if function is None:
        return None
    data = function(ctx.edition)
    if not isinstance(data, dict):
        logger.warning("participation_summary returned %r, not a dict", type(data))
        return None
    processes = [p for p in data.get("processes") or [] if isinstance(p, dict)]
    blocks: list = [
        Paragraph(
            _(
                "The ISEK is created with the citizens in a transparent process. The "
                "participation procedures and what came of them:"
            )
        ),
        Facts(
            [
                (_("Participation procedures"), str(len(processes))),
                (_("Contributions"), str(_int(data.get("contributions")))),
                (_("Contributions with public feedback"), str(_int(data.get("with_feedback")))),
            ]
        ),
    ]
    if processes:
        blocks.append(
            Table(
                _("Participation procedures"),
                [_("Procedure"), _("Format"), _("Phase"), _("Period"), _("Contributions")],
                [
                    [
                        str(p.get("title", "")),
                        str(p.get("format", "")),
                        str(p.get("phase", "")),
                        f"{_date(p.get('start'))} – {_date(p.get('end'))}",
                        str(_int(p.get("contributions"))),
                    ]
                    for p in processes
                ],
                numeric={4},
                small=True,
            )
        )
    for key, caption, head in (
        ("by_target_group", _("Contributions by target group"), _("Target group")),
        ("by_action_field", _("Contributions by action field"), _("Action field")),
    ):
        rows = [
            [str(item[0]), str(_int(item[1]))]
            for item in (data.get(key) or [])
            if isinstance(item, list | tuple) and len(item) == 2
        ]
        if rows:
            blocks.append(Table(caption, [head, _("Contributions")], rows, numeric={1}))
    if data.get("note"):
        blocks.append(Paragraph(str(data["note"]), "note"))
    return blocks
