"""Writes of draft commenting: saving a draft (its text is split into paragraphs) and
commenting on a paragraph (a Contribution of the format "drafts", checked by the one
predicate as the action "comment")."""

import re

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from stadtdach.core.services import save_form
from stadtdach.participation.drafts.models import FORMAT_CODE, Draft, DraftComment, DraftParagraph
from stadtdach.participation.formats import COMMENT
from stadtdach.participation.models import Contribution
from stadtdach.participation.services.contributions import NotAllowed, contribution_submit

# More paragraphs than this are not a draft for comment but a book.
MAX_PARAGRAPHS = 400
_BLANK_LINES = re.compile(r"\n\s*\n")


def split_text(text: str) -> list[tuple[str, str]]:
    """(heading, text) per paragraph. Blank lines separate paragraphs; a line starting
    with "#" is a heading for the paragraphs after it, until the next heading."""
    heading = ""
    paragraphs: list[tuple[str, str]] = []
    normalised = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    for block in _BLANK_LINES.split(normalised):
        lines = [line.rstrip() for line in block.strip("\n").split("\n") if line.strip()]
        while lines and lines[0].lstrip().startswith("#"):
            heading = lines.pop(0).lstrip().lstrip("#").strip()[:200]
        if lines:
            paragraphs.append((heading, "\n".join(line.strip() for line in lines)))
    return paragraphs


def sync_paragraphs(draft: Draft) -> None:
    """Derive the paragraphs from the draft's text. Paragraphs whose text is unchanged
    keep their identity (and comments); paragraphs that disappeared but have comments are
    kept as "earlier version"; the others are removed."""
    existing = list(draft.paragraphs.order_by("-is_current", "number", "pk"))
    by_text: dict[str, list[DraftParagraph]] = {}
    for paragraph in existing:
        by_text.setdefault(paragraph.text, []).append(paragraph)
    kept: set[int] = set()
    for number, (heading, text) in enumerate(split_text(draft.text)[:MAX_PARAGRAPHS], start=1):
        candidates = by_text.get(text) or []
        if candidates:
            paragraph = candidates.pop(0)
            paragraph.number, paragraph.heading, paragraph.is_current = number, heading, True
            paragraph.save(update_fields=["number", "heading", "is_current"])
        else:
            paragraph = DraftParagraph.objects.create(
                draft=draft, number=number, heading=heading, text=text
            )
        kept.add(paragraph.pk)
    gone = [p for p in existing if p.pk not in kept]
    commented = set(
        DraftComment.objects.filter(paragraph__in=gone).values_list("paragraph_id", flat=True)
    )
    DraftParagraph.objects.filter(pk__in=[p.pk for p in gone if p.pk in commented]).update(
        is_current=False
    )
    DraftParagraph.objects.filter(pk__in=[p.pk for p in gone if p.pk not in commented]).delete()


def draft_save(*, actor, form, submission_token=None, loaded_version=None) -> Draft:
    """Save a draft (audited, double-post and edit-conflict safe) and its paragraphs."""
    with transaction.atomic():
        draft = save_form(
            actor=actor,
            form=form,
            submission_token=submission_token,
            loaded_version=loaded_version,
        )
        sync_paragraphs(draft)
    return draft


def paragraph_comment(
    *,
    paragraph: DraftParagraph,
    author,
    text: str,
    target_group=None,
    submission_token=None,
    is_sample: bool = False,
) -> Contribution:
    """Comment on a paragraph. The predicate decides (action "comment" of the format
    "drafts"); the process's moderation mode applies; the town answers it like any
    contribution (status, public reason, answer)."""
    if not paragraph.is_current:
        raise NotAllowed("not_offered")
    draft = paragraph.draft
    with translation.override("de"):
        title = _("On paragraph %(number)d of “%(draft)s”") % {
            "number": paragraph.number,
            "draft": draft.title,
        }
    with transaction.atomic():
        contribution = contribution_submit(
            process=draft.process,
            format_code=FORMAT_CODE,
            author=author,
            title=title[:200],
            text=text,
            target_group=target_group,
            submission_token=submission_token,
            action=COMMENT,
            is_sample=is_sample,
        )
        DraftComment.objects.create(contribution=contribution, paragraph=paragraph)
    return contribution
