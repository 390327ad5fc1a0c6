"""The digest's picture: time to apology against target, and how check-ins went."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.policy.durations import format_duration
from bot.policy.model import SEVERITIES, Policy
from bot.recovery.messages.figures import rounded_duration
from bot.recovery.metrics import OUTCOMES, Figures

matplotlib.use("Agg")  # no display on a server; each chart gets its own Agg canvas below

_GOOD, _LATE, _TARGET, _MUTED = "#2e7d32", "#e65100", "#212121", "#9e9e9e"
_OUTCOME_LABELS = {"ok": "All good", "unhappy": "Still unhappy", "unreachable": "Couldn't reach"}
_OUTCOME_COLOURS = {"ok": _GOOD, "unhappy": _LATE, "unreachable": _MUTED}
# The bars' unit: the largest one the longest bar reaches twice, so 90 minutes reads "90", not "1.5".
_UNITS = (
    (timedelta(days=2), timedelta(days=1), "days"),
    (timedelta(hours=2), timedelta(hours=1), "hours"),
    (timedelta(minutes=2), timedelta(minutes=1), "minutes"),
    (timedelta(0), timedelta(seconds=1), "seconds"),
)


def digest_chart(fig: Figures, *, policy: Policy) -> bytes:
    """A PNG of two small panels, median time to apology per severity and check-in outcomes."""
    figure = Figure(figsize=(10, 3.8), dpi=120, layout="constrained")
    canvas = FigureCanvasAgg(figure)  # a canvas of its own: no pyplot state shared between threads
    try:
        figure.suptitle(title(fig, policy=policy), fontsize=13, fontweight="bold")
        apology, checkins = figure.subplots(1, 2, width_ratios=(3, 2))
        _apology_panel(apology, fig)
        _checkin_panel(checkins, fig)
        out = BytesIO()
        canvas.print_png(out)
        return out.getvalue()
    finally:
        figure.clear()


def title(fig: Figures, *, policy: Policy) -> str:
    """ "Bounceback — week of 3 March 2025" in the policy's time zone (the dates, for longer periods)."""
    start, end = (moment.astimezone(policy.timezone) for moment in (fig.since, fig.until))
    if fig.until - fig.since <= timedelta(days=7):
        return f"Bounceback — week of {start.day} {start:%B %Y}"
    return f"Bounceback — {start.day} {start:%B} to {end.day} {end:%B %Y}"


def _period(fig: Figures) -> str:
    days = round((fig.until - fig.since) / timedelta(days=1))
    return "this week" if days <= 7 else f"in these {days} days"


def _apology_panel(ax: Axes, fig: Figures) -> None:
    ax.set_title("Time to apology: median vs target", fontsize=11, loc="left")
    rows = list(reversed(SEVERITIES))  # the most serious at the top
    medians = [fig.median_by_severity.get(name) for name in rows]
    targets = [fig.target_by_severity[name] for name in rows]
    if fig.apologies == 0 or all(m is None for m in medians):
        _empty(ax, f"No apologies {_period(fig)}")
        return
    # Scale to the severities that had apologies: an unused 1d target would squash 20-minute bars.
    shown = [(m, t) for m, t in zip(medians, targets, strict=True) if m is not None]
    size, unit = _unit(max(max(pair) for pair in shown))
    positions = range(len(rows))
    ax.set_yticks(list(positions), [name.capitalize() for name in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)  # top to bottom, including rows that are only a note
    for y, median, target in zip(positions, medians, targets, strict=True):
        if median is None:
            ax.text(
                0,
                y,
                f" no apologies (target {format_duration(target)})",
                va="center",
                fontsize=9,
                color=_MUTED,
            )
            continue
        colour = _GOOD if median <= target else _LATE
        ax.barh(y, median / size, height=0.55, color=colour, zorder=2)
        ax.plot([target / size] * 2, [y - 0.38, y + 0.38], color=_TARGET, linewidth=2.5, zorder=3)
        label = f"  {rounded_duration(median)} (target {format_duration(target)})"
        ax.text(max(median, target) / size, y, label, va="center", fontsize=9)
    ax.set_xlabel(f"{unit} — bar: median, black line: target", fontsize=9)
    ax.set_xlim(0, max(max(pair) for pair in shown) / size * 1.6)
    _tidy(ax)


def _checkin_panel(ax: Axes, fig: Figures) -> None:
    ax.set_title("Check-ins with customers", fontsize=11, loc="left")
    counts = [fig.checkins.get(name, 0) for name in OUTCOMES]
    if not any(counts):
        _empty(ax, f"No check-ins {_period(fig)}")
        return
    positions = range(len(OUTCOMES))
    ax.barh(list(positions), counts, height=0.55, color=[_OUTCOME_COLOURS[name] for name in OUTCOMES])
    ax.set_yticks(list(positions), [_OUTCOME_LABELS[name] for name in OUTCOMES])
    ax.set_ylim(len(OUTCOMES) - 0.5, -0.5)
    for y, count in zip(positions, counts, strict=True):
        ax.text(count, y, f"  {count}", va="center", fontsize=9)
    ax.set_xlim(0, max(counts) * 1.25)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _tidy(ax)


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color=_MUTED, transform=ax.transAxes)
    ax.set_axis_off()


def _tidy(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=9)
    ax.set_axisbelow(True)
    ax.grid(axis="x", color="#eeeeee")


def _unit(longest: timedelta) -> tuple[timedelta, str]:
    return next((size, name) for at_least, size, name in _UNITS if longest >= at_least)
