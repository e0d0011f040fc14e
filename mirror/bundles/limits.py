"""Every hard limit Mirror applies to bundles and imported files, in one place.

Bundles and import files come from outside: another machine, another program, possibly
someone hostile. Each limit below bounds the memory, disk, CPU time or path space such a
file can make Mirror spend, and is chosen with a wide margin over what a real journal needs
(a 100k-reflection journal has a database of a few hundred MB). Changing a value here is a
compatibility decision: a bundle that passes on one Mirror should pass on the next.
"""

from __future__ import annotations

from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

# -- streaming -----------------------------------------------------------------------------

#: Size of each read/write/decompress step: keeps memory flat however big a member is.
COPY_CHUNK_BYTES = 1 * MiB


@dataclass(frozen=True)
class ZipLimits:
    """Limits for reading one zip file as hostile input.

    Bombs are bounded by *absolute* sizes, never by a compression ratio: a journal holding
    a long repetitive paste (a log, one line repeated) legitimately compresses at 200:1
    or more, and Mirror must read back every bundle it writes. A member is inflated as a
    stream whose output stops at its declared size (`SafeZip.iter_member`), declared sizes
    are capped per member and in total here, and a bundle's declared sizes must also equal
    its manifest's; so the work one file can cause is the size it admits to, at most
    `max_total_bytes`, and a header that lies is refused after at most one extra chunk.
    """

    max_members: int
    max_total_bytes: int
    max_member_bytes: int
    max_name_bytes: int
    max_component_bytes: int
    max_depth: int
    max_central_directory_bytes: int
    #: Directory entries ("photos/") are normal in foreign zips, never in a Mirror bundle.
    allow_directories: bool
    #: Bundles are written by Mirror only, so every header field must have the exact
    #: value Mirror writes. That turns a change to *any* header byte into a refusal.
    canonical: bool


#: A Mirror bundle: the database snapshot, config.json, the constitution (~10 files),
#: MANIFEST.json and MANIFEST.sig. 1,000 members is two orders of magnitude of slack.
BUNDLE_LIMITS = ZipLimits(
    max_members=1_000,
    max_total_bytes=8 * GiB,
    max_member_bytes=4 * GiB,
    max_name_bytes=255,
    max_component_bytes=128,
    max_depth=8,
    max_central_directory_bytes=1 * MiB,
    allow_directories=False,
    canonical=True,
)

#: A Day One export: JSON files plus one media file per photo/audio/video/PDF, which can
#: number in the tens of thousands. Mirror reads only the JSON members; media are listed.
DAYONE_LIMITS = ZipLimits(
    max_members=200_000,
    max_total_bytes=64 * GiB,
    max_member_bytes=8 * GiB,
    max_name_bytes=1024,
    max_component_bytes=255,
    max_depth=16,
    max_central_directory_bytes=64 * MiB,
    allow_directories=True,
    canonical=False,
)

# -- verification --------------------------------------------------------------------------

#: Wall-clock budget for verifying or extracting one bundle (hash + inflate every member).
#: 8 GiB at a slow 50 MB/s is under 3 minutes; 15 minutes means "something is wrong".
VERIFY_TIME_LIMIT_SECONDS = 15 * 60

#: MANIFEST.json is read into memory and parsed: members x ~200 bytes stays far below this.
MAX_MANIFEST_BYTES = 1 * MiB

#: MANIFEST.sig is a small JSON object (algorithm, 32-byte key, 64-byte signature).
MAX_SIGNATURE_BYTES = 4 * KiB

# -- age encryption ------------------------------------------------------------------------

#: Encrypting streams (`agewriter`: 64 KiB at a time plus scrypt's 256 MiB at log2 N = 18).
#: Decrypting uses pyrage's passphrase API (`pyrage.passphrase.decrypt`), which takes and
#: returns whole `bytes`: the plaintext and the ciphertext are both in memory, plus scrypt's
#: working memory (512 MiB at log2 N = 19). Peak memory on import is therefore about
#: 2 x the bundle + 512 MiB; 1 GiB keeps that near 2.5 GiB. The export refuses the same
#: size, so Mirror never writes an encrypted bundle it could not read back.
MAX_AGE_FILE_BYTES = 1 * GiB

#: age's scrypt stanza carries the work factor chosen by the encrypter. A hostile file could
#: ask for 2**30 (1 TiB of memory). 22 (4 GiB, a few seconds) is the ceiling the reference
#: `age` implementation applies; pyrage calibrates to ~1 s, which is 18-21 on real machines.
MAX_SCRYPT_LOG_N = 22

# -- foreign journal files -----------------------------------------------------------------

#: One jrnl text/JSON file, one Day One JSON member, or one Markdown file is read whole.
MAX_IMPORT_FILE_BYTES = 256 * MiB

#: YAML front matter of one Markdown file (YAML parsing is the expensive, risky part).
MAX_FRONT_MATTER_BYTES = 64 * KiB

#: Markdown files read from one folder (a runaway folder is more likely than a real need).
MAX_MARKDOWN_FILES = 200_000
