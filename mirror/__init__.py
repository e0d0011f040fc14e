"""Mirror: a local-first, sovereign reflection journal for the terminal."""

__version__ = "0.1.0"
