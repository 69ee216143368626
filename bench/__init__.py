"""Benchmarks run by `sathach bench`: one module ``bench_<name>.py`` per benchmark (see runner)."""
