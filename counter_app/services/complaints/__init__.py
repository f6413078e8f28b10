"""Cases: complaints and their types, data-correction requests, outages and the consultation
guide (migration 0014).
"""
