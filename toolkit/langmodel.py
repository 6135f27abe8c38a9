"""The language identifier's model, unpacked once into the user's cache.

py3langid ships its model LZMA-compressed; unpacking it costs about half a
second of CPU at every run, more than the check itself and more than an
Apertium pipeline start. The unpacked arrays are written once under
:func:`toolkit.userdirs.cache_dir` as plain ``.npy`` files and memory-mapped
afterwards, so a run pays for the pages the check touches. The cache is
keyed by py3langid's version and the model file's size and time: an upgrade
unpacks again and removes the older copy. It is only an optimisation: when the cache cannot be read or
written (read-only home, full disk, a file from another version), the model
is loaded from the package as before.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from array import array
from importlib.metadata import version
from pathlib import Path

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "out")


def load_identifier():  # noqa: ANN201 - py3langid has no type hints
    """py3langid's identifier (probabilities normalised), from the cache when it can."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = Path(MODEL_DIR) / MODEL_FILE
    folder = _folder(model)
    if folder is not None:
        try:
            return _from_cache(folder, LanguageIdentifier)
        except (OSError, ValueError, KeyError):
            if (folder / "complete").exists():  # damaged: unpacked again below
                shutil.rmtree(folder, ignore_errors=True)
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if folder is not None:
        _store(folder, identifier)
    return identifier


def _folder(model: Path) -> Path | None:
    from .userdirs import cache_dir

    try:
        st = model.stat()
        return cache_dir() / f"langid-{version('py3langid')}-{st.st_size}-{st.st_mtime_ns}"
    except (OSError, ValueError):
        return None


def _from_cache(folder: Path, cls):  # noqa: ANN001, ANN202
    import numpy as np

    if not (folder / "complete").is_file():
        raise OSError("not cached yet")
    a = {k: np.load(folder / f"{k}.npy", mmap_mode="r", allow_pickle=False) for k in _ARRAYS}
    # py3langid walks its automaton with Python indexing, fastest on a stdlib array.
    nextmove = array("I" if a["nextmove"].dtype.itemsize == 4 else "H", a["nextmove"].tobytes())
    row = array("I" if a["row"].dtype.itemsize == 4 else "H", a["row"].tobytes())
    return cls(a["ptc"], np.asarray(a["pc"]), a["classes"].tolist(), nextmove,
               a["out"].tolist(), norm_probs=True, tk_row=row)


def _store(folder: Path, identifier) -> None:  # noqa: ANN001
    """Write the arrays into a fresh folder, renamed into place only once complete."""
    import numpy as np

    def unsigned(arr: array):  # noqa: ANN202
        return np.frombuffer(arr, dtype=np.uint32 if arr.itemsize == 4 else np.uint16)

    ptc, pc, classes = identifier._full_model
    arrays = {"ptc": np.asarray(ptc), "pc": np.asarray(pc), "classes": np.array(classes),
              "nextmove": unsigned(identifier.tk_nextmove), "row": unsigned(identifier.tk_row),
              "out": np.asarray(identifier.tk_output, dtype=np.int32)}
    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".langid-", dir=folder.parent))
        for key, arr in arrays.items():
            np.save(tmp / f"{key}.npy", arr, allow_pickle=False)
        (tmp / "complete").write_bytes(b"")
        os.replace(tmp, folder)
        tmp = None
        for old in folder.parent.glob("langid-*"):  # an earlier version's copy: 65 MB each
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass  # another run stored it first, or no room: the next run unpacks again
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
