"""Packets and proposals received from elsewhere (another device, a community file):
`mirror evolve import FILE` (DESIGN §7, issue 15 item 7).

A file is verified before anything is stored, with the trust policy bundles use:

- **Signature.** A signed file is `{"format": "mirror-evolution-signed", "document": …,
  "signature": …}`; the signature is Ed25519 (`mirror.bundles.crypto.check_signature`)
  over `SIGNED_PREFIX` + the document's canonical bytes, so a signature made for a bundle
  manifest can never pass for one made for a proposal, nor the other way round. A bad
  signature (the document altered) is refused; a valid one by a key this journal does not
  trust (`mirror trust`) is refused with the key's fingerprint; an unsigned file is refused
  when a signature is required (`--require-signature` or the `bundles.require_signature`
  setting), as for bundles. All of these exit 6 (DESIGN §8).
- **A proposal** (`"format": "mirror-proposal"`) is checked against the invariants by the
  evolution engine's own checker and enters through its own door
  (`lifecycle.file_draft(..., origin="import")`): a draft, in review when the checker has no
  refusal, never applied until the person approves and applies it.
- **A telemetry packet** (`"format": "mirror-telemetry"`) is validated against its schema
  (schemas/json/telemetry.schema.json) and reported; it carries no change, so nothing
  enters the journal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mirror.bundles import crypto
from mirror.bundles.jsonio import StrictJSONError, canonical_bytes, strict_loads
from mirror.errors import BundleRefused, InvalidInput, UntrustedSigner
from mirror.fileio import read_limited
from mirror.jsondepth import nesting
from mirror.models.evolution import KINDS
from mirror.models.evolution_import import EvolutionImport
from mirror.services.context import JournalContext
from mirror.services.evolution import lifecycle
from mirror.services.telemetry import FORMAT as PACKET_FORMAT
from mirror.services.telemetry import validate as validate_packet
from mirror.services.trusted import trusted_keys

SIGNED_FORMAT = "mirror-evolution-signed"
PROPOSAL_FORMAT = "mirror-proposal"
SIGNED_PREFIX = b"mirror-evolution-file-v1\x00"
MAX_FILE_BYTES = 1024 * 1024
MAX_TITLE = 200
#: How deep a proposal's change, evidence and prediction may nest. A real one nests two or
#: three levels; one nested hundreds deep would be stored, then break every reader that
#: walks it recursively (`evolve show --json`, the invariant checker, a bundle's export).
MAX_DEPTH = 16


def sign(document: dict[str, Any], private_key: Any) -> bytes:
    """A signed file for `document` (what another device writes for this one to import)."""
    signature = strict_loads(crypto.sign_manifest(private_key, _signed_bytes(document)))
    return canonical_bytes({"format": SIGNED_FORMAT, "document": document,
                            "signature": signature})


def _signed_bytes(document: dict[str, Any]) -> bytes:
    return SIGNED_PREFIX + canonical_bytes(document)


def read(ctx: JournalContext, path: Path, require_signature: bool = False
         ) -> tuple[dict[str, Any], crypto.SignatureCheck]:
    """The verified document of `path` and how it was signed; raises before anything is
    stored: NotFound (3), InvalidInput (4: not a file Mirror can read), BundleRefused (6)."""
    data = read_limited(path, MAX_FILE_BYTES, too_large=f"larger than {MAX_FILE_BYTES // 1024} "
                        "KiB: not a proposal or a packet")  # a folder or device: one line
    try:
        outer = strict_loads(data)
    except (StrictJSONError, UnicodeDecodeError) as err:
        raise InvalidInput(f"{path.name}: not a JSON document ({err})") from None
    if not isinstance(outer, dict):
        raise InvalidInput(f"{path.name}: not a proposal or a packet (a JSON object is expected)")
    label = path.name
    if outer.get("format") == SIGNED_FORMAT:
        if set(outer) != {"format", "document", "signature"} or not isinstance(
                outer["document"], dict) or not isinstance(outer["signature"], dict):
            raise BundleRefused(f"{label}: bad signed file (fields)")
        document = outer["document"]
        try:
            signature_bytes = canonical_bytes(outer["signature"])
        except ValueError:
            raise BundleRefused(f"{label}: bad signature") from None
        check = crypto.check_signature(signature_bytes, _signed_bytes(document),
                                       trusted_keys(ctx), label=label, signed="proposal or packet")
    else:
        document, check = outer, crypto.SignatureCheck("unsigned")
    required = require_signature or bool(ctx.settings.get("bundles.require_signature"))
    if check.status == "unsigned" and required:
        raise BundleRefused(f"{label}: the file is not signed, and a signature is required")
    if check.status == "untrusted":
        raise UntrustedSigner(f"{label}: signed by an untrusted key "
                              f"({crypto.format_fingerprint(check.fingerprint or '')}); "
                              "trust it with `mirror trust add KEY` if you know it", check.fingerprint or "")
    return document, check


def import_file(ctx: JournalContext, path: Path, require_signature: bool = False) -> EvolutionImport:
    """Verify `path`, then enter its proposal as a draft (or report its packet)."""
    document, check = read(ctx, path, require_signature)
    kind = document.get("format")
    if kind == PACKET_FORMAT:
        try:
            validate_packet(document)
        except Exception as err:  # jsonschema.ValidationError: imported lazily there
            raise InvalidInput(f"{path.name}: not a valid telemetry packet "
                               f"({str(err).splitlines()[0][:200]})") from None
        return EvolutionImport(str(path), "packet", check.status, check.fingerprint, None,
                               document)
    if kind != PROPOSAL_FORMAT:
        raise InvalidInput(f"{path.name}: not a proposal or a packet (format {kind!r})")
    proposal = _proposal_fields(path.name, document)
    filed = lifecycle.file_draft(
        ctx, proposal["kind"], proposal["title"], proposal["change"], proposal["evidence"],
        proposal["prediction"], origin="import",
        note=f"imported from {path.name}" + (f", signed by {check.fingerprint[:16]}"
                                             if check.fingerprint else ", unsigned"))
    return EvolutionImport(str(path), "proposal", check.status, check.fingerprint, filed, None)


def _proposal_fields(label: str, document: dict[str, Any]) -> dict[str, Any]:
    allowed = {"format", "version", "kind", "title", "change", "evidence", "prediction"}
    if set(document) - allowed:
        raise InvalidInput(f"{label}: unknown fields {sorted(set(document) - allowed)}")
    if type(document.get("version")) is not int or document["version"] != 1:
        raise InvalidInput(f"{label}: proposal format version {document.get('version')!r} "
                           "is not one this Mirror reads")
    if document.get("kind") not in KINDS:
        raise InvalidInput(f"{label}: unknown kind of proposal {document.get('kind')!r}")
    title = document.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        raise InvalidInput(f"{label}: a proposal has a title of 1 to {MAX_TITLE} characters")
    for key in ("change", "evidence", "prediction"):
        if not isinstance(document.get(key, {}), dict):
            raise InvalidInput(f"{label}: {key} must be a JSON object")
        if nesting(document.get(key, {})) > MAX_DEPTH:
            raise InvalidInput(f"{label}: {key} is nested more than {MAX_DEPTH} deep")
    if not document.get("change"):
        raise InvalidInput(f"{label}: the proposal changes nothing")
    return {"kind": document["kind"], "title": " ".join(title.split()),
            "change": document["change"], "evidence": document.get("evidence", {}),
            "prediction": document.get("prediction", {})}

