"""Low-income relief: the application form checks, registration and the register queries.
Rules: the relief rule is data (domain/relief.py); the server re-checks (migration 0013).
"""
