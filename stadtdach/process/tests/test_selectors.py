import datetime

from stadtdach.process.models import Phase
from stadtdach.process.selectors import current_phase

D = datetime.date


def phases():
    return [
        Phase(name="A", start=D(2021, 1, 1), end=D(2021, 6, 30)),
        Phase(name="B", start=D(2021, 7, 1), end=D(2022, 12, 31)),
        Phase(name="C", start=D(2023, 1, 1), end=None),
    ]


def test_current_phase_contains_today():
    assert current_phase(phases(), D(2021, 8, 1)).name == "B"
    assert current_phase(phases(), D(2030, 1, 1)).name == "C"


def test_no_phase_before_the_first_and_last_one_after_the_end():
    assert current_phase(phases(), D(2020, 1, 1)) is None
    closed = phases()[:2]
    assert current_phase(closed, D(2024, 1, 1)).name == "B"
