"""Content-addressed file store: archive/sha256/ab/cd/<sha256>.

A file is written to archive/tmp, fsynced, then renamed into place, so a crash leaves at
worst a temp file (swept on the next write session), never a partial archived file.
Archived files are made read-only; nothing in cotejo opens them for writing again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

_HEX = frozenset("0123456789abcdef")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_sha256(value: str) -> bool:
    return len(value) == 64 and set(value) <= _HEX


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "sha256"
        self.tmp = root / "tmp"

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.objects / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes, sha256: str | None = None) -> tuple[str, bool]:
        """Archive `data`; return (sha256, whether a new file was written). A caller that has
        just hashed the bytes passes the digest, so they are not hashed twice."""
        digest = sha256 or sha256_of(data)
        target = self.path_for(digest)
        if target.is_file():
            return digest, False
        target.parent.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp, prefix=digest[:16] + ".")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp_name, 0o444)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
        return digest, True

    def rehash(self, sha256: str) -> str | None:
        """The SHA-256 of the archived file as it is now, or None if it is missing."""
        path = self.path_for(sha256)
        if not path.is_file():
            return None
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def stored(self) -> Iterator[str]:
        """Every name in the object folders (names that are not digests are yielded too)."""
        if not self.objects.is_dir():
            return
        for path in sorted(self.objects.glob("*/*/*")):
            yield path.name

    def leftovers(self) -> list[Path]:
        return sorted(self.tmp.glob("*")) if self.tmp.is_dir() else []

    def sweep(self) -> int:
        """Remove temp files left by an interrupted write. Call only under the write lock."""
        removed = 0
        for path in self.leftovers():
            path.unlink(missing_ok=True)
            removed += 1
        return removed


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
