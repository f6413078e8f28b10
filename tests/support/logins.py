"""The password of every throw-away login the tests create (tests/conftest.py)."""

LOGIN_PASSWORD = "pw-1234"

# The group roles every login belongs to (one per role of the app).
GROUP_ROLES = ("counter_clerk", "counter_supervisor", "counter_admin", "counter_batch")
