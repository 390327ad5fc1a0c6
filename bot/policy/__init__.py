"""The recovery policy: its model (a leaf), the reader that validates a file, durations, the example."""
