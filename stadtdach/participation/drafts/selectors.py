"""Reads of draft commenting, each in a fixed number of queries."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from stadtdach.participation.drafts.models import Draft, DraftComment, DraftParagraph
from stadtdach.participation.models import Contribution, Visibility
from stadtdach.participation.selectors import with_counts


def _comment_count():
    """Published comments of a paragraph, as a correlated sub-select."""
    rows = (
        DraftComment.objects.filter(
            paragraph=OuterRef("pk"), contribution__visibility=Visibility.PUBLISHED
        )
        .order_by()
        .values("paragraph")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def drafts_of(process) -> list[Draft]:
    """The drafts of a process with their numbers of paragraphs and published comments
    (1 query)."""
    comments = (
        DraftComment.objects.filter(
            paragraph__draft=OuterRef("pk"), contribution__visibility=Visibility.PUBLISHED
        )
        .order_by()
        .values("paragraph__draft")
        .annotate(n=Count("pk"))
        .values("n")
    )
    paragraphs = (
        DraftParagraph.objects.filter(draft=OuterRef("pk"), is_current=True)
        .order_by()
        .values("draft")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Draft.objects.filter(process=process)
        .select_related("draft_stage")
        .annotate(
            comment_count=Coalesce(Subquery(comments, output_field=IntegerField()), 0),
            paragraph_count=Coalesce(Subquery(paragraphs, output_field=IntegerField()), 0),
        )
    )


def draft_detail(pk: int, user) -> Draft:
    """A draft with its process (1 query); 404 when the user may not see the process."""
    draft = Draft.objects.select_related("process__phase", "draft_stage").filter(pk=pk).first()
    if draft is None or not user.has_perm("participation.view_process", draft.process):
        raise Http404
    return draft


def paragraphs_of(draft: Draft) -> list[DraftParagraph]:
    """Every paragraph (current ones first, in order) with its published comment count
    (1 query)."""
    return list(
        draft.paragraphs.annotate(comment_count=_comment_count()).order_by(
            "-is_current", "number", "pk"
        )
    )


def paragraph_detail(pk: int, user) -> DraftParagraph:
    paragraph = (
        DraftParagraph.objects.select_related("draft__process__phase", "draft__draft_stage")
        .filter(pk=pk)
        .first()
    )
    if paragraph is None or not user.has_perm(
        "participation.view_process", paragraph.draft.process
    ):
        raise Http404
    return paragraph


def neighbours(paragraph: DraftParagraph) -> tuple[DraftParagraph | None, DraftParagraph | None]:
    """The paragraphs before and after (1 query), for reading on."""
    if not paragraph.is_current:
        return None, None
    rows = list(
        DraftParagraph.objects.filter(
            draft_id=paragraph.draft_id,
            is_current=True,
            number__in=[paragraph.number - 1, paragraph.number + 1],
        ).only("pk", "number", "draft_id")
    )
    before = next((p for p in rows if p.number < paragraph.number), None)
    after = next((p for p in rows if p.number > paragraph.number), None)
    return before, after


def comments_of(paragraph: DraftParagraph, user) -> QuerySet[Contribution]:
    """The comments on a paragraph: published and hidden ones (hidden show their reason),
    and the user's own pending ones; oldest first, with their authors and counts."""
    visible = Q(visibility__in=[Visibility.PUBLISHED, Visibility.HIDDEN])
    if user.is_authenticated:
        visible |= Q(author=user, visibility=Visibility.PENDING)
    return (
        with_counts(Contribution.objects.filter(draft_comment__paragraph=paragraph))
        .filter(visible)
        .select_related("author")
        .order_by("created", "pk")
    )
