"""Helpers shared by the test modules (a test module never imports another).

Fixtures pytest must find stay in conftest.py files, which import them from here."""
