"""Find input files: walk folders recursively, in a stable order, without leaving them.

Hidden files, the registry file and patterns in a root's `.cotejoignore` are left out.
A symlink whose target lies outside its input folder, and a file over the size limit, are
reported as failures; they are never read.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cotejo.ingest.document import ReadFailure, Skipped
from cotejo.ingest.sources import REGISTRY_FILE

IGNORE_FILE = ".cotejoignore"


@dataclass(frozen=True)
class InputFile:
    path: Path  # the real file to read
    display: str  # how messages name it: the path as given, joined with the relative path
    size: int


def _ignore_patterns(root: Path) -> tuple[str, ...]:
    ignore = root / IGNORE_FILE
    if not ignore.is_file():
        return ()
    lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
    return tuple(p.strip().rstrip("/") for p in lines if p.strip() and not p.startswith("#"))


def _ignored(relative: str, patterns: tuple[str, ...]) -> bool:
    # A pattern that names a folder ("drafts/", "2024/raw") ignores every file inside it.
    parts = relative.split("/")
    candidates = {"/".join(parts[:end]) for end in range(1, len(parts) + 1)} | set(parts)
    return any(fnmatch.fnmatch(c, p) for c in candidates for p in patterns)


def _size_failure(display: str, size: int, max_bytes: int) -> ReadFailure:
    return ReadFailure(
        display,
        f"{size} bytes",
        f"file is larger than the {max_bytes}-byte limit",
        "split it, or raise the limit with --max-bytes or COTEJO_MAX_BYTES",
    )


def _check(
    path: Path, display: str, root: Path, max_bytes: int
) -> InputFile | ReadFailure | Skipped:
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return ReadFailure(
                display,
                "symlink",
                f"points outside the input folder (to {target})",
                "copy the file into the folder if you mean to ingest it",
            )
        if not target.is_file():
            return Skipped(
                display, "symlink", "symlink to a folder or missing file is not followed"
            )
        path = target
    size = path.stat().st_size
    if size > max_bytes:
        return _size_failure(display, size, max_bytes)
    return InputFile(path=path, display=display, size=size)


def walk(inputs: list[Path], max_bytes: int) -> Iterator[InputFile | ReadFailure | Skipped]:
    for given in inputs:
        if not given.exists() and not given.is_symlink():
            yield ReadFailure(str(given), "", "no such file or folder", "check the path")
            continue
        if not given.is_dir():
            yield _check(given, str(given), given.resolve().parent, max_bytes)
            continue
        root = given.resolve()
        patterns = _ignore_patterns(root)
        for folder, dirs, files in os.walk(root, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            rel_folder = os.path.relpath(folder, root)
            for file_name in sorted(files):
                relative = file_name if rel_folder == "." else f"{rel_folder}/{file_name}"
                if file_name.startswith(".") or file_name == REGISTRY_FILE:
                    continue
                display = str(given / relative)
                if _ignored(relative, patterns):
                    yield Skipped(display, "", f"matches {IGNORE_FILE}")
                    continue
                yield _check(Path(folder) / file_name, display, root, max_bytes)
        for d in sorted(p for p in root.rglob("*") if p.is_symlink() and p.is_dir()):
            yield Skipped(str(d), "symlink", "symlinked folders are not followed")
