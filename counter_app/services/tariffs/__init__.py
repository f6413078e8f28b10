"""Tariffs as data, their administration and the price basis shown to a customer, and the
billing batch (migrations 0016, 0021).
"""
