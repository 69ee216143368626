import pytest

from sathach.grading.testing import make_written_exam
from sathach.plans.constants import SittingMode


@pytest.fixture(autouse=True)
def _scan_root(settings, tmp_path):
    """Scanned pages go to a folder of the test's own."""
    settings.SATHACH_SCAN_ROOT = str(tmp_path / "scans")


@pytest.fixture
def exam(db):
    """A written part typed on computer by 4 candidates, all submitted."""
    return make_written_exam(4)


@pytest.fixture
def paper_exam(db):
    """A written part on paper with 4 seated candidates."""
    return make_written_exam(4, sitting_mode=SittingMode.PAPER)


@pytest.fixture
def coded(exam):
    """The typed part collected, coded, with its guide."""
    exam.collect_and_code()
    exam.set_guide()
    return exam


@pytest.fixture
def assigned(coded):
    """Coded, guide entered, two markers on every script (seed 1)."""
    coded.assign(seed=1)
    return coded
