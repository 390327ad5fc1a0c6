"""The fault suite: the scripted day under Slack faults (in its own process) and calmly; the figures."""

from collections.abc import Iterator

import pytest

from bot.sandbox.cast import DEMO_POLICY
from bot.sandbox.rig import Rig
from tests.faults.day import CALM_DAY, Day, play
from tests.faults.faulty_day import FaultyDay, Played
from tests.faults.figures import Figures, record, summary_lines
from tests.helpers import policy_file


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Judge the day under faults after the other fault tests, so it plays meanwhile."""
    judging = [item for item in items if "faulty_day" in getattr(item, "fixturenames", ())]
    rest = [item for item in items if item not in judging]
    others = [i for i, item in enumerate(rest) if item.get_closest_marker("faults")]
    end = others[-1] + 1 if others else 0
    items[:] = rest[:end] + judging + rest[end:]


@pytest.fixture(scope="session", autouse=True)
def faulty_day_playing(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FaultyDay | None]:
    """Start the day under faults with the first fault test, if a selected test judges it."""
    if not any("faulty_day" in getattr(item, "fixturenames", ()) for item in request.session.items):
        yield None
        return
    playing = FaultyDay(tmp_path_factory.mktemp("faulty-day"))
    yield playing
    playing.stop()


@pytest.fixture(scope="session")
def faulty_day(faulty_day_playing: FaultyDay | None) -> Iterator[Played]:
    """The day under faults, played and settled."""
    assert faulty_day_playing is not None
    played = faulty_day_playing.played()
    yield played
    played.db.dispose()


@pytest.fixture(scope="session")
def calm_day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Day]:
    """The calm day, played once with every delivery made once."""
    with Rig(policy_path=policy_file(tmp_path_factory.mktemp("calm-day"), DEMO_POLICY, CALM_DAY)) as rig:
        day = Day(rig)
        play(day, quick=False)
        yield day


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Iterator[Figures]:
    """This test's figures; they join its row in the fault suite's table when it ends."""
    row = Figures()
    yield row
    record(request.node.nodeid.removeprefix("tests/faults/").split("[")[0], row)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the fault suite did and found."""
    lines = summary_lines()
    if lines:
        terminalreporter.section("fault suite figures")
        for line in lines:
            terminalreporter.write_line(line)
