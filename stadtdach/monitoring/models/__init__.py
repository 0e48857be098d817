"""Implementation and monitoring: progress, status history and milestones of measures,
indicators with their time series, and file imports. See docs/monitoring.md."""

from stadtdach.monitoring.models.implementation import (
    ImplementationMilestone,
    MeasureImplementation,
    ProgressUpdate,
)
from stadtdach.monitoring.models.imports import ImportJob
from stadtdach.monitoring.models.indicators import Indicator, IndicatorValue
from stadtdach.monitoring.models.rollups import IndicatorRollup

__all__ = [
    "ImplementationMilestone",
    "ImportJob",
    "Indicator",
    "IndicatorRollup",
    "IndicatorValue",
    "MeasureImplementation",
    "ProgressUpdate",
]
