"""Where bilat keeps its store, and other settings read from the environment.

``BILAT_HOME`` overrides the store location (tests and CI point it at a temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DATA = Path(__file__).parent / "data"
EMBEDDED_DIR = PACKAGE_DATA / "embedded"


def bilat_home() -> Path:
    """The store folder: ``$BILAT_HOME`` if set, else the user's data directory."""
    env = os.environ.get("BILAT_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("bilat", appauthor=False))
