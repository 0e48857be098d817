"""The participation formats: ONE explicit tuple (no registration by import).

A format is a way to take part (idea collection, draft commenting, survey, …). A process
lists the codes of the formats it uses (ParticipationProcess.formats). A format declares
which of the four actions it offers; the one permission predicate (permissions.may_act)
opens and closes them with the process's time window.

Each entry names, as strings resolved on use (no import cycles):

- ``section_template`` and ``section_context``: the format's part of the process page.
  ``section_context(request, process)`` returns the template context and must make a fixed
  number of queries (the process page's query budget includes it).
- ``contribution_template``: the format's part of a contribution's page (may be "").
- ``staff_url_name``: an optional staff page of the format for a process (URL name taking
  the process slug), linked from the process page for those who may change the process.

To add a format: create its sub-package (models imported in models/__init__.py, views,
urls included in participation/urls.py, templates under templates/participation/<code>/),
then append its entry to FORMATS below. See docs/participation.md.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

# The actions a format can offer; each is a permission "participation.<action>".
CONTRIBUTE = "contribute"
COMMENT = "comment"
VOTE = "vote"
RATE = "rate"
ACTIONS = (CONTRIBUTE, COMMENT, VOTE, RATE)


@dataclass(frozen=True)
class Format:
    code: str
    name: Promise
    description: Promise
    actions: frozenset[str]
    section_template: str
    section_context: str
    contribution_template: str = ""
    staff_url_name: str = ""

    def offers(self, action: str) -> bool:
        return action in self.actions

    def context_for(self, request, process) -> dict:
        return import_string(self.section_context)(request, process)


IDEAS = Format(
    code="ideas",
    name=_("Idea collection"),
    description=_(
        "Propose ideas with a place on the map, comment on the ideas of others and "
        "support the ones you like."
    ),
    # "rate" is the support of an idea ("I support this"), once per person.
    actions=frozenset({CONTRIBUTE, COMMENT, RATE}),
    section_template="participation/ideas/section.html",
    section_context="stadtdach.participation.ideas.views.section_context",
    contribution_template="participation/ideas/contribution_part.html",
)

DRAFTS = Format(
    code="drafts",
    name=_("Draft commenting"),
    description=_(
        "Read the draft paragraph by paragraph and comment on the paragraphs; the town "
        "answers every comment."
    ),
    # A comment on a paragraph is a contribution; replies to it are comments as well.
    actions=frozenset({COMMENT}),
    section_template="participation/drafts/section.html",
    section_context="stadtdach.participation.drafts.views.section_context",
    contribution_template="participation/drafts/contribution_part.html",
    staff_url_name="participation:draft_manage",
)

SURVEY = Format(
    code="survey",
    name=_("Survey"),
    description=_("Answer a few questions; the results are shown as charts and tables."),
    actions=frozenset({CONTRIBUTE}),
    section_template="participation/surveys/section.html",
    section_context="stadtdach.participation.surveys.views.section_context",
    contribution_template="participation/surveys/contribution_part.html",
    staff_url_name="participation:survey_manage",
)

PRIORITISATION = Format(
    code="prioritisation",
    name=_("Prioritisation"),
    description=_(
        "Spread your points over the options: the more points, the more important it is "
        "to you. Everybody votes once."
    ),
    actions=frozenset({VOTE}),
    section_template="participation/prioritisation/section.html",
    section_context="stadtdach.participation.prioritisation.views.section_context",
    staff_url_name="participation:prioritisation_manage",
)

CONSENSUS = Format(
    code="consensus",
    name=_("Consensus finding"),
    description=_(
        "Give every option your resistance from 0 (no objection) to 10 (strong objection). "
        "The option with the least resistance in total is the one most can live with."
    ),
    actions=frozenset({RATE}),
    section_template="participation/consensus/section.html",
    section_context="stadtdach.participation.consensus.views.section_context",
    staff_url_name="participation:consensus_manage",
)

OFFLINE = Format(
    code="offline",
    name=_("Events on site"),
    description=_(
        "Workshops, town walks and information stands. What was said there is recorded "
        "here and evaluated together with the online contributions."
    ),
    # Nothing to do online: staff record the results after the event.
    actions=frozenset(),
    section_template="participation/offline_events/section.html",
    section_context="stadtdach.participation.offline_events.views.section_context",
    contribution_template="participation/offline_events/contribution_part.html",
    staff_url_name="participation:event_manage",
)

FORMATS: tuple[Format, ...] = (IDEAS, DRAFTS, SURVEY, PRIORITISATION, CONSENSUS, OFFLINE)

_BY_CODE = {f.code: f for f in FORMATS}


def get(code: str) -> Format | None:
    return _BY_CODE.get(code)


def choices() -> list[tuple[str, Promise]]:
    return [(f.code, f.name) for f in FORMATS]


def of_process(process) -> list[Format]:
    """The known formats a process uses, in its order (unknown codes are skipped)."""
    return [_BY_CODE[code] for code in (process.formats or []) if code in _BY_CODE]
