"""Writing editors' files all or nothing.

Every new text is first written in full to a temporary file beside its
target and flushed to disk; only when all of them are on disk are the
targets replaced, each by one atomic rename. The old version of each
target is kept under a second name (a hard link, which needs no free
space) until every rename has succeeded, so that a failure part-way puts
back the files already replaced. A full disk, a read-only folder or a
killed process therefore never leaves an empty or half-written file.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


class WriteError(Exception):
    """Nothing was changed because a file could not be written; the message says which and why."""


def _fsync_folder(folder: Path) -> None:
    # A rename is durable only once the folder itself is flushed; some
    # systems cannot open a folder for that, which changes nothing else.
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _stage(target: Path, data: bytes) -> Path:
    """``data`` written and flushed to a new temporary file in ``target``'s folder."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    staged = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(staged, target.stat().st_mode & 0o7777 if target.exists() else _new_file_mode())
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


# Errors of file systems without hard links (some network shares, FAT).
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def _new_file_mode() -> int:
    """The mode a new file gets under the current umask, as an editor saving a file would give it."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _keep_original(target: Path) -> Path | None:
    """A second name for ``target``'s current content, or None if it has none yet."""
    if not target.exists():
        return None
    for attempt in range(100):
        backup = target.with_name(f".{target.name}.{os.getpid()}-{attempt}.orig")
        try:
            os.link(target, backup)
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
            shutil.copy2(target, backup)  # needs space, but keeps the same promise
        return backup
    raise FileExistsError(f"cannot name a backup of {target}")


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def replace_files(contents: Mapping[Path, bytes], display: Mapping[Path, str] | None = None) -> None:
    """Give every path in ``contents`` its new bytes, or leave every one as it was.

    ``display`` names the files in messages. Raises ``WriteError`` (after
    undoing what was done) if any file cannot be written.
    """
    names = dict(display or {})
    staged: dict[Path, Path] = {}
    kept: dict[Path, Path | None] = {}
    replaced: list[Path] = []
    try:
        for target, data in contents.items():
            try:
                staged[target] = _stage(target, data)
            except OSError as error:
                raise WriteError(f"cannot write {names.get(target, target)}: {_reason(error)}; nothing was changed") from None
        for target in contents:
            try:
                kept[target] = _keep_original(target)
                os.replace(staged[target], target)
                replaced.append(target)
                del staged[target]
            except OSError as error:
                stuck = _restore(replaced, kept)
                message = f"cannot replace {names.get(target, target)}: {_reason(error)}"
                if stuck:
                    for path in stuck:
                        kept.pop(path)
                    raise WriteError(
                        f"{message}; could not put back "
                        + ", ".join(f"{names.get(path, path)} (its old text is in {backup.name})" for path, backup in stuck.items())
                    ) from None
                raise WriteError(f"{message}; nothing was changed") from None
            except BaseException:
                # Interrupted (Ctrl-C): put back what was replaced before giving up.
                _restore(replaced, kept)
                raise
        for folder in {target.parent for target in contents}:
            _fsync_folder(folder)
    finally:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        for backup in kept.values():
            if backup is not None:
                backup.unlink(missing_ok=True)


def _restore(replaced: list[Path], kept: Mapping[Path, Path | None]) -> dict[Path, Path]:
    """Put back the old content of every file in ``replaced`` by renaming its kept second name.

    Returns the files that could not be put back, with the name that still holds their old content.
    """
    stuck: dict[Path, Path] = {}
    for target in reversed(replaced):
        backup = kept.get(target)
        try:
            if backup is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(backup, target)
        except OSError:
            if backup is not None:
                stuck[target] = backup
    for folder in {target.parent for target in replaced}:
        _fsync_folder(folder)
    return stuck


def create_file(target: Path, data: bytes, display: str) -> None:
    """Write a new file at ``target`` whole or not at all; raises ``WriteError`` if it exists or cannot be written."""
    try:
        staged = _stage(target, data)
    except OSError as error:
        raise WriteError(f"cannot write {display}: {_reason(error)}; nothing was written") from None
    try:
        # A hard link fails if the name is taken, so a file created meanwhile is never overwritten.
        os.link(staged, target)
    except FileExistsError:
        raise WriteError(f"{display} already exists; choose another id") from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS or target.exists():
            raise WriteError(f"cannot write {display}: {_reason(error)}; nothing was written") from None
        try:
            os.replace(staged, target)
        except OSError as replace_error:
            raise WriteError(f"cannot write {display}: {_reason(replace_error)}; nothing was written") from None
    finally:
        staged.unlink(missing_ok=True)
    _fsync_folder(target.parent)
