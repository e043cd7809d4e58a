"""procure's benchmarks: `python -m benchmarks [--only NAME ...] [--json FILE]`."""
