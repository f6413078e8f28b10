"""The password of every throw-away login the tests create (tests/conftest.py)."""

LOGIN_PASSWORD = "pw-1234"
