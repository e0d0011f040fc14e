"""The machine's zone is read without importing tzlocal (and the logging it brings) when TZ
or /etc/localtime names it, so `mirror stats` stays within the read commands' start-up
budget (tests/test_startup.py); the answer is tzlocal's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mirror import dates

BOTH = ("import tzlocal; from mirror import dates;"
        " print(dates._linked_zone(), tzlocal.get_localzone_name())")


@pytest.mark.parametrize("tz", ["Europe/Berlin", ":Asia/Tokyo", "/usr/share/zoneinfo/America/New_York",
                                "UTC"])
def test_the_fast_path_agrees_with_tzlocal(tz):
    # a process each: tzlocal remembers the first zone it found
    out = subprocess.run([sys.executable, "-c", BOTH], env={**os.environ, "TZ": tz},
                         capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == out[1] != "None"


def test_an_unknown_tz_is_left_to_tzlocal(monkeypatch):
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    assert dates._linked_zone() is None
    assert dates.local_zone_name()  # tzlocal's answer (or UTC), never an exception


def test_the_configured_zone_wins(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert dates.local_zone_name("Asia/Tokyo") == "Asia/Tokyo"
