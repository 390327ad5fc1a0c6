from datetime import time, timedelta

import pytest

from bot.policy.durations import format_duration, parse_clock, parse_duration, parse_time_range, parse_weekly


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30s", timedelta(seconds=30)),
        ("15m", timedelta(minutes=15)),
        ("4h", timedelta(hours=4)),
        ("2d", timedelta(days=2)),
        ("1w", timedelta(weeks=1)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("1d12h", timedelta(days=1, hours=12)),
        ("1w2d3h4m5s", timedelta(weeks=1, days=2, hours=3, minutes=4, seconds=5)),
        ("  1h 30m ", timedelta(hours=1, minutes=30)),
        ("2 h", timedelta(hours=2)),
        ("4H", timedelta(hours=4)),
        ("90m", timedelta(minutes=90)),
    ],
)
def test_parse_duration_accepts(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("4x", "is not a duration"),
        ("", "is not a duration"),
        ("   ", "is not a duration"),
        ("4", "is not a duration"),
        ("h", "is not a duration"),
        ("1.5h", "is not a duration"),
        ("-1h", "is not a duration"),
        ("4 hours", "is not a duration"),
        ("30m1h", "largest unit first"),
        ("1h1h", "largest unit first"),
        ("0s", "longer than zero"),
        ("0h0m", "longer than zero"),
    ],
)
def test_parse_duration_refuses(text: str, problem: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(text)
    assert problem in str(caught.value)
    assert "write 30s, 15m, 4h, 2d, 1w or 1h30m" in str(caught.value)


def test_parse_duration_refuses_absurd_lengths() -> None:
    with pytest.raises(ValueError, match="longer than anyone will wait"):
        parse_duration("99999999999w")


@pytest.mark.parametrize(
    ("td", "text"),
    [
        (timedelta(seconds=45), "45s"),
        (timedelta(hours=1, minutes=30), "1h 30m"),
        (timedelta(days=2), "2d"),
        (timedelta(weeks=2), "2w"),
        (timedelta(days=30), "30d"),
        (timedelta(days=1, hours=12), "1d 12h"),
        (timedelta(0), "0s"),
        (timedelta(minutes=-5), "-5m"),
    ],
)
def test_format_duration(td: timedelta, text: str) -> None:
    assert format_duration(td) == text


@pytest.mark.parametrize("text", ["30s", "1h30m", "1d12h", "1w", "10d", "3h 59m 59s", "2w"])
def test_format_round_trips(text: str) -> None:
    td = parse_duration(text)
    assert parse_duration(format_duration(td)) == td


@pytest.mark.parametrize(
    ("text", "expected"),
    [("09:00", time(9)), ("8:30", time(8, 30)), (" 23:59 ", time(23, 59)), ("00:00", time(0))],
)
def test_parse_clock(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9", "9am", "12:60", "noon"])
def test_parse_clock_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a 24h time"):
        parse_clock(text)


def test_time_range_may_wrap_midnight() -> None:
    assert parse_time_range("20:00-08:00") == (time(20), time(8))
    assert parse_time_range("12:00 – 13:30") == (time(12), time(13, 30))


@pytest.mark.parametrize(("text", "problem"), [("20:00", "not a time range"), ("8:00-08:00", "same time")])
def test_time_range_refuses(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_time_range(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("mon 09:00", (0, time(9))), ("Sunday 18:30", (6, time(18, 30))), ("FRI 7:05", (4, time(7, 5)))],
)
def test_parse_weekly(text: str, expected: tuple[int, time]) -> None:
    assert parse_weekly(text) == expected


@pytest.mark.parametrize("text", ["mon", "funday 09:00", "09:00", "monx 09:00"])
def test_parse_weekly_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a weekly time"):
        parse_weekly(text)
