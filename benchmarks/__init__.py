"""Benchmarks that measure timeline against annotated corpora and other temporal taggers."""
