"""The models of the participation app. The formats' own models (ideas.models, and the
sub-packages of later formats) are imported here, so that they belong to this app."""

from stadtdach.participation.consensus.models import (
    ConsensusFinding,
    ConsensusOption,
    Resistance,
    ResistanceBallot,
)
from stadtdach.participation.drafts.models import Draft, DraftComment, DraftParagraph
from stadtdach.participation.evaluation.models import SummaryDocument
from stadtdach.participation.fund.models import FundApplication, FundCall
from stadtdach.participation.ideas.models import Support
from stadtdach.participation.models.contributions import (
    DECIDED_STATUSES,
    AuthorState,
    Channel,
    Comment,
    Contribution,
    ContributionImage,
    ContributionStatus,
    StatusChange,
    Visibility,
)
from stadtdach.participation.models.moderation import Report
from stadtdach.participation.models.notifications import Frequency, Notification, Subscription
from stadtdach.participation.models.processes import (
    NamedPlace,
    ParticipationProcess,
    ProcessState,
    TargetGroup,
)
from stadtdach.participation.offline_events.models import (
    Attendance,
    EventDocument,
    EventPhoto,
    EventResult,
    OfflineEvent,
)
from stadtdach.participation.prioritisation.models import (
    DotBallot,
    DotVote,
    Prioritisation,
    PriorityOption,
)
from stadtdach.participation.resources.models import ResourceEntry, ResourcePlan
from stadtdach.participation.surveys.models import (
    Answer,
    Option,
    Question,
    Survey,
    SurveyResponse,
)

__all__ = [
    "DECIDED_STATUSES",
    "Answer",
    "Attendance",
    "AuthorState",
    "Channel",
    "Comment",
    "ConsensusFinding",
    "ConsensusOption",
    "Contribution",
    "ContributionImage",
    "ContributionStatus",
    "DotBallot",
    "DotVote",
    "Draft",
    "DraftComment",
    "DraftParagraph",
    "EventDocument",
    "EventPhoto",
    "EventResult",
    "Frequency",
    "FundApplication",
    "FundCall",
    "NamedPlace",
    "Notification",
    "OfflineEvent",
    "Option",
    "ParticipationProcess",
    "Prioritisation",
    "PriorityOption",
    "ProcessState",
    "Question",
    "Report",
    "Resistance",
    "ResistanceBallot",
    "ResourceEntry",
    "ResourcePlan",
    "StatusChange",
    "Subscription",
    "SummaryDocument",
    "Support",
    "Survey",
    "SurveyResponse",
    "TargetGroup",
    "Visibility",
]
