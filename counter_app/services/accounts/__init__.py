"""The account: search, the screen and its history, records, reveal, the ledger and the archive
number. Rules: docs/architecture.md (search, archive numbers).
"""
