"""Generate a report: build its sections from the data, render PDF or DOCX, store the
file. Progress is written to the report after every step (in its own transaction), so
its page can show a bar while the worker is busy."""

import logging
import time

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stadtdach.core.selectors import municipality
from stadtdach.reports.blocks import Document, Facts, Paragraph
from stadtdach.reports.documents.docx import render_docx
from stadtdach.reports.documents.pdf import render_pdf
from stadtdach.reports.models import Report
from stadtdach.reports.sections import BY_KIND
from stadtdach.reports.sections.context import ReportContext, de_date

logger = logging.getLogger(__name__)


def _progress(report: Report, percent: int, note: str) -> None:
    report.progress, report.progress_note = percent, note[:200]
    Report.objects.filter(pk=report.pk).update(progress=percent, progress_note=note[:200])


def context_for(report: Report) -> ReportContext:
    ids = list(report.action_fields.values_list("pk", flat=True))
    return ReportContext(
        edition=report.edition,
        today=timezone.localdate(),
        year=report.year or timezone.localdate().year,
        action_field_ids=ids if report.kind == Report.Kind.COMMITTEE else None,
        committee=report.committee,
    )


def _subtitle(report: Report, ctx: ReportContext, town: str) -> str:
    if report.kind == Report.Kind.ISEK:
        return _("Integrated urban development concept of %(town)s") % {"town": town}
    if report.kind == Report.Kind.MONITORING:
        return _("%(edition)s: implementation, indicators and budget in %(year)s") % {
            "edition": report.edition.name,
            "year": ctx.year,
        }
    return _("%(edition)s: report to %(committee)s on %(year)s") % {
        "edition": report.edition.name,
        "committee": report.committee,
        "year": ctx.year,
    }


def _intro(report: Report, ctx: ReportContext) -> list:
    if report.kind != Report.Kind.COMMITTEE:
        return []
    names = ", ".join(report.action_fields.values_list("name", flat=True))
    return [
        Facts([(_("Committee"), report.committee or "–"), (_("Action fields"), names)]),
        Paragraph(
            _("The report is limited to the action fields the committee deals with."), "note"
        ),
    ]


def build_document(report: Report, ctx: ReportContext, on_section=None) -> Document:
    """The document's blocks, section by section (``on_section(index, count, title)``)."""
    town = municipality()
    sections = BY_KIND[report.kind]
    document = Document(
        title=report.title,
        subtitle=_subtitle(report, ctx, town.official_name if town else ""),
        town=(town.official_name if town else ""),
        date=de_date(ctx.today),
        has_sample=report.edition.is_sample
        or bool(report.edition.sample_note)
        or bool(town and town.is_sample),
        intro=_intro(report, ctx),
    )
    for index, section in enumerate(sections):
        if on_section:
            on_section(index, len(sections), str(section.title))
        blocks = section.build(ctx)
        if blocks is not None:
            document.sections.append((section.key, str(section.title), blocks))
    return document


def generate(report_id: int) -> Report | None:
    report = Report.objects.select_related("edition").filter(pk=report_id).first()
    if report is None or report.status == Report.Status.DONE:
        return report
    started = time.monotonic()
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.RUNNING, started_at=timezone.now(), error=""
    )
    try:
        with translation.override("de"):
            ctx = context_for(report)

            def on_section(index, count, title):
                _progress(
                    report,
                    5 + round(60 * index / count),
                    _("Chapter: %(title)s") % {"title": title},
                )

            document = build_document(report, ctx, on_section)
            _progress(
                report,
                70,
                _("Laying out the %(format)s file") % {"format": report.get_format_display()},
            )
            content = (
                render_pdf(document)
                if report.format == Report.Format.PDF
                else render_docx(document)
            )
            _progress(report, 95, _("Storing the file"))
    except Exception as error:
        logger.exception("Report %s failed", report.pk)
        Report.objects.filter(pk=report.pk).update(
            status=Report.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        return Report.objects.get(pk=report.pk)
    report.refresh_from_db()
    report.file.save(report.download_name, ContentFile(content), save=False)
    report.size = len(content)
    report.status = Report.Status.DONE
    report.progress = 100
    report.progress_note = ""
    report.finished_at = timezone.now()
    report.save(
        update_fields=[
            "file",
            "size",
            "status",
            "progress",
            "progress_note",
            "finished_at",
            "modified",
        ]
    )
    logger.info(
        "Report %s (%s) generated in %.1f s", report.pk, report.format, time.monotonic() - started
    )
    return report
