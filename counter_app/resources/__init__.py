"""Bundled resources: CJK font, translations, icons.

Installed as the package ``counter_app.resources`` (see pyproject.toml).
"""

from __future__ import annotations

from importlib import resources as _resources
from pathlib import Path

FONT_FILE = "fonts/wqy-microhei.ttc"


def resource_path(relative: str) -> Path:
    """Absolute path of a bundled resource file."""
    return Path(str(_resources.files(__name__).joinpath(relative)))
