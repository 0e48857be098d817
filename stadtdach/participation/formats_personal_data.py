"""Personal data of a user in the formats of part 2 (settings.STADTDACH_PERSONAL_DATA):
survey responses, dot votes and resistances. The download contains them; deletion keeps
them without the person, so that results stay true (comments on drafts, free-text
answers and offline results are contributions: personal_data.py covers them)."""

from stadtdach.participation.consensus.models import ResistanceBallot
from stadtdach.participation.prioritisation.models import DotBallot
from stadtdach.participation.surveys.models import SurveyResponse


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_personal_data(user) -> dict:
    responses = SurveyResponse.objects.filter(user=user).select_related("survey")
    responses = responses.prefetch_related("answers__question", "answers__option")
    dots = DotBallot.objects.filter(user=user).select_related("prioritisation")
    dots = dots.prefetch_related("votes__option")
    ratings = ResistanceBallot.objects.filter(user=user).select_related("finding")
    ratings = ratings.prefetch_related("resistances__option")
    return {
        "survey_responses": [
            {
                "survey": r.survey.title,
                "created": _when(r.created),
                "answers": [
                    {
                        "question": a.question.text,
                        "option": a.option.label if a.option_id else None,
                        "scale_value": a.scale_value,
                        "contribution": a.contribution_id,
                    }
                    for a in r.answers.all()
                ],
            }
            for r in responses
        ],
        "dot_votes": [
            {
                "prioritisation": b.prioritisation.title,
                "created": _when(b.created),
                "points": {v.option.display_label: v.points for v in b.votes.all()},
            }
            for b in dots
        ],
        "resistances": [
            {
                "consensus_finding": b.finding.title,
                "created": _when(b.created),
                "values": {r.option.display_label: r.value for r in b.resistances.all()},
            }
            for b in ratings
        ],
    }


def erase_personal_data(user) -> None:
    """The votes stay without the person (the results remain true)."""
    SurveyResponse.objects.filter(user=user).update(user=None)
    DotBallot.objects.filter(user=user).update(user=None)
    ResistanceBallot.objects.filter(user=user).update(user=None)
