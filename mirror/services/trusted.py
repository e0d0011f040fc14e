"""The public keys whose signatures this journal accepts: bundles, and proposals or
packets received from elsewhere (`mirror evolve import`) follow the same trust policy."""

from __future__ import annotations

from mirror.bundles import crypto
from mirror.services.context import JournalContext
from mirror.storage import trust


def trusted_keys(ctx: JournalContext) -> tuple[str, ...]:
    """This journal's trusted keys, plus this device's own key when it has one."""
    keys = [row["public_key"] for row in trust.keys(ctx.store.conn)]
    own = ctx.paths.home / crypto.DEVICE_KEY_FILENAME
    if own.exists():
        keys.append(crypto.public_key_text(crypto.load_or_create_device_key(ctx.paths.home)))
    return tuple(keys)
