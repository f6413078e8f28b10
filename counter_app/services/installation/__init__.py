"""The installation: halls, clerks and their logins, connection URLs, the embedded server, the
move from one PC to a hall server, the batch login.
"""
