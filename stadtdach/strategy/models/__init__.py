"""The ISEK house: editions and their vision, action fields, cross-cutting themes and
their ratings, concepts, goals, measures, SWOT, the evaluation of the previous edition,
the expectations register and good-practice examples. See docs/strategy.md."""

from stadtdach.strategy.models.catalogue import (
    ActionField,
    ActionFieldGroup,
    CrossCuttingTheme,
    FoundationElement,
)
from stadtdach.strategy.models.concepts import Concept
from stadtdach.strategy.models.editions import (
    Edition,
    EditionActionField,
    EditionTheme,
    GuidingPrinciple,
    Vision,
)
from stadtdach.strategy.models.knowledge import ExampleFinding, ExampleProcess
from stadtdach.strategy.models.measures import Goal, Measure, SwotEntry
from stadtdach.strategy.models.ratings import (
    ActionFieldThemeRating,
    MeasureThemeRating,
    RatingScore,
)
from stadtdach.strategy.models.review import EvaluationFinding, Expectation

__all__ = [
    "ActionField",
    "ActionFieldGroup",
    "ActionFieldThemeRating",
    "Concept",
    "CrossCuttingTheme",
    "Edition",
    "EditionActionField",
    "EditionTheme",
    "EvaluationFinding",
    "ExampleFinding",
    "ExampleProcess",
    "Expectation",
    "FoundationElement",
    "Goal",
    "GuidingPrinciple",
    "Measure",
    "MeasureThemeRating",
    "RatingScore",
    "SwotEntry",
    "Vision",
]
