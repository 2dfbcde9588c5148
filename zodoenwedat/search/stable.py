"""The same site gives the same Pagefind files.

Pagefind 1.5.2 writes two things in the order of a hash map that is seeded anew in every run:
the values inside each filter chunk (``filter/*.pf_filter``) and the lists of filters and sort
keys in the metadata file (``pagefind.<hash>.pf_meta``). Their bytes, and so their names and
the hash in ``pagefind-entry.json``, then change from build to build although nothing
changed. :func:`canonical` puts those lists in a fixed (sorted) order and names the files
after their new content, the way Pagefind names them. The browser reads the same data either
way. (Pagefind's own source has fixed this after 1.5.2, upstream pull request 1124; with a
release that contains it this module only re-sorts what is already sorted.)

The files are gzip-compressed CBOR (after the signature ``pagefind_dcd``), written by the Rust
crate minicbor: definite-length arrays, text strings and unsigned integers. :func:`loads` and
:func:`dumps` handle exactly that much CBOR; ``dumps(loads(data)) == data`` holds for every
filter and metadata file Pagefind writes (tests/search/test_pagefind_index.py checks it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re

SIGNATURE = b"pagefind_dcd"
_META = re.compile(r"^pagefind\.(?P<lang>[a-z-]+)_[0-9a-f]+\.pf_meta$")
_FILTER = re.compile(r"^filter/(?P<lang>[a-z-]+)_[0-9a-f]+\.pf_filter$")


class FormatError(ValueError):
    """A Pagefind file that is not what this module expects."""


# ---------------------------------------------------------------- CBOR --


def loads(data: bytes):
    value, end = _read(data, 0)
    if end != len(data):
        raise FormatError(f"{len(data) - end} bytes after the CBOR value")
    return value


def _read(data: bytes, pos: int):
    if pos >= len(data):
        raise FormatError("CBOR ends too early")
    first = data[pos]
    major, info = first >> 5, first & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        if pos + size > len(data):
            raise FormatError("CBOR ends too early")
        arg = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise FormatError(f"unsupported CBOR item 0x{first:02x} (indefinite length or reserved)")
    if major == 0:
        return arg, pos
    if major == 3:
        end = pos + arg
        if end > len(data):
            raise FormatError("CBOR ends too early")
        return data[pos:end].decode("utf-8"), end
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = _read(data, pos)
            items.append(item)
        return items, pos
    raise FormatError(f"unsupported CBOR major type {major}")


def dumps(value) -> bytes:
    out = bytearray()
    _write(value, out)
    return bytes(out)


def _head(major: int, arg: int, out: bytearray) -> None:
    if arg < 24:
        out.append(major << 5 | arg)
    elif arg < 1 << 8:
        out += bytes([major << 5 | 24]) + arg.to_bytes(1, "big")
    elif arg < 1 << 16:
        out += bytes([major << 5 | 25]) + arg.to_bytes(2, "big")
    elif arg < 1 << 32:
        out += bytes([major << 5 | 26]) + arg.to_bytes(4, "big")
    else:
        out += bytes([major << 5 | 27]) + arg.to_bytes(8, "big")


def _write(value, out: bytearray) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise FormatError(f"cannot write {type(value).__name__} as CBOR here")
    if isinstance(value, int):
        if value < 0:
            raise FormatError("negative integers do not occur in these files")
        _head(0, value, out)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        _head(3, len(raw), out)
        out += raw
    else:
        _head(4, len(value), out)
        for item in value:
            _write(item, out)


# ---------------------------------------------------------- the files --


def unpack(content: bytes):
    """The CBOR value of a compressed Pagefind file."""
    raw = gzip.decompress(content)
    if not raw.startswith(SIGNATURE):
        raise FormatError("no pagefind_dcd signature")
    return loads(raw[len(SIGNATURE) :])


def pack(value) -> bytes:
    return gzip.compress(SIGNATURE + dumps(value), compresslevel=9, mtime=0)


def _hash(value) -> str:
    return hashlib.sha256(dumps(value)).hexdigest()


def canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind's files (paths relative to its folder) with the filter chunks and the metadata
    in sorted order and named after their content. Other files are returned as they are."""
    out = dict(files)
    metas = [path for path in files if _META.match(path)]
    if not metas:
        return out
    if len(metas) != 1 or "pagefind-entry.json" not in files:
        raise FormatError(f"expected one metadata file and pagefind-entry.json, found {sorted(metas)}")
    (meta_path,) = metas
    meta = _META.match(meta_path)
    if meta is None:
        raise FormatError(f"unexpected metadata file name {meta_path}")
    language = meta.group("lang")

    renamed: dict[str, str] = {}  # old filter hash -> new
    for path in [p for p in files if _FILTER.match(p)]:
        name, values = unpack(files[path])
        values = sorted(values, key=lambda item: item[0].encode("utf-8"))  # by value, as Rust sorts strings
        value = [name, values]
        new_hash = f"{language}_{_hash(value)[:7]}"
        del out[path]
        new_path = f"filter/{new_hash}.pf_filter"
        if new_path in out:
            raise FormatError(f"two filter chunks would be called {new_path}")
        out[new_path] = pack(value)
        renamed[path[len("filter/") : -len(".pf_filter")]] = new_hash

    meta = unpack(files[meta_path])
    if not (isinstance(meta, list) and len(meta) >= 5):
        raise FormatError("unexpected metadata layout")
    meta[3] = sorted(([name, renamed.get(hash_, hash_)] for name, hash_ in meta[3]), key=lambda item: item[0].encode("utf-8"))
    meta[4] = sorted(meta[4], key=lambda item: item[0].encode("utf-8"))
    meta_hash = f"{language}_{_hash(meta)[:10]}"
    del out[meta_path]
    out[f"pagefind.{meta_hash}.pf_meta"] = pack(meta)

    entry = json.loads(files["pagefind-entry.json"])
    entry["languages"][language]["hash"] = meta_hash
    out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return out
