"""Pages for the people who run the process: the dashboard, contracts and work packages,
the tender specifications and their documents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from stadtdach.core.storage import file_response
from stadtdach.process import documents, monitoring, selectors, services
from stadtdach.process.forms import ExportForm
from stadtdach.process.models import SpecificationExport, WorkPackage
from stadtdach.process.views import _page_number, needs
from stadtdach.strategy.selectors import current_edition_or_404


@needs("process.view_dashboard")
def dashboard(request):
    """Process monitoring: what is late, what is due in four weeks, the milestones; the
    governance panel adds the next meetings and the papers on their way."""
    edition = current_edition_or_404()
    return render(
        request,
        "process/dashboard.html",
        {
            "edition": edition,
            "standing": selectors.standing(edition),
            "status": monitoring.process_status(edition),
            "lookahead": monitoring.LOOKAHEAD_DAYS,
        },
    )


@needs("process.view_internal")
def work_package_list(request):
    edition = current_edition_or_404()
    phase_list = selectors.phases(edition)
    phase_slug = request.GET.get("phase", "")
    if phase_slug not in {p.slug for p in phase_list}:
        phase_slug = ""
    status = request.GET.get("status", "")
    if status not in WorkPackage.Status.values:
        status = ""
    return render(
        request,
        "process/work_package_list.html",
        {
            "edition": edition,
            "phases": phase_list,
            "phase_slug": phase_slug,
            "status": status,
            "statuses": WorkPackage.Status.choices,
            "page": selectors.work_package_page(
                edition, phase_slug=phase_slug, status=status, page=_page_number(request)
            ),
            "contracts": selectors.contracts(edition),
        },
    )


@needs("process.view_internal")
def work_package_detail(request, pk: int):
    package = selectors.work_package_detail(pk)
    user = request.user
    return render(
        request,
        "process/work_package_detail.html",
        {
            "package": package,
            "can_change": user.has_perm("process.change_workpackage", package),
            "can_report": user.has_perm("process.report_workpackage", package),
            "can_accept": user.has_perm("process.accept_workpackage", package)
            and package.status in (WorkPackage.Status.DELIVERED, WorkPackage.Status.REWORK),
        },
    )


@needs("process.view_internal")
def contract_detail(request, pk: int):
    contract, packages = selectors.contract_detail(pk)
    total = sum((p.budget or 0) for p in packages)
    return render(
        request,
        "process/contract_detail.html",
        {
            "contract": contract,
            "packages": packages,
            "package_total": total,
            "can_change": request.user.has_perm("process.change_contract", contract),
        },
    )


@needs("process.view_internal")
def specification_list(request):
    edition = current_edition_or_404()
    return render(
        request,
        "process/specification_list.html",
        {
            "edition": edition,
            "specifications": selectors.specifications(edition),
            "can_add": request.user.has_perm("process.add_specification"),
        },
    )


@needs("process.view_internal")
def specification_detail(request, pk: int):
    spec = selectors.specification_detail(pk)
    exports = list(spec.exports.select_related("requested_by")[:5])
    return render(
        request,
        "process/specification_detail.html",
        {
            "spec": spec,
            "sections": documents.numbered(spec),
            "exports": exports,
            "can_change": request.user.has_perm("process.change_specification", spec),
            "can_export": request.user.has_perm("process.export_specification", spec),
        },
    )


@require_POST
@needs("process.change_specification")
def specification_build(request, pk: int):
    spec = selectors.specification_detail(pk)
    count = services.specification_build(actor=request.user, specification=spec)
    messages.success(
        request,
        ngettext(
            "The specification was built from the ISEK data: %(n)d position.",
            "The specification was built from the ISEK data: %(n)d positions.",
            count,
        )
        % {"n": count},
    )
    return redirect(spec.get_absolute_url())


@needs("process.export_specification")
def specification_docx(request, pk: int):
    """The DOCX straight away: python-docx writes a specification of a few hundred
    positions in well under a second (see docs/process.md)."""
    spec = get_object_or_404(selectors.specifications(current_edition_or_404()), pk=pk)
    data = documents.specification_docx(spec.pk)
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{documents.file_name(spec, "docx")}"'
    return response


@require_POST
@needs("process.export_specification")
def specification_export(request, pk: int):
    """Queue a PDF (or DOCX) for the background worker and show its progress."""
    spec = get_object_or_404(selectors.specifications(current_edition_or_404()), pk=pk)
    form = ExportForm(data=request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose PDF or DOCX."))
        return redirect(spec.get_absolute_url())
    export = services.specification_export_request(
        actor=request.user, specification=spec, fmt=form.cleaned_data["format"]
    )
    return redirect(export.get_absolute_url())


@needs("process.export_specification")
def export_status(request, pk: int):
    """The progress of a document; htmx refreshes the status part every two seconds, and
    without JavaScript the visitor reloads the page."""
    export = get_object_or_404(SpecificationExport.objects.select_related("specification"), pk=pk)
    template = (
        "process/partials/export_status.html"
        if request.headers.get("HX-Request")
        else "process/export_status.html"
    )
    return render(request, template, {"export": export})


@needs("process.export_specification")
def export_file(request, pk: int):
    export = get_object_or_404(SpecificationExport.objects.select_related("specification"), pk=pk)
    if export.status != SpecificationExport.Status.DONE or not export.file:
        raise Http404("The document is not ready.")
    if not request.user.has_perm("process.export_specification", export.specification):
        raise PermissionDenied
    return file_response(
        request,
        export.file,
        as_attachment=True,
        filename=documents.file_name(export.specification, export.format),
    )
