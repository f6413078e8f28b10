"""The clerk's day close (日结): open a shift, totals, count and close, report."""
