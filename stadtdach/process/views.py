from django.shortcuts import render

from stadtdach.core.selectors import text_blocks
from stadtdach.process import selectors
from stadtdach.strategy.selectors import current_edition_or_404


def overview(request):
    """The process on one page: phases and milestones, structure and roles, next steps."""
    edition = current_edition_or_404()
    return render(
        request,
        "process/overview.html",
        {
            "edition": edition,
            "standing": selectors.standing(edition),
            "milestones": selectors.milestones(edition),
            "levels": selectors.structure(),
            "steps": selectors.next_steps(edition),
            "texts": text_blocks("phases_intro"),
        },
    )
