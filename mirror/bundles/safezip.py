"""Reading a zip file as hostile input.

Python's `zipfile` is built to be forgiving: it accepts prepended data, trusts declared
sizes, does not notice two directory entries sharing one local header (the overlapping-file
bomb), and happily returns names such as `../../.bashrc`. Everything that reaches Mirror as a
zip (a bundle, a Day One export) is read here instead: the central directory is parsed and
cross-checked against every local header *before* any member is inflated, every known class
of zip attack is refused with one clear line (`BundleRefused`, exit 6), and members are
inflated as a stream whose output is capped at the declared size, so a lying header can
never make Mirror write or hold more than the limits in `limits.py`.

Only what Mirror needs is supported: stored and deflate members, zip64 sizes and offsets,
UTF-8 names. Anything else (encryption, other compression methods, multi-volume archives)
is refused rather than half-handled.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mirror.bundles.limits import COPY_CHUNK_BYTES, ZipLimits
from mirror.errors import BundleRefused

_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")

_SIG_EOCD = b"PK\x05\x06"
_SIG_ZIP64_LOCATOR = b"PK\x06\x07"
_SIG_ZIP64_EOCD = b"PK\x06\x06"
_SIG_CENTRAL = b"PK\x01\x02"
_SIG_LOCAL = b"PK\x03\x04"
_SIG_DESCRIPTOR = b"PK\x07\x08"

_U16_MAX = 0xFFFF
_U32_MAX = 0xFFFFFFFF

STORED = 0
DEFLATED = 8
_AES_METHOD = 99

_FLAG_ENCRYPTED = 0x0001
_FLAG_DESCRIPTOR = 0x0008
_FLAG_STRONG_ENCRYPTION = 0x0040
_FLAG_UTF8 = 0x0800
_FLAG_MASKED_HEADERS = 0x2000
#: Bits a foreign zip may set: deflate speed hints (1, 2), data descriptor, UTF-8 names.
_FOREIGN_FLAGS = 0x0002 | 0x0004 | _FLAG_DESCRIPTOR | _FLAG_UTF8

_EXTRA_ZIP64 = 0x0001
_EXTRA_UNICODE_PATH = 0x7075

_HOST_UNIX = 3
_DOS_DIRECTORY = 0x10
_DOS_REPARSE_POINT = 0x400

#: What Mirror's bundle writer puts in every header (see `container.write_bundle`).
CANONICAL_EXTERNAL_ATTR = (stat.S_IFREG | 0o600) << 16
_CANONICAL_VERSIONS = (20, 45)  # zipfile's default, and the zip64 version

_WINDOWS_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
#: Control, format (bidi overrides, zero-width), surrogate, private-use, unassigned and
#: line/paragraph separator characters: nothing a legitimate file name needs.
_FORBIDDEN_CATEGORIES = frozenset(["Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"])


def show(name: str | bytes, limit: int = 80) -> str:
    """A name made safe to print: a hostile name must not reach the terminal raw
    (escape sequences, bidi overrides), so it is shown as an ASCII literal."""
    text = ascii(name)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Deadline:
    """A wall-clock budget shared by every step of one verification: a slow-to-inflate
    archive must end in a refusal, not an import that hangs."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._seconds = seconds
        self._end = clock() + seconds

    def check(self, label: str) -> None:
        if self._clock() > self._end:
            raise BundleRefused(
                f"{label}: verification took longer than the {self._seconds:g} s limit"
            )


def check_member_name(name: str, limits: ZipLimits) -> str:
    """Return why `name` is unsafe as a path inside an extraction folder, or "".

    Checks the name as written *and* after NFKC folding, because some tools map look-alike
    characters (fullwidth solidus, one-dot leaders) onto '/' and '.' when they write files.
    """
    if not name:
        return "has an empty name"
    if len(name.encode("utf-8")) > limits.max_name_bytes:
        return f"has a name longer than {limits.max_name_bytes} bytes"
    for ch in name:
        if unicodedata.category(ch) in _FORBIDDEN_CATEGORIES:
            return f"has a control or invisible character (U+{ord(ch):04X}) in its name"
    if unicodedata.normalize("NFC", name) != name:
        return "has a name that is not NFC-normalised (Unicode look-alike)"
    folded = unicodedata.normalize("NFKC", name)
    for text in (name, folded):
        if "\\" in text:
            return "has a backslash in its name (Windows path separator)"
        if ":" in text:
            return "has a colon in its name (drive letter or alternate data stream)"
        if text.startswith("/"):
            return "has an absolute path"
    if folded.count("/") != name.count("/") or (".." in folded and ".." not in name):
        return "uses look-alike characters for '/' or '.' in its name"
    is_dir = name.endswith("/")
    parts = (name[:-1] if is_dir else name).split("/")
    if len(parts) > limits.max_depth:
        return f"is nested deeper than {limits.max_depth} folders"
    for part in parts:
        if part == "..":
            return "has a '..' component (path traversal)"
        if part in ("", "."):
            return "has an empty or '.' path component"
        if len(part.encode("utf-8")) > limits.max_component_bytes:
            return f"has a path component longer than {limits.max_component_bytes} bytes"
        if part[-1] in ". " or part[0] == " ":
            return "has a path component starting with a space or ending with a dot or space"
        if part.split(".")[0].casefold() in _WINDOWS_DEVICE_NAMES:
            return "has a reserved device name (CON, NUL, COM1, ...) as a path component"
    return ""


def name_key(name: str) -> str:
    """The form under which two names count as the same file on some file system:
    case-insensitive (macOS, Windows) and normalisation-insensitive (macOS)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


@dataclass(frozen=True)
class ZipEntry:
    """One member, after its central-directory and local headers agreed."""

    name: str
    is_dir: bool
    method: int
    crc32: int
    compressed_size: int
    size: int
    header_offset: int
    data_offset: int
    end_offset: int


@dataclass
class _Central:
    raw_name: bytes
    name: str
    made_by: int
    needed: int
    flags: int
    method: int
    dos_time: int
    dos_date: int
    crc32: int
    compressed_size: int
    size: int
    external_attr: int
    header_offset: int
    zip64: bool


class SafeZip:
    """A zip file opened for strict reading. Construction parses and checks the whole
    structure (no member data is inflated yet); `iter_member`/`read_member` then stream
    one member with its size and CRC enforced (no compression ratio is refused: see
    `limits.ZipLimits`).
    """

    def __init__(self, path: Path, limits: ZipLimits, *, deadline: Deadline | None = None,
                 label: str | None = None) -> None:
        self.path = Path(path)
        self.limits = limits
        self.label = label or self.path.name
        self.deadline = deadline
        try:
            self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise BundleRefused(f"{self.label}: file not found") from None
        except OSError as err:
            raise BundleRefused(f"{self.label}: cannot be read ({err.strerror})") from None
        try:
            info = os.fstat(self._fd)
            if not stat.S_ISREG(info.st_mode):
                self._refuse("is not a regular file")
            self.file_size = info.st_size
            self.entries: list[ZipEntry] = self._parse()
            self._by_name = {entry.name: entry for entry in self.entries}
        except BaseException:
            os.close(self._fd)
            raise

    # -- public API --------------------------------------------------------------------

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return [entry.name for entry in self.entries]

    def get(self, name: str) -> ZipEntry | None:
        return self._by_name.get(name)

    def iter_member(self, entry: ZipEntry) -> Iterator[bytes]:
        """Inflate one member as a stream of chunks. Output is capped at the declared size
        (itself capped by the limits), and the CRC, exact size and end of the compressed
        stream are checked after the last chunk: a consumer must treat the data as
        unverified until the iterator is exhausted without an exception."""
        produced = 0
        crc = 0
        inflater = zlib.decompressobj(-15) if entry.method == DEFLATED else None
        for raw in self._raw_chunks(entry):
            if self.deadline:
                self.deadline.check(self.label)
            for out in self._inflate(inflater, raw, entry):
                produced += len(out)
                if produced > entry.size:
                    self._refuse(f"member {show(entry.name)} inflates beyond its declared "
                                 f"size of {entry.size} bytes (zip bomb?)")
                crc = zlib.crc32(out, crc)
                yield out
        if inflater is not None and not inflater.eof:
            self._refuse(f"member {show(entry.name)} is truncated (compressed stream ends early)")
        if produced != entry.size:
            self._refuse(f"member {show(entry.name)} has {produced} bytes, its header says "
                         f"{entry.size}")
        if crc != entry.crc32:
            self._refuse(f"member {show(entry.name)} fails its CRC check (damaged)")

    def _inflate(self, inflater: zlib._Decompress | None, raw: bytes,
                 entry: ZipEntry) -> Iterator[bytes]:
        """Inflate one compressed chunk in output steps of at most COPY_CHUNK_BYTES, then
        drain what zlib still holds, so no single step can allocate more than a chunk."""
        if inflater is None:
            yield raw
            return
        pending = raw
        while True:
            if inflater.eof:
                if pending:
                    self._refuse(f"member {show(entry.name)} has data after its "
                                 "compressed stream")
                return
            try:
                out = inflater.decompress(pending, COPY_CHUNK_BYTES)
            except zlib.error:
                self._refuse(f"member {show(entry.name)} has corrupt compressed data")
            if inflater.unused_data:
                self._refuse(f"member {show(entry.name)} has data after its compressed stream")
            pending = inflater.unconsumed_tail
            if out:
                yield out
            elif not pending:
                return

    def read_member(self, name: str, max_bytes: int) -> bytes:
        """A small member (manifest, signature, a JSON file) read whole, refusing anything
        declared larger than `max_bytes` before inflating a single byte."""
        entry = self._by_name.get(name)
        if entry is None:
            self._refuse(f"has no member {show(name)}")
        if entry.size > max_bytes:
            self._refuse(f"member {show(name)} is {entry.size} bytes, more than the "
                         f"{max_bytes}-byte limit")
        return b"".join(self.iter_member(entry))

    # -- structure ---------------------------------------------------------------------

    def _refuse(self, problem: str) -> None:
        raise BundleRefused(f"{self.label}: {problem}")

    def _pread(self, size: int, offset: int) -> bytes:
        if offset < 0 or size < 0 or offset + size > self.file_size:
            self._refuse("is truncated (a header points past the end of the file)")
        data = os.pread(self._fd, size, offset)
        if len(data) != size:
            self._refuse("is truncated (short read)")
        return data

    def _raw_chunks(self, entry: ZipEntry) -> Iterator[bytes]:
        offset, remaining = entry.data_offset, entry.compressed_size
        while remaining:
            step = min(remaining, COPY_CHUNK_BYTES)
            yield self._pread(step, offset)
            offset += step
            remaining -= step

    def _find_eocd(self) -> int:
        if self.file_size < _EOCD.size:
            self._refuse("is not a zip file, or is truncated (too short)")
        start = max(0, self.file_size - _EOCD.size - _U16_MAX)
        tail = self._pread(self.file_size - start, start)
        candidates = []
        pos = tail.rfind(_SIG_EOCD)
        while pos >= 0:
            candidates.append(start + pos)
            pos = tail.rfind(_SIG_EOCD, 0, pos)
        for pos in candidates:
            record = _EOCD.unpack(self._pread(_EOCD.size, pos))
            if record[0] == _SIG_EOCD and pos + _EOCD.size + record[7] == self.file_size:
                return pos
        self._refuse("is not a zip file, or is truncated (no end-of-central-directory record)")
        raise AssertionError  # unreachable: _refuse raises

    def _directory_bounds(self) -> tuple[int, int, int]:
        """(entry count, central directory offset, central directory size), zip64-aware,
        with the directory required to end exactly where the end records begin."""
        eocd_pos = self._find_eocd()
        (_, disk, cd_disk, count_here, count, cd_size, cd_offset,
         comment_len) = _EOCD.unpack(self._pread(_EOCD.size, eocd_pos))
        if self.limits.canonical and comment_len:
            self._refuse("has an archive comment (Mirror never writes one)")
        cd_end = eocd_pos
        locator_pos = eocd_pos - _ZIP64_LOCATOR.size
        has_locator = (locator_pos >= 0
                       and self._pread(4, locator_pos) == _SIG_ZIP64_LOCATOR)
        if has_locator:
            _, z_disk, z_offset, z_disks = _ZIP64_LOCATOR.unpack(
                self._pread(_ZIP64_LOCATOR.size, locator_pos))
            if z_disk != 0 or z_disks != 1 or z_offset + _ZIP64_EOCD.size != locator_pos:
                self._refuse("has a malformed zip64 end record")
            (sig, rec_size, made_by, needed, disk64, cd_disk64, count_here64, count64,
             cd_size64, cd_offset64) = _ZIP64_EOCD.unpack(self._pread(_ZIP64_EOCD.size, z_offset))
            if sig != _SIG_ZIP64_EOCD or rec_size != _ZIP64_EOCD.size - 12:
                self._refuse("has a malformed zip64 end record")
            if self.limits.canonical and (made_by, needed) != (45, 45):  # what zipfile writes
                self._refuse("has an unexpected zip64 end record version")
            for small, big, sentinel in ((disk, disk64, _U16_MAX), (cd_disk, cd_disk64, _U16_MAX),
                                         (count_here, count_here64, _U16_MAX),
                                         (count, count64, _U16_MAX),
                                         (cd_size, cd_size64, _U32_MAX),
                                         (cd_offset, cd_offset64, _U32_MAX)):
                if small != sentinel and small != big:
                    self._refuse("has zip64 and classic end records that disagree")
            disk, cd_disk, count_here, count = disk64, cd_disk64, count_here64, count64
            cd_size, cd_offset, cd_end = cd_size64, cd_offset64, z_offset
        if disk != 0 or cd_disk != 0 or count_here != count:
            self._refuse("is a multi-volume (split) zip, which is not supported")
        if count > self.limits.max_members:
            self._refuse(f"declares {count} members, more than the limit of "
                         f"{self.limits.max_members}")
        if cd_size > self.limits.max_central_directory_bytes:
            self._refuse(f"has a central directory of {cd_size} bytes, more than the limit")
        if cd_offset + cd_size != cd_end:
            self._refuse("is truncated or has data spliced in (central directory "
                         "does not end where the end record starts)")
        return count, cd_offset, cd_size

    def _parse(self) -> list[ZipEntry]:
        count, cd_offset, cd_size = self._directory_bounds()
        directory = self._pread(cd_size, cd_offset)
        centrals: list[_Central] = []
        pos = 0
        for _ in range(count):
            central, pos = self._parse_central(directory, pos)
            centrals.append(central)
        if pos != cd_size:
            self._refuse("has a central directory whose size does not match its entries")
        self._check_names_and_totals(centrals)
        entries = [self._check_local(central, cd_offset) for central in centrals]
        self._check_extents(entries, cd_offset)
        return entries

    def _parse_central(self, directory: bytes, pos: int) -> tuple[_Central, int]:
        if pos + _CENTRAL.size > len(directory):
            self._refuse("has a truncated central directory")
        (sig, made_by, needed, flags, method, dos_time, dos_date, crc, csize, usize, n_len,
         x_len, c_len, disk_start, internal_attr, external_attr,
         offset) = _CENTRAL.unpack_from(directory, pos)
        if sig != _SIG_CENTRAL:
            self._refuse("has a damaged central directory (bad entry signature)")
        end = pos + _CENTRAL.size + n_len + x_len + c_len
        if end > len(directory):
            self._refuse("has a truncated central directory")
        raw_name = directory[pos + _CENTRAL.size: pos + _CENTRAL.size + n_len]
        extra = directory[pos + _CENTRAL.size + n_len: pos + _CENTRAL.size + n_len + x_len]
        name = self._decode_name(raw_name, flags)
        where = f"member {show(name)}"
        if flags & (_FLAG_ENCRYPTED | _FLAG_STRONG_ENCRYPTION | _FLAG_MASKED_HEADERS) \
                or method == _AES_METHOD:
            self._refuse(f"{where} is encrypted (zip encryption is not supported)")
        if method not in (STORED, DEFLATED):
            self._refuse(f"{where} uses unsupported compression method {method} "
                         "(only stored and deflate are allowed)")
        fields = self._parse_extra(extra, where)
        usize, csize, offset, zip64 = self._apply_zip64(fields.get(_EXTRA_ZIP64), usize, csize,
                                                        offset, where, central=True)
        if disk_start not in (0, _U16_MAX) or (disk_start == _U16_MAX and not zip64):
            self._refuse(f"{where} starts on another volume (split zips are not supported)")
        unicode_path = fields.get(_EXTRA_UNICODE_PATH)
        if unicode_path is not None and unicode_path[5:] != name.encode("utf-8"):
            self._refuse(f"{where} has a second, different name in a Unicode-path field")
        self._check_file_type(name, made_by, external_attr, where)
        if name.endswith("/") and not self.limits.allow_directories:
            self._refuse(f"{where} is a folder entry (bundles contain files only)")
        if self.limits.canonical:
            if (flags & ~_FLAG_UTF8 or needed not in _CANONICAL_VERSIONS or disk_start
                    or made_by != (_HOST_UNIX << 8) | needed or internal_attr
                    or external_attr != CANONICAL_EXTERNAL_ATTR or c_len
                    or set(fields) - {_EXTRA_ZIP64}):
                self._refuse(f"{where} has header fields Mirror never writes (altered bundle)")
        elif flags & ~_FOREIGN_FLAGS:
            self._refuse(f"{where} uses unsupported zip features (flags 0x{flags:04x})")
        central = _Central(raw_name, name, made_by, needed, flags, method, dos_time, dos_date,
                           crc, csize, usize, external_attr, offset, zip64)
        return central, end

    def _decode_name(self, raw: bytes, flags: int) -> str:
        """UTF-8 only. Names without the UTF-8 flag are accepted when they are valid UTF-8
        (many tools omit the flag); Mirror never guesses a legacy code page, because two
        readers guessing differently is how one name becomes two files."""
        try:
            name = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._refuse(f"has a member name that is not valid UTF-8: {show(raw)}")
        if self.limits.canonical and not flags & _FLAG_UTF8 and not name.isascii():
            self._refuse(f"member {show(name)} has a non-ASCII name without the UTF-8 flag")
        return name

    def _parse_extra(self, extra: bytes, where: str) -> dict[int, bytes]:
        fields: dict[int, bytes] = {}
        pos = 0
        while pos < len(extra):
            if pos + 4 > len(extra):
                self._refuse(f"{where} has a malformed extra field")
            tag, size = struct.unpack_from("<2H", extra, pos)
            if pos + 4 + size > len(extra) or tag in fields:
                self._refuse(f"{where} has a malformed extra field")
            fields[tag] = extra[pos + 4: pos + 4 + size]
            pos += 4 + size
        return fields

    def _apply_zip64(self, field: bytes | None, usize: int, csize: int, offset: int | None,
                     where: str, *, central: bool) -> tuple[int, int, int | None, bool]:
        """Replace saturated 32-bit values by their zip64 extra-field values, in the order
        the specification gives (size, compressed size, offset)."""
        wanted = [usize == _U32_MAX, csize == _U32_MAX,
                  offset is not None and offset == _U32_MAX]
        if field is None:
            if any(wanted):
                self._refuse(f"{where} has saturated sizes but no zip64 field")
            return usize, csize, offset, False
        if not central:  # local headers carry both sizes, always
            wanted = [True, True, False]
        needed = 8 * sum(wanted)
        if len(field) < needed or (self.limits.canonical and len(field) != needed):
            self._refuse(f"{where} has a malformed zip64 extra field")
        values = iter(struct.unpack_from(f"<{sum(wanted)}Q", field))
        usize = next(values) if wanted[0] else usize
        csize = next(values) if wanted[1] else csize
        offset = next(values) if wanted[2] else offset
        return usize, csize, offset, True

    def _check_file_type(self, name: str, made_by: int, external_attr: int, where: str) -> None:
        mode = external_attr >> 16
        kind = stat.S_IFMT(mode)
        if stat.S_ISLNK(mode) or external_attr & _DOS_REPARSE_POINT:
            self._refuse(f"{where} is a symbolic link")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            self._refuse(f"{where} is a special file (device, FIFO or socket)")
        marked_dir = kind == stat.S_IFDIR or (made_by >> 8 != _HOST_UNIX
                                              and external_attr & _DOS_DIRECTORY)
        if marked_dir != name.endswith("/") and (kind or marked_dir):
            self._refuse(f"{where} is marked as a folder and a file at once")

    def _check_names_and_totals(self, centrals: list[_Central]) -> None:
        files: dict[str, str] = {}
        folders: dict[str, str] = {}
        total = 0
        for central in centrals:
            where = f"member {show(central.name)}"
            problem = check_member_name(central.name, self.limits)
            if problem:
                self._refuse(f"{where} {problem}")
            is_dir = central.name.endswith("/")
            if is_dir and central.size:
                self._refuse(f"{where} is a folder with content")
            key = name_key(central.name.rstrip("/"))
            seen = files.get(key) or (folders.get(key) if is_dir else None)
            if seen is not None:
                same = "" if seen == central.name else f" (same as {show(seen)} ignoring case " \
                                                          "and Unicode normalisation)"
                self._refuse(f"has a duplicate member name {show(central.name)}{same}")
            (folders if is_dir else files)[key] = central.name
            parts = key.split("/")
            for depth in range(1, len(parts)):
                folders.setdefault("/".join(parts[:depth]), central.name)
            if central.size > self.limits.max_member_bytes:
                self._refuse(f"{where} declares {central.size} bytes, more than the "
                             f"per-member limit of {self.limits.max_member_bytes}")
            total += central.size
            if total > self.limits.max_total_bytes:
                self._refuse(f"declares more than {self.limits.max_total_bytes} bytes in total "
                             "(zip bomb?)")
            if central.method == STORED and central.size != central.compressed_size:
                self._refuse(f"{where} is stored but its two sizes differ")
        clash = set(files) & set(folders)
        if clash:
            self._refuse(f"member {show(files[min(clash)])} is both a file and a folder")

    def _check_local(self, central: _Central, cd_offset: int) -> ZipEntry:
        where = f"member {show(central.name)}"
        if central.header_offset + _LOCAL.size > cd_offset:
            self._refuse(f"{where} points outside the archive's data area")
        (sig, needed, flags, method, dos_time, dos_date, crc, csize, usize, n_len,
         x_len) = _LOCAL.unpack(self._pread(_LOCAL.size, central.header_offset))
        if sig != _SIG_LOCAL:
            self._refuse(f"{where} has no local header where the directory says (damaged)")
        name_at = central.header_offset + _LOCAL.size
        raw_name = self._pread(n_len, name_at)
        extra = self._parse_extra(self._pread(x_len, name_at + n_len), where)
        data_offset = name_at + n_len + x_len
        if raw_name != central.raw_name:
            self._refuse(f"{where} has a different name in its local header "
                         f"({show(raw_name)})")
        if (method != central.method or needed != central.needed
                or (flags ^ central.flags) & (_FLAG_ENCRYPTED | _FLAG_UTF8 | _FLAG_DESCRIPTOR)):
            self._refuse(f"{where} has local and central headers that disagree")
        if self.limits.canonical and (flags != central.flags or dos_time != central.dos_time
                                      or dos_date != central.dos_date
                                      or set(extra) - {_EXTRA_ZIP64}):
            self._refuse(f"{where} has local and central headers that disagree")
        end = data_offset + central.compressed_size
        if flags & _FLAG_DESCRIPTOR:
            end = self._check_descriptor(central, end, where)
        else:
            usize, csize, _, _ = self._apply_zip64(extra.get(_EXTRA_ZIP64), usize, csize, None,
                                                   where, central=False)
            if (crc, csize, usize) != (central.crc32, central.compressed_size, central.size):
                self._refuse(f"{where} has sizes or CRC in its local header that disagree "
                             "with the central directory")
        return ZipEntry(central.name, central.name.endswith("/"), central.method, central.crc32,
                        central.compressed_size, central.size, central.header_offset,
                        data_offset, end)

    def _check_descriptor(self, central: _Central, at: int, where: str) -> int:
        width = 8 if central.zip64 else 4
        head = self._pread(4, at)
        if head == _SIG_DESCRIPTOR:
            at += 4
        fmt = "<LQQ" if width == 8 else "<LLL"
        crc, csize, usize = struct.unpack(fmt, self._pread(4 + 2 * width, at))
        if (crc, csize, usize) != (central.crc32, central.compressed_size, central.size):
            self._refuse(f"{where} has a data descriptor that disagrees with the directory")
        return at + 4 + 2 * width

    def _check_extents(self, entries: list[ZipEntry], cd_offset: int) -> None:
        """No two members may share bytes: overlapping entries are how a 40 KB file
        inflates to terabytes (each directory entry re-reads the same compressed kernel)."""
        ordered = sorted(entries, key=lambda e: e.header_offset)
        previous_end = 0
        previous: ZipEntry | None = None
        for entry in ordered:
            if entry.header_offset < previous_end:
                other = show(previous.name) if previous else "?"
                self._refuse(f"has overlapping members {other} and {show(entry.name)} "
                             "(overlapping-entry zip bomb?)")
            previous_end, previous = entry.end_offset, entry
        if previous_end > cd_offset:
            self._refuse(f"member {show(previous.name) if previous else '?'} runs into the "
                         "central directory (overlap or truncation)")
        if self.limits.canonical:
            if ordered != entries:
                self._refuse("has members out of order (altered bundle)")
            ends = [0] + [entry.end_offset for entry in ordered]
            if [entry.header_offset for entry in ordered] + [cd_offset] != ends:
                self._refuse("has unexplained bytes between members (altered bundle)")

    def raw_digest(self, start: int, end: int) -> str:
        """SHA-256 of the archive's own bytes in [start, end): lets a bundle commit to its
        exact compressed bytes, not only to what they inflate to."""
        digest = hashlib.sha256()
        offset = start
        while offset < end:
            if self.deadline:
                self.deadline.check(self.label)
            step = min(end - offset, COPY_CHUNK_BYTES)
            digest.update(self._pread(step, offset))
            offset += step
        return digest.hexdigest()
