"""Workstation delivery: the first-run database choice."""

from counter_app.ui.delivery.first_run import FirstRunDialog, run_first_run

__all__ = ["FirstRunDialog", "run_first_run"]
