"""`python -m mirror` runs the same entry point as the `mirror` console script."""

import gc

gc.disable()  # importing the command line makes no garbage; `entry` sets the command's collector
from mirror.cli import entry  # noqa: E402

entry()
