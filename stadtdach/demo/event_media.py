"""Photos and the minutes of the demo workshop, made here (no files in the repository):
two drawn pictures marked "Beispielbild" and the minutes as DOCX, all uploaded through
the same services as a coordinator's uploads (re-encoding and the document check)."""

import functools
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from PIL import Image, ImageDraw, ImageFont

from stadtdach.participation import images
from stadtdach.participation.offline_events import documents, services

WIDTH, HEIGHT = 1200, 800
PAPER = (250, 247, 238)
CARD_COLOURS = [(255, 236, 139), (180, 222, 255), (198, 239, 206), (255, 205, 210)]
TABLES = ["Aufenthalt", "Handel", "Verkehr", "Jugend"]


def add_event_media(event, actor, results: list[str]) -> int:
    """Add the photos and the minutes once; returns how many files were added."""
    added = 0
    if not event.photos.exists():
        for picture, description in (
            (_pinboard(results), "Beispielbild: die Pinnwand mit den Ergebnissen der Thementische"),
            (_tables(), "Beispielbild: Skizze der vier Thementische im Ratssaal"),
        ):
            prepared = images.prepare(SimpleUploadedFile("bild.png", picture, "image/png"))
            services.photo_add(
                actor=actor, event=event, prepared=prepared, description=description, is_sample=True
            )
            added += 1
    if not event.documents.exists():
        upload = SimpleUploadedFile(
            "protokoll.docx", _minutes(event, results), documents.OOXML["docx"][0]
        )
        services.document_add(
            actor=actor,
            event=event,
            checked=documents.check(upload),
            title="Protokoll der Zukunftswerkstatt (Beispiel)",
            is_sample=True,
        )
        added += 1
    return added


FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)
# Pillow's own font lacks umlauts: spelled out when no system font is found.
_SPELLED = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "–": "-",
        "„": '"',
        "“": '"',
    }
)


@functools.cache
def _font(size: int) -> tuple[ImageFont.FreeTypeFont, bool]:
    """The font of this size, loaded once, and whether it has umlauts."""
    for path in FONT_FILES:
        try:
            return ImageFont.truetype(path, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def _draw_text(draw, xy, text: str, *, size: int, fill, **kwargs) -> None:
    font, has_umlauts = _font(size)
    if not has_umlauts:
        text = text.translate(_SPELLED)
    draw.text(xy, text, fill=fill, font=font, **kwargs)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _stamp(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((0, HEIGHT - 70, WIDTH, HEIGHT), fill=(40, 40, 40))
    label = "BEISPIELBILD – gezeichnet, kein Foto"
    _draw_text(draw, (30, HEIGHT - 55), label, size=34, fill="white")


def _pinboard(results: list[str]) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), (176, 137, 94))  # cork
    draw = ImageDraw.Draw(image)
    _draw_text(draw, (40, 25), "Zukunftswerkstatt Innenstadt – Ergebnisse", size=40, fill="white")
    for n, title in enumerate(results[:8]):
        column, row = n % 4, n // 4
        left, top = 40 + column * 285, 130 + row * 280
        draw.rectangle((left, top, left + 260, top + 250), fill=CARD_COLOURS[n % 4])
        draw.ellipse((left + 120, top - 8, left + 140, top + 12), fill=(200, 30, 30))  # pin
        _wrapped(draw, title, (left + 16, top + 30), width=16, size=26)
    _stamp(draw)
    return _png(image)


def _tables() -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    _draw_text(draw, (40, 25), "Ratssaal: vier Thementische", size=40, fill=(30, 30, 30))
    for n, name in enumerate(TABLES):
        cx, cy = 300 + (n % 2) * 600, 260 + (n // 2) * 260
        draw.ellipse((cx - 150, cy - 90, cx + 150, cy + 90), fill=CARD_COLOURS[n], outline="black")
        _draw_text(draw, (cx, cy), name, size=36, fill=(20, 20, 20), anchor="mm")
        for seat in range(6):
            sx = cx - 168 + seat * 60
            draw.ellipse((sx, cy + 100, sx + 36, cy + 136), outline=(90, 90, 90), width=3)
    _stamp(draw)
    return _png(image)


def _wrapped(draw, text: str, origin: tuple[int, int], *, width: int, size: int) -> None:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    x, y = origin
    for n, text_line in enumerate(lines[:6]):
        _draw_text(draw, (x, y + n * (size + 8)), text_line, size=size, fill=(20, 20, 20))


def _minutes(event, results: list[str]) -> bytes:
    document = Document()
    document.core_properties.title = "Protokoll der Zukunftswerkstatt Innenstadt (Beispiel)"
    document.core_properties.language = "de-DE"
    document.add_heading("Protokoll: Zukunftswerkstatt Innenstadt", level=1)
    document.add_paragraph(
        "Beispieldokument: Werkstatt, Teilnehmende und Ergebnisse sind erfunden."
    ).runs[0].italic = True
    local = event.starts_at.astimezone()
    document.add_paragraph(f"Datum: {local:%d.%m.%Y}, {local:%H:%M} Uhr · Ort: {event.place}")
    document.add_paragraph(event.description)
    document.add_heading("Teilnehmende", level=2)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Zielgruppe", "Anzahl"
    for attendance in event.attendance.select_related("target_group"):
        row = table.add_row().cells
        row[0].text, row[1].text = attendance.target_group.name, str(attendance.count)
    row = table.add_row().cells
    row[0].text, row[1].text = "Weitere", str(event.attendance_other)
    document.add_heading("Ergebnisse der Thementische", level=2)
    for title in results:
        document.add_paragraph(title, style="List Bullet")
    document.add_paragraph(
        "Die Ergebnisse sind als Beiträge der Werkstatt im Beteiligungsverfahren erfasst "
        "und werden mit den Online-Beiträgen gemeinsam ausgewertet."
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
