"""Where the toolkit keeps a user's own data (models, glossaries) and its cache: XDG rules,
env overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (the XDG default on every platform we run on)."""
    env = os.environ if env is None else env
    if env.get("XDG_DATA_HOME"):
        return Path(env["XDG_DATA_HOME"])
    home = env.get("HOME")
    return (Path(home) if home else Path.home()) / ".local" / "share"


def toolkit_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The toolkit's own folder of user data: ``$TOOLKIT_DATA_DIR`` or ``<data home>/toolkit``."""
    env = os.environ if env is None else env
    if env.get("TOOLKIT_DATA_DIR"):
        return Path(env["TOOLKIT_DATA_DIR"])
    return data_home(env) / "toolkit"


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """What the toolkit may rebuild at will: ``$TOOLKIT_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/toolkit``, else ``~/.cache/toolkit``."""
    env = os.environ if env is None else env
    if env.get("TOOLKIT_CACHE_DIR"):
        return Path(env["TOOLKIT_CACHE_DIR"])
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "toolkit"
    home = env.get("HOME")
    return (Path(home) if home else Path.home()) / ".cache" / "toolkit"
