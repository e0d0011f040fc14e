"""`mirror evolve import FILE`: a proposal or packet from elsewhere is verified (Ed25519 if
signed, trust as for bundles), checked against the invariants, and enters as a draft for
review — never applied. Refusals: one line, exit 6 (DESIGN §8), nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mirror.bundles import crypto
from mirror.services.evolution.incoming import sign
from tests.cli.test_json_schemas import validate

PROPOSAL = {
    "format": "mirror-proposal", "version": 1, "kind": "prompt_adjustment",
    "title": "Describe more, ask once",
    "change": {"add_lines": ["Mirror the person's own words back to them."]},
    "evidence": {"runs": 40, "directive_flags": 9}, "prediction": {"directive_rate": 0.05},
}


def _proposals(cli) -> list[dict]:
    run = cli("evolve", "proposals", "--json")
    assert run.code == 0, run.err
    return run.json["proposals"]


def _profile_version(cli) -> int:
    return cli("evolve", "report", "--json").json["profile"]["version"]


def _device_key(home: Path):
    return crypto.load_or_create_device_key(home)


def test_an_unsigned_proposal_enters_as_a_draft_for_review_and_is_not_applied(cli, tmp_path):
    before = _profile_version(cli)
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(PROPOSAL))

    run = cli("evolve", "import", str(path), "--json")

    assert run.code == 0, run.err
    validate("evolve import", run.json)
    proposal = run.json["proposal"]
    assert (run.json["what"], run.json["signature"]) == ("proposal", "unsigned")
    assert (proposal["status"], proposal["origin"]) == ("review", "import")
    assert proposal["verdict"]["approvable"] is True
    assert proposal["history"][0]["to_status"] == "draft"
    assert "imported from proposal.json, unsigned" in proposal["history"][0]["note"]
    assert _profile_version(cli) == before  # nothing applied
    shown = cli("evolve", "import", str(path))
    assert "entered as a draft, in review (unsigned)" in shown.out


def test_a_proposal_signed_by_a_trusted_key_is_accepted(cli, tmp_path, mirror_home):
    cli("stats")  # the journal exists
    key = _device_key(mirror_home)  # this device's own key is trusted
    path = tmp_path / "signed.json"
    path.write_bytes(sign(PROPOSAL, key))

    run = cli("evolve", "import", str(path), "--require-signature", "--json")

    assert run.code == 0, run.err
    assert run.json["signature"] == "trusted"
    assert run.json["signer"] == crypto.fingerprint(key)


def test_a_tampered_signed_proposal_is_refused_and_nothing_is_stored(cli, tmp_path, mirror_home):
    cli("stats")
    path = tmp_path / "signed.json"
    signed = json.loads(sign(PROPOSAL, _device_key(mirror_home)))
    signed["document"]["change"]["add_lines"] = ["You should always call your mother."]
    path.write_text(json.dumps(signed))

    run = cli("evolve", "import", str(path))

    assert run.code == 6
    assert run.err == ("mirror: signed.json: bad signature: the proposal or packet was altered "
                       "or the signature does not belong to it\n")
    assert _proposals(cli) == []


def test_a_proposal_signed_by_an_untrusted_key_is_refused_with_its_fingerprint(cli, tmp_path):
    stranger = Ed25519PrivateKey.generate()
    path = tmp_path / "community.json"
    path.write_bytes(sign(PROPOSAL, stranger))

    run = cli("evolve", "import", str(path))

    assert run.code == 6
    shown = crypto.format_fingerprint(crypto.fingerprint(stranger))
    assert run.err == (f"mirror: community.json: signed by an untrusted key ({shown}); "
                       "trust it with `mirror trust add KEY` if you know it\n")
    assert _proposals(cli) == []
    # Once the person trusts that key, the same file is accepted.
    key_file = tmp_path / "stranger.pub"
    key_file.write_text(crypto.public_key_text(stranger) + "\n")
    assert cli("trust", "add", str(key_file)).code == 0
    assert cli("evolve", "import", str(path)).code == 0


@pytest.mark.parametrize("how", ["flag", "setting"])
def test_an_unsigned_file_is_refused_when_a_signature_is_required(cli, tmp_path, how):
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(PROPOSAL))
    args = ("--require-signature",) if how == "flag" else ()
    if how == "setting":
        assert cli("config", "set", "bundles.require_signature", "true").code == 0

    run = cli("evolve", "import", str(path), *args)

    assert run.code == 6
    assert run.err == "mirror: proposal.json: the file is not signed, and a signature is required\n"
    assert _proposals(cli) == []


def test_a_proposal_that_breaks_an_invariant_stays_a_draft_and_cannot_be_approved(cli, tmp_path):
    path = tmp_path / "care.json"
    path.write_text(json.dumps({**PROPOSAL, "kind": "care_exclusion", "title": "Fewer alarms",
                                "change": {"category": "suicidal_thoughts", "tier": "care"}}))

    run = cli("evolve", "import", str(path))

    assert run.code == 0
    assert "kept as a draft: the invariant checker refused it" in run.out
    assert "refused by care:" in run.out
    proposal = _proposals(cli)[0]
    assert proposal["status"] == "draft"
    approve = cli("evolve", "approve", proposal["id"][:8])
    assert approve.code == 4


def test_a_telemetry_packet_is_verified_and_changes_nothing(cli, tmp_path):
    packet = tmp_path / "packet.json"
    assert cli("telemetry", "write", str(packet)).code == 0

    run = cli("evolve", "import", str(packet), "--json")

    assert run.code == 0, run.err
    validate("evolve import", run.json)
    assert run.json["what"] == "packet" and run.json["proposal"] is None
    assert _proposals(cli) == []
    forged = json.loads(packet.read_text())
    forged["notes"] = "I wrote this about Sam"
    packet.write_text(json.dumps(forged))
    refused = cli("evolve", "import", str(packet))
    assert refused.code == 4
    assert refused.err.startswith("mirror: packet.json: not a valid telemetry packet")


@pytest.mark.parametrize("content, code, message", [
    ('{"format": "mirror-proposal"', 4, "not a JSON document"),
    ('["a list"]', 4, "not a proposal or a packet"),
    ('{"format": "something-else"}', 4, "not a proposal or a packet (format 'something-else')"),
    (json.dumps({**PROPOSAL, "version": 9}), 4, "proposal format version 9"),
    (json.dumps({**PROPOSAL, "kind": "teleport"}), 4, "unknown kind of proposal"),
])
def test_files_mirror_cannot_read_are_invalid_input(cli, tmp_path, content, code, message):
    path = tmp_path / "in.json"
    path.write_text(content)

    run = cli("evolve", "import", str(path))

    assert run.code == code
    assert message in run.err and len(run.err.strip().splitlines()) == 1


def test_a_missing_file_is_not_found(cli, tmp_path):
    run = cli("evolve", "import", str(tmp_path / "nope.json"))

    assert run.code == 3
