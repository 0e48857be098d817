"""Reads of the reports app: the reports a user may see, revisions and the material of
a comparison (each in a fixed number of queries)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from stadtdach.reports import diff
from stadtdach.reports.models import Report, Revision


def reports_for(user) -> QuerySet[Report]:
    reports = Report.objects.select_related("edition", "requested_by")
    if not user.has_perm("reports.view_report"):
        reports = reports.filter(is_public=True, status=Report.Status.DONE)
    return reports


def report_or_404(pk: int) -> Report:
    try:
        return Report.objects.select_related("edition", "requested_by").get(pk=pk)
    except Report.DoesNotExist as error:
        raise Http404 from error


def siblings(report: Report) -> list[Report]:
    """The reports requested together with this one (its PDF and DOCX)."""
    return list(Report.objects.filter(request_id=report.request_id).order_by("format"))


def revisions() -> list[Revision]:
    return list(Revision.objects.select_related("edition", "published_by").defer("snapshot"))


def revision_or_404(pk: int) -> Revision:
    try:
        return Revision.objects.select_related("edition", "published_by").get(pk=pk)
    except Revision.DoesNotExist as error:
        raise Http404 from error


@dataclass
class Comparison:
    a: Revision
    b: Revision
    sections: list[diff.SectionDiff]
    totals: dict[str, int]
    log: list[Revision]


def comparison(a: Revision, b: Revision) -> Comparison:
    """Two revisions compared, the older first; the change log holds every revision
    published after the older one, up to the newer (1 query)."""
    if (a.published_on, a.pk) > (b.published_on, b.pk):
        a, b = b, a
    sections = diff.compare(a.snapshot, b.snapshot)
    log = list(
        Revision.objects.select_related("edition")
        .defer("snapshot")
        .filter(published_on__gte=a.published_on, published_on__lte=b.published_on)
        .exclude(pk=a.pk)
        .order_by("published_on", "pk")
    )
    return Comparison(a, b, sections, diff.summary(sections), log)
