"""`python -m mirror` runs the same entry point as the `mirror` console script."""

from mirror.cli import entry

entry()
