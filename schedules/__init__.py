"""The clock: the scheduler, the jobs it runs, and how due nudges are claimed and fired."""
