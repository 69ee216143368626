import pytest

from .helpers import make_report_exam


@pytest.fixture
def exam(db):
    """The hand-counted plan of ``helpers``, sat and computed."""
    return make_report_exam()
