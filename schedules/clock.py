"""The clock: APScheduler fires the tick; the database says what is due."""

import logging

from apscheduler.schedulers.background import BackgroundScheduler

from bot.slack.context import Runtime
from schedules import jobs

log = logging.getLogger(__name__)
TICK_SECONDS = 1.0


class Clock:
    """Starts and stops the scheduler that runs `schedules.jobs:tick` every second."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.scheduler = BackgroundScheduler(
            timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1}
        )

    def start(self) -> None:
        """Register the tick and start firing."""
        jobs.bind(self.runtime)
        self.scheduler.add_job(
            "schedules.jobs:tick",
            trigger="interval",
            seconds=TICK_SECONDS,
            id="bounceback-tick",
            replace_existing=True,
            misfire_grace_time=None,
        )
        self.scheduler.start()

    @property
    def running(self) -> bool:
        """True while the scheduler fires."""
        return self.scheduler.running

    def stop(self) -> None:
        """Let the running tick finish, then stop."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
