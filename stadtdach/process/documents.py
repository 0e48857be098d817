"""The tender specification as a document: DOCX (python-docx) and PDF (WeasyPrint).

Both read the specification through ``selectors.specification_detail`` (3 queries) and
number the positions "section.item" (1.1, 1.2, 2.1 …) as tender documents do."""

import io
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from stadtdach.core.selectors import municipality
from stadtdach.process import selectors
from stadtdach.process.models import Specification

Progress = Callable[[int], None]


def _noop(percent: int) -> None:
    return None


def _quantity(item) -> str:
    if item.quantity is None:
        return ""
    number = f"{item.quantity:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{number} {item.unit}".strip()


def numbered(spec: Specification) -> list[dict]:
    """Sections with their positions numbered for the document."""
    sections = []
    for s_number, section in enumerate(spec.sections.all(), start=1):
        items = [
            {
                "pk": item.pk,
                "number": f"{s_number}.{i_number}",
                "text": item.text,
                "quantity": _quantity(item),
            }
            for i_number, item in enumerate(section.items.all(), start=1)
        ]
        sections.append(
            {
                "pk": section.pk,
                "number": str(s_number),
                "title": section.title,
                "text": section.text,
                "items": items,
            }
        )
    return sections


def file_name(spec: Specification, fmt: str) -> str:
    from stadtdach.core.text import german_slugify

    return f"leistungsverzeichnis-{german_slugify(spec.title)[:60] or spec.pk}.{fmt}"


def specification_docx(spec_pk: int, progress: Progress = _noop) -> bytes:
    from docx import Document
    from docx.shared import Pt

    spec = selectors.specification_detail(spec_pk)
    town = municipality()
    document = Document()
    document.core_properties.title = spec.title
    document.core_properties.language = "de-DE"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(spec.title, level=0)
    document.add_paragraph(
        f"{town.official_name} · {spec.edition.name}"
        + (f" · {spec.phase.name}" if spec.phase else "")
        + f" · {_('as of')} {timezone.localdate():%d.%m.%Y}"
    )
    for paragraph in (spec.introduction or "").split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    sections = numbered(spec)
    for done, section in enumerate(sections, start=1):
        document.add_heading(f"{section['number']} {section['title']}", level=1)
        if section["text"]:
            document.add_paragraph(section["text"])
        if section["items"]:
            table = document.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            header = table.rows[0].cells
            header[0].text, header[1].text, header[2].text = (
                _("Pos."),
                _("Service to be provided"),
                _("Quantity"),
            )
            for item in section["items"]:
                cells = table.add_row().cells
                cells[0].text, cells[1].text, cells[2].text = (
                    item["number"],
                    item["text"],
                    item["quantity"],
                )
        progress(int(90 * done / max(len(sections), 1)))
    buffer = io.BytesIO()
    document.save(buffer)
    progress(100)
    return buffer.getvalue()


def specification_html(spec_pk: int) -> str:
    spec = selectors.specification_detail(spec_pk)
    return render_to_string(
        "process/documents/specification.html",
        {
            "spec": spec,
            "sections": numbered(spec),
            "town": municipality(),
            "today": timezone.localdate(),
        },
    )


def specification_pdf(spec_pk: int, progress: Progress = _noop) -> bytes:
    from weasyprint import HTML

    html = specification_html(spec_pk)
    progress(30)
    document = HTML(string=html, base_url=None).render()
    progress(80)
    data = document.write_pdf()
    progress(100)
    return data
