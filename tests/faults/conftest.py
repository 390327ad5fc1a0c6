"""The fault suite's figures: each test fills in a row; the session ends with the table."""

import pytest

from tests.faults.figures import RESULTS, Figures, summary_lines


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Figures:
    """This test's row in the fault suite's table."""
    row = Figures()
    RESULTS[request.node.nodeid.removeprefix("tests/faults/")] = row
    return row


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the fault suite did and found."""
    lines = summary_lines()
    if lines:
        terminalreporter.section("fault suite figures")
        for line in lines:
            terminalreporter.write_line(line)
