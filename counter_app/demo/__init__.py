"""Demo utility: a believable 嘉祥县 water utility for trying Counter out.

``seed_demo(db, accounts=N, months=M, seed=S)`` fills an empty database with
reference data (halls, areas, tariffs, relief rule, receipt series, demo
clerks), accounts with meters, readings and bills, payments in the demo
clerks' shifts, prepayment balances, relief holders and complaints. Same
seed and end period ⇒ same data. See :mod:`counter_app.demo.seed`.
"""

from .reference import DEMO_CLERKS, DEMO_PASSWORD, DemoClerk
from .seed import MAX_MONTHS, SeedReport, seed_demo

__all__ = ["DEMO_CLERKS", "DEMO_PASSWORD", "MAX_MONTHS", "DemoClerk", "SeedReport", "seed_demo"]
