"""Entry script of the PyInstaller bundle (the ``counter-app`` GUI entry point)."""

import sys

from counter_app.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
