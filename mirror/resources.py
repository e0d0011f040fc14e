"""Finding the constitution and schemas, installed or in a source checkout.

In a wheel they are package data (`mirror/constitution`, `mirror/schemas`, copied from the
repository's top-level folders at build time). Running from a source checkout, the
top-level folders are the source of truth and are read directly.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_dir(name: str) -> Traversable:
    """`constitution` or `schemas`, from the installed package or the checkout."""
    packaged = files("mirror") / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"Mirror's {name}/ folder is missing from this installation")


def constitution_dir() -> Traversable:
    return resource_dir("constitution")


def schemas_dir() -> Traversable:
    return resource_dir("schemas")
