"""Benchmarks: `python -m bench.run [--quick]` measures Bounceback against baselines on this machine."""
