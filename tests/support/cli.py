"""Running counter-admin in-process for the CLI tests."""

from __future__ import annotations

from counter_app.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
