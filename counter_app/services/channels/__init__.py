"""Money that does not pass the counter: channel payments, online files, bank withholding
(migrations 0022, 0023; docs/rules/withholding.md).
"""
