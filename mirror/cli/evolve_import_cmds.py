"""`mirror evolve import FILE`: a proposal or telemetry packet from elsewhere, verified
(signature and trust as for bundles, the invariants for a proposal) and entered as a draft
for review — never applied automatically. Registered into the `evolve` group."""

from __future__ import annotations

import argparse

from mirror.cli import render
from mirror.cli.context import Context
from mirror.cli.parser import add_command


def register(actions: argparse._SubParsersAction) -> None:
    a = add_command(actions, "import", "verify a proposal or packet from elsewhere; a proposal "
                    "enters as a draft for your review", cmd_import)
    a.add_argument("path", metavar="FILE", help="a proposal or telemetry packet (JSON, signed or not)")
    a.add_argument("--require-signature", action="store_true",
                   help="refuse a file that is not signed by a key you trust")


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.journal.evolve_import(args.path, require_signature=args.require_signature)
    if ctx.out.as_json:
        ctx.out.json(result.to_json())
        return 0
    signed = (f"signed by a trusted key ({result.signer[:16]}…)" if result.signer
              else "unsigned")
    if result.proposal is None:
        ctx.out.line(f"{args.path}: a valid telemetry packet ({signed}); a packet changes "
                     "nothing, so nothing was added")
        return 0
    p = result.proposal
    ctx.out.line(f"{ctx.out.dim(p.id[:render.SHORT_ID])}  {p.kind}  {p.title}")
    state = ("in review" if p.status == "review"
             else "kept as a draft: the invariant checker refused it")
    ctx.out.line(f"entered as a draft, {state} ({signed}); nothing is applied until you "
                 f"approve and apply it: mirror evolve show {p.id[:render.SHORT_ID]}")
    for refusal in p.verdict.refusals:
        ctx.out.line(f"  refused by {refusal.invariant}: {refusal.reason}")
    return 0
