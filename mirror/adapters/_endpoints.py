"""URL handling shared by the HTTP adapters: normalising, hiding credentials, loopback test.

Privacy routing rests on `is_loopback_host`: a reflection marked private may go only to an
endpoint it accepts, so it is strict — a literal loopback address or the name "localhost".
Any other name, even one that happens to resolve locally, counts as remote.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit

from mirror.errors import InvalidInput


def normalise_url(url: str, *, setting: str) -> str:
    """An http(s) URL with a host, no credentials, query or fragment, no trailing slash."""
    raw = (url or "").strip()
    if "://" not in raw:
        raw = "http://" + raw
    parts = urlsplit(raw)
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise InvalidInput(f"{setting} has an invalid port: {public_url(raw)!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(f"{setting} must be an http(s) URL with a host, not {public_url(raw)!r}")
    if parts.username is not None or parts.password is not None:
        raise InvalidInput(f"{setting} must not contain a user name or password")
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def public_url(url: str) -> str:
    """`url` without any `user:password@` part, for messages."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        addr = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_loopback


def url_is_loopback(url: str) -> bool:
    return is_loopback_host(urlsplit(url).hostname)
